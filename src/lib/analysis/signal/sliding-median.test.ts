import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median } from './median';
import { slidingMedian } from './sliding-median';

describe('slidingMedian', () => {
  it('gives the median of every clipped centred window, skipping missing samples', () => {
    expect(Array.from(slidingMedian([3, 1, NaN, 2, 10], 1))).toEqual([2, 2, 1.5, 6, 6]);
    expect(Array.from(slidingMedian([NaN, NaN], 1))).toEqual([NaN, NaN]);
  });

  it('equals median() on each window, for any series and width', () => {
    const sample = fc.oneof(
      fc.double({ min: -1e3, max: 1e3, noNaN: true }),
      fc.constant(NaN),
      fc.constant(5)
    );
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 80 }), fc.integer({ min: 0, max: 12 }), (values, half) => {
        const got = slidingMedian(values, half);
        values.forEach((_, i) => {
          const want = median(values.slice(Math.max(0, i - half), Math.min(values.length, i + half + 1)));
          expect(Object.is(got[i], want) || got[i] === want).toBe(true);
        });
      })
    );
  });

  it('refuses a width that is not a whole number of samples', () => {
    expect(() => slidingMedian([1, 2], 0.5)).toThrow(RangeError);
  });
});
