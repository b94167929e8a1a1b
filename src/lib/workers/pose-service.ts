/**
 * The pose worker's service object: plain code that the thin `pose.worker.ts` exposes through comlink.
 * One service = one landmarker (one model variant) for the worker's whole life, shared by its file jobs
 * (`file-pose-job.ts`) and live jobs (`live-pose-jobs.ts`). The diagnostics build adds benchmarks on top
 * (`dev/diagnostics-pose.worker.ts`); production code never loads them.
 */
import { delegateTimingOf } from './delegate-timing';
import { fileJobsOf } from './file-pose-job';
import { liveJobsOf } from './live-pose-jobs';
import { createPoseHost, type PoseHost } from './pose-host';

/** The service of a pose worker on `host` (made with {@link createPoseHost}). */
export function poseServiceOf(host: PoseHost) {
  return {
    init: host.init,
    /** Marks a job (file or live session) as cancelled; it stops at its next frame. */
    cancel(jobId: number): void {
      host.cancelled.add(jobId);
    },
    ...fileJobsOf(host),
    ...liveJobsOf(host),
    ...delegateTimingOf(host),
    blockedRequests: host.blockedRequests,
    close: host.close
  };
}

/** The production pose worker's service. */
export function createPoseService(scope: typeof globalThis) {
  return poseServiceOf(createPoseHost(scope));
}

export type PoseService = ReturnType<typeof poseServiceOf>;
