/**
 * The pose worker's service object: plain code that the thin `pose.worker.ts` exposes through
 * comlink. One service = one landmarker (one model variant) for the worker's whole life.
 *
 * A file job reads its frames from a decode worker (mediabunny + WebCodecs + conversion to RGB,
 * on the other core) through the `MessagePort` in the request, keeping a few requested ahead so
 * that decoding overlaps inference, and runs the model on each as it arrives. Each frame's
 * candidates are kept; at the end `followWalker` picks the walker among them, and the
 * series goes back in one message. A clip longer than `MAX_CLIP_DURATION_S` is refused, by the
 * container's duration when it gives one and by the frames' own times in any case. Cancellation: the client calls `cancel(jobId)`; the loop
 * yields to the event loop once per frame so that the message is seen, then throws AbortError.
 */
import type { LandmarkSeries, ModelVariant, Pose, PoseFrame } from '../analysis/series';
import { modelInputOf, releaseModelFrame, type ModelFrame } from '../media/model-frames';
import { readAhead } from '../media/read-ahead';
import { analysedFrameCount } from '../media/frame-rate';
import { MAX_CLIP_DURATION_S } from '../media/clip-limits';
import { ClipTooLongError, NoFramesError } from '../media/errors';
import { installFetchGuard, type FetchGuard } from '../pose/fetch-guard';
import { followWalker, pickContinuous } from '../pose/follow-walker';
import { onePersonSuffices, SCOUT_MS } from '../pose/one-person';
import { createVideoPoseLandmarker, type PoseInput, type VideoPoseLandmarker } from '../pose/landmarker';
import { toPoses } from '../pose/to-poses';
import { progressOf } from './progress-of';
import { openRemoteVideo } from './remote-frames';
import type { TimeRange, VideoInfo } from '../media/decode-video';
import type {
  LiveFrameInfo,
  PoseCandidates,
  PoseEngineOptions,
  PoseOnlyMeasurement,
  PoseProgress
} from './pose-types';

/** Frames requested from the decode worker ahead of the model (each ≤ 2 MB of pixels at 960 px). */
const READ_AHEAD_FRAMES = 4;

/** See {@link PoseEngineOptions.maxInputSidePx}. */
const DEFAULT_MAX_INPUT_SIDE_PX = 960;

/** Longest clip posed, ms of media time (the frames' own timestamps). */
const MAX_CLIP_MS = MAX_CLIP_DURATION_S * 1000;

/** Progress is reported at most this often, ms (each report is a message to the page). */
const PROGRESS_EVERY_MS = 250;

/** Resolves on the next macrotask, so that queued messages (cancel) are handled. Cheaper than setTimeout. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

const abortError = () => new DOMException('The pose run was cancelled.', 'AbortError');

export interface ProcessFileRequest {
  jobId: number;
  fileName?: string;
  /** See `ProcessFileOptions.onePersonAfterOpening`. */
  onePersonAfterOpening: boolean;
  /** Connection to this job's decode worker (transferred). */
  framePort: MessagePort;
  /** Frames analysed per second of media time at most; `0` = every frame (see `media/frame-rate.ts`). */
  maxFps: number;
  /** Only this stretch of the clip (diagnostics: parallel landmarkers over time segments). */
  rangeMs?: TimeRange;
}

/** What one pass over a file gives before the walker is chosen. */
interface PosedFrames extends PoseCandidates {
  info: VideoInfo;
}

interface Live {
  previous: Pose | null;
  times: number[];
}

function createPoseService(scope: typeof globalThis) {
  let guard: FetchGuard | null = null;
  let landmarker: VideoPoseLandmarker | null = null;
  let variant: ModelVariant = 'full';
  let maxInputSidePx = DEFAULT_MAX_INPUT_SIDE_PX;
  let numPoses = 2;
  const cancelled = new Set<number>();
  const lives = new Map<number, Live>();

  const need = (): VideoPoseLandmarker => {
    if (!landmarker) throw new Error('pose service not initialised: call init() first');
    return landmarker;
  };

  const poseFps = (live: Live, now: number): number => {
    live.times.push(now);
    while (live.times.length > 1 && now - live.times[0] > 1000) live.times.shift();
    const span = now - live.times[0];
    return span > 0 ? ((live.times.length - 1) * 1000) / span : 0;
  };

  /** Detects on one live image and picks the person continuing the previous pick. */
  const detectLive = (live: Live, image: PoseInput, widthPx: number, heightPx: number, tMs: number) => {
    const poses = toPoses(need().detect(image, tMs), widthPx, heightPx);
    const pose = pickContinuous(live.previous, poses);
    live.previous = pose;
    const info: LiveFrameInfo = { widthPx, heightPx, poseFps: poseFps(live, performance.now()) };
    return { frame: { tMs, pose } as PoseFrame, info };
  };

  /** Decodes every frame of `file` in the job's decode worker and keeps every person the model found. */
  const poseEveryFrame = async (
    file: Blob,
    req: ProcessFileRequest,
    onProgress?: (p: PoseProgress) => void
  ): Promise<PosedFrames> => {
    const lm = need();
    const { jobId } = req;
    // A previous file may have left the model looking for one person.
    await lm.setNumPoses(numPoses);
    let scouting = req.onePersonAfterOpening && numPoses > 1;
    const video = await openRemoteVideo(req.framePort, file, maxInputSidePx, req.maxFps, req.rangeMs);
    const { info } = video;
    const framesTotal = analysedFrameCount(info.frameCount, info.durationMs, req.maxFps);
    if (info.durationMs > MAX_CLIP_MS) {
      video.close();
      throw new ClipTooLongError(MAX_CLIP_DURATION_S, info.durationMs / 1000);
    }
    const tMs: number[] = [];
    const candidates: Pose[][] = [];
    const t0 = performance.now();
    let lastReport = t0;
    let widthPx = info.widthPx;
    let heightPx = info.heightPx;
    try {
      let first = true;
      const frames = readAhead(video.frames, READ_AHEAD_FRAMES, video.release);
      for await (const frame of frames) {
        try {
          if (cancelled.has(jobId)) throw abortError();
          if (first) {
            lm.startSegment(frame.tMs);
            widthPx = frame.widthPx;
            heightPx = frame.heightPx;
            first = false;
          }
          // The length limit by media time, whatever the container said its duration was.
          if (tMs.length && frame.tMs - tMs[0] > MAX_CLIP_MS) throw new ClipTooLongError(MAX_CLIP_DURATION_S);
          // One frame per presentation time: a frame that repeats the previous one's time is left out
          // (posed 1 ms later, as MediaPipe would need, its motion would look 30× too fast to the
          // tracker, which then loses the person: measured on a clip with every time doubled).
          if (tMs.length && frame.tMs <= tMs[tMs.length - 1]) continue;
          const t = frame.tMs;
          candidates.push(toPoses(lm.detect(modelInputOf(frame), t), frame.widthPx, frame.heightPx));
          tMs.push(t);
          if (scouting && t - tMs[0] >= SCOUT_MS) {
            scouting = false;
            if (onePersonSuffices(candidates, tMs)) await lm.setNumPoses(1);
          }
        } finally {
          video.release(frame);
        }
        const now = performance.now();
        // The first frame is reported at once: the page can tell the model is running.
        if (onProgress && (tMs.length === 1 || now - lastReport >= PROGRESS_EVERY_MS)) {
          lastReport = now;
          onProgress(
            progressOf(tMs.length, framesTotal, now - t0, {
              doneMs: tMs[tMs.length - 1],
              durationMs: info.durationMs
            })
          );
        }
        await yieldToEventLoop();
      }
    } finally {
      video.close();
      cancelled.delete(jobId);
    }
    if (tMs.length === 0) throw new NoFramesError();
    onProgress?.(progressOf(tMs.length, tMs.length, performance.now() - t0));
    return { info, tMs, candidates, widthPx, heightPx };
  };

  return {
    /** Installs the fetch guard and loads the model (with the page's compiled wasm when given). Call once. */
    async init(
      v: ModelVariant,
      options: PoseEngineOptions = {},
      wasm: WebAssembly.Module | null = null
    ): Promise<{ createMs: number }> {
      if (landmarker) throw new Error('pose service already initialised');
      guard ??= installFetchGuard(scope);
      variant = v;
      maxInputSidePx = options.maxInputSidePx ?? DEFAULT_MAX_INPUT_SIDE_PX;
      numPoses = options.numPoses ?? 2;
      const t0 = performance.now();
      landmarker = await createVideoPoseLandmarker(v, numPoses, wasm);
      return { createMs: performance.now() - t0 };
    },

    /** Marks a job (file or live session) as cancelled; it stops at its next frame. */
    cancel(jobId: number): void {
      cancelled.add(jobId);
    },

    /**
     * Decodes and poses every frame of `file` and follows the walker. `onProgress` is a separate
     * argument because comlink only proxies top-level arguments.
     */
    async processFile(
      file: Blob,
      req: ProcessFileRequest,
      onProgress?: (p: PoseProgress) => void
    ): Promise<LandmarkSeries> {
      const { info, tMs, candidates, widthPx, heightPx } = await poseEveryFrame(file, req, onProgress);
      const picked = followWalker(candidates, tMs);
      const durationMs = Math.max(info.durationMs, tMs[tMs.length - 1]);
      return {
        version: 1,
        widthPx,
        heightPx,
        model: variant,
        source: {
          container: info.container,
          codec: info.codec,
          fpsHz: durationMs > 0 ? (tMs.length * 1000) / durationMs : 0,
          durationMs,
          rotationDeg: info.rotationDeg,
          ...(req.fileName ? { fileName: req.fileName } : {})
        },
        frames: tMs.map((t, i) => ({ tMs: t, pose: picked[i] }))
      };
    },

    /** Diagnostics and test fixtures: every person found in every frame, before the walker is chosen. */
    async collectCandidates(
      file: Blob,
      req: ProcessFileRequest,
      onProgress?: (p: PoseProgress) => void
    ): Promise<PoseCandidates> {
      const { tMs, candidates, widthPx, heightPx } = await poseEveryFrame(file, req, onProgress);
      return { widthPx, heightPx, tMs, candidates };
    },

    /**
     * Live frames from a transferred `MediaStreamTrackProcessor` readable. Reading one frame at a
     * time with `maxBufferSize: 1` upstream keeps one frame in flight; older frames are dropped by
     * the processor. Resolves when the stream ends; rejects with AbortError after `cancel(liveId)`.
     */
    async runLiveStream(
      readable: ReadableStream<VideoFrame>,
      liveId: number,
      onFrame: (f: PoseFrame, info: LiveFrameInfo) => void
    ): Promise<void> {
      const lm = need();
      await lm.setNumPoses(numPoses);
      const live: Live = { previous: null, times: [] };
      const reader = readable.getReader();
      let t0: number | null = null;
      try {
        while (true) {
          if (cancelled.has(liveId)) throw abortError();
          const { value: frame, done } = await reader.read();
          if (done) return;
          try {
            const frameMs = (frame.timestamp ?? 0) / 1000;
            if (t0 === null) {
              t0 = frameMs;
              lm.startSegment(0);
            }
            const { frame: pf, info } = detectLive(
              live,
              frame,
              frame.displayWidth,
              frame.displayHeight,
              frameMs - t0
            );
            onFrame(pf, info);
          } finally {
            frame.close();
          }
        }
      } finally {
        cancelled.delete(liveId);
        await reader.cancel().catch(() => {});
      }
    },

    /** Fallback live path: starts a session fed by {@link detectLiveBitmap}. */
    async beginLive(liveId: number): Promise<void> {
      await need().setNumPoses(numPoses);
      lives.set(liveId, { previous: null, times: [] });
      need().startSegment(0);
    },

    /** Fallback live path: poses one transferred bitmap (closed here). */
    detectLiveBitmap(
      bitmap: ImageBitmap,
      liveId: number,
      tMs: number
    ): { frame: PoseFrame; info: LiveFrameInfo } | null {
      try {
        const live = lives.get(liveId);
        if (!live) return null;
        return detectLive(live, bitmap, bitmap.width, bitmap.height, tMs);
      } finally {
        bitmap.close();
      }
    },

    /** Benchmark: read up to `maxFrames` frames (converted for the model) first, then time the model alone. */
    async measurePoseOnly(
      file: Blob,
      maxFrames: number,
      framePort: MessagePort
    ): Promise<PoseOnlyMeasurement> {
      const lm = need();
      await lm.setNumPoses(numPoses);
      const video = await openRemoteVideo(framePort, file, maxInputSidePx, 0);
      const held: ModelFrame[] = [];
      try {
        for (let r = await video.frames.next(); !r.done; r = await video.frames.next()) {
          held.push(r.value);
          if (held.length >= maxFrames) break;
        }
        await video.frames.return?.();
      } finally {
        video.close();
      }
      const perFrameMs: number[] = [];
      let framesWithPose = 0;
      const inputs = held.map(modelInputOf);
      const inputWidthPx = inputs[0]?.width ?? 0;
      const inputHeightPx = inputs[0]?.height ?? 0;
      try {
        lm.startSegment(held[0]?.tMs ?? 0);
        held.forEach(({ tMs }, i) => {
          const t = performance.now();
          const r = lm.detect(inputs[i], tMs);
          const dt = performance.now() - t;
          if (i > 0) perFrameMs.push(dt);
          if (r.landmarks.length) framesWithPose++;
        });
      } finally {
        held.forEach(releaseModelFrame);
      }
      return {
        frames: held.length,
        perFrameMs,
        framesWithPose,
        inputWidthPx,
        inputHeightPx
      };
    },

    /** Off-origin requests the fetch guard answered locally. */
    blockedRequests(): string[] {
      return [...(guard?.blocked ?? [])];
    },

    /**
     * Closes the landmarker, on which tasks-vision sends its usage log (answered locally by the
     * fetch guard), and returns every off-origin request the guard answered. The service is spent.
     */
    async close(): Promise<string[]> {
      landmarker?.close();
      landmarker = null;
      // The log is sent from a task queued by close(): let it run first.
      await yieldToEventLoop();
      return [...(guard?.blocked ?? [])];
    }
  };
}

export { createPoseService };
export type PoseService = ReturnType<typeof createPoseService>;
