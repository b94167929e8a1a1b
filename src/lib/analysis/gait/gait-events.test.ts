import { describe, expect, it } from 'vitest';
import { assignAlternatingSides, refineExtremum } from './gait-events';

describe('refineExtremum', () => {
  it('finds the vertex of a sampled parabola between samples', () => {
    const x = [0, 1, 2, 3, 4].map((i) => -((i - 2.3) ** 2));
    expect(refineExtremum(x, 2)).toBeCloseTo(2.3, 10);
  });
  it('keeps the sample when a neighbour is missing', () => {
    expect(refineExtremum([NaN, 1, 0], 1)).toBe(1);
  });
});

describe('assignAlternatingSides', () => {
  const signal = new Float64Array(200).fill(0);
  it('alternates by majority vote: one wrong vote (a swapped frame at a strike) is overruled', () => {
    const samples = [10, 30, 50, 70, 90];
    const votes = [1, -1, -1, -1, 1]; // third vote is wrong
    const sides = assignAlternatingSides(samples, votes, signal, 30).map((s) => s.side);
    expect(sides).toEqual(['left', 'right', 'left', 'right', 'left']);
  });
  it('starts a new run after a gap longer than a plausible step', () => {
    const samples = [10, 30, 150, 170];
    const votes = [1, -1, 1, -1];
    const strikes = assignAlternatingSides(samples, votes, signal, 30);
    expect(strikes.map((s) => s.run)).toEqual([0, 0, 1, 1]);
    expect(strikes.map((s) => s.side)).toEqual(['left', 'right', 'left', 'right']);
  });
  it('breaks a run where the signal is missing', () => {
    const gappy = new Float64Array(200).fill(0);
    gappy[40] = NaN;
    const strikes = assignAlternatingSides([10, 30, 50], [1, -1, 1], gappy, 30);
    expect(strikes.map((s) => s.run)).toEqual([0, 0, 1]);
  });
});
