/**
 * The rhythm finding judges only the stride-time variability beyond event-timing error: a steady walk whose
 * heel strikes are off by a frame or two must not be told to "keep an eye on" its rhythm; a walk whose strides
 * really vary by 10 % must be. The walks are synthetic (exact truth) and time-warped so that each heel strike
 * lands where `tests/gait/regularity-walks.ts` puts it; they run through the real `analyzeGait`.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeGait } from '$lib/analysis/gait/analyze-gait';
import { timingNoiseCv } from '$lib/analysis/gait/timing-noise-cv';
import type { LandmarkSeries } from '$lib/analysis/series';
import { makeAnalysis } from '../../../../tests/helpers/make-analysis';
import { jitteredWalk, nearStrikesMovedWalk, variedWalk } from '../../../../tests/gait/regularity-walks';
import { judgeRegularity } from './judge-regularity';

const regularityOf = (series: LandmarkSeries) => {
  const a = analyzeGait(series);
  const cv = a.metrics.strideTimeVariability;
  return { finding: judgeRegularity(a), cvPct: cv.status === 'measured' ? cv.value : NaN };
};

describe('rhythm finding: only variability beyond event-timing error counts', () => {
  it('expects ≈4.8 % CV from timing error alone at 30 fps and 1.09-s strides', () => {
    const noise = timingNoiseCv(12 / 11, 30);
    expect(noise.eventSdS).toBeCloseTo(0.02 + 0.5 / 30, 6);
    expect(noise.cvPct).toBeCloseTo(4.76, 1);
  });

  it('a steady walk whose strikes are off by ±1 frame is not flagged', () => {
    const { finding, cvPct } = regularityOf(jitteredWalk());
    expect(cvPct).toBeGreaterThan(1); // the jitter is really there
    expect(finding.level).toBe('fine');
  });

  it('a steady walk with 2-frame errors on some strikes (as the full model) reads fine, with the reason', () => {
    // The CV passes the 5 % flag; the error floor explains it.
    const { finding, cvPct } = regularityOf(nearStrikesMovedWalk());
    expect(cvPct).toBeGreaterThan(5);
    expect(finding.level).toBe('fine');
    expect(finding.headline).toMatch(/steady rhythm/);
    expect(finding.evidence.map((e) => e.text).join(' ')).toMatch(/alone makes a steady walk's strides vary/);
  });

  it('a walk whose strides really vary by ≈10 % is flagged', () => {
    const { finding, cvPct } = regularityOf(variedWalk());
    expect(cvPct).toBeGreaterThan(8);
    expect(finding.level).toBe('watch');
    expect(finding.headline).toMatch(/beyond what video timing error explains/);
  });

  it('hand-built: a CV of 6.5 % at 30 fps is fine, 9 % is watch; one odd stride pair alone is not', () => {
    // strides as % of the mean, alternating ±cv: their spread is the CV however it is measured
    const samples = (cv: number) => Array.from({ length: 6 }, (_, i) => 100 + (i % 2 ? cv : -cv));
    const at = (cv: number) =>
      judgeRegularity(
        makeAnalysis({
          strideTimeVariability: { value: cv, samples: samples(cv) },
          strideTime: { value: 1.09 }
        })
      ).level;
    expect(at(6.5)).toBe('fine');
    expect(at(9)).toBe('watch');
    // one mistimed strike: one stride 12 % long and the next 12 % short among steady ones (SD-based CV ≈ 7.6 %)
    const oneOff = [100, 100, 112, 88, 100, 100, 100, 100];
    const f = judgeRegularity(
      makeAnalysis({ strideTimeVariability: { value: 7.6, samples: oneOff }, strideTime: { value: 1.09 } })
    );
    expect(f.level).toBe('fine');
  });
});

describe('rhythm finding on the rendered steady walker (cadence 110, no real variation)', () => {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
  it.each(['lite', 'full', 'heavy'] as const)('%s model: not flagged', (variant) => {
    const file = resolve(repo, `tests/fixtures/landmarks/synthetic-side-walk.${variant}.json`);
    const { finding } = regularityOf(JSON.parse(readFileSync(file, 'utf8')) as LandmarkSeries);
    expect(finding.level).toBe('fine');
  });
});
