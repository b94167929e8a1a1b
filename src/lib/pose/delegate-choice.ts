/**
 * Which MediaPipe delegate this device should pose on, from a trial that timed both on the same frames
 * (`workers/delegate-trial.ts`). Pure logic, no browser.
 *
 * The rule: the GPU delegate is kept only when it is clearly faster, i.e. its median time per frame is
 * at least {@link GPU_MIN_GAIN} (15 %) less than the CPU delegate's, both from at least
 * {@link MIN_TIMED_FRAMES} timed frames. Otherwise (GPU slower, about as fast, failed, too few frames
 * timed, or so slow that the trial stopped timing it) the CPU delegate stays: it is what every figure in docs/SPEED.md was measured on and what the
 * app is tested on, and a small margin from one short trial could as well come from other work the
 * device did meanwhile.
 */
import type { PoseDelegate } from './landmarker';

/** Least fraction of the CPU's median time per frame that the GPU must save to be chosen. */
export const GPU_MIN_GAIN = 0.15;

/** Fewest timed frames per delegate for a verdict (the first, warm-up detection is never among them). */
export const MIN_TIMED_FRAMES = 8;

/** What the trial measured for one delegate. */
export interface DelegateTiming {
  /** Time of each timed detection, ms; `null` when the delegate could not be started or failed. */
  perFrameMs: number[] | null;
  /** Why the delegate failed, when it did. */
  problem?: string;
  /**
   * The trial's time budget for this delegate ran out before all its frames were timed: it was far
   * slower than the other (see `workers/delegate-trial.ts`). Its figure is the median of the frames timed.
   */
  outOfTime?: boolean;
}

/** The trial's verdict, with the figures it rests on. */
export interface DelegateChoice {
  delegate: PoseDelegate;
  /** Median ms per frame of each delegate; `null` when it gave no usable figure. */
  cpuMs: number | null;
  gpuMs: number | null;
  /** One plain sentence: why this delegate. */
  reason: string;
}

/** Median of `xs` (which must not be empty). */
export function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const usable = (t: DelegateTiming): number[] | null =>
  t.perFrameMs &&
  t.perFrameMs.length >= MIN_TIMED_FRAMES &&
  t.perFrameMs.every((x) => Number.isFinite(x) && x >= 0)
    ? t.perFrameMs
    : null;

/** Chooses the delegate from both timings (see the rule above). */
export function chooseDelegate(cpu: DelegateTiming, gpu: DelegateTiming): DelegateChoice {
  const c = usable(cpu);
  const cpuMs = c ? medianOf(c) : null;
  if (gpu.outOfTime && gpu.perFrameMs?.length) {
    const gpuMs = medianOf(gpu.perFrameMs);
    return {
      delegate: 'CPU',
      cpuMs,
      gpuMs,
      reason: `The GPU was far slower (stopped after ${gpu.perFrameMs.length} frames).`
    };
  }
  const g = usable(gpu);
  const gpuMs = g ? medianOf(g) : null;
  if (gpuMs === null) {
    const why = gpu.problem ?? (gpu.perFrameMs ? 'too few frames timed' : 'it could not be started');
    return { delegate: 'CPU', cpuMs, gpuMs, reason: `GPU unavailable: ${why}.` };
  }
  if (cpuMs === null)
    // The CPU path is the one the app is known to work on; a trial that could not time it proves nothing.
    return { delegate: 'CPU', cpuMs, gpuMs, reason: 'The CPU could not be timed, so it stays.' };
  if (gpuMs <= cpuMs * (1 - GPU_MIN_GAIN))
    return { delegate: 'GPU', cpuMs, gpuMs, reason: 'The GPU was clearly faster.' };
  return {
    delegate: 'CPU',
    cpuMs,
    gpuMs,
    reason:
      gpuMs < cpuMs
        ? `The GPU was faster by less than ${Math.round(GPU_MIN_GAIN * 100)} %, which is not clearly faster.`
        : 'The GPU was not faster.'
  };
}
