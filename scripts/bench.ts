/**
 * Benchmark runner (`npm run bench`): runs every benchmark under `scripts/bench/` and prints its figures, then a
 * summary table. Benchmarks print numbers; they never fail on speed (speed is measured here, not asserted in tests).
 */
import { benchAnalysis } from './bench/analysis';
import { addSummary, printSummary, setDefaultReps } from './bench/common';
import { benchPose } from './bench/pose';
import { benchReport } from './bench/report';

// `npm run bench -- report pose` runs only the named benchmarks; `pose:start`, `pose:live`, `pose:throughput`,
// `pose:rate`, `pose:parallel` or `pose:memory` one part of the pose benchmark.
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
// Everything at once: 2 runs of each measurement instead of 3, to stay near 20 minutes (BENCH_REPS overrides).
if (only.length === 0) setDefaultReps(2);
const t0 = Date.now();

if (wanted('analysis')) {
  const a = benchAnalysis();
  addSummary(
    'analyzeGait, 60 s at 60 fps (Node)',
    `${a.medianMs.toFixed(1)} ms (median of ${a.repeats})`,
    '< 50 ms'
  );
}
if (wanted('report')) await benchReport();
const poseParts = (['start', 'live', 'throughput', 'rate', 'parallel', 'memory'] as const).filter(
  (p) => wanted('pose') || wanted(`pose:${p}`)
);
if (poseParts.length) await benchPose(poseParts);
printSummary((Date.now() - t0) / 1000);
