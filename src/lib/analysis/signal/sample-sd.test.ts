import { describe, expect, it } from 'vitest';
import { sampleSd } from './sample-sd';

describe('sampleSd', () => {
  it('matches NumPy std(ddof=1) and skips NaN', () => {
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935299395, 14);
    expect(sampleSd([3, NaN, 5])).toBeCloseTo(Math.SQRT2, 14);
    expect(sampleSd([7, 7, 7])).toBe(0);
  });

  it('is NaN with fewer than two present samples', () => {
    expect(sampleSd([])).toBeNaN();
    expect(sampleSd([3, NaN])).toBeNaN();
  });
});
