import type { Confidence } from '../metric';
import {
  LOW_DETECTION_RATE,
  LOW_FPS_HZ,
  MANY_SWAPS_FRACTION,
  MAX_GAP_FILL_S,
  MIN_DETECTION_RATE,
  MIN_DURATION_S,
  MIN_MEAN_VISIBILITY,
  MIN_STEPS_FOR_HIGH_CONFIDENCE,
  MIN_STEPS_FOR_MEDIUM_CONFIDENCE,
  VERY_LOW_FPS_HZ
} from '../thresholds';
import type { ActivityInfo, QualityIssue, QualityReport, ViewInfo } from './types';

/** The measurements {@link assessQuality} judges. */
export interface QualityInputs {
  stepsUsed: number;
  detectionRate: number;
  meanVisibility: number;
  fpsHz: number;
  durationS: number;
  view: ViewInfo;
  /** Frames whose leg labels were exchanged, and all frames with a person. */
  swappedFrames: number;
  detectedFrames: number;
  /** Gaps without a person longer than `MAX_GAP_FILL_S`. */
  longGaps: number;
  /** Low-pass cut-off actually used, Hz. */
  cutoffHz: number;
  /** What of the clip was used, in one line (`describeSegments`). */
  segmentSummary: string;
  /** Some stretches (turns, standing, oblique walking…) were left out. */
  partsLeftOut: boolean;
  activity: ActivityInfo;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Judge how far the clip can be trusted, and say why in plain words. Gates after the peer app
 * elfj/gait-analysis-pwa (≥ 5 s, ≥ 6 steps, detection ≥ 90 %, mean visibility ≥ 0.6) plus frame rate and view
 * fit; constants in `thresholds.ts`.
 *
 * Confidence: **low** with fewer than `MIN_STEPS_FOR_MEDIUM_CONFIDENCE` steps, detection below
 * `LOW_DETECTION_RATE`, a frame rate below `VERY_LOW_FPS_HZ`, or an oblique view; **high** when every gate
 * passes and label swaps stayed under `MANY_SWAPS_FRACTION`; **medium** otherwise.
 */
export function assessQuality(q: QualityInputs): QualityReport {
  const issues: QualityIssue[] = [];
  const swapFraction = q.detectedFrames ? q.swappedFrames / q.detectedFrames : 0;
  if (q.durationS < MIN_DURATION_S) {
    issues.push({
      code: 'too-short',
      message: `The clip is only ${q.durationS.toFixed(1)} s long; ${MIN_DURATION_S} s or more of steady walking gives steadier numbers.`
    });
  }
  if (q.stepsUsed < MIN_STEPS_FOR_HIGH_CONFIDENCE) {
    issues.push({
      code: 'too-few-steps',
      message: `Only ${q.stepsUsed} step${q.stepsUsed === 1 ? ' was' : 's were'} found; at least ${MIN_STEPS_FOR_HIGH_CONFIDENCE} are needed for trustworthy averages.`
    });
  }
  if (q.detectionRate < MIN_DETECTION_RATE) {
    issues.push({
      code: 'low-detection',
      message: `You were found in only ${pct(q.detectionRate)} of the frames.`
    });
  }
  if (q.meanVisibility < MIN_MEAN_VISIBILITY) {
    issues.push({
      code: 'low-visibility',
      message: `Your legs were often hidden or unclear (mean visibility ${q.meanVisibility.toFixed(2)}); better light and the whole body in view help.`
    });
  }
  if (q.fpsHz < LOW_FPS_HZ) {
    issues.push({
      code: 'low-frame-rate',
      message: `The frame rate is ${q.fpsHz.toFixed(0)} fps, below ${LOW_FPS_HZ} fps: timing is coarse, and smoothing was lowered to ${q.cutoffHz.toFixed(1)} Hz.`
    });
  }
  if (q.view.view === 'front') {
    issues.push({
      code: 'front-view-no-spatial',
      message:
        'Filmed from the front or back: step length, overstriding and trunk lean need a side view; only timing and sideways lean are measured.'
    });
  }
  if (q.view.view === 'oblique') {
    issues.push({
      code: 'oblique-view',
      message:
        'The camera was at an angle to your walking path: only timing is measured. Film from straight side-on for the rest.'
    });
  }
  if (swapFraction > MANY_SWAPS_FRACTION) {
    issues.push({
      code: 'many-label-swaps',
      message: `The pose model mixed up your left and right leg in ${pct(swapFraction)} of the frames. This was corrected, but left/right comparisons are less certain.`
    });
  }
  if (q.view.treadmill) {
    issues.push({
      code: 'treadmill',
      message:
        'Treadmill (or walking on the spot) detected: step length is measured between the feet, not over the ground.'
    });
  }
  if (q.longGaps > 0) {
    issues.push({
      code: 'long-gaps',
      message: `You were out of sight for more than ${MAX_GAP_FILL_S} s ${q.longGaps === 1 ? 'once' : `${q.longGaps} times`}; the parts before and after were analysed separately.`
    });
  }

  if (q.partsLeftOut) {
    issues.push({
      code: 'parts-left-out',
      message: `Only straight walking across the view is measured: ${q.segmentSummary}.`
    });
  }
  if (q.activity.kind === 'running') {
    issues.push({
      code: 'running',
      message: `This looks like running: ${q.activity.evidence} GaitLens measures walking, so no walking results are given.`
    });
  }

  let confidence: Confidence = 'medium';
  if (
    q.stepsUsed < MIN_STEPS_FOR_MEDIUM_CONFIDENCE ||
    q.detectionRate < LOW_DETECTION_RATE ||
    q.fpsHz < VERY_LOW_FPS_HZ ||
    q.view.view === 'oblique' ||
    q.activity.kind === 'running'
  ) {
    confidence = 'low';
  } else if (
    q.stepsUsed >= MIN_STEPS_FOR_HIGH_CONFIDENCE &&
    q.detectionRate >= MIN_DETECTION_RATE &&
    q.meanVisibility >= MIN_MEAN_VISIBILITY &&
    q.fpsHz >= LOW_FPS_HZ &&
    q.durationS >= MIN_DURATION_S &&
    swapFraction <= MANY_SWAPS_FRACTION
  ) {
    confidence = 'high';
  }
  return {
    confidence,
    stepsUsed: q.stepsUsed,
    detectionRate: q.detectionRate,
    meanVisibility: q.meanVisibility,
    fpsHz: q.fpsHz,
    durationS: q.durationS,
    viewFit: q.view.viewFit,
    swapsCorrected: q.swappedFrames,
    issues
  };
}
