import type { Confidence } from '../metric';
import {
  LOW_DETECTION_RATE,
  LOW_FPS_HZ,
  MANY_SWAPS_FRACTION,
  MAX_GAP_FILL_S,
  MIN_DETECTION_RATE,
  MIN_DURATION_FOR_HIGH_CONFIDENCE_S,
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

/** One quality gate: whether the clip fails it, the highest confidence it then allows, and what to say. */
interface Gate {
  code: QualityIssue['code'];
  failed: boolean;
  /** Confidence allowed when failed; null = the issue is said but does not lower the confidence. */
  cap: Confidence | null;
  message: string;
}

const RANKED: readonly Confidence[] = ['low', 'medium', 'high'];

/**
 * Judge how far the clip can be trusted, and say why in plain words. Gates after the peer app
 * elfj/gait-analysis-pwa (≥ 5 s, ≥ 6 steps, detection ≥ 90 %, mean visibility ≥ 0.6) plus frame rate and view
 * fit; constants in `thresholds.ts`. Each gate is written once, with the confidence it allows when failed:
 * **low** with fewer than `MIN_STEPS_FOR_MEDIUM_CONFIDENCE` steps, detection below `LOW_DETECTION_RATE`, a frame
 * rate below `VERY_LOW_FPS_HZ`, an oblique view or running; **medium** when any other confidence gate fails
 * (too short, too few steps, detection, visibility, frame rate, more than `MANY_SWAPS_FRACTION` of frames
 * relabelled); **high** when all pass. Front view, treadmill, long gaps and parts left out are said but do not
 * lower the confidence by themselves.
 */
export function assessQuality(q: QualityInputs): QualityReport {
  const swapFraction = q.detectedFrames ? q.swappedFrames / q.detectedFrames : 0;
  const gates: Gate[] = [
    {
      code: 'too-short',
      failed: q.durationS < MIN_DURATION_FOR_HIGH_CONFIDENCE_S,
      cap: 'medium',
      message: `The clip is only ${q.durationS.toFixed(1)} s long; ${MIN_DURATION_FOR_HIGH_CONFIDENCE_S} s or more of steady walking gives steadier numbers.`
    },
    {
      code: 'too-few-steps',
      failed: q.stepsUsed < MIN_STEPS_FOR_HIGH_CONFIDENCE,
      cap: q.stepsUsed < MIN_STEPS_FOR_MEDIUM_CONFIDENCE ? 'low' : 'medium',
      message: `Only ${q.stepsUsed} step${q.stepsUsed === 1 ? ' was' : 's were'} found; at least ${MIN_STEPS_FOR_HIGH_CONFIDENCE} are needed for trustworthy averages.`
    },
    {
      code: 'low-detection',
      failed: q.detectionRate < MIN_DETECTION_RATE,
      cap: q.detectionRate < LOW_DETECTION_RATE ? 'low' : 'medium',
      message: `You were found in only ${pct(q.detectionRate)} of the frames.`
    },
    {
      code: 'low-visibility',
      failed: q.meanVisibility < MIN_MEAN_VISIBILITY,
      cap: 'medium',
      message: `Your legs were often hidden or unclear (mean visibility ${q.meanVisibility.toFixed(2)}); better light and the whole body in view help.`
    },
    {
      code: 'low-frame-rate',
      failed: q.fpsHz < LOW_FPS_HZ,
      cap: q.fpsHz < VERY_LOW_FPS_HZ ? 'low' : 'medium',
      message: `The frame rate is ${q.fpsHz.toFixed(0)} fps, below ${LOW_FPS_HZ} fps: timing is coarse, and smoothing was lowered to ${q.cutoffHz.toFixed(1)} Hz.`
    },
    {
      code: 'front-view-no-spatial',
      failed: q.view.view === 'front',
      cap: null,
      message:
        'Filmed from the front or back: step length, overstriding and trunk lean need a side view; only timing and sideways lean are measured.'
    },
    {
      code: 'oblique-view',
      failed: q.view.view === 'oblique',
      cap: 'low',
      message:
        'The camera was at an angle to your walking path: only timing is measured. Film from straight side-on for the rest.'
    },
    {
      code: 'many-label-swaps',
      failed: swapFraction > MANY_SWAPS_FRACTION,
      cap: 'medium',
      message: `The pose model mixed up your left and right leg in ${pct(swapFraction)} of the frames. This was corrected, but left/right comparisons are less certain.`
    },
    {
      code: 'treadmill',
      failed: q.view.treadmill,
      cap: null,
      message:
        'Treadmill (or walking on the spot) detected: step length is measured between the feet, not over the ground.'
    },
    {
      code: 'long-gaps',
      failed: q.longGaps > 0,
      cap: null,
      message: `You were out of sight for more than ${MAX_GAP_FILL_S} s ${q.longGaps === 1 ? 'once' : `${q.longGaps} times`}; the parts before and after were analysed separately.`
    },
    {
      code: 'parts-left-out',
      failed: q.partsLeftOut,
      cap: null,
      message: `Only straight walking across the view is measured: ${q.segmentSummary}.`
    },
    {
      code: 'running',
      failed: q.activity.kind === 'running',
      cap: 'low',
      message: `This looks like running: ${q.activity.evidence} GaitLens measures walking, so no walking results are given.`
    }
  ];
  const failed = gates.filter((g) => g.failed);
  const rank = Math.min(2, ...failed.map((g) => (g.cap === null ? 2 : RANKED.indexOf(g.cap))));
  return {
    confidence: RANKED[rank],
    stepsUsed: q.stepsUsed,
    detectionRate: q.detectionRate,
    meanVisibility: q.meanVisibility,
    fpsHz: q.fpsHz,
    durationS: q.durationS,
    viewFit: q.view.viewFit,
    swapsCorrected: q.swappedFrames,
    issues: failed.map(({ code, message }) => ({ code, message }))
  };
}
