import { describe, expect, it } from 'vitest';
import { readAhead } from './read-ahead';

/** A source that records how far it has been pulled. */
function counting(n: number, failAt = -1) {
  const state = { pulled: 0, returned: false };
  async function* gen() {
    try {
      for (let i = 0; i < n; i++) {
        state.pulled = i + 1;
        if (i === failAt) throw new Error(`bad item ${i}`);
        yield i;
      }
    } finally {
      state.returned = true;
    }
  }
  return { it: gen(), state };
}

describe('readAhead', () => {
  it('yields every item in order', async () => {
    const { it: src } = counting(7);
    const out: number[] = [];
    for await (const x of readAhead(src, 3)) out.push(x);
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('has pulled items ahead of the consumer while it works on one', async () => {
    const { it: src, state } = counting(10);
    const g = readAhead(src, 3);
    await g.next();
    await new Promise((r) => setTimeout(r, 0));
    expect(state.pulled).toBeGreaterThanOrEqual(3);
    await g.return();
  });

  it('discards pulled-ahead items and closes the source when the consumer stops early', async () => {
    const { it: src, state } = counting(10);
    const discarded: number[] = [];
    for await (const x of readAhead(src, 2, (d) => discarded.push(d))) if (x === 1) break;
    expect(discarded.length).toBeGreaterThan(0);
    expect(discarded.every((d) => d > 1)).toBe(true);
    expect(state.returned).toBe(true);
  });

  it('surfaces a source error at the item where it happened', async () => {
    const { it: src } = counting(5, 2);
    const out: number[] = [];
    await expect(
      (async () => {
        for await (const x of readAhead(src, 3)) out.push(x);
      })()
    ).rejects.toThrow('bad item 2');
    expect(out).toEqual([0, 1]);
  });

  it('rejects a depth below 1', async () => {
    await expect(readAhead(counting(1).it, 0).next()).rejects.toThrow(RangeError);
  });
});
