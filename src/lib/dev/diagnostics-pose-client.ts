/**
 * The diagnostics build's pose client: the production `PoseClient` on a worker that also serves the
 * benchmarks (`diagnostics-pose.worker.ts`), plus the decode benchmarks, each in a worker of its own
 * (`diagnostics-decode.worker.ts`). Only /dev/pose uses it.
 */
import { releaseProxy, transfer, wrap } from 'comlink';
import type { ModelVariant } from '$lib/analysis/series';
import { PoseClient, workerFailure } from '$lib/workers/pose-client';
import { startWorker } from '$lib/workers/start-worker';
import type { DiagnosticsEngineOptions, DiagnosticsPoseService } from './diagnostics-pose.worker';
import type { ConversionMeasurement, DecodeMeasurement, FrameBench } from './frame-bench';
import type { PoseOnlyMeasurement } from './pose-bench';
import diagnosticsPoseWorkerUrl from './diagnostics-pose.worker.ts?worker&url';
import diagnosticsDecodeWorkerUrl from './diagnostics-decode.worker.ts?worker&url';

export type { ConversionMeasurement, DecodeMeasurement, PoseOnlyMeasurement, DiagnosticsEngineOptions };

/** Runs `call` on a new decode benchmark worker, which is terminated when it settles. */
async function onFrameBench<T>(call: (bench: ReturnType<typeof wrap<FrameBench>>) => Promise<T>): Promise<T> {
  const worker = startWorker(diagnosticsDecodeWorkerUrl, 'decode-bench');
  const bench = wrap<FrameBench>(worker);
  try {
    return await Promise.race([call(bench), workerFailure(worker)]);
  } finally {
    bench[releaseProxy]();
    worker.terminate();
  }
}

export class DiagnosticsPoseClient extends PoseClient<DiagnosticsPoseService> {
  /** Like `PoseClient.create`, on the diagnostics worker (with its test hook, see {@link DiagnosticsEngineOptions}). */
  static override create(
    variant: ModelVariant,
    options: DiagnosticsEngineOptions = {},
    signal?: AbortSignal
  ): Promise<DiagnosticsPoseClient> {
    return PoseClient.launch<DiagnosticsPoseClient, DiagnosticsPoseService>(
      diagnosticsPoseWorkerUrl,
      variant,
      options,
      signal,
      (worker, remote) => new DiagnosticsPoseClient(variant, worker, remote)
    );
  }

  /** Decodes up to `maxFrames` frames first, then times pose detection alone on them. */
  measurePoseOnly(file: Blob, maxFrames: number): Promise<PoseOnlyMeasurement> {
    this.assertAlive();
    return this.withDecoder((port) => this.remote.measurePoseOnly(file, maxFrames, transfer(port, [port])));
  }

  /** Decodes every frame of `file` without pose detection. */
  measureDecode(file: Blob): Promise<DecodeMeasurement> {
    return onFrameBench((bench) => bench.measureDecode(file));
  }

  /**
   * Check and benchmark: our YUV → RGBA conversion against the browser's on the first `maxFrames`
   * frames of `file`, at the size the model gets with `maxSidePx` (see `media/model-frames.ts`).
   */
  measureConversion(file: Blob, maxSidePx: number, maxFrames: number): Promise<ConversionMeasurement> {
    return onFrameBench((bench) => bench.measureConversion(file, maxSidePx, maxFrames));
  }
}
