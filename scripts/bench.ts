/**
 * Benchmark runner (`npm run bench`): runs every benchmark under `scripts/bench/` and prints its figures.
 * Benchmarks print numbers; they never fail on speed (speed is measured here, not asserted in tests).
 */
import { benchAnalysis } from './bench/analysis';

benchAnalysis();
