/**
 * Frames analysed per second. Clips above 40 fps are analysed at ≤ 30 frames per second by default
 * (every other frame of a 60-fps clip, every fourth of a 120-fps one, a 50-fps clip at 25); up to 40 fps
 * every frame is analysed: the pose model costs the same per
 * frame whatever the rate, and on rendered 60-fps walkers the events and metrics came out within about a
 * frame of the full-rate figures (docs/SPEED.md). Every frame is still decoded (inter-frame codecs need
 * that); the frames left out are closed before they are converted for the model.
 */
import type { DecodedFrame } from './decode-video';

/** Default cap on the frames analysed per second. `0` in the options means "every frame". */
export const DEFAULT_MAX_ANALYSIS_FPS = 30;

/**
 * A frame closer than this to the previous decoded frame marks a high-rate stretch, ms. Below it the cap
 * applies; at or above it (≤ 40 fps) every frame is kept, so that a 30-fps clip with jittery (variable)
 * frame times never loses a frame.
 */
const HIGH_RATE_GAP_MS = 25;

/**
 * Slack on the cap's interval, ms: a 60-fps phone clip's pairs of intervals wander around 33.3 ms by a
 * millisecond or two, and the frame that ends such a pair should be kept.
 */
const SLACK_MS = 3;

/**
 * A picker that says, frame by frame in presentation order, whether to analyse the frame at `tMs` so that
 * at most `maxFps` frames per second are analysed. `maxFps` ≤ 0 keeps every frame.
 */
export function frameRateCap(maxFps: number): (tMs: number) => boolean {
  if (!(maxFps > 0)) return () => true;
  const minGapMs = 1000 / maxFps - SLACK_MS;
  let previous = -Infinity;
  let kept = -Infinity;
  return (tMs) => {
    const gap = tMs - previous;
    previous = tMs;
    if (gap >= HIGH_RATE_GAP_MS || tMs - kept >= minGapMs) {
      kept = tMs;
      return true;
    }
    return false;
  };
}

/** `frames` with those above the cap closed and left out (see {@link frameRateCap}). */
export async function* capFrameRate(
  frames: AsyncIterable<DecodedFrame>,
  maxFps: number
): AsyncGenerator<DecodedFrame, void, void> {
  const keep = frameRateCap(maxFps);
  for await (const frame of frames) {
    if (keep(frame.tMs)) yield frame;
    else frame.close();
  }
}

/**
 * How many frames a clip of `frameCount` frames over `durationMs` gives at most `maxFps` analysed
 * (for progress), or null when the container did not say.
 */
export function analysedFrameCount(
  frameCount: number | null,
  durationMs: number,
  maxFps: number
): number | null {
  if (frameCount === null || !(maxFps > 0) || !(durationMs > 0)) return frameCount;
  const fps = (frameCount * 1000) / durationMs;
  if (1000 / fps >= HIGH_RATE_GAP_MS) return frameCount;
  return Math.min(frameCount, Math.ceil(frameCount / Math.ceil(fps / maxFps - 0.1)));
}
