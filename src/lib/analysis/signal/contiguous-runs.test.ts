import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contiguousRuns } from './contiguous-runs';

describe('contiguousRuns', () => {
  it('lists the non-NaN stretches, end exclusive, optionally only the long ones', () => {
    expect(contiguousRuns([NaN, 1, 2, NaN, 3])).toEqual([
      { start: 1, end: 3 },
      { start: 4, end: 5 }
    ]);
    expect(contiguousRuns([NaN, 1, 2, NaN, 3], 2)).toEqual([{ start: 1, end: 3 }]);
    expect(contiguousRuns([1, -Infinity, 0])).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 3 }
    ]);
    expect(contiguousRuns([])).toEqual([]);
    expect(contiguousRuns([NaN])).toEqual([]);
  });

  it('covers exactly the present samples, in order, without overlap', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.constant(NaN)), { maxLength: 50 }), (x) => {
        const covered = new Array(x.length).fill(false);
        let prevEnd = -1;
        for (const { start, end } of contiguousRuns(x)) {
          expect(start).toBeGreaterThan(prevEnd);
          for (let i = start; i < end; i++) covered[i] = true;
          prevEnd = end;
        }
        covered.forEach((c, i) => expect(c).toBe(Number.isFinite(x[i])));
      })
    );
  });

  it('rejects a minLength that is not an integer ≥ 1', () => {
    expect(() => contiguousRuns([1], 0)).toThrow(RangeError);
    expect(() => contiguousRuns([1], 1.5)).toThrow(/minLength/);
  });
});
