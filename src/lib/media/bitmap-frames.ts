/**
 * Converts decoded frames to `ImageBitmap`s and closes the decoder's frames at once. The
 * conversion is asynchronous, so with {@link readAhead} it overlaps the model's work, and big
 * frames are scaled down on the way (the model's own inputs are 224–256 px).
 */
import type { DecodedFrame } from './decode-video';

export interface BitmapFrame {
  /** Presentation time, ms. */
  tMs: number;
  /** Display-oriented pixels, possibly scaled down; the consumer must `close()` it. */
  bitmap: ImageBitmap;
  /** Full display size of the frame (before any scaling), px: landmarks are reported in these pixels. */
  widthPx: number;
  heightPx: number;
}

/**
 * @param maxSidePx frames with a longer side above this are scaled down to it (aspect kept);
 *   `0` = never scale.
 */
export async function* bitmapFrames(
  frames: AsyncIterable<DecodedFrame>,
  maxSidePx = 0
): AsyncGenerator<BitmapFrame, void, void> {
  for await (const frame of frames) {
    let bitmap: ImageBitmap;
    try {
      const scale = maxSidePx > 0 ? Math.min(1, maxSidePx / Math.max(frame.widthPx, frame.heightPx)) : 1;
      bitmap =
        scale < 1
          ? await createImageBitmap(frame.image, {
              resizeWidth: Math.round(frame.widthPx * scale),
              resizeHeight: Math.round(frame.heightPx * scale),
              resizeQuality: 'medium'
            })
          : await createImageBitmap(frame.image);
    } finally {
      frame.close();
    }
    yield { tMs: frame.tMs, bitmap, widthPx: frame.widthPx, heightPx: frame.heightPx };
  }
}
