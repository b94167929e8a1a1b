import { median, quantile } from '$lib/analysis/signal';
import type { GaitAnalysis, StepRecord } from '$lib/analysis/gait/types';
import { stepCounts } from './metric-text';

/**
 * Walk ratio of one step, leg lengths per (step/min): its length ÷ its own cadence (60 ÷ its step time),
 * i.e. length × step time ÷ 60. Null without both values.
 */
export function stepWalkRatio(step: StepRecord): number | null {
  if (step.stepLengthPerLeg === null || step.stepTimeS === null) return null;
  return (step.stepLengthPerLeg * step.stepTimeS) / 60;
}

/** The walk ratio over the counted steps: median, middle half, and the steps it rests on. */
export interface WalkRatioSummary {
  median: number;
  iqr: [number, number];
  n: number;
}

/**
 * Walk ratio (Sekiya et al. 1997), step length ÷ cadence, over the steps that count: the median of the
 * per-step ratios ({@link stepWalkRatio}) with its middle half, or null with fewer than two steps.
 */
export function walkRatio(analysis: GaitAnalysis): WalkRatioSummary | null {
  const values = analysis.steps
    .filter(stepCounts)
    .map(stepWalkRatio)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length < 2) return null;
  return { median: median(values), iqr: [quantile(values, 0.25), quantile(values, 0.75)], n: values.length };
}
