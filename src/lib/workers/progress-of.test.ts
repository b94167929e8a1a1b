import { describe, expect, it } from 'vitest';
import { progressOf } from './progress-of';

describe('progressOf', () => {
  it('estimates the time left from the frame count when the container gives one', () => {
    const p = progressOf(100, 300, 4000);
    expect(p.fps).toBeCloseTo(25);
    expect(p.etaMs).toBeCloseTo(8000);
  });

  it('estimates the time left from media time when the frame count is unknown (WebM)', () => {
    // 2 s of a 10-s clip done in 4 s of work: 8 s of media left at the same pace = 16 s.
    const p = progressOf(60, null, 4000, { doneMs: 2000, durationMs: 10_000 });
    expect(p.framesTotal).toBeNull();
    expect(p.etaMs).toBeCloseTo(16_000);
  });

  it('gives no ETA when neither the frame count nor the duration is known', () => {
    expect(progressOf(10, null, 1000, { doneMs: 300, durationMs: 0 }).etaMs).toBeNull();
    expect(progressOf(0, null, 0).etaMs).toBeNull();
  });
});
