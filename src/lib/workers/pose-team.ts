/**
 * Pose workers side by side on one upload: the clip is cut into stretches (`time-segments.ts`), each
 * posed by its own worker (and landmarker, and decode worker), and the stretches are stitched into one
 * `LandmarkSeries` whose walker is chosen once over the whole clip (`pose/follow-walker.ts`). With one
 * worker, or a clip too short to cut, the one worker reads the whole clip: the same code path.
 *
 * Shared across the stretches: the frames analysed per second (anchored to media time, so every worker
 * keeps the frames one worker would; `media/frame-rate.ts`), the opening's "one person suffices" verdict
 * (decided by the first stretch, passed on to the others as soon as it is known; `pose/one-person.ts`),
 * the progress (frames of all stretches against the clip's total), cancelling (all jobs stop) and the
 * first error (the other jobs are cancelled and it is the one reported).
 */
import type { LandmarkSeries, ModelVariant } from '../analysis/series';
import { checkFramesRead, openVideo } from '../media/decode-video';
import { analysedFrameCount, DEFAULT_MAX_ANALYSIS_FPS } from '../media/frame-rate';
import { MAX_CLIP_DURATION_S } from '../media/clip-limits';
import { ClipTooLongError, NoFramesError } from '../media/errors';
import { followWalker } from '../pose/follow-walker';
import { SCOUT_MS } from '../pose/one-person';
import type { PosedStretch } from './file-pose-job';
import { PoseClient } from './pose-client';
import { progressOf } from './progress-of';
import type { PoseEngineOptions, PoseProgress } from './pose-types';
import { poseWorkerCount, segmentsOf, stitchSegments, type TimeSegment } from './time-segments';

/** Options of {@link PoseTeam.processFile}. */
export interface ProcessFileOptions {
  /** Called a few times per second with frames done/total (all stretches), throughput and ETA. */
  onProgress?: (p: PoseProgress) => void;
  /** Aborting rejects the call with an `AbortError` and leaves the workers usable. */
  signal?: AbortSignal;
  /** Stored in `series.source.fileName`, for display only. */
  fileName?: string;
  /**
   * When the first 2 s show exactly one person, who walks, look for one person from then on (see
   * `pose/one-person.ts`): ≈ 20 % faster. `false` keeps the engine's `numPoses` for the whole file
   * (diagnostics, benchmarks).
   * @default true
   */
  onePersonAfterOpening?: boolean;
  /**
   * Frames analysed per second of media time at most: a 60-fps clip is analysed at every other frame
   * (see `media/frame-rate.ts`; what that costs: docs/SPEED.md). `0` = every frame.
   * @default DEFAULT_MAX_ANALYSIS_FPS (30)
   */
  maxFps?: number;
}

/** How many pose workers this device gets (see {@link poseWorkerCount}). */
export function poseWorkersForThisDevice(): number {
  const nav = globalThis.navigator as (Navigator & { deviceMemory?: number }) | undefined;
  return poseWorkerCount(nav?.hardwareConcurrency, nav?.deviceMemory);
}

/**
 * The clip's stretches for `workers` workers, and the frames the clip gives (null: unknown). One
 * stretch, without reading the file here, for one worker.
 */
async function planStretches(
  file: Blob,
  workers: number,
  maxFps: number
): Promise<{ stretches: (TimeSegment | undefined)[]; framesTotal: number | null }> {
  const whole = { stretches: [undefined], framesTotal: null };
  if (workers < 2) return whole;
  // The container's duration, read on this thread (the workers read the header again, cheaply).
  const video = await openVideo(file);
  video.close();
  const { durationMs, frameCount } = video.info;
  const stretches = segmentsOf(durationMs, workers);
  if (stretches.length < 2) return whole;
  return { stretches, framesTotal: analysedFrameCount(frameCount, durationMs, maxFps) };
}

/**
 * The team's progress from each stretch's latest: frames summed; the ETA from the clip's frame total
 * when known, else the longest ETA of the stretches (each from its own media time).
 */
function teamProgress(
  latest: (PoseProgress | null)[],
  framesTotal: number | null,
  elapsedMs: number
): PoseProgress {
  const done = latest.reduce((sum, p) => sum + (p?.framesDone ?? 0), 0);
  const p = progressOf(done, framesTotal, elapsedMs);
  if (framesTotal !== null) return p;
  const etas = latest.map((q) => q?.etaMs ?? null);
  return { ...p, etaMs: etas.every((e) => e !== null) ? Math.max(...(etas as number[])) : null };
}

/** A promise settled from outside: the opening's verdict, handed to the later stretches. */
function verdict() {
  let settle: (onePerson: boolean) => void = () => {};
  const promise = new Promise<boolean>((resolve) => (settle = resolve));
  return { promise, settle };
}

export class PoseTeam {
  readonly variant: ModelVariant;
  readonly #clients: PoseClient[];

  /** A team of already started clients (all of `clients[0].variant`). */
  constructor(clients: PoseClient[]) {
    if (clients.length === 0) throw new Error('a pose team needs at least one worker');
    this.variant = clients[0].variant;
    this.#clients = clients;
  }

  /**
   * Starts `workers` pose workers (default: {@link poseWorkersForThisDevice}) and loads the model in
   * each, side by side. Rejects like `PoseClient.create` as soon as one fails (the others are stopped).
   */
  static async create(
    variant: ModelVariant,
    options: PoseEngineOptions = {},
    signal?: AbortSignal,
    workers = poseWorkersForThisDevice()
  ): Promise<PoseTeam> {
    // The first failure stops the other starts (they then reject with it), as does the caller's abort.
    const all = new AbortController();
    const onAbort = () => all.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    const starting = Array.from({ length: workers }, () =>
      PoseClient.create(variant, options, all.signal).catch((e: unknown) => {
        all.abort(e);
        throw e;
      })
    );
    const settled = await Promise.allSettled(starting);
    signal?.removeEventListener('abort', onAbort);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) {
      settled.forEach((s) => s.status === 'fulfilled' && s.value.dispose());
      throw failed.reason;
    }
    return new PoseTeam(settled.map((s) => (s as PromiseFulfilledResult<PoseClient>).value));
  }

  /** Pose workers in the team. */
  get size(): number {
    return this.#clients.length;
  }

  /** Why the GPU delegate could not start and the CPU was used instead (see `PoseClient.gpuProblem`), or null. */
  get gpuProblem(): string | null {
    return this.#clients.find((c) => c.gpuProblem !== null)?.gpuProblem ?? null;
  }

  /**
   * Decodes and poses every analysed frame of a video file, and follows the walker. Rejects with typed
   * media/pose errors (`VideoError` subclasses, `PoseError` subclasses); `AbortError` on cancel.
   *
   * One reader of the whole clip looks for two people in its opening ({@link SCOUT_MS}) and, when that
   * shows one walker, for one from then on (MediaPipe then restarts its tracking). The later stretches
   * cannot wait for that verdict, so they assume one walker from the same media time on; when the opening
   * says otherwise, they are posed again looking for two. Either way every stretch poses as the one
   * reader would.
   */
  async processFile(file: Blob, opts: ProcessFileOptions = {}): Promise<LandmarkSeries> {
    const { signal, onProgress, onePersonAfterOpening = true, maxFps = DEFAULT_MAX_ANALYSIS_FPS } = opts;
    signal?.throwIfAborted();
    const plan = await planStretches(file, this.size, maxFps);
    const { stretches } = plan;
    // One controller for every job: the caller's cancel and the first failure both stop them all.
    const all = new AbortController();
    const onAbort = () => all.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const opening = verdict();
    const latest: (PoseProgress | null)[] = stretches.map(() => null);
    const t0 = performance.now();
    const report = (k: number, p: PoseProgress) => {
      latest[k] = p;
      if (stretches.length === 1) onProgress?.(p);
      else onProgress?.(teamProgress(latest, plan.framesTotal, performance.now() - t0));
    };
    const poseStretch = (k: number, jobSignal: AbortSignal, onePersonAfterMs?: number) =>
      this.#clients[k].poseFrames(file, {
        signal: jobSignal,
        maxFps,
        ...(stretches[k] ? { segment: stretches[k] } : {}),
        ...(k === 0 && onePersonAfterOpening ? { onOpening: opening.settle } : {}),
        ...(onePersonAfterMs !== undefined ? { onePersonAfterMs } : {}),
        onProgress: (p) => report(k, p)
      });
    /** A later stretch: posed assuming one walker, again looking for two if the opening disagrees. */
    const laterStretch = async (k: number): Promise<PosedStretch> => {
      if (!onePersonAfterOpening) return poseStretch(k, all.signal);
      const guess = new AbortController();
      const stopGuess = () => guess.abort(all.signal.reason);
      all.signal.addEventListener('abort', stopGuess, { once: true });
      try {
        const assumed = poseStretch(k, guess.signal, SCOUT_MS);
        assumed.catch(() => {}); // observed below, or superseded
        if (await opening.promise) return await assumed;
        guess.abort();
        await assumed.catch(() => {});
        latest[k] = null;
        return await poseStretch(k, all.signal);
      } finally {
        all.signal.removeEventListener('abort', stopGuess);
      }
    };
    try {
      const parts = await Promise.all(
        stretches.map((_segment, k) =>
          (k === 0 ? poseStretch(0, all.signal).finally(() => opening.settle(false)) : laterStretch(k)).catch(
            (e: unknown) => {
              all.abort(e);
              throw e;
            }
          )
        )
      );
      return this.#toSeries(
        parts,
        stretches.length > 1,
        maxFps,
        opts.fileName ?? (file instanceof File ? file.name : undefined)
      );
    } catch (e) {
      // The first failure, not the AbortErrors it caused in the other jobs.
      throw all.signal.aborted && !signal?.aborted ? all.signal.reason : e;
    } finally {
      opening.settle(false);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The stitched stretches with the walker chosen, as the series the analysis reads. */
  #toSeries(
    parts: PosedStretch[],
    cut: boolean,
    maxFps: number,
    fileName: string | undefined
  ): LandmarkSeries {
    const { info } = parts[0];
    const { tMs, candidates, widthPx, heightPx } = stitchSegments(parts);
    if (tMs.length === 0) throw new NoFramesError();
    if (cut) {
      // What a single reader of the whole clip checks by itself: its length by frame times, and frames missing.
      if (tMs[tMs.length - 1] - tMs[0] > MAX_CLIP_DURATION_S * 1000)
        throw new ClipTooLongError(MAX_CLIP_DURATION_S);
      checkFramesRead(tMs.length, analysedFrameCount(info.frameCount, info.durationMs, maxFps));
    }
    const picked = followWalker(candidates, tMs);
    const durationMs = Math.max(info.durationMs, tMs[tMs.length - 1]);
    return {
      version: 1,
      widthPx,
      heightPx,
      model: this.variant,
      source: {
        container: info.container,
        codec: info.codec,
        fpsHz: durationMs > 0 ? (tMs.length * 1000) / durationMs : 0,
        durationMs,
        rotationDeg: info.rotationDeg,
        ...(fileName ? { fileName } : {})
      },
      frames: tMs.map((t, i) => ({ tMs: t, pose: picked[i] }))
    };
  }

  /** Closes every worker gracefully (see `PoseClient.close`). Never rejects. */
  async close(): Promise<void> {
    await Promise.all(this.#clients.map((c) => c.close()));
  }

  /** Terminates every worker at once. Idempotent. */
  dispose(): void {
    this.#clients.forEach((c) => c.dispose());
  }
}
