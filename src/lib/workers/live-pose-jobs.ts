/**
 * A pose worker's live jobs: webcam frames posed as they come, one in flight, each result sent back at
 * once with the live pose rate. Two feeds: a transferred `MediaStreamTrackProcessor` readable (Chromium),
 * or bitmaps sent one at a time by the page (the fallback).
 */
import type { Pose, PoseFrame } from '../analysis/series';
import { pickContinuous } from '../pose/follow-walker';
import type { PoseInput } from '../pose/landmarker';
import { toPoses } from '../pose/to-poses';
import { abortError, type PoseHost } from './pose-host';
import type { LiveFrameInfo } from './pose-types';

interface Live {
  previous: Pose | null;
  /** Times of the results in the last second, ms (performance.now). */
  times: number[];
}

/** Results per second over the last second, counting the one at `now`. */
function poseFps(live: Live, now: number): number {
  live.times.push(now);
  while (live.times.length > 1 && now - live.times[0] > 1000) live.times.shift();
  const span = now - live.times[0];
  return span > 0 ? ((live.times.length - 1) * 1000) / span : 0;
}

/** The live jobs of a pose worker on `host`. */
export function liveJobsOf(host: PoseHost) {
  const lives = new Map<number, Live>();

  /** Detects on one live image and picks the person continuing the previous pick. */
  const detectLive = (live: Live, image: PoseInput, widthPx: number, heightPx: number, tMs: number) => {
    const poses = toPoses(host.landmarker().detect(image, tMs), widthPx, heightPx);
    const pose = pickContinuous(live.previous, poses);
    live.previous = pose;
    const info: LiveFrameInfo = { widthPx, heightPx, poseFps: poseFps(live, performance.now()) };
    return { frame: { tMs, pose } as PoseFrame, info };
  };

  return {
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
      const lm = host.landmarker();
      await lm.setNumPoses(host.numPoses);
      const live: Live = { previous: null, times: [] };
      const reader = readable.getReader();
      let t0: number | null = null;
      try {
        while (true) {
          if (host.cancelled.has(liveId)) throw abortError();
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
        host.cancelled.delete(liveId);
        await reader.cancel().catch(() => {});
      }
    },

    /** Fallback live path: starts a session fed by {@link detectLiveBitmap}. */
    async beginLive(liveId: number): Promise<void> {
      const lm = host.landmarker();
      await lm.setNumPoses(host.numPoses);
      lives.set(liveId, { previous: null, times: [] });
      lm.startSegment(0);
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
    }
  };
}
