import { describe, expect, it } from 'vitest';
import {
  MAX_POSE_WORKERS,
  MIN_SEGMENT_MS,
  OPENING_STRETCH_MS,
  poseWorkerCount,
  SEAM_OVERLAP_MS,
  segmentsOf,
  stitchSegments
} from './time-segments';
import type { PoseCandidates } from './pose-types';

describe('poseWorkerCount', () => {
  it('gives one worker per core up to the cap, fewer on small memory', () => {
    expect([1, 2, 4, 8, 16].map((c) => poseWorkerCount(c, undefined))).toEqual([1, 2, 4, 4, 4]);
    expect(poseWorkerCount(8, 8)).toBe(MAX_POSE_WORKERS);
    expect(poseWorkerCount(8, 4)).toBe(2);
    expect(poseWorkerCount(8, 2)).toBe(1);
    expect(poseWorkerCount(8, 0.5)).toBe(1);
    expect(poseWorkerCount(undefined, undefined)).toBe(1);
  });
});

describe('segmentsOf', () => {
  it('covers the clip once, in order, each stretch decoded from an overlap before it, with equal work', () => {
    for (const [durationMs, workers] of [
      [10_000, 2],
      [10_000, 4],
      [60_000, 3],
      [120_000, 8]
    ]) {
      const s = segmentsOf(durationMs, workers);
      expect(s.length).toBeGreaterThan(1);
      expect(s.length).toBeLessThanOrEqual(Math.min(workers, MAX_POSE_WORKERS));
      expect(s[0].keepFromMs).toBe(-Infinity);
      expect(s[0].decodeFromMs).toBe(0);
      expect(s[0].keepToMs).toBeGreaterThanOrEqual(OPENING_STRETCH_MS);
      expect(s[s.length - 1].keepToMs).toBe(Infinity);
      const posedMs = s.map((x) => Math.min(x.keepToMs, durationMs) - x.decodeFromMs);
      for (let k = 1; k < s.length; k++) {
        expect(s[k].keepFromMs).toBe(s[k - 1].keepToMs);
        expect(s[k].decodeFromMs).toBe(s[k].keepFromMs - SEAM_OVERLAP_MS);
        expect(s[k].keepToMs - s[k].keepFromMs).toBeGreaterThanOrEqual(MIN_SEGMENT_MS - 1e-9);
        expect(posedMs[k]).toBeCloseTo(posedMs[0], 6);
      }
    }
  });

  it('cuts a 10-s clip for two workers at 5.25 s, a 3.7-s one after the opening, and leaves 3.6 s whole', () => {
    expect(segmentsOf(10_000, 2).map((x) => x.keepToMs)).toEqual([5_250, Infinity]);
    expect(segmentsOf(3_700, 2).map((x) => x.keepToMs)).toEqual([OPENING_STRETCH_MS, Infinity]);
    expect(segmentsOf(3_600, 2)).toHaveLength(1);
  });

  it('keeps short clips and clips of unknown length in one stretch', () => {
    expect(segmentsOf(2_900, 4)).toHaveLength(1);
    expect(segmentsOf(Number.NaN, 4)).toHaveLength(1);
    expect(segmentsOf(0, 4)).toHaveLength(1);
    expect(segmentsOf(10_000, 1)).toEqual([{ decodeFromMs: 0, keepFromMs: -Infinity, keepToMs: Infinity }]);
  });
});

describe('stitchSegments', () => {
  const part = (tMs: number[], widthPx = 960): PoseCandidates => ({
    widthPx,
    heightPx: 540,
    tMs,
    candidates: tMs.map(() => [])
  });

  it('joins the stretches in order with strictly increasing times, dropping a repeated seam frame', () => {
    const s = stitchSegments([part([0, 33, 67]), part([67, 100, 133]), part([167])]);
    expect(s.tMs).toEqual([0, 33, 67, 100, 133, 167]);
    expect(s.candidates).toHaveLength(6);
  });

  it('takes the frame size from the first stretch with frames', () => {
    expect(stitchSegments([part([], 0), part([10], 1280)]).widthPx).toBe(1280);
  });
});
