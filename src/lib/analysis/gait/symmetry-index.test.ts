import { describe, expect, it } from 'vitest';
import { symmetryIndexPct } from './symmetry-index';

describe('symmetryIndexPct (Robinson 1987)', () => {
  it('is 0 for equal sides and matches the definition |R−L| / (0.5(R+L)) × 100', () => {
    expect(symmetryIndexPct(0.77, 0.77)).toBe(0);
    expect(symmetryIndexPct(0.8, 0.72)).toBeCloseTo((0.08 / 0.76) * 100, 10);
    expect(symmetryIndexPct(1.1, 0.9)).toBeCloseTo(20, 10);
  });
  it('does not depend on which side is larger', () => {
    expect(symmetryIndexPct(0.6, 0.5)).toBe(symmetryIndexPct(0.5, 0.6));
  });
  it('is NaN for missing or non-positive totals', () => {
    expect(symmetryIndexPct(NaN, 1)).toBeNaN();
    expect(symmetryIndexPct(0, 0)).toBeNaN();
  });
});
