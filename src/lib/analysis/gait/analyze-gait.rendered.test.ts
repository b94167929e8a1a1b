/**
 * Rendered walker clips that vary as real clips do (a limp, a start from standstill at 24 fps, two passes with
 * an exit and re-entry, a turn in view, a far walker at 60 fps, a treadmill run), run through the real pose model (lite and full;
 * `tests/fixtures/rendered/`), analysed and pinned against the renderer's exact truth. What the pose model
 * adds to the analysis's own error is measured here; docs/VALIDATION.md states the figures
 * (`npx tsx scripts/gait-recovery-errors.ts`).
 */
import { describe, expect, it } from 'vitest';
import { meanAbs, type EventErrors } from '../../../../tests/gait/event-errors';
import { RENDERED_LIMITS, scoreRendered } from '../../../../tests/gait/rendered-recovery';

const VARIANTS = ['far', 'limp', 'slow-standstill', 'turn', 'two-pass'] as const;
const MODELS = ['lite', 'full'] as const;
const PASSES: Record<(typeof VARIANTS)[number], number> = {
  far: 1,
  limp: 1,
  'slow-standstill': 1,
  turn: 2,
  'two-pass': 2
};

const LIMITS = RENDERED_LIMITS;

const cases = VARIANTS.flatMap((variant) => MODELS.map((model) => ({ variant, model })));
const scored = cases.map((c) => ({ ...c, ...scoreRendered(c.variant, c.model) }));
const finiteAbs = (x: number) => (Number.isFinite(x) ? Math.abs(x) : 0);

describe('analyzeGait on rendered walkers through the real pose model', () => {
  it.each(scored)('$variant ($model): walking, with the right number of passes used', ({ variant, e }) => {
    expect(e.activity).toBe('walking');
    expect(e.passesUsed).toBe(PASSES[variant]);
  });

  it.each(scored)('$variant ($model): cadence, step length and trunk lean within limits', ({ model, e }) => {
    const lim = LIMITS[model];
    expect(Math.abs(e.cadenceSpm)).toBeLessThanOrEqual(lim.cadence);
    expect(Math.abs(e.stepLengthLeftPerLeg)).toBeLessThanOrEqual(lim.stepLength);
    expect(Math.abs(e.stepLengthRightPerLeg)).toBeLessThanOrEqual(lim.stepLength);
    expect(Math.abs(e.trunkLeanDeg)).toBeLessThanOrEqual(lim.lean);
  });

  it.each(scored)('$variant ($model): heel strikes and toe offs placed within limits', ({ model, e }) => {
    const lim = LIMITS[model];
    for (const ev of [e.heelStrikes, e.toeOffs] as EventErrors[]) {
      expect(ev.errorsFrames.length).toBeGreaterThanOrEqual(3);
      expect(meanAbs(ev.errorsFrames)).toBeLessThanOrEqual(lim.eventMaeFrames);
      expect(Math.max(...ev.errorsFrames.map(Math.abs))).toBeLessThanOrEqual(lim.eventMaxFrames);
    }
    expect(e.heelStrikes.missed + e.heelStrikes.spurious).toBeLessThanOrEqual(4);
  });

  it.each(scored)('$variant ($model): step-time and stance-time symmetry within limits', ({ model, e }) => {
    expect(finiteAbs(e.stepTimeSiPts)).toBeLessThanOrEqual(LIMITS[model].si);
    expect(finiteAbs(e.stanceTimeSiPts)).toBeLessThanOrEqual(LIMITS[model].si);
  });

  it('measures the limp with the full model: step-time SI ≈ 24 % and stance SI ≈ 21 % within ±5 points', () => {
    const { e, analysis } = scored.find((s) => s.variant === 'limp' && s.model === 'full')!;
    expect(analysis.metrics.stepTimeSymmetry.status).toBe('measured');
    expect(analysis.metrics.stanceTimeSymmetry.status).toBe('measured');
    expect(Math.abs(e.stepTimeSiPts)).toBeLessThanOrEqual(5);
    expect(Math.abs(e.stanceTimeSiPts)).toBeLessThanOrEqual(5);
  });

  it('keeps the first steps from standing still out of the metrics, and says why', () => {
    for (const model of MODELS) {
      const { analysis } = scored.find((s) => s.variant === 'slow-standstill' && s.model === model)!;
      expect(analysis.segments[0].kind).toBe('standing');
      expect(analysis.segments[0].used).toBe(false);
      const excluded = analysis.steps.filter((s) => s.excludedReason !== null);
      expect(excluded.length).toBeGreaterThanOrEqual(1);
      expect(excluded[0].excludedReason).toMatch(/standing still/);
    }
  });

  it.each(MODELS)(
    'recognises the rendered treadmill run as running (%s), with no walking number',
    (model) => {
      const { analysis } = scoreRendered('run', model);
      expect(analysis.activity.kind).toBe('running');
      expect(Object.values(analysis.metrics).every((m) => m.status === 'not-measurable')).toBe(true);
    }
  );

  it('analyses each pass of the turn in its own direction and leaves the turn out', () => {
    for (const model of MODELS) {
      const { analysis } = scored.find((s) => s.variant === 'turn' && s.model === model)!;
      const passes = analysis.segments.filter((s) => s.kind === 'pass');
      expect(passes.map((p) => p.direction)).toEqual([1, -1]);
      expect(analysis.segments.some((s) => s.kind === 'turn' && !s.used)).toBe(true);
      expect(analysis.quality.issues.map((i) => i.code)).toContain('parts-left-out');
    }
  });
});
