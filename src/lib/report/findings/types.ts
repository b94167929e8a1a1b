import type { MetricId } from '$lib/analysis/gait/types';
import type { Confidence } from '$lib/analysis/metric';

/**
 * How a finding is judged:
 * - `fine`: within what is usual, nothing to change;
 * - `watch`: a little past the usual, or a habit on some steps; worth keeping an eye on;
 * - `work-on`: clearly past the flag threshold with enough confidence to say so;
 * - `not-checked`: the clip could not support a judgement (the reason is in `headline`).
 * The bands are in `findings/thresholds.ts`.
 */
export type FindingLevel = 'fine' | 'watch' | 'work-on';

export type FindingId = 'trunk-lean' | 'head-posture' | 'overstride' | 'asymmetry' | 'cadence' | 'regularity';

/** One number behind a finding, with where to see it. */
export interface FindingEvidence {
  /** A sentence with the number, its spread and n, e.g. "Trunk lean 4° (IQR 3–5°, 8 strides)". */
  text: string;
  metricId?: MetricId;
  /** Original frame indices where this can be seen (e.g. the heel strikes concerned). */
  frames: number[];
}

export interface Finding {
  id: FindingId;
  /** Short topic, e.g. "Upright trunk". */
  topic: string;
  level: FindingLevel | 'not-checked';
  /** The weakest confidence of the metrics the judgement rests on; null when not checked. */
  confidence: Confidence | null;
  /** One plain sentence: what we saw (or why we could not check). */
  headline: string;
  evidence: FindingEvidence[];
  /** What to try, in our own words. Empty for `not-checked`. */
  advice: string[];
  /** Which point of the source article this ties to, paraphrased. */
  articlePoint: string;
}
