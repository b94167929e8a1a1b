import { fillGaps, lowpass, median, resampleUniform } from '../signal';
import {
  LOW_FPS_CUTOFF_FRACTION,
  LOW_FPS_HZ,
  LOWPASS_CUTOFF_HZ,
  LOWPASS_ORDER,
  MAX_GAP_FILL_S
} from '../thresholds';
import { TRACKED_LANDMARKS, type LandmarkTracks } from './extract-landmark-tracks';

/** Landmark columns on a uniform timeline, gap-filled and low-passed. */
export interface CleanTracks {
  t0Ms: number;
  sampleRateHz: number;
  length: number;
  /** Low-pass cut-off used, Hz. */
  cutoffHz: number;
  /** Per landmark index: x px (`NaN` = missing); an empty array for landmarks not in {@link TRACKED_LANDMARKS}. */
  x: Float64Array[];
  /** Per landmark index: y px, down (as `x`). */
  y: Float64Array[];
  /** Per landmark index: 1 where the sample was missing and has been interpolated across a short gap. */
  filled: Uint8Array[];
}

/**
 * Sample rate the analysis resamples to: the source's median frame rate, 1000 / median frame interval, Hz
 * (the container timestamps of a variable-frame-rate phone video jitter around it).
 */
export function medianFrameRateHz(tMs: ArrayLike<number>): number {
  const dt: number[] = [];
  for (let i = 1; i < tMs.length; i++) dt.push(tMs[i] - tMs[i - 1]);
  return 1000 / median(dt);
}

/**
 * Low-pass cut-off for a sample rate: `LOWPASS_CUTOFF_HZ` (6 Hz, Winter 2009) at `LOW_FPS_HZ` (20 fps) and
 * above; below, `LOW_FPS_CUTOFF_FRACTION` × the rate, which stays well under Nyquist.
 */
export function cutoffForRateHz(sampleRateHz: number): number {
  return sampleRateHz >= LOW_FPS_HZ ? LOWPASS_CUTOFF_HZ : LOW_FPS_CUTOFF_FRACTION * sampleRateHz;
}

/**
 * Clean the landmark trajectories (docs/METHOD.md §1):
 * 1. resample every x and y column linearly onto a uniform grid at `sampleRateHz`, starting at the first
 *    frame (missing stays missing);
 * 2. fill interior gaps up to `MAX_GAP_FILL_S` (0.2 s) by linear interpolation; longer gaps split the series;
 * 3. zero-lag low-pass each contiguous stretch: 4th-order Butterworth forward and backward, cut-off from
 *    {@link cutoffForRateHz}, odd-reflection edge padding (`signal/filtfilt`).
 *
 * @param tracks - original-frame tracks (after left/right correction); read only.
 * @param sampleRateHz - uniform rate, Hz (> 0).
 */
export function cleanTracks(tracks: LandmarkTracks, sampleRateHz: number): CleanTracks {
  const t0Ms = tracks.tMs[0];
  const cutoffHz = cutoffForRateHz(sampleRateHz);
  const maxGap = Math.round(MAX_GAP_FILL_S * sampleRateHz);
  const empty = new Float64Array(0);
  const x: Float64Array[] = new Array<Float64Array>(tracks.x.length).fill(empty);
  const y: Float64Array[] = new Array<Float64Array>(tracks.y.length).fill(empty);
  const filled: Uint8Array[] = new Array<Uint8Array>(tracks.x.length).fill(new Uint8Array(0));
  let length = 0;
  const clean = (col: Float64Array, k: number) => {
    const uniform = resampleUniform(tracks.tMs, col, sampleRateHz, t0Ms).values;
    length = uniform.length;
    const gapFilled = fillGaps(uniform, maxGap);
    const mask = filled[k].length ? filled[k] : (filled[k] = new Uint8Array(length));
    for (let i = 0; i < length; i++)
      if (!Number.isFinite(uniform[i]) && Number.isFinite(gapFilled[i])) mask[i] = 1;
    return lowpass(gapFilled, cutoffHz, sampleRateHz, LOWPASS_ORDER);
  };
  for (const k of TRACKED_LANDMARKS) {
    x[k] = clean(tracks.x[k], k);
    y[k] = clean(tracks.y[k], k);
  }
  return { t0Ms, sampleRateHz, length, cutoffHz, x, y, filled };
}
