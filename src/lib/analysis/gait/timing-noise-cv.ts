import { VIDEO_EVENT_TIME_MAE_S } from '../thresholds';

/** What event-timing error alone does to stride times. */
export interface TimingNoiseCv {
  /** Assumed error of one heel-strike time, s. */
  eventSdS: number;
  /** Stride-time coefficient of variation, %, that this error alone produces in a perfectly steady walk. */
  cvPct: number;
}

/**
 * Stride-time variability expected from event-timing error alone, for a perfectly steady walk.
 *
 * - One heel strike's time is uncertain by σ_t = `VIDEO_EVENT_TIME_MAE_S` (single-camera video against motion
 *   capture, Stenum et al. 2021: 0.02 s) + half a frame interval (the frame grid; sub-frame interpolation
 *   recovers part of it, the rest is kept as a margin).
 * - A stride time is the difference of two strike times, so its SD is √2·σ_t (independent errors), and the CV
 *   this gives is √2·σ_t ÷ stride time.
 *
 * E.g. 30 fps, 1.09-s strides: σ_t = 0.037 s, CV ≈ 4.8 %. On the rendered steady walker the pose models give
 * CVs of 1.0 % (heavy), 4.9 % (lite) and 6.3 % (full) from 1–2-frame errors on single strikes (docs/VALIDATION.md).
 *
 * @param strideTimeS - typical stride time, s (> 0).
 * @param fpsHz - frame rate the events were timed at, Hz (> 0).
 * @returns NaN fields when an input is not positive.
 */
export function timingNoiseCv(strideTimeS: number, fpsHz: number): TimingNoiseCv {
  if (!(strideTimeS > 0) || !(fpsHz > 0)) return { eventSdS: NaN, cvPct: NaN };
  const eventSdS = VIDEO_EVENT_TIME_MAE_S + 0.5 / fpsHz;
  return { eventSdS, cvPct: ((Math.SQRT2 * eventSdS) / strideTimeS) * 100 };
}
