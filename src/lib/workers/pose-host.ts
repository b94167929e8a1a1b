/**
 * What every job of a pose worker shares: the one landmarker (one model variant for the worker's life),
 * its options, the fetch guard, and the set of cancelled job ids. The file jobs (`file-pose-job.ts`), the
 * live jobs (`live-pose-jobs.ts`) and the diagnostics benchmarks (`dev/pose-bench.ts`) each take a host.
 */
import type { ModelVariant } from '../analysis/series';
import { installFetchGuard, type FetchGuard } from '../pose/fetch-guard';
import { createVideoPoseLandmarker, type VideoPoseLandmarker } from '../pose/landmarker';
import type { PoseEngineOptions, PoseInitResult } from './pose-types';

/** See {@link PoseEngineOptions.maxInputSidePx}. */
const DEFAULT_MAX_INPUT_SIDE_PX = 960;

/** Resolves on the next macrotask, so that queued messages (cancel) are handled. Cheaper than setTimeout. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

export const abortError = () => new DOMException('The pose run was cancelled.', 'AbortError');

export function createPoseHost(scope: typeof globalThis) {
  let guard: FetchGuard | null = null;
  let landmarker: VideoPoseLandmarker | null = null;
  const host = {
    variant: 'full' as ModelVariant,
    maxInputSidePx: DEFAULT_MAX_INPUT_SIDE_PX,
    /** People looked for at the start of every job (a job may lower it; see `pose/one-person.ts`). */
    numPoses: 2,
    /** Jobs (file or live) asked to stop; each stops at its next frame. */
    cancelled: new Set<number>(),

    /** The landmarker; throws before {@link init}. */
    landmarker(): VideoPoseLandmarker {
      if (!landmarker) throw new Error('pose service not initialised: call init() first');
      return landmarker;
    },

    /**
     * Installs the fetch guard and loads the model (with the page's compiled wasm when given) on
     * `options.delegate` (CPU by default). Call once; a GPU failure here rejects, and the client starts a
     * CPU worker instead (a second landmarker cannot be created in this worker).
     */
    async init(
      v: ModelVariant,
      options: PoseEngineOptions = {},
      wasm: WebAssembly.Module | null = null
    ): Promise<PoseInitResult> {
      if (landmarker) throw new Error('pose service already initialised');
      guard ??= installFetchGuard(scope);
      host.variant = v;
      host.maxInputSidePx = options.maxInputSidePx ?? DEFAULT_MAX_INPUT_SIDE_PX;
      host.numPoses = options.numPoses ?? 2;
      const t0 = performance.now();
      landmarker = await createVideoPoseLandmarker(v, host.numPoses, wasm, options.delegate ?? 'CPU');
      return { createMs: performance.now() - t0, delegate: landmarker.delegate };
    },

    /** Off-origin requests the fetch guard answered locally. */
    blockedRequests(): string[] {
      return [...(guard?.blocked ?? [])];
    },

    /**
     * Closes the landmarker, on which tasks-vision sends its usage log (answered locally by the
     * fetch guard), and returns every off-origin request the guard answered. The host is spent.
     */
    async close(): Promise<string[]> {
      landmarker?.close();
      landmarker = null;
      // The log is sent from a task queued by close(): let it run first.
      await yieldToEventLoop();
      return host.blockedRequests();
    }
  };
  return host;
}

export type PoseHost = ReturnType<typeof createPoseHost>;
