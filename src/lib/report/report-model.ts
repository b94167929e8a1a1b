/**
 * The report model: everything the report page, the print view and the exports show, derived from
 * one `GaitAnalysis` (and the optional height, which turns leg-length units into metres).
 * Pure; no DOM.
 */
import { METRIC_REGISTRY, type MetricInfo } from '$lib/analysis/gait/metric-registry';
import { METRIC_IDS, type GaitAnalysis, type MetricId, type QualityReport } from '$lib/analysis/gait/types';
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
} from '$lib/analysis/thresholds';
import { buildFindings } from './findings/build-findings';
import type { Finding } from './findings/types';
import { selectKeyFrames, type KeyFrame } from './select-key-frames';
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
}

export interface ReportModel {
  cards: MetricCardModel[];
  findings: Finding[];
  keyFrames: KeyFrame[];
  plan: PlanDay[];
  generalAdvice: readonly string[];
  disclaimer: string;
  quality: QualityReport;
  /** e.g. "side view, walking toward the right". */
  viewText: string;
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

/** Build the whole report model. `heightCm` (the person's height, optional) enables metres. */
export function buildReportModel(analysis: GaitAnalysis, options: { heightCm: number | null }): ReportModel {
  const legLengthM =
    options.heightCm !== null && Number.isFinite(options.heightCm) && options.heightCm > 0
      ? (options.heightCm / 100) * LEG_LENGTH_PER_HEIGHT
      : null;
  const findings = buildFindings(analysis);
  const v = analysis.view;
  const viewText =
    v.view === 'side'
      ? `side view, walking toward the ${v.direction === 1 ? 'right' : 'left'}${v.treadmill ? ' on a treadmill' : ''}`
      : v.view === 'front'
        ? `front view, walking ${v.towardCamera === false ? 'away from' : 'toward'} the camera`
        : 'oblique view (neither side-on nor face-on)';
  return {
    cards: METRIC_IDS.map((id) => metricCard(analysis, id, legLengthM)),
    findings,
    keyFrames: selectKeyFrames(analysis),
    plan: buildWeeklyPlan(findings),
    generalAdvice: GENERAL_ADVICE,
    disclaimer: DISCLAIMER,
    quality: analysis.quality,
    viewText,
    steps: analysis.steps.map((s, i) => ({
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
      kneeFlexionDeg: s.kneeFlexionDeg
    })),
    legLengthM
  };
}
