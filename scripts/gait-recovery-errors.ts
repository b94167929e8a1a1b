/**
 * Prints how well `analyzeGait` recovers known gait from synthetic walks (the figures quoted in
 * docs/VALIDATION.md): mean and max absolute error per metric over random seeds, side view, 30 fps, WITH the lite
 * model's label-swap rate (16 % of frames), collapses, pixel noise and timestamp jitter.
 *
 * Then the clips that vary as real clips do (`tests/gait/scenario-recovery.ts`, 5 seeds × lite/full swap
 * rates) and the rendered walker variants through the real pose model (`tests/gait/rendered-recovery.ts`).
 *
 * Usage: npx tsx scripts/gait-recovery-errors.ts [seeds=40]
 */
import { existsSync, readFileSync } from 'node:fs';
import { analyzeGait } from '../src/lib/analysis/gait';
import { meanAbs, type EventErrors } from '../tests/gait/event-errors';
import { scoreRendered } from '../tests/gait/rendered-recovery';
import { SCENARIOS, scoreScenario } from '../tests/gait/scenario-recovery';
import { scoreRecovery, syntheticCase, type RecoveryErrors } from '../tests/gait/synthetic-recovery';

const seeds = Number(process.argv[2] ?? 40);
const rows: RecoveryErrors[] = [];
for (let seed = 1; seed <= seeds; seed++) {
  const { series, truth } = syntheticCase(seed);
  rows.push(scoreRecovery(analyzeGait(series), truth, 30));
}
const line = (label: string, unit: string, values: number[]) => {
  const v = values.filter(Number.isFinite);
  const abs = v.map(Math.abs);
  const mean = abs.reduce((a, b) => a + b, 0) / abs.length;
  const bias = v.reduce((a, b) => a + b, 0) / v.length;
  console.log(
    `| ${label} | ${unit} | ${v.length} | ${mean.toFixed(3)} | ${Math.max(...abs).toFixed(3)} | ${bias >= 0 ? '+' : ''}${bias.toFixed(3)} |`
  );
};
console.log(`Synthetic recovery over ${seeds} seeds (n = walks or events where measured)\n`);
console.log('| metric | unit | n | mean abs error | max abs error | mean signed error |');
console.log('|---|---|---|---|---|---|');
const METRIC_ROWS: [label: string, unit: string, pick: (r: RecoveryErrors) => number[]][] = [
  ['cadence', 'steps/min', (r) => [r.cadenceSpm]],
  ['step length, left', 'leg lengths', (r) => [r.stepLengthLeftPerLeg]],
  ['step length, right', 'leg lengths', (r) => [r.stepLengthRightPerLeg]],
  ['trunk lean', '°', (r) => [r.trunkLeanDeg]],
  ['shoulder→ear angle', '°', (r) => [r.neckAngleDeg]],
  ['step-length SI', 'points', (r) => [r.stepLengthSiPts]],
  ['step-time SI', 'points', (r) => [r.stepTimeSiPts]],
  ['stance-time SI', 'points', (r) => [r.stanceTimeSiPts]],
  ['stance', '% of stride', (r) => [r.stancePct]],
  ['heel strike time', 'frames @30 fps', (r) => r.strikeErrorsFrames]
];
for (const [label, unit, pick] of METRIC_ROWS) line(label, unit, rows.flatMap(pick));
const spurious = rows.reduce((a, r) => a + r.spuriousStrikes, 0);
const missed = rows.reduce((a, r) => a + r.missedStrikes, 0);
console.log(`\nspurious heel strikes: ${spurious}; missed heel strikes: ${missed}`);

// ── The rendered walker through the app's pose engine (tests/fixtures/landmarks), against its exact truth.
const truthFile = new URL('../../shared/fixtures/synthetic-side-walk.truth.json', import.meta.url);
if (existsSync(truthFile)) {
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')).gait;
  console.log(
    '\nRendered synthetic side walk (105 frames, 30 fps; truth cadence 110, step 0.768 leg lengths, lean 4°, stance 60 %, symmetric)\n'
  );
  console.log(
    '| model | cadence error (steps/min) | heel strikes found / true | strike time error, mean abs / max (frames) | step length error (leg lengths) | step-length SI (%) | step-time SI (%) | trunk lean error (°) | stance error (% of stride) | frames relabelled |'
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const legLengths: string[] = [];
  for (const variant of ['lite', 'full', 'heavy']) {
    const file = new URL(`../tests/fixtures/landmarks/synthetic-side-walk.${variant}.json`, import.meta.url);
    const a = analyzeGait(JSON.parse(readFileSync(file, 'utf8')));
    const val = (id: keyof typeof a.metrics) => {
      const m = a.metrics[id];
      return m.status === 'measured' ? m.value : NaN;
    };
    legLengths.push(`${variant} ${a.legLengthPx.toFixed(1)}`);
    const strikes = a.events.filter((e) => e.kind === 'heelStrike');
    const errs = truth.heelStrikes.map((h: { frame: number }) =>
      Math.min(...strikes.map((s) => Math.abs((s.tMs * 30) / 1000 - h.frame)))
    );
    const f = (v: number, d = 2) => (v >= 0 ? '+' : '') + v.toFixed(d);
    console.log(
      `| ${variant} | ${f(val('cadence') - truth.cadence, 1)} | ${strikes.length} / ${truth.heelStrikes.length} | ${(errs.reduce((p: number, q: number) => p + q, 0) / errs.length).toFixed(2)} / ${Math.max(...errs).toFixed(2)} | ${f(val('stepLength') - truth.stepLengthL_over_leg, 3)} | ${val('stepLengthSymmetry').toFixed(1)} | ${val('stepTimeSymmetry').toFixed(1)} | ${f(val('trunkLean') - truth.trunkLeanDeg, 1)} | ${f(val('stancePct') - truth.stanceL * 100, 1)} | ${a.legCorrection.swappedFrameCount + a.legCorrection.collapsedFrameCount} |`
    );
  }
  const legTruth = JSON.parse(
    readFileSync(
      new URL('../tests/fixtures/synthetic-walk/synthetic-side-walk.landmarks.json', import.meta.url),
      'utf8'
    )
  ) as { legLengthPx: number };
  console.log(
    `\nleg length measured (px): ${legLengths.join(', ')}; true ${legTruth.legLengthPx.toFixed(1)}`
  );
}

// ── Clips that vary as real clips do, and rendered variants through the real pose model.
const maxAbs = (xs: number[]) => {
  const v = xs.filter(Number.isFinite).map(Math.abs);
  return v.length ? Math.max(...v).toFixed(v.length && Math.max(...v) < 1 ? 3 : 1) : '–';
};
/** Event timing as "mean abs / max abs" in ms, over matched events; then missed + spurious. */
const timing = (evs: EventErrors[], fps: number) => {
  const ms = evs.flatMap((e) => e.errorsFrames.map((f) => (f * 1000) / fps));
  const off = evs.reduce((n, e) => n + e.missed + e.spurious, 0);
  return ms.length ? `${meanAbs(ms).toFixed(0)} / ${Math.max(...ms.map(Math.abs)).toFixed(0)} (${off})` : '–';
};
const HEAD =
  '| clip | model | running | passes used | cadence | step length L / R | step-time SI | stance SI | trunk lean | heel strike ms | toe off ms |';
console.log(
  '\nScenarios (max |measured − true| over 5 seeds; events: mean abs / max abs ms (missed + spurious))\n'
);
console.log(HEAD);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const sc of SCENARIOS) {
  for (const model of ['lite', 'full'] as const) {
    const runs = [1, 2, 3, 4, 5].map((seed) => scoreScenario(sc, model, seed).e);
    const fps = sc.params.fpsHz ?? 30;
    console.log(
      `| ${sc.name} | ${model} | ${runs.filter((r) => r.running).length}/5 | ${[...new Set(runs.map((r) => r.passesUsed))].join(', ')} | ${maxAbs(runs.map((r) => r.cadenceSpm))} | ${maxAbs(runs.map((r) => r.stepLengthLeftPerLeg))} / ${maxAbs(runs.map((r) => r.stepLengthRightPerLeg))} | ${maxAbs(runs.map((r) => r.stepTimeSiPts))} | ${maxAbs(runs.map((r) => r.stanceTimeSiPts))} | ${maxAbs(runs.map((r) => r.trunkLeanDeg))} | ${timing(
        runs.map((r) => r.heelStrikes),
        fps
      )} | ${timing(
        runs.map((r) => r.toeOffs),
        fps
      )} |`
    );
  }
}
console.log('\nRendered variants through the real pose model (measured − true; events as above)\n');
console.log(HEAD);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const variant of ['limp', 'slow-standstill', 'two-pass', 'turn', 'far', 'run']) {
  for (const model of ['lite', 'full'] as const) {
    const { e, analysis } = scoreRendered(variant, model);
    const fps = analysis.quality.fpsHz;
    const f = (v: number, d = 2) => (Number.isFinite(v) ? (v >= 0 ? '+' : '') + v.toFixed(d) : '–');
    console.log(
      `| ${variant} | ${model} | ${e.activity === 'running' ? 'yes' : 'no'} | ${e.passesUsed} | ${f(e.cadenceSpm, 1)} | ${f(e.stepLengthLeftPerLeg, 3)} / ${f(e.stepLengthRightPerLeg, 3)} | ${f(e.stepTimeSiPts, 1)} | ${f(e.stanceTimeSiPts, 1)} | ${f(e.trunkLeanDeg, 1)} | ${timing([e.heelStrikes], fps)} | ${timing([e.toeOffs], fps)} |`
    );
  }
}
