/**
 * The output contract of the gait analysis core: {@link GaitAnalysis}, what `analyzeGait` returns.
 * Plain, structured-clone- and JSON-safe data (no typed arrays, no class instances): the report,
 * the exports and the session store read it as is.
 *
 * Conventions used throughout:
 * - Image pixels, x to the right, y down (as in `LandmarkSeries`).
 * - `direction` is the walking direction in the image: +1 = toward the image's right, −1 = toward its left.
 *   "Forward" in every sign convention means "in the walking direction".
 * - Lengths that are divided by leg length are suffixed `PerLeg` (dimensionless, Hof 1996).
 * - `frame` is always an index into the ORIGINAL `LandmarkSeries.frames`; `sample` is an index into
 *   the uniformly resampled timeline (`GaitTimeline`).
 * - Per-frame traces use `null` for missing values (chart- and JSON-friendly).
 */
import type { Side } from '../landmarks';
import type { MetricResult } from '../metric';
import type { ModelVariant } from '../series';

/** Every metric the analysis can report. Definitions live in `metric-registry.ts`. */
export const METRIC_IDS = [
  // temporal
  'cadence',
  'stepTime',
  'strideTime',
  'stancePct',
  'swingPct',
  'doubleSupportPct',
  // spatial (side view)
  'stepLength',
  'strideLength',
  // overstriding (side view)
  'heelAheadOfHip',
  'shankAngleAtStrike',
  'kneeFlexionAtStrike',
  // posture
  'trunkLean',
  'neckAngle',
  'headForward',
  'lateralTrunkLean',
  'armSwing',
  // asymmetry (Robinson symmetry index)
  'stepLengthSymmetry',
  'stepTimeSymmetry',
  'stanceTimeSymmetry',
  'armSwingSymmetry',
  // variability
  'strideTimeVariability'
] as const;

export type MetricId = (typeof METRIC_IDS)[number];

/** One metric result per id; every id is always present (measured or not measurable). */
export type GaitMetrics = { [K in MetricId]: MetricResult<K> };

/** Camera view relative to the walking direction. */
export type CameraView = 'side' | 'front' | 'oblique';

/** How the camera saw the walk, and which way the person walked. */
export interface ViewInfo {
  /** Classified camera view (from shoulder and hip width against torso length). */
  view: CameraView;
  /**
   * Median of (shoulder width + hip width) / 2 ÷ torso length over frames, px/px.
   * Near 0 in a side view, ≈0.5–0.8 in a front view.
   */
  widthToTorsoRatio: number;
  /** How clearly the clip fits its classified view, 0 (borderline) to 1 (unambiguous). */
  viewFit: number;
  /** Walking direction in the image: +1 toward the right edge, −1 toward the left edge (side view). */
  direction: 1 | -1;
  /** In a front view: whether the person walks toward the camera (true) or away (false); null in side view. */
  towardCamera: boolean | null;
  /** True when the hips stay put while the legs cycle (treadmill, or walking on the spot). */
  treadmill: boolean;
  /** Which of the person's sides faces the camera in a side view (right when walking toward image right); null otherwise. */
  nearSide: Side | null;
}

/** The uniform timeline the analysis ran on (after resampling the possibly variable frame rate). */
export interface GaitTimeline {
  /** Time of sample 0, ms (same clock as `PoseFrame.tMs`). */
  t0Ms: number;
  /** Uniform sample rate, Hz. */
  sampleRateHz: number;
  /** Number of samples. */
  length: number;
  /** For every sample, the nearest original frame index (into `LandmarkSeries.frames`). */
  sourceFrame: number[];
  /** Low-pass cut-off that was used, Hz (6 Hz unless the frame rate forced it lower). */
  cutoffHz: number;
}

/**
 * Per-sample traces for charts and annotated frames, all on the `GaitTimeline`, `null` = missing.
 * Angles in degrees, positions divided by leg length, signs: positive = forward (walking direction).
 */
export interface GaitTraces {
  /** Sagittal trunk lean: hip-midpoint → shoulder-midpoint line vs vertical, + forward (side view). */
  trunkLeanDeg: (number | null)[];
  /** Neck/head angle: shoulder-midpoint → ear-midpoint line vs vertical, + forward (side view). */
  neckAngleDeg: (number | null)[];
  /** Lateral trunk lean: hip-midpoint → shoulder-midpoint vs vertical, + toward the person's right (front view). */
  lateralLeanDeg: (number | null)[];
  /** (left heel x − hip-midpoint x) · direction ÷ leg length, after left/right correction. */
  heelMinusPelvisLeftPerLeg: (number | null)[];
  /** (right heel x − hip-midpoint x) · direction ÷ leg length, after left/right correction. */
  heelMinusPelvisRightPerLeg: (number | null)[];
}

/**
 * Left/right label correction per ORIGINAL frame. Draw the corrected skeleton by exchanging the
 * left and right leg chains (hip, knee, ankle, heel, foot index) where `swapped[frame]` is true, and by
 * hiding a leg where `collapsed[frame]` names it.
 */
export interface LegCorrection {
  /** Per original frame: the model's left/right leg labels were exchanged by the correction. */
  swapped: boolean[];
  /**
   * Per original frame: both leg chains sat on one leg ("collapse"); the side given (after correction)
   * was treated as missing in that frame. null = no collapse.
   */
  collapsed: (Side | null)[];
  /** Number of frames whose labels were exchanged. */
  swappedFrameCount: number;
  /** Number of frames with a collapsed leg pair. */
  collapsedFrameCount: number;
}

/** A detected gait event. */
export interface GaitEvent {
  kind: 'heelStrike' | 'toeOff';
  side: Side;
  /** Event time, ms (sub-sample interpolated). */
  tMs: number;
  /** Nearest ORIGINAL frame index. */
  frame: number;
  /** Nearest sample of the `GaitTimeline`. */
  sample: number;
}

/**
 * One step: from the previous (contralateral) heel strike to this heel strike of `side`.
 * Spatial and overstriding values are null outside a side view or when the data do not support them.
 */
export interface StepRecord {
  side: Side;
  /** Heel strike that ends the step. */
  heelStrikeTMs: number;
  heelStrikeFrame: number;
  /** Step time, s (previous contralateral HS → this HS); null for the first strike of a stretch. */
  stepTimeS: number | null;
  /** Horizontal distance of this heel ahead of the other heel at HS ÷ leg length. */
  stepLengthPerLeg: number | null;
  /** Horizontal distance of the striking heel ahead of the hip midpoint at HS ÷ leg length. */
  heelAheadOfHipPerLeg: number | null;
  /** Striking leg's knee→ankle line vs vertical at HS, degrees, + when the ankle is ahead of the knee. */
  shankAngleDeg: number | null;
  /** Striking leg's knee flexion at HS, degrees (0 = straight). */
  kneeFlexionDeg: number | null;
  /** Index into `GaitAnalysis.segments` of the pass this step belongs to. */
  segment: number;
  /**
   * Why the step is kept out of the steady-walking metrics (completing "Left out because …"), e.g. the first
   * step from standing still; null when it counts.
   */
  excludedReason: string | null;
}

/** One stride: from a heel strike of `side` to its next heel strike. */
export interface StrideRecord {
  side: Side;
  startTMs: number;
  startFrame: number;
  endTMs: number;
  endFrame: number;
  strideTimeS: number;
  /** Stance (HS → TO of the same foot), % of the stride; null when the toe off was not found. */
  stancePct: number | null;
  /** Swing = 100 − stance, %; null when stance is null. */
  swingPct: number | null;
  /** Total double support (both feet on the ground) within the stride, %; null when a toe off is missing. */
  doubleSupportPct: number | null;
  /** Sum of the stride's two step lengths ÷ leg length; null outside a side view. */
  strideLengthPerLeg: number | null;
  /** Median sagittal trunk lean over the stride, degrees (+ forward); null when unavailable. */
  trunkLeanDeg: number | null;
  /** Index into `GaitAnalysis.segments` of the pass this stride belongs to. */
  segment: number;
  /** Why the stride is kept out of the metrics (one of its steps is left out); null when it counts. */
  excludedReason: string | null;
}

/** What the person is doing in a stretch of the clip (docs/METHOD.md, "Passes"). */
export type SegmentKind =
  /** Walking straight across the view (or on a treadmill), side-on: the only kind side-view metrics use. */
  | 'pass'
  /** Turning round, or slowing between two passes of opposite direction. */
  | 'turn'
  /** Standing still. */
  | 'standing'
  /** Walking toward the camera, or away from it (front/back view). */
  | 'toward-camera'
  | 'away-from-camera'
  /** Walking at an angle to the camera (neither side-on nor facing it). */
  | 'oblique'
  /** Nobody (or no hips and feet) in view. */
  | 'out-of-view'
  /** A pass too short to hold a stride, or cut by the edge of the picture or something in front of the legs. */
  | 'partial';

/** One stretch of the clip with one activity, and whether the analysis used it. */
export interface WalkSegment {
  kind: SegmentKind;
  startMs: number;
  endMs: number;
  /** First and last ORIGINAL frame of the stretch. */
  startFrame: number;
  endFrame: number;
  /** A pass's walking direction in the image (+1 toward the right edge); null for other kinds. */
  direction: 1 | -1 | null;
  /** A pass on a treadmill (or walking on the spot). */
  treadmill: boolean;
  /** True when its steps feed the metrics. */
  used: boolean;
  /** Why it was left out (completing "Left out because …"); null when used. */
  reason: string | null;
  /** Heel strikes found in it. */
  strikes: number;
}

/** Walking or running, and the evidence. */
export interface ActivityInfo {
  kind: 'walking' | 'running';
  /** Plain-language evidence, e.g. "both feet were off the ground between steps in 9 of 10 steps". */
  evidence: string;
}

/** A value left out of the metrics because it cannot be a real walking step (an outlier). */
export interface OutlierRecord {
  what: 'stepLength' | 'stepTime';
  /** The value as measured (leg lengths, or s). */
  value: number;
  side: Side;
  tMs: number;
  frame: number;
  /** Why it was left out. */
  reason: string;
}

/** A plain-language problem with the clip that limits what can be measured. */
export interface QualityIssue {
  /** Stable code for the UI/tests. */
  code:
    | 'too-short'
    | 'too-few-steps'
    | 'parts-left-out'
    | 'running'
    | 'low-detection'
    | 'low-visibility'
    | 'low-frame-rate'
    | 'front-view-no-spatial'
    | 'oblique-view'
    | 'many-label-swaps'
    | 'treadmill'
    | 'long-gaps';
  /** One sentence a person understands. */
  message: string;
}

/** How much the whole analysis can be trusted, and why. */
export interface QualityReport {
  confidence: 'high' | 'medium' | 'low';
  /** Heel strikes used for step metrics. */
  stepsUsed: number;
  /** Fraction of frames with a detected person, 0–1. */
  detectionRate: number;
  /** Mean visibility of the leg landmarks over detected frames, 0–1. */
  meanVisibility: number;
  /** Average frame rate of the source, Hz. */
  fpsHz: number;
  /** Analysed duration, s. */
  durationS: number;
  /** How clearly the clip fits its view, 0–1 (see `ViewInfo.viewFit`). */
  viewFit: number;
  /** Frames whose left/right leg labels were corrected. */
  swapsCorrected: number;
  issues: QualityIssue[];
}

/** Everything `analyzeGait` found in one clip. */
export interface GaitAnalysis {
  /** Schema version of this shape. */
  version: 1;
  model: ModelVariant;
  widthPx: number;
  heightPx: number;
  view: ViewInfo;
  timeline: GaitTimeline;
  /** Median leg length (|hip−knee| + |knee−ankle|) over visible frames, px. */
  legLengthPx: number;
  /** Median torso length (hip midpoint → shoulder midpoint) over visible frames, px. */
  torsoLengthPx: number;
  legCorrection: LegCorrection;
  /** What the person did over the clip, in time order, and which stretches were used. */
  segments: WalkSegment[];
  /** Walking, or running (for which no walking metric is given). */
  activity: ActivityInfo;
  /** Values left out as impossible for a walking step, with the reason. */
  outliers: OutlierRecord[];
  /** Heel strikes and toe offs in time order. */
  events: GaitEvent[];
  steps: StepRecord[];
  strides: StrideRecord[];
  traces: GaitTraces;
  metrics: GaitMetrics;
  quality: QualityReport;
}
