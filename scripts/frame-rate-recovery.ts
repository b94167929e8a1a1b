/**
 * Prints the "Other frame rates" table of docs/VALIDATION.md §1: the random synthetic walks of
 * `scripts/gait-recovery-errors.ts` (seeds 1–10, lite-model label swaps and collapses, pixel noise, timestamp
 * jitter) made at each frame rate and scored against their exact truth. 30 fps is printed too, for comparison.
 *
 * Usage: npx tsx scripts/frame-rate-recovery.ts [seeds=10]
 */
import { analyzeGait } from '../src/lib/analysis/gait';
import { meanAbs } from '../tests/gait/event-errors';
import { scoreRecovery, syntheticCase } from '../tests/gait/synthetic-recovery';

const seeds = Number(process.argv[2] ?? 10);
const maxAbs = (xs: number[]) => Math.max(...xs.filter(Number.isFinite).map(Math.abs));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

console.log(`Synthetic walks at other frame rates, seeds 1–${seeds} each (heel-strike error in ms)\n`);
console.log(
  '| frame rate | strike error, mean / max (ms) | max cadence error (steps/min) | max step length error (leg lengths) | max trunk lean error (°) | spurious / missed strikes |'
);
console.log('|---|---|---|---|---|---|');
for (const fpsHz of [15, 24, 25, 30, 60, 120]) {
  const rows = Array.from({ length: seeds }, (_, i) => {
    const { series, truth } = syntheticCase(i + 1, { fpsHz });
    return scoreRecovery(analyzeGait(series), truth, fpsHz);
  });
  const strikeMs = rows.flatMap((r) => r.strikeErrorsFrames.map((f) => (f * 1000) / fpsHz));
  const stepLength = rows.flatMap((r) => [r.stepLengthLeftPerLeg, r.stepLengthRightPerLeg]);
  console.log(
    `| ${fpsHz} fps | ${meanAbs(strikeMs).toFixed(1)} / ${maxAbs(strikeMs).toFixed(1)} | ${maxAbs(rows.map((r) => r.cadenceSpm)).toFixed(2)} | ${maxAbs(stepLength).toFixed(3)} | ${maxAbs(rows.map((r) => r.trunkLeanDeg)).toFixed(2)} | ${sum(rows.map((r) => r.spuriousStrikes))} / ${sum(rows.map((r) => r.missedStrikes))} |`
  );
}
