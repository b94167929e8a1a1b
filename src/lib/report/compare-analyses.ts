import { METRIC_REGISTRY } from '$lib/analysis/gait/metric-registry';
import { METRIC_IDS, type GaitAnalysis, type MetricId } from '$lib/analysis/gait/types';

/** One metric in two sessions: both values (null when not measurable) and the change from A to B. */
export interface MetricDelta {
  id: MetricId;
  label: string;
  unit: string;
  decimals: number;
  a: number | null;
  b: number | null;
  /** b − a, in the metric's unit; null unless both were measured. */
  delta: number | null;
}

/** The measured value of a metric, or null (not measurable, or missing from an old or damaged record). */
function valueOf(analysis: GaitAnalysis | null | undefined, id: MetricId): number | null {
  const m = analysis?.metrics?.[id];
  return m?.status === 'measured' && Number.isFinite(m.value) ? m.value : null;
}

/**
 * Compare two analyses metric by metric (older = `a`, newer = `b`). Metrics measured in neither
 * session are left out; a metric measured in only one keeps its row with a null delta. A running clip's
 * metrics are all not measurable, so it adds no walking numbers. Tolerates a saved analysis that lacks
 * metrics (old or damaged records): those read as not measured.
 */
export function compareAnalyses(
  a: GaitAnalysis | null | undefined,
  b: GaitAnalysis | null | undefined
): MetricDelta[] {
  const rows: MetricDelta[] = [];
  for (const id of METRIC_IDS) {
    const va = valueOf(a, id);
    const vb = valueOf(b, id);
    if (va === null && vb === null) continue;
    const info = METRIC_REGISTRY[id];
    rows.push({
      id,
      label: info.label,
      unit: info.unit,
      decimals: info.decimals,
      a: va,
      b: vb,
      delta: va !== null && vb !== null ? vb - va : null
    });
  }
  return rows;
}
