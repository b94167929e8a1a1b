/**
 * Frames analysed per second. Clips above 40 fps are analysed at ≤ 30 frames per second by default
 * (every other frame of a 60-fps clip, every fourth of a 120-fps one); up to 40 fps every frame is
 * analysed: the pose model costs the same per frame whatever the rate, and on rendered 60-fps walkers the
 * events and metrics came out within about a frame of the full-rate figures (docs/SPEED.md). Every frame
 * is still decoded (inter-frame codecs need that); the frames left out are closed before they are
 * converted for the model.
 *
 * The frames kept are fixed by media time, not by where decoding started: media time is cut into slots
 * of 1/`maxFps` s from time 0 and the first frame in each slot is kept. So parallel pose workers that
 * each decode their own stretch of a clip keep the same frames as one worker reading it all (after at
 * most one frame at a stretch's start, which falls in the overlap that is dropped; see
 * `workers/time-segments.ts`). Clips between 40 and 60 fps keep 30 frames a second on average with
 * uneven gaps (a 50-fps clip alternates 20 and 40 ms), which the analysis handles like any variable
 * frame rate.
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
 * Slot boundaries are moved this much earlier, ms: a 60-fps phone clip's frame times wander around the
 * boundaries by a millisecond or two, and the frame near each boundary should open its slot.
 */
const SLACK_MS = 3;

/**
 * A picker that says, frame by frame in presentation order, whether to analyse the frame at `tMs` so that
 * at most `maxFps` frames per second are analysed: the first frame of each 1/`maxFps`-s slot of media
 * time. `maxFps` ≤ 0 keeps every frame.
 */
export function frameRateCap(maxFps: number): (tMs: number) => boolean {
  if (!(maxFps > 0)) return () => true;
  const slotMs = 1000 / maxFps;
  const slotOf = (tMs: number) => Math.floor((tMs + SLACK_MS) / slotMs);
  let previous = -Infinity;
  let keptSlot = -Infinity;
  return (tMs) => {
    const gap = tMs - previous;
    previous = tMs;
    const slot = slotOf(tMs);
    if (gap >= HIGH_RATE_GAP_MS || slot > keptSlot) {
      keptSlot = slot;
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
  if (durationMs / frameCount >= HIGH_RATE_GAP_MS) return frameCount;
  return Math.min(frameCount, Math.ceil((durationMs * maxFps) / 1000));
}
