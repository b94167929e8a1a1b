/**
 * Time ↔ frame ↔ sample lookups shared by the overlay, the key frames and the charts.
 * `frame` indexes `LandmarkSeries.frames` (original, possibly variable rate); `sample` indexes the
 * analysis' uniform `GaitTimeline` (see `gait/types.ts`).
 */
import { LEG_PARTS, sideIndex, type Side } from '$lib/analysis/landmarks';
import type { GaitTimeline } from '$lib/analysis/gait/types';
import type { Pose, PoseFrame } from '$lib/analysis/series';

/**
 * Index of the frame whose `tMs` is nearest to `tMs` (frames sorted by strictly increasing `tMs`).
 * @throws {RangeError} when there are no frames.
 */
export function frameAtTime(frames: readonly PoseFrame[], tMs: number): number {
  if (frames.length === 0) throw new RangeError('frameAtTime: the series has no frames');
  let lo = 0;
  let hi = frames.length - 1;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (frames[m].tMs < tMs) lo = m + 1;
    else hi = m;
  }
  if (lo > 0 && Math.abs(frames[lo - 1].tMs - tMs) <= Math.abs(frames[lo].tMs - tMs)) return lo - 1;
  return lo;
}

/** Nearest timeline sample to `tMs`, clamped to the timeline; -1 for an empty timeline. */
export function sampleAtTime(timeline: GaitTimeline, tMs: number): number {
  if (timeline.length === 0) return -1;
  const i = Math.round(((tMs - timeline.t0Ms) * timeline.sampleRateHz) / 1000);
  return Math.min(timeline.length - 1, Math.max(0, i));
}

/** Time of a timeline sample, ms. */
export function sampleTimeMs(timeline: GaitTimeline, sample: number): number {
  return timeline.t0Ms + (sample * 1000) / timeline.sampleRateHz;
}

/**
 * The pose with the analysis' left/right leg correction applied, for drawing: the leg chains
 * (hip, knee, ankle, heel, foot index) are exchanged when `swapped`, and a `collapsed` leg is hidden
 * (visibility 0). Returns a new pose; the input is not modified.
 */
export function correctLegs(pose: Pose, swapped: boolean, collapsed: Side | null): Pose {
  if (!swapped && collapsed === null) return pose;
  const image = pose.image.slice();
  const world = pose.world.slice();
  if (swapped) {
    for (const part of LEG_PARTS) {
      const l = sideIndex('left', part);
      const r = sideIndex('right', part);
      [image[l], image[r]] = [pose.image[r], pose.image[l]];
      [world[l], world[r]] = [pose.world[r], pose.world[l]];
    }
  }
  if (collapsed !== null) {
    for (const part of LEG_PARTS) {
      const i = sideIndex(collapsed, part);
      image[i] = { ...image[i], visibility: 0 };
    }
  }
  return { image, world };
}
