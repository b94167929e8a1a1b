import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean } from './mean';

describe('mean', () => {
  it('averages the present samples, NaN when none', () => {
    expect(mean([1, 2, NaN, 6])).toBe(3);
    expect(mean([Infinity, 4])).toBe(4);
    expect(mean([])).toBeNaN();
    expect(mean([NaN])).toBeNaN();
  });

  it('lies between the minimum and the maximum', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (x) => {
        expect(mean(x)).toBeGreaterThanOrEqual(Math.min(...x) - 1e-6);
        expect(mean(x)).toBeLessThanOrEqual(Math.max(...x) + 1e-6);
      })
    );
  });
});
