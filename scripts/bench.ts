/**
 * Benchmark runner (`npm run bench`): runs every benchmark under `scripts/bench/` and prints its figures.
 * Benchmarks print numbers; they never fail on speed (speed is measured here, not asserted in tests).
 */
import { benchAnalysis } from './bench/analysis';
import { benchPose } from './bench/pose';

// `npm run bench -- pose` runs only the named benchmarks; `pose:start`, `pose:live`, `pose:throughput`, `pose:rate`, `pose:parallel` or `pose:memory` one part of it.
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

if (wanted('analysis')) benchAnalysis();
const poseParts = (['start', 'live', 'throughput', 'rate', 'parallel', 'memory'] as const).filter(
  (p) => wanted('pose') || wanted(`pose:${p}`)
);
if (poseParts.length) await benchPose(poseParts);
