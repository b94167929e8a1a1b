/// <reference lib="webworker" />
/**
 * The diagnostics build's pose worker: the production service (`workers/pose-service.ts`) plus the
 * model-only benchmark. Started by `DiagnosticsPoseClient` for /dev/pose; the app never loads it.
 */
import { expose } from 'comlink';
import { installErrorTransfer } from '$lib/workers/error-transfer';
import { createPoseHost } from '$lib/workers/pose-host';
import { poseServiceOf } from '$lib/workers/pose-service';
import { poseBenchOf } from './pose-bench';

/** What this worker serves. */
export function createDiagnosticsPoseService(scope: typeof globalThis) {
  const host = createPoseHost(scope);
  return { ...poseServiceOf(host), ...poseBenchOf(host) };
}

export type DiagnosticsPoseService = ReturnType<typeof createDiagnosticsPoseService>;

installErrorTransfer();
expose(createDiagnosticsPoseService(self));
