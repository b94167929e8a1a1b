/**
 * The one result shape every gait metric returns, so that the report, the CSV and the JSON
 * export read all metrics the same way. Definitions, labels, units and references of each
 * metric live in the metric registry (`gait/metric-registry.ts`), keyed by `MetricId`.
 */

/** How far a reported number can be trusted. */
export type Confidence = 'high' | 'medium' | 'low';

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** The weakest of several confidences ('high' when given none). */
export function weakestConfidence(...values: Confidence[]): Confidence {
  return values.reduce((a, b) => (CONFIDENCE_RANK[b] < CONFIDENCE_RANK[a] ? b : a), 'high');
}

/** Spread of the per-step or per-stride values behind a summary. */
export interface Spread {
  /** Sample standard deviation, in the metric's unit. */
  sd: number;
  /** Interquartile range [q25, q75], in the metric's unit. */
  iqr: [number, number];
  /** Smallest and largest value, in the metric's unit. */
  min: number;
  max: number;
}

/** One contributing value: a step, a stride, a heel strike or a frame. */
export interface MetricSample {
  /** The value, in the metric's unit. */
  value: number;
  /** Which side it belongs to, when it has one. */
  side?: 'left' | 'right';
  /** Time of the event it is measured at (or the start of the step/stride), ms. */
  tMs: number;
  /** Frame index (into `LandmarkSeries.frames`) it is measured at or starts at. */
  frame: number;
}

/** A metric that could be computed. */
export interface MeasuredMetric<Id extends string = string> {
  id: Id;
  status: 'measured';
  /** Summary value (usually the median of `samples`), in the metric's unit. */
  value: number;
  /** Per-side summaries where the metric has sides. */
  left?: number;
  right?: number;
  /** The values it rests on. */
  samples: MetricSample[];
  /** How many steps/strides/events it rests on (`samples.length` unless stated otherwise). */
  n: number;
  spread: Spread;
  confidence: Confidence;
  /** Plain-language caveats, e.g. "frame rate below 20 fps: timing is coarse". */
  notes: string[];
}

/** A metric the video cannot support: never a made-up number. */
export interface NotMeasurableMetric<Id extends string = string> {
  id: Id;
  status: 'not-measurable';
  /** Completes the sentence "Not measurable here, because …". */
  reason: string;
}

export type MetricResult<Id extends string = string> = MeasuredMetric<Id> | NotMeasurableMetric<Id>;

/** A metric's summary value when it was measured, else null (also for a metric missing from old data). */
export function measuredValue(metric: MetricResult | undefined): number | null {
  return metric?.status === 'measured' ? metric.value : null;
}
