/**
 * The device trial behind Settings → "Check this device": which MediaPipe delegate poses faster here.
 * A CPU pose worker, then a GPU one (never both at once, so neither slows the other), each times the
 * same drawn frames (`delegate-timing.ts`); `pose/delegate-choice.ts` decides. A GPU that cannot start
 * (`PoseClient.create` then falls back to the CPU) or fails while timed counts as unavailable.
 *
 * What it measures is the model's time per frame in a worker on this device, with the model the person
 * analyses with; not decoding, and not how hot the device gets over a long clip.
 */
import type { ModelVariant } from '../analysis/series';
import { chooseDelegate, type DelegateChoice, type DelegateTiming } from '../pose/delegate-choice';
import { PoseClient, type DetectionTiming, type PoseDelegate } from './pose-client';

/** Detections timed per delegate (the warm-up one not counted): ≈ 1 s each on the CPU here. */
export const TRIAL_FRAMES = 18;

/** The whole trial gives up after this long, ms. */
export const TRIAL_TIMEOUT_MS = 60_000;

/**
 * The GPU is timed until its detections have taken this many times what the CPU's took (at least
 * {@link GPU_MIN_BUDGET_MS}): past that it cannot be the faster one, and a software GPU (SwiftShader
 * here: ≈ 1.5 s per frame against ≈ 40–80 ms on the CPU) would otherwise hold the trial for half a minute.
 */
const GPU_BUDGET_FACTOR = 3;
const GPU_MIN_BUDGET_MS = 3_000;

/** The trial's verdict and what it rests on. */
export interface DelegateTrialResult extends DelegateChoice {
  /** Frames of the trial in which each delegate found the drawn figure (how much of its work was tracking). */
  cpuFramesWithPose: number | null;
  gpuFramesWithPose: number | null;
  /** When it ended, ISO 8601. */
  at: string;
}

export interface DelegateTrialOptions {
  /** Aborting stops the trial at once (its workers are terminated) and rejects with the reason. */
  signal?: AbortSignal;
  /** Called as each delegate's turn starts. */
  onStage?: (delegate: PoseDelegate) => void;
  frames?: number;
  timeoutMs?: number;
}

/** Rejects with the signal's reason when it aborts (a terminated worker never answers). */
function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** Starts a `delegate` worker and times it; never rejects except when aborted. */
async function timeOne(
  variant: ModelVariant,
  delegate: PoseDelegate,
  frames: number,
  budgetMs: number,
  signal: AbortSignal
): Promise<{ timing: DelegateTiming; withPose: number | null }> {
  let client: PoseClient | null = null;
  const stop = () => client?.dispose();
  signal.addEventListener('abort', stop, { once: true });
  try {
    client = await PoseClient.create(variant, { delegate, numPoses: 1 }, signal);
    if (client.delegate !== delegate)
      return {
        timing: { perFrameMs: null, problem: client.gpuProblem ?? 'it could not be started' },
        withPose: null
      };
    const t: DetectionTiming = await Promise.race([
      client.timeDetections(frames, budgetMs),
      rejectOnAbort(signal)
    ]);
    return { timing: { perFrameMs: t.perFrameMs, outOfTime: t.outOfTime }, withPose: t.framesWithPose };
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    return {
      timing: { perFrameMs: null, problem: e instanceof Error ? e.message : String(e) },
      withPose: null
    };
  } finally {
    signal.removeEventListener('abort', stop);
    await client?.close();
  }
}

/** Runs the trial for `variant` (see above). Rejects only when aborted or timed out. */
export async function tryDelegates(
  variant: ModelVariant,
  opts: DelegateTrialOptions = {}
): Promise<DelegateTrialResult> {
  const { frames = TRIAL_FRAMES, timeoutMs = TRIAL_TIMEOUT_MS } = opts;
  const ctl = new AbortController();
  const onAbort = () => ctl.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) onAbort();
  const timer = setTimeout(
    () => ctl.abort(new DOMException(`The check took longer than ${timeoutMs / 1000} s.`, 'TimeoutError')),
    timeoutMs
  );
  try {
    opts.onStage?.('CPU');
    const cpu = await timeOne(variant, 'CPU', frames, Infinity, ctl.signal);
    const cpuSpentMs = (cpu.timing.perFrameMs ?? []).reduce((a, b) => a + b, 0);
    opts.onStage?.('GPU');
    const gpuBudgetMs = Math.max(GPU_MIN_BUDGET_MS, GPU_BUDGET_FACTOR * cpuSpentMs);
    const gpu = await timeOne(variant, 'GPU', frames, gpuBudgetMs, ctl.signal);
    return {
      ...chooseDelegate(cpu.timing, gpu.timing),
      cpuFramesWithPose: cpu.withPose,
      gpuFramesWithPose: gpu.withPose,
      at: new Date().toISOString()
    };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
