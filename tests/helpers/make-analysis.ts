/**
 * Hand-built `GaitAnalysis` values for unit tests of the report layer: every metric starts
 * "not measurable" and a test sets exactly the ones it judges, so each rule is tested in isolation.
 * (End-to-end tests use the real `analyzeGait` on real landmarks instead.)
 */
import {
  METRIC_IDS,
  type GaitAnalysis,
  type MetricId,
  type StepRecord,
  type WalkSegment
} from '../../src/lib/analysis/gait/types';
import type { Confidence, MeasuredMetric } from '../../src/lib/analysis/metric';

export interface MetricSpec {
  value: number;
  left?: number;
  right?: number;
  confidence?: Confidence;
  /** Sample values; defaults to six copies of `value`. */
  samples?: number[];
  /** Per-side sample values (used instead of `samples`, each tagged with its side). */
  sideSamples?: { left: number[]; right: number[] };
}

export function measuredMetric<K extends MetricId>(id: K, spec: MetricSpec): MeasuredMetric<K> {
  const tagged: { value: number; side?: 'left' | 'right' }[] = spec.sideSamples
    ? [
        ...spec.sideSamples.left.map((value) => ({ value, side: 'left' as const })),
        ...spec.sideSamples.right.map((value) => ({ value, side: 'right' as const }))
      ]
    : (spec.samples ?? Array.from({ length: 6 }, () => spec.value)).map((value) => ({ value }));
  const values = tagged.map((t) => t.value);
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.round(p * (sorted.length - 1))];
  return {
    id,
    status: 'measured',
    value: spec.value,
    left: spec.left,
    right: spec.right,
    samples: tagged.map((t, i) => ({ ...t, tMs: i * 500, frame: i * 15 })),
    n: values.length,
    spread: { sd: 0, iqr: [q(0.25), q(0.75)], min: sorted[0], max: sorted[sorted.length - 1] },
    confidence: spec.confidence ?? 'high',
    notes: []
  };
}

export function step(side: 'left' | 'right', frame: number, values: Partial<StepRecord> = {}): StepRecord {
  return {
    side,
    heelStrikeTMs: (frame * 1000) / 30,
    heelStrikeFrame: frame,
    stepTimeS: 0.55,
    stepLengthPerLeg: 0.77,
    heelAheadOfHipPerLeg: 0.38,
    shankAngleDeg: 5,
    kneeFlexionDeg: 8,
    segment: 0,
    excludedReason: null,
    ...values
  };
}

/** A used pass from 0 to 3 s toward image right with 6 strikes, with these fields changed. */
export function segment(over: Partial<WalkSegment> = {}): WalkSegment {
  return {
    kind: 'pass',
    startMs: 0,
    endMs: 3000,
    startFrame: 0,
    endFrame: 90,
    direction: 1,
    treadmill: false,
    used: true,
    reason: null,
    strikes: 6,
    ...over
  };
}

/**
 * The analysis as a session saved before passes existed stored it: no segments, activity or outliers, and no
 * per-step segment or reason (modifies and returns `a`).
 */
export function asSavedBeforePasses(a: GaitAnalysis): GaitAnalysis {
  const old = a as Partial<GaitAnalysis>;
  delete old.segments;
  delete old.activity;
  delete old.outliers;
  for (const s of old.steps ?? []) {
    delete (s as Partial<StepRecord>).segment;
    delete (s as Partial<StepRecord>).excludedReason;
  }
  return a;
}

export function makeAnalysis(
  metrics: Partial<Record<MetricId, MetricSpec>> = {},
  extra: Partial<GaitAnalysis> = {}
): GaitAnalysis {
  const all = Object.fromEntries(
    METRIC_IDS.map((id) => [
      id,
      metrics[id]
        ? measuredMetric(id, metrics[id])
        : { id, status: 'not-measurable', reason: `test: ${id} not set` }
    ])
  ) as GaitAnalysis['metrics'];
  const length = 90;
  return {
    version: 1,
    model: 'full',
    widthPx: 960,
    heightPx: 540,
    view: {
      view: 'side',
      widthToTorsoRatio: 0.1,
      viewFit: 0.9,
      direction: 1,
      towardCamera: null,
      treadmill: false,
      nearSide: 'right'
    },
    timeline: {
      t0Ms: 0,
      sampleRateHz: 30,
      length,
      sourceFrame: Array.from({ length }, (_, i) => i),
      cutoffHz: 6
    },
    legLengthPx: 200,
    torsoLengthPx: 150,
    legCorrection: { swapped: [], collapsed: [], swappedFrameCount: 0, collapsedFrameCount: 0 },
    segments: [segment({ endMs: ((length - 1) * 1000) / 30, endFrame: length - 1, strikes: 8 })],
    activity: { kind: 'walking', evidence: 'test: walking' },
    outliers: [],
    events: [],
    steps: [],
    strides: [],
    traces: {
      trunkLeanDeg: Array.from({ length }, () => 4),
      neckAngleDeg: Array.from({ length }, () => 10),
      lateralLeanDeg: Array.from({ length }, () => null),
      heelMinusPelvisLeftPerLeg: Array.from({ length }, () => 0),
      heelMinusPelvisRightPerLeg: Array.from({ length }, () => 0)
    },
    metrics: all,
    quality: {
      confidence: 'high',
      stepsUsed: 8,
      detectionRate: 1,
      meanVisibility: 0.9,
      fpsHz: 30,
      durationS: 5,
      viewFit: 0.9,
      swapsCorrected: 0,
      issues: []
    },
    ...extra
  };
}
