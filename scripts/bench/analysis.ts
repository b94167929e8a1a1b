/**
 * Benchmark of the pure analysis core: `analyzeGait` on a 60-s, 60-fps synthetic walk (3,600 frames, treadmill
 * so the walker stays in view, lite-model label swaps and collapses, pixel noise, VFR timestamp jitter).
 * Target: < 50 ms per analysis in Node. Prints median and p90 over repeats after warm-up.
 */
import { performance } from 'node:perf_hooks';
import { analyzeGait } from '../../src/lib/analysis/gait';
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
}

/** Run the analysis benchmark; returns the figures and prints one line. */
export function benchAnalysis(repeats = 30, warmup = 5): BenchFigures {
  const { series } = makeSyntheticWalk({
    fpsHz: 60,
    durationS: 60,
    treadmill: true,
    swapBursts: { rate: 0.16, lengthFrames: [6, 10] },
    collapseRate: 0.3,
    noisePx: 1,
    timestampJitterMs: 2,
    seed: 1
  });
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
    cpuMedianMs: cpu[Math.floor(cpu.length / 2)]
  };
  console.log(
    `${figures.name} (${figures.frames} frames, ${repeats} runs): median ${figures.medianMs.toFixed(1)} ms, p90 ${figures.p90Ms.toFixed(1)} ms wall; CPU median ${figures.cpuMedianMs.toFixed(1)} ms (target < 50 ms)`
  );
  return figures;
}
