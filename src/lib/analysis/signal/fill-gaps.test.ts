import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillGaps } from './fill-gaps';

describe('fillGaps', () => {
  it('fills interior gaps up to maxGapSamples linearly, keeps longer and edge gaps NaN', () => {
    expect(Array.from(fillGaps([0, NaN, NaN, 3, NaN], 2))).toEqual([0, 1, 2, 3, NaN]);
    expect(Array.from(fillGaps([0, NaN, NaN, 3], 1))).toEqual([0, NaN, NaN, 3]);
    expect(Array.from(fillGaps([NaN, 1, NaN, 3, NaN, NaN, NaN, 7], 2))).toEqual([
      NaN,
      1,
      2,
      3,
      NaN,
      NaN,
      NaN,
      7
    ]);
    expect(Array.from(fillGaps([1, NaN, NaN, NaN, 5], Infinity))).toEqual([1, 2, 3, 4, 5]);
  });

  it('treats ±Infinity as missing', () => {
    expect(Array.from(fillGaps([0, Infinity, 2], 1))).toEqual([0, 1, 2]);
  });

  it('never changes present samples and leaves no NaN inside a short gap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constant(NaN)), {
          maxLength: 60
        }),
        fc.integer({ min: 0, max: 5 }),
        (x, maxGap) => {
          const y = fillGaps(x, maxGap);
          expect(y).toHaveLength(x.length);
          x.forEach((v, i) => {
            if (!Number.isNaN(v)) expect(y[i]).toBe(v);
          });
          // a filled sample lies between its gap's two neighbours
          y.forEach((v, i) => {
            if (Number.isNaN(x[i]) && !Number.isNaN(v)) {
              let l = i,
                r = i;
              while (Number.isNaN(x[l])) l--;
              while (Number.isNaN(x[r])) r++;
              expect(r - l - 1).toBeLessThanOrEqual(maxGap);
              expect(v).toBeGreaterThanOrEqual(Math.min(x[l], x[r]) - 1e-9);
              expect(v).toBeLessThanOrEqual(Math.max(x[l], x[r]) + 1e-9);
            }
          });
        }
      )
    );
  });

  it('does not mutate its input; rejects a negative or NaN maxGapSamples', () => {
    const x = [1, NaN, 3];
    fillGaps(x, 1);
    expect(x).toEqual([1, NaN, 3]);
    expect(() => fillGaps(x, -1)).toThrow(RangeError);
    expect(() => fillGaps(x, NaN)).toThrow(/maxGapSamples/);
  });
});
