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

/**
 * Compare two analyses metric by metric (older = `a`, newer = `b`). Metrics measured in neither
 * session are left out; a metric measured in only one keeps its row with a null delta.
 */
export function compareAnalyses(a: GaitAnalysis, b: GaitAnalysis): MetricDelta[] {
  const rows: MetricDelta[] = [];
  for (const id of METRIC_IDS) {
    const ma = a.metrics[id];
    const mb = b.metrics[id];
    const va = ma.status === 'measured' ? ma.value : null;
    const vb = mb.status === 'measured' ? mb.value : null;
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
