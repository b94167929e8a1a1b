/**
 * The findings matrix (acceptance test of the findings): rendered walkers with known gait, run through the
 * real pose model (lite and full; `tests/fixtures/rendered/findings/`, made by `scripts/render-walker/`),
 * analysed, and judged. Each must raise exactly the findings its gait calls for (watch or work-on), and no
 * other: a normal walker gets none, whatever the direction, distance or treadmill.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeGait } from '$lib/analysis/gait';
import type { LandmarkSeries } from '$lib/analysis/series';
import { buildFindings } from './build-findings';
import type { FindingId } from './types';

/** Clip → the findings that must be flagged (watch or work-on); every other finding must not be. */
const MATRIX: Record<string, FindingId[]> = {
  'normal-110-l': [],
  'normal-110-r-3m': [],
  'normal-118-r-6.5m': [],
  'normal-105-r-short': [],
  'normal-125-l': ['cadence'],
  'treadmill-110': [],
  'lean-15': ['trunk-lean'],
  'neck-25': ['head-posture'],
  'long-steps-110': ['overstride'],
  'fast-long-125': ['cadence'],
  'uneven-steps': ['asymmetry'],
  'limp-time': ['asymmetry'],
  'cadence-95': ['cadence'],
  'cadence-125': ['cadence'],
  'front-110': []
};

const read = (name: string): LandmarkSeries =>
  JSON.parse(
    readFileSync(
      new URL(`../../../../tests/fixtures/rendered/findings/${name}.json`, import.meta.url),
      'utf8'
    )
  ) as LandmarkSeries;

const cases = Object.entries(MATRIX).flatMap(([clip, expected]) =>
  (['lite', 'full'] as const).map((model) => ({ clip, model, expected }))
);

describe('findings matrix on rendered walkers through the real pose model', () => {
  it.each(cases)('$clip ($model): flags exactly $expected', ({ clip, model, expected }) => {
    const findings = buildFindings(analyzeGait(read(`${clip}.${model}`)));
    const flagged = findings
      .filter((f) => f.level === 'watch' || f.level === 'work-on')
      .map((f) => f.id)
      .sort();
    const why = findings.map((f) => `${f.id} ${f.level}: ${f.headline}`).join('\n');
    expect(flagged, why).toEqual([...expected].sort());
  });

  it.each(['lite', 'full'] as const)(
    'front view (%s): posture "couldn\'t check", with the reason',
    (model) => {
      const findings = buildFindings(analyzeGait(read(`front-110.${model}`)));
      for (const id of ['trunk-lean', 'head-posture'] as const) {
        const f = findings.find((x) => x.id === id)!;
        expect(f.level).toBe('not-checked');
        expect(f.headline).toMatch(/because/);
      }
    }
  );

  it.each(['lite', 'full'] as const)(
    'long steps (%s) are work-on, with the step of longest reach as evidence',
    (model) => {
      const f = buildFindings(analyzeGait(read(`long-steps-110.${model}`))).find(
        (x) => x.id === 'overstride'
      )!;
      expect(f.headline).toMatch(/long for your pace/);
      expect(f.evidence[0].text).toMatch(/^Walk ratio/);
    }
  );
});
