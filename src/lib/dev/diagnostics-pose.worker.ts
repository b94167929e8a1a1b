/// <reference lib="webworker" />
/**
 * The diagnostics build's pose worker: the production service (`workers/pose-service.ts`) plus the
 * model-only benchmark. Started by `DiagnosticsPoseClient` for /dev/pose; the app never loads it.
 */
import { expose } from 'comlink';
import type { ModelVariant } from '$lib/analysis/series';
import { PoseInferenceError } from '$lib/pose/errors';
import { installErrorTransfer } from '$lib/workers/error-transfer';
import { createPoseHost } from '$lib/workers/pose-host';
import { poseServiceOf } from '$lib/workers/pose-service';
import type { PoseEngineOptions } from '$lib/workers/pose-types';
import { poseBenchOf } from './pose-bench';

/** The engine options, plus a test hook that only this worker reads. */
export interface DiagnosticsEngineOptions extends PoseEngineOptions {
  /**
   * Fail a GPU start as a broken GPU driver would (a `PoseInferenceError` on the GPU, before any model is
   * loaded), so that the e2e tests can see the client fall back to the CPU. No effect on a CPU start.
   */
  failGpuStart?: boolean;
}

/** What this worker serves. */
export function createDiagnosticsPoseService(scope: typeof globalThis) {
  const host = createPoseHost(scope);
  const service = poseServiceOf(host);
  return {
    ...service,
    ...poseBenchOf(host),
    init(v: ModelVariant, options: DiagnosticsEngineOptions = {}, wasm: WebAssembly.Module | null = null) {
      if (options.failGpuStart && options.delegate === 'GPU')
        throw new PoseInferenceError('simulated GPU failure (diagnostics test hook)', 'GPU');
      return service.init(v, options, wasm);
    }
  };
}

export type DiagnosticsPoseService = ReturnType<typeof createDiagnosticsPoseService>;

installErrorTransfer();
expose(createDiagnosticsPoseService(self));
