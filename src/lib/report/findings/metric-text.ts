/**
 * Shared wording helpers for findings: a metric's value with its spread and n, and level
 * softening when the confidence is low.
 */
import { metricInfo } from '$lib/analysis/gait/metric-registry';
import type { GaitAnalysis, MetricId } from '$lib/analysis/gait/types';
import type { Confidence, MeasuredMetric, MetricResult } from '$lib/analysis/metric';
import type { FindingLevel } from './types';

/** Format a number with the metric's decimals and unit, e.g. "4.1°", "0.77 × leg length". */
export function formatValue(id: MetricId, value: number): string {
  const info = metricInfo(id);
  const text = value.toFixed(info.decimals);
  return info.unit === '°' ? `${text}°` : `${text} ${info.unit}`;
}

/** "Label 4.1° (middle half 3.0–5.2°, 8 values, high confidence)". */
export function describeMeasured(metric: MeasuredMetric<MetricId>): string {
  const info = metricInfo(metric.id);
  if (metric.id === 'strideTimeVariability') {
    // Its samples are strides as % of the mean stride, not CVs: state them as such.
    const { min, max } = metric.spread;
    return `${info.label} ${formatValue(metric.id, metric.value)} (strides lasted ${min.toFixed(0)}–${max.toFixed(0)} % of the average stride, from ${metric.n} strides, ${metric.confidence} confidence)`;
  }
  const [q25, q75] = metric.spread.iqr;
  const range = `${q25.toFixed(info.decimals)}–${formatValue(metric.id, q75)}`;
  return `${info.label} ${formatValue(metric.id, metric.value)} (middle half of values ${range}, from ${metric.n} values, ${metric.confidence} confidence)`;
}

/** The metric if it was measured, else null. */
export function measured<K extends MetricId>(analysis: GaitAnalysis, id: K): MeasuredMetric<K> | null {
  const m = analysis.metrics[id] as MetricResult<K>;
  return m.status === 'measured' ? m : null;
}

/** A clause without its closing full stop (and trailing space), to be ended by the sentence it goes into. */
export function clause(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}

/**
 * The "because …" reason of a not-measurable metric, without its full stop: the analysis writes reasons
 * as sentences ("… were found."), and the headline that quotes them ends with its own.
 */
export function notMeasurableReason(analysis: GaitAnalysis, id: MetricId): string {
  const m = analysis.metrics[id];
  return m.status === 'not-measurable' ? clause(m.reason) : '';
}

/**
 * Never claim more than the confidence allows: with low confidence a `work-on` becomes `watch`
 * (the wording then says the clip only suggests it).
 */
export function capLevel(level: FindingLevel, confidence: Confidence): FindingLevel {
  return confidence === 'low' && level === 'work-on' ? 'watch' : level;
}

/** A hedge to put before a claim when confidence is low: "" or "This clip suggests that ". */
export function hedge(confidence: Confidence): string {
  return confidence === 'low' ? 'This clip only suggests it, since the measurement is uncertain: ' : '';
}

/** Whether a step counts for the metrics (not left out, e.g. as one of the first steps from standing still). */
export function stepCounts(step: GaitAnalysis['steps'][number]): boolean {
  return (step.excludedReason ?? null) === null;
}

/**
 * Step numbers (1-based, in time order over all steps, as in the steps table) and frames of the counted
 * steps matching a predicate. Steps left out of the metrics are never counted here.
 */
export function stepsWhere(
  analysis: GaitAnalysis,
  predicate: (step: GaitAnalysis['steps'][number]) => boolean
): { numbers: number[]; frames: number[] } {
  const numbers: number[] = [];
  const frames: number[] = [];
  analysis.steps.forEach((step, i) => {
    if (stepCounts(step) && predicate(step)) {
      numbers.push(i + 1);
      frames.push(step.heelStrikeFrame);
    }
  });
  return { numbers, frames };
}

/** "1, 3 and 5". */
export function listNumbers(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}
