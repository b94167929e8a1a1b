import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile } from './quantile';

describe('quantile', () => {
  it('matches NumPy quantile (linear, definition 7)', () => {
    // numpy.quantile([1, 2, 3, 4], [0, 0.25, 0.5, 0.9, 1]) = [1, 1.75, 2.5, 3.7, 4]
    expect(quantile([4, 2, 3, 1], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantile([1, NaN, 2, 3, 4], 1)).toBe(4);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('is monotone in p and bounded by the extremes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, p, q) => {
          const [lo, hi] = p < q ? [p, q] : [q, p];
          expect(quantile(x, lo)).toBeLessThanOrEqual(quantile(x, hi) + 1e-9);
          expect(quantile(x, lo)).toBeGreaterThanOrEqual(Math.min(...x));
          expect(quantile(x, hi)).toBeLessThanOrEqual(Math.max(...x));
        }
      )
    );
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
    expect(() => quantile([1], -0.1)).toThrow(RangeError);
    expect(() => quantile([1], NaN)).toThrow(/p must be/);
  });
});
