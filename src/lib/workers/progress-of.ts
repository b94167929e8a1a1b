import type { PoseProgress } from './pose-types';

/**
 * Progress of a file run. The ETA comes from the frame count when the container gives one (MP4/MOV);
 * otherwise (WebM/MKV, MediaRecorder files) from how far into the clip's duration the last frame is,
 * assuming the remaining media time costs what the media time so far did.
 */
export function progressOf(
  framesDone: number,
  framesTotal: number | null,
  elapsedMs: number,
  media?: { doneMs: number; durationMs: number }
): PoseProgress {
  const fps = elapsedMs > 0 ? (framesDone * 1000) / elapsedMs : 0;
  let etaMs: number | null = null;
  if (framesTotal !== null && fps > 0) etaMs = (Math.max(0, framesTotal - framesDone) * 1000) / fps;
  else if (media && media.durationMs > 0 && media.doneMs > 0) {
    const fraction = Math.min(1, media.doneMs / media.durationMs);
    etaMs = (elapsedMs * (1 - fraction)) / fraction;
  }
  return { framesDone, framesTotal, fps, etaMs };
}
