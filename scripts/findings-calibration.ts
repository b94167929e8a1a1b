/**
 * Calibration of the findings' "usual" bands on our own pipeline (docs/FINDINGS.md, "Calibration"): every
 * metric a finding judges, measured by `analyzeGait` on NORMAL rendered walkers run through the real pose
 * model (`tests/fixtures/rendered/findings/normal-*` and `treadmill-110`, cadence 90–125, camera 3–6.5 m,
 * both directions, lite and full). Prints, per metric, each clip's value and the distribution over clips (min, median, max).
 *
 * Usage: npx tsx scripts/findings-calibration.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeGait, type GaitAnalysis, type MetricId } from '../src/lib/analysis/gait';
import { median } from '../src/lib/analysis/signal';
import { walkRatio } from '../src/lib/report/findings/walk-ratio';

const DIR = join(import.meta.dirname, '../tests/fixtures/rendered/findings');
const clips = readdirSync(DIR)
  .filter((f) => /^(normal-.*|treadmill-110)\.(lite|full)\.json$/.test(f))
  .sort();

/** What is calibrated: a metric's summary value, or the walk ratio the overstriding finding forms. */
const MEASURES: { label: string; unit: string; read: (a: GaitAnalysis) => number }[] = [
  ...(
    [
      ['heelAheadOfHip', 'leg lengths'],
      ['stepLength', 'leg lengths'],
      ['kneeFlexionAtStrike', '°'],
      ['shankAngleAtStrike', '°'],
      ['trunkLean', '°'],
      ['neckAngle', '°'],
      ['headForward', 'torso lengths'],
      ['cadence', 'steps/min'],
      ['stepLengthSymmetry', '%'],
      ['stepTimeSymmetry', '%'],
      ['stanceTimeSymmetry', '%'],
      ['strideTimeVariability', '%']
    ] as [MetricId, string][]
  ).map(([id, unit]) => ({
    label: id,
    unit,
    read: (a: GaitAnalysis) => {
      const m = a.metrics[id];
      return m.status === 'measured' ? m.value : NaN;
    }
  })),
  {
    label: 'walk ratio × 1000',
    unit: 'leg lengths per step/min',
    read: (a) => (walkRatio(a)?.median ?? NaN) * 1000
  },
  { label: 'step length, |left − right|', unit: 'leg lengths', read: (a) => sideDifference(a, 'stepLength') },
  { label: 'step time, |left − right|', unit: 's', read: (a) => sideDifference(a, 'stepTime') },
  {
    label: 'stance time, |left − right|',
    unit: 's',
    read: (a) => {
      const stride = a.metrics.strideTime;
      return stride.status === 'measured' ? (sideDifference(a, 'stancePct') / 100) * stride.value : NaN;
    }
  }
];

/** |left − right| of a per-side metric's side summaries (what the asymmetry finding compares). */
function sideDifference(a: GaitAnalysis, id: MetricId): number {
  const m = a.metrics[id];
  return m.status === 'measured' && m.left !== undefined && m.right !== undefined
    ? Math.abs(m.left - m.right)
    : NaN;
}

const analyses = clips.map((f) => ({
  name: f.replace(/\.json$/, ''),
  a: analyzeGait(JSON.parse(readFileSync(join(DIR, f), 'utf8')))
}));
console.log(
  `Normal rendered walkers: ${analyses.length} series (${analyses.map((x) => x.name).join(', ')})\n`
);
console.log('| measure | unit | min | median | max | per clip |');
console.log('|---|---|---|---|---|---|');
for (const m of MEASURES) {
  const values = analyses.map(({ a }) => m.read(a));
  const finite = values.filter(Number.isFinite);
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(Math.abs(v) < 1 ? 3 : 1) : '–');
  console.log(
    `| ${m.label} | ${m.unit} | ${f(Math.min(...finite))} | ${f(median(finite))} | ${f(Math.max(...finite))} | ${values.map(f).join(', ')} |`
  );
}
