/**
 * Prints the stride-time variability figures of docs/VALIDATION.md §4: the stride-time CV of walkers whose
 * rhythm is perfectly steady, so that all of it is event-timing error.
 *
 * - The rendered walker through each pose model (`tests/fixtures/landmarks/synthetic-side-walk.*.json`): CV,
 *   the share expected from timing error alone (`timingNoiseCv`), what is left of it for the walker, the
 *   rhythm finding's verdict, and, when `../shared/fixtures/synthetic-side-walk.truth.json` is there, the
 *   error of each foot's heel strikes against the truth.
 * - Synthetic 10-s walks with lite-model label swaps, 1 px noise and 2 ms jitter (seeds 1–20).
 * - The treadmill walks with moved strikes that `judge-regularity.test.ts` judges (`tests/gait/regularity-walks.ts`).
 *
 * Usage: npx tsx scripts/stride-time-cv.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { analyzeGait, type GaitAnalysis } from '../src/lib/analysis/gait';
import { timingNoiseCv } from '../src/lib/analysis/gait/timing-noise-cv';
import type { LandmarkSeries } from '../src/lib/analysis/series';
import { median } from '../src/lib/analysis/signal';
import { judgeRegularity } from '../src/lib/report/findings/judge-regularity';
import {
  jitteredWalk,
  nearStrikesMovedWalk,
  REGULARITY_FPS,
  variedWalk
} from '../tests/gait/regularity-walks';
import { LITE_SWAP_BURSTS } from '../tests/gait/synthetic-recovery';
import { makeSyntheticWalk } from '../tests/synthetic/make-synthetic-walk';

/** The stride-time CV (%) and the number of strides it rests on; NaN and 0 when not measured. */
function strideCv(a: GaitAnalysis): { cvPct: number; strides: number } {
  const m = a.metrics.strideTimeVariability;
  return m.status === 'measured' ? { cvPct: m.value, strides: m.n } : { cvPct: NaN, strides: 0 };
}

const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));
const signed = (ms: number) => (ms >= 0 ? '+' : '−') + Math.abs(ms).toFixed(0);

// ── The rendered walker (cadence 110, no real variation) through each pose model.
const truthFile = new URL('../../shared/fixtures/synthetic-side-walk.truth.json', import.meta.url);
const trueStrikes = existsSync(truthFile)
  ? (readJson(truthFile) as { gait: { heelStrikes: { leg: 'L' | 'R'; t: number }[] } }).gait.heelStrikes
  : null;

/** Range of the errors (ms) of one foot's detected heel strikes against its nearest true strike. */
function strikeErrorRange(a: GaitAnalysis, side: 'left' | 'right'): string {
  if (!trueStrikes) return 'no truth file';
  const truth = trueStrikes.filter((h) => (h.leg === 'L') === (side === 'left')).map((h) => h.t * 1000);
  const errors = a.events
    .filter((e) => e.kind === 'heelStrike' && e.side === side)
    .map((e) =>
      truth.reduce((best, t) => (Math.abs(e.tMs - t) < Math.abs(best) ? e.tMs - t : best), Infinity)
    );
  return errors.length ? `${signed(Math.min(...errors))}…${signed(Math.max(...errors))}` : '–';
}

console.log('Rendered walker, steady rhythm (stride-time CV in %; strike errors in ms, measured − true)\n');
console.log(
  '| model | strides (n) | stride-time CV | CV from timing error alone | walker’s own share | rhythm finding | near (right) strikes | far (left) strikes |'
);
console.log('|---|---|---|---|---|---|---|---|');
for (const variant of ['heavy', 'lite', 'full']) {
  const series = readJson(
    new URL(`../tests/fixtures/landmarks/synthetic-side-walk.${variant}.json`, import.meta.url)
  ) as LandmarkSeries;
  const a = analyzeGait(series);
  const { cvPct, strides } = strideCv(a);
  const stride = a.metrics.strideTime;
  const noise = timingNoiseCv(stride.status === 'measured' ? stride.value : NaN, a.timeline.sampleRateHz);
  const own = Math.sqrt(Math.max(0, cvPct ** 2 - noise.cvPct ** 2));
  console.log(
    `| ${variant} | ${strides} | ${cvPct.toFixed(2)} | ${noise.cvPct.toFixed(1)} | ${own.toFixed(1)} | ${judgeRegularity(a).level} | ${strikeErrorRange(a, 'right')} | ${strikeErrorRange(a, 'left')} |`
  );
}

// ── Synthetic walks: exact landmarks but for the injected swaps, noise and jitter.
const synthetic = Array.from({ length: 20 }, (_, i) =>
  strideCv(
    analyzeGait(
      makeSyntheticWalk({
        durationS: 10,
        swapBursts: LITE_SWAP_BURSTS,
        noisePx: 1,
        timestampJitterMs: 2,
        seed: i + 1
      }).series
    )
  )
);
const cvs = synthetic.map((s) => s.cvPct).filter(Number.isFinite);
const strideCounts = synthetic.map((s) => s.strides);
console.log(
  `\nSynthetic 10-s walks, lite-model swaps, 1 px noise, 2 ms jitter, seeds 1–20: CV measured in ${cvs.length} of 20, ` +
    `${Math.min(...strideCounts)}–${Math.max(...strideCounts)} strides each, CV ${Math.min(...cvs).toFixed(2)}–${Math.max(...cvs).toFixed(2)} % (median ${median(cvs).toFixed(2)} %)`
);

// ── Treadmill walks with strikes moved on purpose (verdicts pinned by judge-regularity.test.ts).
console.log(`\nSynthetic 12-s treadmill walks at ${REGULARITY_FPS} fps, strikes moved\n`);
console.log('| walk | strides (n) | stride-time CV | rhythm finding |');
console.log('|---|---|---|---|');
for (const [label, walk] of [
  ['strikes moved ±1 frame at random', jitteredWalk],
  ['near strikes moved −2, +2, 0, 0 frames', nearStrikesMovedWalk],
  ['real stride variation + ±1 frame', variedWalk]
] as const) {
  const a = analyzeGait(walk());
  const { cvPct, strides } = strideCv(a);
  console.log(`| ${label} | ${strides} | ${cvPct.toFixed(1)} | ${judgeRegularity(a).level} |`);
}
