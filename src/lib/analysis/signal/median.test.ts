import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median } from './median';

describe('median', () => {
  it('takes the middle sample or the mean of the two middle ones, skipping NaN', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([3, 1, NaN, 2, 10])).toBe(2.5);
    expect(median([NaN, Infinity])).toBeNaN();
  });

  it('does not depend on order and does not sort its input in place', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1 }), (x) => {
        const copy = [...x];
        expect(median([...x].reverse())).toBe(median(x));
        expect(x).toEqual(copy);
      })
    );
  });
});
