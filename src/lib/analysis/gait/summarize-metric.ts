import {
  weakestConfidence,
  type Confidence,
  type MeasuredMetric,
  type MetricSample,
  type NotMeasurableMetric
} from '../metric';
import { median, quantile, sampleSd } from '../signal';
import { MIN_SAMPLES_FOR_HIGH_CONFIDENCE, MIN_SAMPLES_FOR_METRIC } from '../thresholds';
import type { MetricId } from './types';

/**
 * Confidence from the number of values behind a metric: high from `MIN_SAMPLES_FOR_HIGH_CONFIDENCE`, medium
 * from half that, low below.
 */
export function confidenceFromCount(n: number): Confidence {
  if (n >= MIN_SAMPLES_FOR_HIGH_CONFIDENCE) return 'high';
  if (n >= MIN_SAMPLES_FOR_HIGH_CONFIDENCE / 2) return 'medium';
  return 'low';
}

/** A "not measurable here, because …" result. */
export function notMeasurable<Id extends MetricId>(id: Id, reason: string): NotMeasurableMetric<Id> {
  return { id, status: 'not-measurable', reason };
}

/** Options of {@link summarizeMetric}. */
export interface SummarizeOptions {
  /** Summary value; @default the median of the samples. */
  value?: number;
  left?: number;
  right?: number;
  /** Highest confidence the clip allows (from the quality assessment). */
  cap: Confidence;
  notes?: string[];
  /** Reason used when there are fewer than `MIN_SAMPLES_FOR_METRIC` finite samples. */
  tooFewReason: string;
}

/**
 * Build a metric result from its contributing values: the summary (median unless given), spread (sample SD,
 * interquartile range, min, max), n and confidence (count-based, capped by the clip's quality). Samples whose
 * value is not finite are dropped; with fewer than `MIN_SAMPLES_FOR_METRIC` left, or a non-finite summary, the
 * result is not measurable with `tooFewReason`.
 */
export function summarizeMetric<Id extends MetricId>(
  id: Id,
  samples: MetricSample[],
  opts: SummarizeOptions
): MeasuredMetric<Id> | NotMeasurableMetric<Id> {
  const kept = samples.filter((s) => Number.isFinite(s.value));
  const values = kept.map((s) => s.value);
  const value = opts.value ?? median(values);
  if (kept.length < MIN_SAMPLES_FOR_METRIC || !Number.isFinite(value))
    return notMeasurable(id, opts.tooFewReason);
  const result: MeasuredMetric<Id> = {
    id,
    status: 'measured',
    value,
    samples: kept,
    n: kept.length,
    spread: {
      sd: sampleSd(values),
      iqr: [quantile(values, 0.25), quantile(values, 0.75)],
      min: Math.min(...values),
      max: Math.max(...values)
    },
    confidence: weakestConfidence(confidenceFromCount(kept.length), opts.cap),
    notes: opts.notes ?? []
  };
  if (opts.left !== undefined && Number.isFinite(opts.left)) result.left = opts.left;
  if (opts.right !== undefined && Number.isFinite(opts.right)) result.right = opts.right;
  return result;
}
