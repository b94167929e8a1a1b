import { describe, expect, it } from 'vitest';
import { analysedFrameCount, frameRateCap } from './frame-rate';

/** Indices of the frames kept out of `n` frames at `fps` (times jittered by `jitter(i)` ms). */
function kept(fps: number, n: number, maxFps: number, jitter = (_i: number) => 0): number[] {
  const keep = frameRateCap(maxFps);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep((i * 1000) / fps + jitter(i))) out.push(i);
  return out;
}

describe('frameRateCap', () => {
  it('keeps every other frame of a 60-fps clip, every fourth at 120 fps', () => {
    expect(kept(60, 10, 30)).toEqual([0, 2, 4, 6, 8]);
    expect(kept(120, 12, 30)).toEqual([0, 4, 8]);
  });

  it('keeps every frame at 30 fps and below, even with jittery frame times', () => {
    expect(kept(30, 60, 30)).toHaveLength(60);
    expect(kept(24, 48, 30)).toHaveLength(48);
    expect(kept(30, 300, 30, (i) => (i % 3 === 0 ? 3 : i % 3 === 1 ? -3 : 0))).toHaveLength(300);
  });

  it('never analyses more than 30 frames in a second above 40 fps; up to 40 fps keeps every frame', () => {
    expect(kept(40, 80, 30)).toHaveLength(80);
    for (const fps of [45, 50, 59.94, 60, 90, 120, 240]) {
      const idx = kept(fps, Math.round(fps * 4), 30, (i) => ((i * 7919) % 5) * 0.3);
      const times = idx.map((i) => i / fps);
      for (const t of times)
        expect(times.filter((u) => u >= t && u < t + 0.999).length).toBeLessThanOrEqual(30);
      expect(idx.length / 4).toBeGreaterThanOrEqual(22);
    }
  });

  it('keeps a 60-fps clip whose intervals wander by a millisecond at every other frame', () => {
    const idx = kept(60, 120, 30, (i) => (i % 2 ? 1.2 : -0.8));
    expect(idx).toEqual(Array.from({ length: 60 }, (_, i) => 2 * i));
  });

  it('keeps everything when the cap is off', () => {
    expect(kept(60, 10, 0)).toHaveLength(10);
  });
});

describe('analysedFrameCount', () => {
  it('halves a 60-fps count, gives 30 a second for 50 fps and leaves a 30-fps one', () => {
    expect(analysedFrameCount(500, 10_000, 30)).toBe(300);
    expect(analysedFrameCount(600, 10_000, 30)).toBe(300);
    expect(analysedFrameCount(300, 10_000, 30)).toBe(300);
    expect(analysedFrameCount(1200, 10_000, 30)).toBe(300);
    expect(analysedFrameCount(600, 10_000, 0)).toBe(600);
    expect(analysedFrameCount(null, 10_000, 30)).toBeNull();
  });
});

describe('frameRateCap from any starting frame', () => {
  it('keeps the frames one reader of the whole clip keeps, from the second frame after its start', () => {
    for (const fps of [50, 59.94, 60, 120]) {
      const whole = kept(fps, Math.round(fps * 3), 30);
      for (const start of [1, 7, 33, 61]) {
        const keep = frameRateCap(30);
        const n = Math.round(fps * 3);
        const late: number[] = [];
        for (let i = start; i < n; i++) if (keep((i * 1000) / fps)) late.push(i);
        // the stretch's first frame is always kept (it may be off the clip's grid); from the next on, the same
        expect(late.slice(1).filter((i) => i > start + 1)).toEqual(whole.filter((i) => i > start + 1));
      }
    }
  });
});
