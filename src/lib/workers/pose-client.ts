/**
 * Main-thread handle of one pose worker (one MediaPipe PoseLandmarker). The live page uses it
 * directly; uploads go through `PoseTeam` (`pose-team.ts`), which poses stretches of a clip on
 * several of these side by side. Pattern (Lichtblick): the worker file exposes a `service` object
 * through comlink; this client wraps it, forwards cancellation, and `dispose()` releases the proxy
 * and then terminates the worker. The diagnostics build extends it with benchmarks
 * (`dev/diagnostics-pose-client.ts`).
 *
 * Switching model variant means a new client: tasks-vision keeps one landmarker per worker,
 * and every create/close leaks memory until the worker ends.
 *
 * A worker that fails to load, crashes or sends a message that cannot be read (`error` and
 * `messageerror` events, on the pose worker or a job's decode worker) rejects every call in
 * progress with a `WorkerFailedError` instead of leaving it pending for ever.
 *
 * GPU: with `delegate: 'GPU'`, a GPU landmarker that cannot be created or fails its warm-up detection
 * is replaced by a CPU one in a new worker (a worker holds one landmarker for its life); `delegate` and
 * `gpuProblem` say what happened. A GPU failure later, during a job, rejects with a
 * `PoseInferenceError` whose `delegate` is 'GPU' (the app then moves to the CPU: `state/analysis-job.svelte.ts`).
 */
import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
import type { ModelVariant, PoseFrame } from '../analysis/series';
import { WorkerFailedError } from '../pose/errors';
import { installErrorTransfer } from './error-transfer';
import type { PosedStretch } from './file-pose-job';
import type { PoseService } from './pose-service';
import { recordBlockedRequests } from './blocked-requests.svelte';
import { startWorker } from './start-worker';
import { sharedPoseWasm } from './shared-wasm';
import type { TimeSegment } from './time-segments';
import decodeWorkerUrl from './decode.worker.ts?worker&url';
import poseWorkerUrl from './pose.worker.ts?worker&url';
import type { DetectionTiming } from './delegate-timing';
import type {
  LiveFrameInfo,
  PoseCandidates,
  PoseDelegate,
  PoseEngineOptions,
  PoseProgress
} from './pose-types';

export type {
  PoseProgress,
  PoseCandidates,
  LiveFrameInfo,
  PoseEngineOptions,
  PosedStretch,
  PoseDelegate,
  DetectionTiming
};

/** Options of {@link PoseClient.poseFrames}. */
export interface PoseFramesOptions {
  /** Called a few times per second with this stretch's frames done, throughput and ETA. */
  onProgress?: (p: PoseProgress) => void;
  /** Aborting rejects the call with an `AbortError` and leaves the worker usable. */
  signal?: AbortSignal;
  /** Frames analysed per second of media time at most (see `media/frame-rate.ts`); `0` = every frame. */
  maxFps: number;
  /** The stretch to pose (see `time-segments.ts`); the whole clip when absent. */
  segment?: TimeSegment;
  /**
   * Decide after the clip's opening whether one person suffices (`pose/one-person.ts`) and report it
   * here: the first stretch's job.
   */
  onOpening?: (onePerson: boolean) => void;
  /** Look for one person in the frames after this media time, ms (a later stretch; see `pose-team.ts`). */
  onePersonAfterMs?: number;
}

/** A running live session. */
export interface LiveSession {
  /** Stops feeding frames; resolves when the worker has finished its frame in flight. */
  stop(): Promise<void>;
}

let nextJobId = 1;

interface TrackProcessorCtor {
  new (init: { track: MediaStreamTrack; maxBufferSize?: number }): { readable: ReadableStream<VideoFrame> };
}

/** How long {@link PoseClient.close} waits for the worker to close its landmarker, ms (≈ 10 ms normally). */
const CLOSE_TIMEOUT_MS = 2_000;

/**
 * A promise that rejects with a `WorkerFailedError` when `worker` reports an `error` or a
 * `messageerror` event. It never resolves; race calls to the worker against it.
 */
export function workerFailure(worker: Worker): Promise<never> {
  const failed = new Promise<never>((_resolve, reject) => {
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      reject(new WorkerFailedError(e.message || `${worker.constructor.name} failed to start or crashed`));
    });
    worker.addEventListener('messageerror', () =>
      reject(new WorkerFailedError('a message could not be read'))
    );
  });
  failed.catch(() => {
    // Observed by whoever races against it; nobody racing is not an unhandled failure.
  });
  return failed;
}

/** A promise that rejects with the signal's reason when it aborts. Never resolves. */
function aborted(signal: AbortSignal): Promise<never> {
  const p = new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  p.catch(() => {});
  return p;
}

export class PoseClient<S extends PoseService = PoseService> {
  readonly variant: ModelVariant;
  readonly #worker: Worker;
  protected readonly remote: Remote<S>;
  readonly #failed: Promise<never>;
  /** Decode workers of the file jobs in progress (a job cut short by {@link dispose} never settles). */
  readonly #decoders = new Set<Worker>();
  #disposed = false;
  #delegate: PoseDelegate = 'CPU';
  #gpuProblem: string | null = null;

  protected constructor(variant: ModelVariant, worker: Worker, remote: Remote<S>) {
    this.variant = variant;
    this.#worker = worker;
    this.remote = remote;
    this.#failed = workerFailure(worker);
  }

  /** The delegate this worker's landmarker runs on (CPU after a GPU fallback). */
  get delegate(): PoseDelegate {
    return this.#delegate;
  }

  /** Why the GPU delegate asked for was replaced by the CPU at start, or null. */
  get gpuProblem(): string | null {
    return this.#gpuProblem;
  }

  /**
   * Starts a worker and loads the `variant` model in it (`/models/pose_landmarker_${variant}.task`) on
   * `options.delegate`; a GPU that fails to start is replaced by the CPU (see {@link delegate}).
   * Rejects with `PoseModelLoadError`, `WebGLUnavailableError` or `WorkerFailedError`; aborting
   * `signal` terminates the worker at once and rejects with the signal's reason.
   */
  static create(
    variant: ModelVariant,
    options: PoseEngineOptions = {},
    signal?: AbortSignal
  ): Promise<PoseClient> {
    return PoseClient.launch(
      poseWorkerUrl,
      variant,
      options,
      signal,
      (w, r) => new PoseClient(variant, w, r)
    );
  }

  /** {@link create} for the worker script at `workerUrl`, wrapped by `make`, with the CPU fallback. */
  protected static async launch<C extends PoseClient<T>, T extends PoseService>(
    workerUrl: string,
    variant: ModelVariant,
    options: PoseEngineOptions,
    signal: AbortSignal | undefined,
    make: (worker: Worker, remote: Remote<T>) => C
  ): Promise<C> {
    if (options.delegate !== 'GPU') return PoseClient.#launchOnce(workerUrl, variant, options, signal, make);
    try {
      return await PoseClient.#launchOnce(workerUrl, variant, options, signal, make);
    } catch (e) {
      if (signal?.aborted || (e instanceof DOMException && e.name === 'AbortError')) throw e;
      const client = await PoseClient.#launchOnce(
        workerUrl,
        variant,
        { ...options, delegate: 'CPU' },
        signal,
        make
      );
      client.#gpuProblem = e instanceof Error ? e.message : String(e);
      return client;
    }
  }

  static async #launchOnce<C extends PoseClient<T>, T extends PoseService>(
    workerUrl: string,
    variant: ModelVariant,
    options: PoseEngineOptions,
    signal: AbortSignal | undefined,
    make: (worker: Worker, remote: Remote<T>) => C
  ): Promise<C> {
    signal?.throwIfAborted();
    installErrorTransfer();
    const worker = startWorker(workerUrl, `pose-${variant}`);
    const remote = wrap<T>(worker);
    const client = make(worker, remote);
    try {
      const pending = [client.guard(sharedPoseWasm().then((wasm) => remote.init(variant, options, wasm)))];
      if (signal) pending.push(aborted(signal));
      const { delegate } = await Promise.race(pending);
      client.#delegate = delegate;
    } catch (e) {
      client.dispose();
      throw e;
    }
    return client;
  }

  /** `call`, or a `WorkerFailedError` as soon as the worker fails. */
  protected guard<T>(call: Promise<T>): Promise<T> {
    return Promise.race([call, this.#failed]);
  }

  /**
   * Decodes and poses one stretch of a video file (all of it without `segment`), keeping every person
   * found in every frame. Rejects with typed media/pose errors (`VideoError` subclasses, `PoseError`
   * subclasses); `AbortError` on cancel.
   */
  async poseFrames(file: Blob, opts: PoseFramesOptions): Promise<PosedStretch> {
    this.assertAlive();
    const { signal, onProgress, maxFps, segment, onOpening, onePersonAfterMs } = opts;
    signal?.throwIfAborted();
    const jobId = nextJobId++;
    const onAbort = () => void this.remote.cancel(jobId);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.withDecoder((framePort) => {
        const req = transfer(
          {
            jobId,
            framePort,
            maxFps,
            scoutOpening: !!onOpening,
            ...(segment ? { segment } : {}),
            ...(onePersonAfterMs !== undefined ? { onePersonAfterMs } : {})
          },
          [framePort]
        );
        return this.remote.poseFrames(
          file,
          req,
          onProgress ? proxy(onProgress) : undefined,
          onOpening ? proxy(onOpening) : undefined
        ) as Promise<PosedStretch>;
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Runs one file job with its own decode worker (demux, decode and bitmap conversion on the other
   * core; see `media/frame-service.ts`), connected to the pose worker by the port given to `job`.
   * The decode worker is terminated when the job settles, whatever happened.
   */
  protected async withDecoder<T>(job: (framePort: MessagePort) => Promise<T>): Promise<T> {
    const decoder = startWorker(decodeWorkerUrl, 'decode');
    this.#decoders.add(decoder);
    try {
      const channel = new MessageChannel();
      decoder.postMessage(channel.port1, [channel.port1]);
      return await Promise.race([this.guard(job(channel.port2)), workerFailure(decoder)]);
    } finally {
      this.#decoders.delete(decoder);
      decoder.terminate();
    }
  }

  /**
   * Live webcam: at most one frame in flight, the rest dropped (MediaStreamTrackProcessor on the
   * main thread, its readable transferred to the worker; fallback: requestVideoFrameCallback +
   * createImageBitmap). `onFrame` gets each pose frame (pixels) and the live pose rate.
   */
  async startLive(
    track: MediaStreamTrack,
    onFrame: (f: PoseFrame, info: LiveFrameInfo) => void
  ): Promise<LiveSession> {
    this.assertAlive();
    const liveId = nextJobId++;
    const Processor = (globalThis as { MediaStreamTrackProcessor?: TrackProcessorCtor })
      .MediaStreamTrackProcessor;
    const callback = proxy(onFrame);
    if (Processor) {
      const { readable } = new Processor({ track, maxBufferSize: 1 });
      const done = this.guard(
        this.remote.runLiveStream(transfer(readable, [readable as unknown as Transferable]), liveId, callback)
      );
      return {
        stop: async () => {
          await this.remote.cancel(liveId);
          await done.catch((e: unknown) => {
            if (!(e instanceof DOMException && e.name === 'AbortError')) throw e;
          });
        }
      };
    }
    return this.#startLiveFallback(track, liveId, onFrame);
  }

  /** Fallback live path: a hidden <video> and requestVideoFrameCallback, one ImageBitmap in flight. */
  async #startLiveFallback(
    track: MediaStreamTrack,
    liveId: number,
    onFrame: (f: PoseFrame, info: LiveFrameInfo) => void
  ): Promise<LiveSession> {
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = new MediaStream([track]);
    await video.play();
    await this.remote.beginLive(liveId);
    let stopped = false;
    let inFlight: Promise<void> | null = null;
    const t0 = performance.now();
    const onVideoFrame = (now: number) => {
      if (stopped) return;
      if (!inFlight) {
        inFlight = (async () => {
          const bitmap = await createImageBitmap(video);
          const result = await this.remote.detectLiveBitmap(transfer(bitmap, [bitmap]), liveId, now - t0);
          if (result && !stopped) onFrame(result.frame, result.info);
        })().finally(() => {
          inFlight = null;
        });
      }
      video.requestVideoFrameCallback(onVideoFrame);
    };
    video.requestVideoFrameCallback(onVideoFrame);
    return {
      stop: async () => {
        stopped = true;
        await inFlight;
        video.pause();
        video.srcObject = null;
      }
    };
  }

  /**
   * Times up to `frames` detections of this worker's landmarker on drawn frames, stopping once they
   * have taken `budgetMs` (the device trial, `delegate-trial.ts`). Disposing the client stops it.
   */
  timeDetections(frames: number, budgetMs?: number): Promise<DetectionTiming> {
    this.assertAlive();
    return this.guard(this.remote.timeDetections(frames, budgetMs));
  }

  /** Off-origin requests that the worker's fetch guard answered locally (tasks-vision telemetry). */
  blockedRequests(): Promise<string[]> {
    this.assertAlive();
    return this.remote.blockedRequests();
  }

  /**
   * Ends the worker gracefully: closes the landmarker first (tasks-vision then sends its usage log,
   * which the worker's fetch guard answers locally; the answered requests are recorded in
   * `blocked-requests.svelte.ts`), then disposes. Waits at most {@link CLOSE_TIMEOUT_MS}; never rejects.
   */
  async close(): Promise<void> {
    if (this.#disposed) return;
    const timeout = new Promise<string[]>((resolve) => setTimeout(() => resolve([]), CLOSE_TIMEOUT_MS));
    try {
      recordBlockedRequests(await Promise.race([this.guard(this.remote.close()), timeout]));
    } catch {
      // A worker that fails while closing is terminated just below all the same.
    } finally {
      this.dispose();
    }
  }

  /** Releases the comlink proxy, then terminates the worker (and its landmarker) and its jobs' decode workers. Idempotent. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.remote[releaseProxy]();
    this.#worker.terminate();
    this.#decoders.forEach((d) => d.terminate());
    this.#decoders.clear();
  }

  protected assertAlive(): void {
    if (this.#disposed) throw new Error('PoseClient was disposed');
  }
}
