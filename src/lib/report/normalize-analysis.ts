/**
 * Sessions saved before the analysis split clips into passes lack `segments`, `activity`, `outliers` and the
 * per-step `segment` / `excludedReason`. The report, the exports and History read analyses through
 * {@link normalizeAnalysis}, which fills those in the way the old analysis worked: the whole clip as one
 * used stretch, walking, no outliers, every step counted. Damaged records (missing arrays or metrics) are
 * filled with empty values so a page never throws on them.
 */
import {
  METRIC_IDS,
  type GaitAnalysis,
  type GaitMetrics,
  type SegmentKind,
  type WalkSegment
} from '$lib/analysis/gait/types';

/** Evidence shown for an analysis saved before walking and running were told apart. */
export const ASSUMED_WALKING_EVIDENCE =
  'this walk was analysed before GaitLens told walking and running apart, so walking is assumed.';

const REASON_MISSING = 'this saved analysis does not hold it (it may be damaged).';

function isArray<T>(value: T[] | undefined | null): value is T[] {
  return Array.isArray(value);
}

/** The one stretch an old analysis stands for: the whole analysed clip, used. */
function wholeClipSegment(a: Partial<GaitAnalysis>): WalkSegment {
  const timeline = a.timeline;
  const sourceFrame = isArray(timeline?.sourceFrame) ? timeline.sourceFrame : [];
  const t0 = timeline && Number.isFinite(timeline.t0Ms) ? timeline.t0Ms : 0;
  const rate = timeline && timeline.sampleRateHz > 0 ? timeline.sampleRateHz : 30;
  const length = timeline && timeline.length > 0 ? timeline.length : sourceFrame.length;
  const view = a.view;
  const kind: SegmentKind =
    !view || view.view === 'side'
      ? 'pass'
      : view.view === 'front'
        ? view.towardCamera === false
          ? 'away-from-camera'
          : 'toward-camera'
        : 'oblique';
  const events = isArray(a.events) ? a.events : [];
  return {
    kind,
    startMs: t0,
    endMs: t0 + (Math.max(0, length - 1) * 1000) / rate,
    startFrame: sourceFrame[0] ?? 0,
    endFrame: sourceFrame[sourceFrame.length - 1] ?? 0,
    direction: kind === 'pass' ? (view?.direction ?? 1) : null,
    treadmill: view?.treadmill ?? false,
    used: true,
    reason: null,
    strikes: events.filter((e) => e.kind === 'heelStrike').length
  };
}

/**
 * The analysis with every field the report reads present. Returns the same object when nothing is
 * missing (so a current analysis is passed through untouched).
 */
export function normalizeAnalysis(analysis: GaitAnalysis): GaitAnalysis {
  const a = analysis as Partial<GaitAnalysis>;
  const steps = isArray(a.steps) ? a.steps : [];
  const strides = isArray(a.strides) ? a.strides : [];
  const complete =
    isArray(a.segments) &&
    a.activity !== undefined &&
    a.activity !== null &&
    isArray(a.outliers) &&
    isArray(a.events) &&
    isArray(a.steps) &&
    isArray(a.strides) &&
    a.metrics !== undefined &&
    METRIC_IDS.every((id) => a.metrics?.[id] !== undefined) &&
    steps.every((s) => s.segment !== undefined && s.excludedReason !== undefined) &&
    strides.every((s) => s.segment !== undefined && s.excludedReason !== undefined);
  if (complete) return analysis;

  const metrics = Object.fromEntries(
    METRIC_IDS.map((id) => [id, a.metrics?.[id] ?? { id, status: 'not-measurable', reason: REASON_MISSING }])
  ) as GaitMetrics;
  return {
    ...analysis,
    segments: isArray(a.segments) ? a.segments : [wholeClipSegment(a)],
    activity: a.activity ?? { kind: 'walking', evidence: ASSUMED_WALKING_EVIDENCE },
    outliers: isArray(a.outliers) ? a.outliers : [],
    events: isArray(a.events) ? a.events : [],
    steps: steps.map((s) => ({ ...s, segment: s.segment ?? 0, excludedReason: s.excludedReason ?? null })),
    strides: strides.map((s) => ({
      ...s,
      segment: s.segment ?? 0,
      excludedReason: s.excludedReason ?? null
    })),
    metrics
  };
}
