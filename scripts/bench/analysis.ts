/**
 * Benchmark of the pure analysis core: `analyzeGait` on a 60-s, 60-fps synthetic walk (3,600 frames, treadmill
 * so the walker stays in view, lite-model label swaps and collapses, pixel noise, VFR timestamp jitter).
 * Target: < 50 ms per analysis in Node. Prints median and p90 over repeats after warm-up.
 */
import { performance } from 'node:perf_hooks';
import { analyzeGait } from '../../src/lib/analysis/gait';
import type { LandmarkSeries } from '../../src/lib/analysis/series';
import { makeSyntheticWalk } from '../../tests/synthetic/make-synthetic-walk';

export interface BenchFigures {
  name: string;
  frames: number;
  repeats: number;
  /** Wall-clock time per analysis, ms. */
  medianMs: number;
  p90Ms: number;
  /** CPU time (user + system) per analysis, ms: what the analysis itself costs on a shared, loaded machine. */
  cpuMedianMs: number;
  /** Fastest wall-clock run, ms: the least disturbed by other work on the machine. */
  minMs: number;
}

/**
 * The benchmark input as the app holds it: plain data (it arrives from the pose worker by structured clone,
 * or from storage), not the generator's objects.
 */
function benchSeries(): LandmarkSeries {
  const generated = makeSyntheticWalk({
    fpsHz: 60,
    durationS: 60,
    treadmill: true,
    swapBursts: { rate: 0.16, lengthFrames: [6, 10] },
    collapseRate: 0.3,
    noisePx: 1,
    timestampJitterMs: 2,
    seed: 1
  }).series;
  return JSON.parse(JSON.stringify(generated)) as LandmarkSeries;
}

/**
 * CPU time of a fixed reference loop (one million `Math.atan2` calls), ms: a yardstick for how fast the machine
 * was at the moment (an idle modern laptop core takes ≈10–20 ms; a shared, loaded CI box several times that).
 */
function referenceLoopCpuMs(): number {
  let sink = 0;
  const c0 = process.cpuUsage();
  for (let i = 0; i < 1_000_000; i++) sink += Math.atan2(i & 1023, 511);
  const c = process.cpuUsage(c0);
  if (sink === -1) console.log(sink);
  return (c.user + c.system) / 1000;
}

/** Run the analysis benchmark; returns the figures and prints one line. */
export function benchAnalysis(repeats = 30, warmup = 5): BenchFigures {
  const series = benchSeries();
  for (let i = 0; i < warmup; i++) analyzeGait(series);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    analyzeGait(series);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  const figures = {
    name: 'analyzeGait 60 s @ 60 fps',
    frames: series.frames.length,
    repeats,
    medianMs: at(0.5),
    p90Ms: at(0.9),
    cpuMedianMs: cpu[Math.floor(cpu.length / 2)],
    minMs: times[0]
  };
  console.log(
    `reference loop (1e6 Math.atan2): ${referenceLoopCpuMs().toFixed(1)} ms CPU on this machine now`
  );
  console.log(
    `${figures.name} (${figures.frames} frames, ${repeats} runs): median ${figures.medianMs.toFixed(1)} ms, p90 ${figures.p90Ms.toFixed(1)} ms wall; CPU median ${figures.cpuMedianMs.toFixed(1)} ms; fastest ${figures.minMs.toFixed(1)} ms (target < 50 ms)`
  );
  return figures;
}
