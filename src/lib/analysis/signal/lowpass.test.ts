import { describe, expect, it } from 'vitest';
import { lowpass } from './lowpass';

describe('lowpass', () => {
  it('removes 12 Hz jitter from a 1 Hz gait-like signal at 30 fps with no lag', () => {
    const fs = 30;
    const clean = Array.from({ length: 300 }, (_, i) => 100 * Math.sin((2 * Math.PI * i) / fs));
    const noisy = clean.map((v, i) => v + 10 * Math.sin((2 * Math.PI * 12 * i) / fs));
    const y = lowpass(noisy, 6, fs);
    // 12 Hz is an octave above the cut-off; the forward–backward gain there is |H|² ≈ 1e-5
    for (let i = 30; i < 270; i++) expect(Math.abs(y[i] - clean[i])).toBeLessThan(0.05);
  });

  it('keeps NaN gaps and rejects a cut-off at or above Nyquist', () => {
    const y = lowpass([1, 2, 3, NaN, 4, 5, 6], 6, 30);
    expect(y[3]).toBeNaN();
    expect(() => lowpass([1, 2, 3], 15, 30)).toThrow(RangeError);
    expect(() => lowpass([1, 2, 3], 6, 30, 0)).toThrow(/order/);
  });
});
