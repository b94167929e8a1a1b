import { describe, expect, it } from 'vitest';
import type { GaitAnalysis } from '$lib/analysis/gait/types';
import { summarizeSession } from '$lib/storage/summarize-session';
import { asSavedBeforePasses, makeAnalysis, step } from '../../../tests/helpers/make-analysis';
import { makeStoredSession } from '../../../tests/helpers/make-session';
import { compareAnalyses } from './compare-analyses';
import { normalizeAnalysis } from './normalize-analysis';
import { buildReportModel } from './report-model';

/** An analysis as saved before passes existed: no segments, activity, outliers or per-step segment fields. */
function savedBeforePasses(): GaitAnalysis {
  const a = makeAnalysis(
    { cadence: { value: 110 }, trunkLean: { value: 4 } },
    {
      steps: [step('left', 10), step('right', 26)],
      events: [
        { kind: 'heelStrike', side: 'left', tMs: 333, frame: 10, sample: 10 },
        { kind: 'heelStrike', side: 'right', tMs: 867, frame: 26, sample: 26 }
      ]
    }
  );
  return asSavedBeforePasses(a);
}

describe('analyses saved before passes existed', () => {
  it('read as one used pass of walking over the whole clip, with no outliers', () => {
    const a = normalizeAnalysis(savedBeforePasses());
    expect(a.segments).toHaveLength(1);
    expect(a.segments[0]).toMatchObject({
      kind: 'pass',
      used: true,
      reason: null,
      direction: 1,
      startFrame: 0,
      endFrame: 89,
      strikes: 2
    });
    expect(a.activity.kind).toBe('walking');
    expect(a.outliers).toEqual([]);
    expect(a.steps.map((s) => [s.segment, s.excludedReason])).toEqual([
      [0, null],
      [0, null]
    ]);
  });

  it('leave a current analysis untouched', () => {
    const current = makeAnalysis();
    expect(normalizeAnalysis(current)).toBe(current);
  });

  it('build a full report: "1 pass used", findings, plan and counted steps', () => {
    const model = buildReportModel(savedBeforePasses(), { heightCm: null });
    expect(model.segmentSummary).toBe('1 pass used');
    expect(model.viewText).toBe('side view, walking toward the right');
    expect(model.findings).toHaveLength(6);
    expect(model.plan).toHaveLength(7);
    expect(model.steps.every((s) => s.counted && s.leftOutReasons.length === 0)).toBe(true);
  });

  it('never break History: summaries and comparisons of old, damaged or failed analyses', () => {
    const old = savedBeforePasses();
    const damaged = { version: 1 } as unknown as GaitAnalysis;
    const current = makeAnalysis({ cadence: { value: 112 } });
    expect(compareAnalyses(old, current)).toEqual([
      expect.objectContaining({ id: 'cadence', a: 110, b: 112, delta: 2 }),
      expect.objectContaining({ id: 'trunkLean', a: 4, b: null, delta: null })
    ]);
    expect(compareAnalyses(damaged, current)).toEqual([
      expect.objectContaining({ id: 'cadence', a: null, b: 112, delta: null })
    ]);
    expect(compareAnalyses(null, undefined)).toEqual([]);
    const stored = (analysis: GaitAnalysis) => makeStoredSession({ title: 'Old walk', analysis });
    expect(summarizeSession(stored(old)).headline.cadenceSpm).toBe(110);
    expect(summarizeSession(stored(damaged)).headline).toEqual({
      cadenceSpm: null,
      stepLengthPerLeg: null,
      trunkLeanDeg: null,
      stepLengthSymmetryPct: null
    });
    // A damaged record still normalises to something the report can read.
    const n = normalizeAnalysis(damaged);
    expect(n.steps).toEqual([]);
    expect(n.metrics.cadence.status).toBe('not-measurable');
  });
});
