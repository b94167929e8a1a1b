/**
 * Conversions between the uniform analysis timeline and the original frames: the one home of sample ↔ time ↔
 * frame. `frame` indexes `LandmarkSeries.frames` (original, possibly variable rate); `sample` indexes the
 * uniform `GaitTimeline` (sample i at t0 + i / rate).
 */
import type { GaitTimeline } from './types';

/** Linear interpolation of `x` at a fractional sample position; `NaN` outside or next to a missing sample. */
export function valueAt(x: ArrayLike<number>, position: number): number {
  const i = Math.floor(position);
  if (i < 0 || i >= x.length) return NaN;
  const u = position - i;
  if (u === 0) return x[i];
  if (i + 1 >= x.length) return NaN;
  return x[i] + (x[i + 1] - x[i]) * u;
}

/** Time of a fractional sample position, ms. */
export function sampleToMs(position: number, t0Ms: number, sampleRateHz: number): number {
  return t0Ms + (position * 1000) / sampleRateHz;
}

/** Fractional timeline position of time `tMs` (inverse of {@link sampleToMs}). */
export function msToSample(tMs: number, t0Ms: number, sampleRateHz: number): number {
  return ((tMs - t0Ms) * sampleRateHz) / 1000;
}

/** Nearest sample of a timeline to `tMs`, clamped to the timeline; -1 for an empty timeline. */
export function sampleAtTime(timeline: GaitTimeline, tMs: number): number {
  if (timeline.length === 0) return -1;
  const i = Math.round(msToSample(tMs, timeline.t0Ms, timeline.sampleRateHz));
  return Math.min(timeline.length - 1, Math.max(0, i));
}

/** Index of the original frame whose time is nearest `tMs` (binary search over increasing `frameTMs`). */
export function nearestFrame(frameTMs: ArrayLike<number>, tMs: number): number {
  let lo = 0;
  let hi = frameTMs.length - 1;
  if (hi < 0) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (frameTMs[mid] <= tMs) lo = mid;
    else hi = mid;
  }
  return Math.abs(frameTMs[hi] - tMs) < Math.abs(frameTMs[lo] - tMs) ? hi : lo;
}
