/**
 * The report model: everything the report page, the print view and the exports show, derived from
 * one `GaitAnalysis` (and the optional height, which turns leg-length units into metres).
 * Pure; no DOM.
 */
import { METRIC_REGISTRY, type MetricInfo } from '$lib/analysis/gait/metric-registry';
import { describeSegments } from '$lib/analysis/gait/describe-segments';
import {
  METRIC_IDS,
  type ActivityInfo,
  type GaitAnalysis,
  type MetricId,
  type QualityReport,
  type SegmentKind,
  type WalkSegment
} from '$lib/analysis/gait/types';
import type { Side } from '$lib/analysis/landmarks';
import type { Confidence } from '$lib/analysis/metric';
import {
  CADENCE_NORMAL_RANGE_SPM,
  DOUBLE_SUPPORT_TYPICAL_RANGE_PCT,
  HEEL_AHEAD_TYPICAL_RANGE_PER_LEG,
  NECK_FORWARD_FLAG_DEG,
  STANCE_TYPICAL_PCT,
  STEP_LENGTH_TYPICAL_RANGE_PER_LEG,
  STRIDE_LENGTH_TYPICAL_RANGE_PER_LEG,
  STRIDE_TIME_CV_FLAG_PCT,
  SYMMETRY_INDEX_FLAG_PCT,
  TRUNK_LEAN_FORWARD_FLAG_DEG
} from '$lib/report/findings/thresholds';
import { buildFindings } from './findings/build-findings';
import type { Finding } from './findings/types';
import { normalizeAnalysis } from './normalize-analysis';
import { selectKeyFrames, type HasPose, type KeyFrame } from './select-key-frames';
import { buildWeeklyPlan, DISCLAIMER, GENERAL_ADVICE, type PlanDay } from './weekly-plan';

/**
 * Leg length (hip joint → ankle joint, what |hip−knee| + |knee−ankle| measures) as a fraction of body height:
 * Winter 2009's greater-trochanter height 0.530 H minus ankle height 0.039 H. Used only to show metres
 * when the person gives their height.
 */
export const LEG_LENGTH_PER_HEIGHT = 0.491;

/** Metrics measured in leg lengths, which can also be shown in metres. */
const PER_LEG_METRICS: ReadonlySet<MetricId> = new Set(['stepLength', 'strideLength', 'heelAheadOfHip']);

/** Usual ranges, stated from the thresholds module (null where no usual value is known). */
const USUAL_RANGE: Partial<Record<MetricId, string>> = {
  cadence: `${CADENCE_NORMAL_RANGE_SPM[0]}–${CADENCE_NORMAL_RANGE_SPM[1]} steps/min`,
  stancePct: `about ${STANCE_TYPICAL_PCT} %`,
  swingPct: `about ${100 - STANCE_TYPICAL_PCT} %`,
  doubleSupportPct: `${DOUBLE_SUPPORT_TYPICAL_RANGE_PCT[0]}–${DOUBLE_SUPPORT_TYPICAL_RANGE_PCT[1]} %`,
  stepLength: `${STEP_LENGTH_TYPICAL_RANGE_PER_LEG[0]}–${STEP_LENGTH_TYPICAL_RANGE_PER_LEG[1]} × leg length`,
  strideLength: `${STRIDE_LENGTH_TYPICAL_RANGE_PER_LEG[0]}–${STRIDE_LENGTH_TYPICAL_RANGE_PER_LEG[1]} × leg length`,
  heelAheadOfHip: `${HEEL_AHEAD_TYPICAL_RANGE_PER_LEG[0]}–${HEEL_AHEAD_TYPICAL_RANGE_PER_LEG[1]} × leg length`,
  trunkLean: `a few degrees forward, under ${TRUNK_LEAN_FORWARD_FLAG_DEG}°`,
  neckAngle: `under ${NECK_FORWARD_FLAG_DEG}°`,
  stepLengthSymmetry: `under ${SYMMETRY_INDEX_FLAG_PCT} %`,
  stepTimeSymmetry: `under ${SYMMETRY_INDEX_FLAG_PCT} %`,
  stanceTimeSymmetry: `under ${SYMMETRY_INDEX_FLAG_PCT} %`,
  armSwingSymmetry: `under ${SYMMETRY_INDEX_FLAG_PCT} %`,
  strideTimeVariability: `under ${STRIDE_TIME_CV_FLAG_PCT} %`
};

/** A metric card: the registry's description of the metric plus what this walk gave. */
export interface MetricCardModel extends Pick<
  MetricInfo,
  'id' | 'group' | 'label' | 'unit' | 'definition' | 'method' | 'reference'
> {
  status: 'measured' | 'not-measurable';
  /** Summary value, or null when not measurable. */
  value: number | null;
  /** e.g. "0.77". */
  valueText: string | null;
  /** The value in metres when a height was given and the metric is in leg lengths, e.g. "0.65 m". */
  metresText: string | null;
  /** e.g. "middle half 0.75–0.79, range 0.72–0.81, SD 0.03". */
  spreadText: string | null;
  /** Per-side summaries, e.g. "left 0.78 · right 0.76". */
  sidesText: string | null;
  /** How many values it rests on. */
  n: number | null;
  usualRange: string | null;
  confidence: Confidence | null;
  notes: string[];
  /** Completes "Not measurable here, because …". */
  reason: string | null;
}

export interface StepRow {
  /** 1-based step number in time order. */
  number: number;
  side: Side;
  heelStrikeTMs: number;
  heelStrikeFrame: number;
  stepTimeS: number | null;
  stepLengthPerLeg: number | null;
  stepLengthM: number | null;
  heelAheadOfHipPerLeg: number | null;
  shankAngleDeg: number | null;
  kneeFlexionDeg: number | null;
  /** Index into `segments` of the pass the step belongs to. */
  segment: number;
  /** Why the analysis kept the whole step out of the steady-walking metrics; null when it counts. */
  excludedReason: string | null;
  /** False when the whole step is kept out of the metrics (see `leftOutReasons`). */
  counted: boolean;
  /**
   * Everything of this step left out of the metrics, each completing "Left out because …" or naming the
   * value left out, e.g. "step length left out: a walking step is shorter than …". Empty when all of it counts.
   */
  leftOutReasons: string[];
}

/** One stretch of the clip as the report shows it. */
export interface SegmentRow {
  kind: SegmentKind;
  /** e.g. "pass toward the right", "turn", "standing still". */
  label: string;
  startMs: number;
  endMs: number;
  startFrame: number;
  endFrame: number;
  used: boolean;
  /** Completes "Left out because …"; null when used. */
  reason: string | null;
  strikes: number;
  /** One sentence for screen readers and the list under the band, e.g. "0.0–4.2 s: pass toward the right, used (7 heel strikes)." */
  text: string;
}

export interface ReportModel {
  cards: MetricCardModel[];
  findings: Finding[];
  keyFrames: KeyFrame[];
  plan: PlanDay[];
  generalAdvice: readonly string[];
  disclaimer: string;
  quality: QualityReport;
  /** e.g. "side view, walking toward the right", or "side view, walking in both directions". */
  viewText: string;
  /** What of the clip was used, e.g. "2 passes used, 1 turn left out". */
  segmentSummary: string;
  segments: SegmentRow[];
  /** Walking, or running (then there are no findings, plan or walking advice). */
  activity: ActivityInfo;
  steps: StepRow[];
  /** Leg length in metres from the height, or null without a height. */
  legLengthM: number | null;
}

function round(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** The card of one metric. */
export function metricCard(analysis: GaitAnalysis, id: MetricId, legLengthM: number | null): MetricCardModel {
  const info = METRIC_REGISTRY[id];
  const m = analysis.metrics[id];
  const { group, label, unit, definition, method, reference } = info;
  const base = {
    id,
    group,
    label,
    unit,
    definition,
    method,
    reference,
    usualRange: USUAL_RANGE[id] ?? null
  };
  if (m.status === 'not-measurable') {
    return {
      ...base,
      status: 'not-measurable',
      value: null,
      valueText: null,
      metresText: null,
      spreadText: null,
      sidesText: null,
      n: null,
      confidence: null,
      notes: [],
      reason: m.reason
    };
  }
  const d = info.decimals;
  const s = m.spread;
  const toM = (v: number) =>
    legLengthM !== null && PER_LEG_METRICS.has(id) ? `${(v * legLengthM).toFixed(2)} m` : null;
  const sides =
    m.left !== undefined && m.right !== undefined
      ? `left ${round(m.left, d)} · right ${round(m.right, d)}`
      : null;
  return {
    ...base,
    status: 'measured',
    value: m.value,
    valueText: round(m.value, d),
    metresText: toM(m.value),
    spreadText:
      id === 'strideTimeVariability'
        ? `strides lasted ${round(s.min, 0)}–${round(s.max, 0)} % of the average stride`
        : `middle half ${round(s.iqr[0], d)}–${round(s.iqr[1], d)}, range ${round(s.min, d)}–${round(s.max, d)}, SD ${round(s.sd, d + 1)}`,
    sidesText: sides,
    n: m.n,
    confidence: m.confidence,
    notes: m.notes,
    reason: null
  };
}

const SEGMENT_LABEL: Record<Exclude<SegmentKind, 'pass'>, string> = {
  turn: 'turn',
  standing: 'standing still',
  'toward-camera': 'walking toward the camera',
  'away-from-camera': 'walking away from the camera',
  oblique: 'walking at an angle to the camera',
  'out-of-view': 'out of view',
  partial: 'partial pass'
};

/** "pass toward the right", "pass on a treadmill", "turn", … */
export function segmentLabel(segment: WalkSegment): string {
  if (segment.kind !== 'pass') return SEGMENT_LABEL[segment.kind];
  if (segment.treadmill) return 'pass on a treadmill';
  if (segment.direction === null) return 'pass';
  return `pass toward the ${segment.direction === 1 ? 'right' : 'left'}`;
}

/** Text without its final full stop, to be completed by a sentence of our own. */
export function withoutFullStop(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}

function segmentRow(segment: WalkSegment): SegmentRow {
  const label = segmentLabel(segment);
  const span = `${(segment.startMs / 1000).toFixed(1)}–${(segment.endMs / 1000).toFixed(1)} s`;
  const strikes = segment.strikes === 1 ? '1 heel strike' : `${segment.strikes} heel strikes`;
  const text = segment.used
    ? `${span}: ${label}, used (${strikes}).`
    : `${span}: ${label}, left out${segment.reason ? ` because ${withoutFullStop(segment.reason)}` : ''}.`;
  return {
    kind: segment.kind,
    label,
    startMs: segment.startMs,
    endMs: segment.endMs,
    startFrame: segment.startFrame,
    endFrame: segment.endFrame,
    used: segment.used,
    reason: segment.reason,
    strikes: segment.strikes,
    text
  };
}

/**
 * How the camera saw the walk; "both directions" when the used side-on passes go both ways, and "running"
 * instead of "walking" when the clip shows running.
 */
export function describeView(analysis: GaitAnalysis): string {
  const v = analysis.view;
  const moving = analysis.activity?.kind === 'running' ? 'running' : 'walking';
  if (v.view === 'side') {
    const directions = new Set(
      (analysis.segments ?? [])
        .filter((s) => s.used && s.kind === 'pass' && !s.treadmill && s.direction !== null)
        .map((s) => s.direction)
    );
    const way =
      directions.size > 1 ? 'in both directions' : `toward the ${v.direction === 1 ? 'right' : 'left'}`;
    return `side view, ${moving} ${way}${v.treadmill ? ' on a treadmill' : ''}`;
  }
  return v.view === 'front'
    ? `front view, ${moving} ${v.towardCamera === false ? 'away from' : 'toward'} the camera`
    : 'oblique view (neither side-on nor face-on)';
}

/** What of each step was left out of the metrics, and why (see `StepRow.leftOutReasons`). */
function stepLeftOut(analysis: GaitAnalysis, step: GaitAnalysis['steps'][number]): string[] {
  const reasons: string[] = [];
  if (analysis.activity.kind === 'running') {
    reasons.push('GaitLens measures walking, and this clip looks like running');
  }
  const segment = analysis.segments[step.segment];
  if (segment && !segment.used) {
    reasons.push(
      `its stretch of the clip (${segmentLabel(segment)}) was left out${segment.reason ? `: ${withoutFullStop(segment.reason)}` : ''}`
    );
  }
  if (step.excludedReason) reasons.push(withoutFullStop(step.excludedReason));
  for (const o of analysis.outliers) {
    if (o.frame !== step.heelStrikeFrame || o.side !== step.side) continue;
    const what = o.what === 'stepLength' ? 'step length' : 'step time';
    const unit = o.what === 'stepLength' ? ' leg lengths' : ' s';
    reasons.push(`${what} ${o.value.toFixed(2)}${unit} left out: ${withoutFullStop(o.reason)}`);
  }
  return reasons;
}

/**
 * Build the whole report model. `heightCm` (the person's height, optional) enables metres; `hasPose` says
 * which original frames hold a pose (key frames are chosen only among those).
 * An analysis saved before passes existed is read as one used pass of walking (see `normalizeAnalysis`).
 */
export function buildReportModel(
  input: GaitAnalysis,
  options: { heightCm: number | null; hasPose?: HasPose }
): ReportModel {
  const analysis = normalizeAnalysis(input);
  const legLengthM =
    options.heightCm !== null && Number.isFinite(options.heightCm) && options.heightCm > 0
      ? (options.heightCm / 100) * LEG_LENGTH_PER_HEIGHT
      : null;
  const running = analysis.activity.kind === 'running';
  const findings = buildFindings(analysis);
  return {
    cards: METRIC_IDS.map((id) => metricCard(analysis, id, legLengthM)),
    findings,
    keyFrames: running ? [] : selectKeyFrames(analysis, options.hasPose),
    // Running gets no walking plan or walking advice.
    plan: running ? [] : buildWeeklyPlan(findings),
    generalAdvice: running ? [] : GENERAL_ADVICE,
    disclaimer: DISCLAIMER,
    quality: analysis.quality,
    viewText: describeView(analysis),
    segmentSummary: describeSegments(analysis.segments),
    segments: analysis.segments.map(segmentRow),
    activity: analysis.activity,
    steps: analysis.steps.map((s, i) => {
      const leftOutReasons = stepLeftOut(analysis, s);
      const segment = analysis.segments[s.segment];
      return {
        number: i + 1,
        side: s.side,
        heelStrikeTMs: s.heelStrikeTMs,
        heelStrikeFrame: s.heelStrikeFrame,
        stepTimeS: s.stepTimeS,
        stepLengthPerLeg: s.stepLengthPerLeg,
        stepLengthM:
          s.stepLengthPerLeg !== null && legLengthM !== null ? s.stepLengthPerLeg * legLengthM : null,
        heelAheadOfHipPerLeg: s.heelAheadOfHipPerLeg,
        shankAngleDeg: s.shankAngleDeg,
        kneeFlexionDeg: s.kneeFlexionDeg,
        segment: s.segment,
        excludedReason: s.excludedReason,
        counted: !running && s.excludedReason === null && (segment?.used ?? true),
        leftOutReasons
      };
    }),
    legLengthM
  };
}
