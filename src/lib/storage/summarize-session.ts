import { measuredValue } from '$lib/analysis/metric';
import type { GaitAnalysis, MetricId } from '$lib/analysis/gait/types';
import { SESSION_SCHEMA_VERSION } from './session-schema';
import type { SessionSummary, StoredSession } from './types';

/** The summary value of a metric, or `null` when it was not measurable (or absent in a damaged record). */
function metricValue(analysis: GaitAnalysis, id: MetricId): number | null {
  return measuredValue(analysis.metrics?.[id]);
}

/** The light history row of a session: id, title, time, whether a video is kept, headline numbers. */
export function summarizeSession(session: StoredSession): SessionSummary {
  const a = session.analysis;
  return {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id: session.id,
    createdAt: session.createdAt,
    title: session.title,
    hasVideo: session.video !== null,
    headline: {
      cadenceSpm: metricValue(a, 'cadence'),
      stepLengthPerLeg: metricValue(a, 'stepLength'),
      trunkLeanDeg: metricValue(a, 'trunkLean'),
      stepLengthSymmetryPct: metricValue(a, 'stepLengthSymmetry')
    }
  };
}
