/**
 * A pose worker's file job: one stretch of a video file (or all of it) decoded in the job's decode
 * worker and posed frame by frame, keeping every person the model found in every frame. The client
 * stitches the stretches of all its workers and chooses the walker once over the whole clip
 * (`pose-team.ts`).
 *
 * Frames come from the decode worker (mediabunny + WebCodecs + conversion to RGB, on another core)
 * through the `MessagePort` in the request, a few requested ahead so that decoding overlaps inference.
 * A clip longer than `MAX_CLIP_DURATION_S` is refused, by the container's duration when it gives one
 * and by the frames' own times in any case. Cancellation: the client calls `cancel(jobId)`; the loop
 * yields to the event loop once per frame so that the message is seen, then throws AbortError.
 */
import type { Pose } from '../analysis/series';
import { modelInputOf } from '../media/model-frames';
import { readAhead } from '../media/read-ahead';
import { analysedFrameCount } from '../media/frame-rate';
import { MAX_CLIP_DURATION_S } from '../media/clip-limits';
import { ClipTooLongError, NoFramesError } from '../media/errors';
import type { VideoInfo } from '../media/decode-video';
import { onePersonSuffices, SCOUT_MS } from '../pose/one-person';
import { toPoses } from '../pose/to-poses';
import { abortError, yieldToEventLoop, type PoseHost } from './pose-host';
import { progressOf } from './progress-of';
import { openRemoteVideo } from './remote-frames';
import type { TimeSegment } from './time-segments';
import type { PoseCandidates, PoseProgress } from './pose-types';

/** Frames requested from the decode worker ahead of the model (each ≤ 2 MB of pixels at 960 px). */
const READ_AHEAD_FRAMES = 4;

/** Longest clip posed, ms of media time (the frames' own timestamps). */
const MAX_CLIP_MS = MAX_CLIP_DURATION_S * 1000;

/** Progress is reported at most this often, ms (each report is a message to the page). */
const PROGRESS_EVERY_MS = 250;

export interface PoseFramesRequest {
  jobId: number;
  /** Connection to this job's decode worker (transferred). */
  framePort: MessagePort;
  /** Frames analysed per second of media time at most; `0` = every frame (see `media/frame-rate.ts`). */
  maxFps: number;
  /**
   * Decide after the opening whether one person suffices (see `pose/one-person.ts`) and report it
   * through `onOpening`. Only the clip's first stretch has the opening.
   */
  scoutOpening: boolean;
  /** The stretch to pose (see `time-segments.ts`); the whole clip when absent. */
  segment?: TimeSegment;
  /**
   * Look for one person in the frames after this media time, ms: a later stretch assuming what the
   * opening will decide, so that it poses as one reader of the whole clip would (`pose-team.ts`).
   */
  onePersonAfterMs?: number;
}

/** One stretch of a file, posed, before the walker is chosen. */
export interface PosedStretch extends PoseCandidates {
  info: VideoInfo;
}

/** The file jobs of a pose worker on `host`. */
export function fileJobsOf(host: PoseHost) {
  return {
    /**
     * Decodes and poses the request's stretch of `file`, keeping every person found in every frame.
     * `onProgress` counts the frames kept; `onOpening` gets the opening's verdict (one person suffices
     * or not) when `scoutOpening` is set. Separate arguments because comlink only proxies top-level ones.
     */
    async poseFrames(
      file: Blob,
      req: PoseFramesRequest,
      onProgress?: (p: PoseProgress) => void,
      onOpening?: (onePerson: boolean) => void
    ): Promise<PosedStretch> {
      const lm = host.landmarker();
      const { jobId, segment } = req;
      // A previous file may have left the model looking for one person.
      await lm.setNumPoses(host.numPoses);
      let scouting = req.scoutOpening;
      let onePersonAfterMs = req.onePersonAfterMs ?? Infinity;
      const range = segment && {
        startMs: segment.decodeFromMs,
        endMs: segment.keepToMs
      };
      const keepFromMs = segment?.keepFromMs ?? -Infinity;
      const keepToMs = segment?.keepToMs ?? Infinity;
      const video = await openRemoteVideo(req.framePort, file, host.maxInputSidePx, req.maxFps, range);
      const { info } = video;
      const framesTotal = segment ? null : analysedFrameCount(info.frameCount, info.durationMs, req.maxFps);
      if (info.durationMs > MAX_CLIP_MS) {
        video.close();
        throw new ClipTooLongError(MAX_CLIP_DURATION_S, info.durationMs / 1000);
      }
      // The stretch's media time, for the ETA when the frame count is unknown.
      const stretchFromMs = Math.max(0, keepFromMs);
      const stretchToMs = Math.min(keepToMs, info.durationMs);
      /** Times of every frame posed (the overlap's included), for the one-per-time rule and the length limit. */
      let firstMs = NaN;
      let lastMs = -Infinity;
      const tMs: number[] = [];
      const candidates: Pose[][] = [];
      const t0 = performance.now();
      let lastReport = t0;
      let widthPx = info.widthPx;
      let heightPx = info.heightPx;
      try {
        const frames = readAhead(video.frames, READ_AHEAD_FRAMES, video.release);
        for await (const frame of frames) {
          try {
            if (host.cancelled.has(jobId)) throw abortError();
            const t = frame.tMs;
            if (t > onePersonAfterMs) {
              onePersonAfterMs = Infinity;
              await lm.setNumPoses(1);
            }
            if (Number.isNaN(firstMs)) {
              lm.startSegment(t);
              firstMs = t;
              widthPx = frame.widthPx;
              heightPx = frame.heightPx;
            }
            // The length limit by media time, whatever the container said its duration was.
            if (t - firstMs > MAX_CLIP_MS) throw new ClipTooLongError(MAX_CLIP_DURATION_S);
            // One frame per presentation time: a frame that repeats the previous one's time is left out
            // (posed 1 ms later, as MediaPipe would need, its motion would look 30× too fast to the
            // tracker, which then loses the person: measured on a clip with every time doubled).
            // Frames past the stretch's end belong to the next worker.
            if (t <= lastMs || t >= keepToMs) continue;
            lastMs = t;
            const poses = toPoses(lm.detect(modelInputOf(frame), t), frame.widthPx, frame.heightPx);
            // The overlap before the stretch only lets the tracker settle.
            if (t < keepFromMs) continue;
            candidates.push(poses);
            tMs.push(t);
            if (scouting && t - tMs[0] >= SCOUT_MS) {
              scouting = false;
              const onePerson = host.numPoses > 1 && onePersonSuffices(candidates, tMs);
              if (onePerson) await lm.setNumPoses(1);
              onOpening?.(onePerson);
            }
          } finally {
            video.release(frame);
          }
          const now = performance.now();
          // The first frame is reported at once: the page can tell the model is running.
          if (onProgress && tMs.length > 0 && (tMs.length === 1 || now - lastReport >= PROGRESS_EVERY_MS)) {
            lastReport = now;
            onProgress(
              progressOf(tMs.length, framesTotal, now - t0, {
                doneMs: tMs[tMs.length - 1] - stretchFromMs,
                durationMs: stretchToMs - stretchFromMs
              })
            );
          }
          await yieldToEventLoop();
        }
      } finally {
        video.close();
        host.cancelled.delete(jobId);
      }
      if (scouting) onOpening?.(false);
      if (tMs.length === 0 && !segment) throw new NoFramesError();
      onProgress?.(progressOf(tMs.length, tMs.length, performance.now() - t0));
      return { info, tMs, candidates, widthPx, heightPx };
    }
  };
}
