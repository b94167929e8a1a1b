/**
 * Golden landmark fixtures: the rendered synthetic walker (`../shared/fixtures/synthetic-side-walk.webm`, exact
 * truth) run through the app's own pose engine with each model variant, and the Sports2D demo clip (real
 * footage) with the full model. The series are in `tests/fixtures/landmarks/` (made by
 * `scripts/make-landmark-fixtures.ts`); the truth is read from the shared fixtures and the tests skip when
 * that folder is absent. Tolerances are in the units named.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LandmarkSeries } from '../series';
import { analyzeGait } from './analyze-gait';
import { countOnWalker } from '../../../../tests/fixtures/sports2d-walker';
import type { GaitAnalysis, MetricId } from './types';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const truthFile = resolve(repo, '../shared/fixtures/synthetic-side-walk.truth.json');
const HAS_TRUTH = existsSync(truthFile);
const load = (name: string): LandmarkSeries =>
  JSON.parse(readFileSync(resolve(repo, 'tests/fixtures/landmarks', name), 'utf8')) as LandmarkSeries;
const value = (a: GaitAnalysis, id: MetricId) => {
  const m = a.metrics[id];
  return m.status === 'measured' ? m.value : NaN;
};

interface TruthEvent {
  leg: 'L' | 'R';
  frame: number;
}

describe.skipIf(!HAS_TRUTH)(
  'rendered synthetic side walk through the pose model (truth: cadence 110, step 0.768 leg lengths, lean 4°)',
  () => {
    const truth = HAS_TRUTH ? JSON.parse(readFileSync(truthFile, 'utf8')).gait : null;

    describe.each(['lite', 'full', 'heavy'] as const)('%s model', (variant) => {
      const a = analyzeGait(load(`synthetic-side-walk.${variant}.json`));

      it('sees a side view, walking left → right', () => {
        expect(a.view).toMatchObject({ view: 'side', direction: 1, nearSide: 'right', treadmill: false });
      });

      it('finds the six heel strikes at the true frames (±2 frames), on the right feet, and nothing else', () => {
        const strikes = a.events.filter((e) => e.kind === 'heelStrike');
        expect(strikes).toHaveLength(truth.heelStrikes.length);
        truth.heelStrikes.forEach((h: TruthEvent, k: number) => {
          expect(strikes[k].side).toBe(h.leg === 'L' ? 'left' : 'right');
          expect(Math.abs((strikes[k].tMs * 30) / 1000 - h.frame), `strike ${k}`).toBeLessThanOrEqual(2);
        });
      });

      it('measures cadence 110 ± 3 steps/min, step length 0.768 ± 0.06 leg lengths, trunk lean 4 ± 2°', () => {
        expect(Math.abs(value(a, 'cadence') - truth.cadence)).toBeLessThanOrEqual(3);
        expect(Math.abs(value(a, 'stepLength') - truth.stepLengthL_over_leg)).toBeLessThanOrEqual(0.06);
        expect(Math.abs(value(a, 'trunkLean') - truth.trunkLeanDeg)).toBeLessThanOrEqual(2);
      });

      it('finds the symmetric walker symmetric in timing (step-time SI < 5 %)', () => {
        expect(value(a, 'stepTimeSymmetry')).toBeLessThan(5);
      });

      it('says the clip is short and never claims high confidence', () => {
        expect(a.quality.confidence).not.toBe('high');
        expect(a.quality.issues.map((i) => i.code)).toContain('too-short');
      });
    });

    // Before footprints were read from the raw frames, an uncaught label swap just after the full model's near
    // (right) strike, smeared by the low-pass, gave left 0.86 / right 0.78 and an SI of 11.8 % (lite 6.5 %).
    // The bound is 6 %: with three steps a side and ±0.03 leg lengths of model noise per step, the SI's own
    // standard error is ≈ 3 points; re-recording the same clip with the pose engine's settings of the day
    // moved full's SI between 2.8 and 5.2 % (docs/VALIDATION.md). The report calls a side difference only
    // beyond two standard errors (judge-asymmetry.ts).
    it.each(['lite', 'full', 'heavy'] as const)(
      '%s model: each side within 0.07 leg lengths of the true 0.768, step-length SI < 6 %%',
      (variant) => {
        const a = analyzeGait(load(`synthetic-side-walk.${variant}.json`));
        const m = a.metrics.stepLength;
        expect(m.status).toBe('measured');
        if (m.status !== 'measured') return;
        expect(Math.abs((m.left ?? NaN) - truth.stepLengthL_over_leg)).toBeLessThanOrEqual(0.07);
        expect(Math.abs((m.right ?? NaN) - truth.stepLengthR_over_leg)).toBeLessThanOrEqual(0.07);
        expect(value(a, 'stepLengthSymmetry')).toBeLessThan(6);
      }
    );
  }
);

describe('Sports2D demo clip (real footage, full model): the walker, measured with the confidence it deserves', () => {
  // She walks right → left past a tree in 7.7 s; the pose engine follows her, not the acrobat (see
  // follow-walker.fixtures.test.ts). Lite and full at 640 and 960 px input all gave cadence
  // 96–98.5 steps/min and step length 0.95–0.98 leg lengths on her (docs/VALIDATION.md).
  const series = load('sports2d-demo.full.json');
  const a = analyzeGait(series);

  it('every posed frame is the walker', () => {
    const c = countOnWalker(
      series.frames.map((f) => f.pose),
      series.frames.map((f) => f.tMs),
      series.widthPx,
      series.heightPx
    );
    expect(c.onWalker).toBe(c.posed);
    expect(c.fullViewPosed / c.fullView).toBeGreaterThan(0.9);
  });

  it('sees a side view of someone walking right to left', () => {
    expect(a.view.view).toBe('side');
    expect(a.view.direction).toBe(-1);
    expect(a.view.treadmill).toBe(false);
  });

  it('measures her steps: an ordinary walking cadence and step length', () => {
    expect(a.quality.stepsUsed).toBeGreaterThanOrEqual(6);
    expect(value(a, 'cadence')).toBeGreaterThan(90);
    expect(value(a, 'cadence')).toBeLessThan(105);
    expect(value(a, 'stepLength')).toBeGreaterThan(0.85);
    expect(value(a, 'stepLength')).toBeLessThan(1.1);
  });

  it('says she is missing from many frames and never claims high confidence', () => {
    expect(a.quality.issues.map((i) => i.code)).toContain('low-detection');
    expect(a.quality.confidence).not.toBe('high');
  });
});
