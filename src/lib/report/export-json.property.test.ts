/**
 * Property: for any landmark series, however noisy, gappy or degenerate, the JSON export holds no
 * NaN or Infinity anywhere (not even turned into `null` where its schema wants a number): the
 * analysis either refuses the clip with its typed error, or the export text is valid against the
 * export schema. Series are synthetic walks with fuzzed gait, noise, dropouts, swaps and timing,
 * then damaged at random frames: landmarks stacked on one point (zero-length legs), off the
 * picture, or far out; poses removed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSyntheticWalk } from '../../../tests/synthetic/make-synthetic-walk';
import { analyzeGait } from '$lib/analysis/gait';
import { GaitAnalysisError } from '$lib/analysis/gait/errors';
import type { LandmarkSeries, Pose } from '$lib/analysis/series';
import schema from './export-schema.json';
import { buildReportExport } from './export-json';
import { buildReportModel } from './report-model';
import { validateJsonSchema, type JsonSchema } from './validate-json-schema';

/** What a damaged frame becomes. */
type Damage = 'stacked' | 'off-picture' | 'far-out' | 'no-pose';

function damaged(pose: Pose, damage: Exclude<Damage, 'no-pose'>): Pose {
  const move = (p: Pose['image'][number]) =>
    damage === 'stacked'
      ? { ...p, x: 100, y: 100 }
      : damage === 'off-picture'
        ? { ...p, x: -500, y: 4000 }
        : { ...p, x: p.x * 1e9, y: p.y * 1e9 };
  return { image: pose.image.map(move), world: pose.world.map((p) => ({ ...p, x: 0, y: 0, z: 0 })) };
}

const walkArb = fc.record({
  cadenceSpm: fc.double({ min: 60, max: 170, noNaN: true }),
  stepLengthLeftPerLeg: fc.double({ min: 0.3, max: 1.1, noNaN: true }),
  stepLengthRightPerLeg: fc.double({ min: 0.3, max: 1.1, noNaN: true }),
  noisePx: fc.double({ min: 0, max: 25, noNaN: true }),
  dropoutRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
  collapseRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
  timestampJitterMs: fc.double({ min: 0, max: 8, noNaN: true }),
  fpsHz: fc.constantFrom(15, 24, 30, 60),
  durationS: fc.double({ min: 2, max: 7, noNaN: true }),
  direction: fc.constantFrom(1 as const, -1 as const),
  seed: fc.integer({ min: 1, max: 1_000_000 })
});

const damageArb = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    span: fc.integer({ min: 1, max: 20 }),
    damage: fc.constantFrom<Damage>('stacked', 'off-picture', 'far-out', 'no-pose')
  }),
  { maxLength: 6 }
);

function damageSeries(series: LandmarkSeries, damages: { at: number; span: number; damage: Damage }[]) {
  const frames = series.frames.slice();
  for (const { at, span, damage } of damages) {
    const first = Math.floor(at * frames.length);
    for (let i = first; i < Math.min(frames.length, first + span); i++) {
      const pose = frames[i].pose;
      frames[i] = { ...frames[i], pose: damage === 'no-pose' || !pose ? null : damaged(pose, damage) };
    }
  }
  return { ...series, frames };
}

/** Every path inside `value` that holds a non-finite number. */
function nonFinitePaths(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => nonFinitePaths(v, `${path}.${k}`));
}

/** Cases per run; `FUZZ_RUNS=2000 npx vitest run …` searches longer (200 cases: ≈ 2 s, ≈ 3 % refused). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

describe('JSON export of fuzzed landmark series', () => {
  it('never holds NaN or Infinity, and always matches its schema', () => {
    fc.assert(
      fc.property(walkArb, damageArb, fc.constantFrom(null, 150, 190), (walk, damages, heightCm) => {
        const series = damageSeries(makeSyntheticWalk(walk).series, damages);
        let analysis;
        try {
          analysis = analyzeGait(series);
        } catch (e) {
          // Refusing a clip with a reason is a valid outcome; anything else is a bug.
          if (e instanceof GaitAnalysisError) return;
          throw e;
        }
        const model = buildReportModel(analysis, { heightCm });
        const data = buildReportExport({
          id: 'fuzz',
          title: 'Fuzzed walk',
          createdAt: '2026-01-01T00:00:00.000Z',
          heightCm,
          series,
          analysis,
          model
        });
        expect(nonFinitePaths(data)).toEqual([]);
        const text = JSON.stringify(data);
        expect(text).not.toMatch(/NaN|Infinity/);
        expect(validateJsonSchema(JSON.parse(text), schema as JsonSchema)).toEqual([]);
      }),
      { numRuns: RUNS, seed: 14 }
    );
  });
});
