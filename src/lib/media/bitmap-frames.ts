/**
 * Converts decoded frames to `ImageBitmap`s (RGBA, GPU-friendly) and closes the decoder's frames
 * at once. Feeding MediaPipe an ImageBitmap is much cheaper than a raw (YUV) `VideoFrame`, and
 * the conversion is asynchronous, so with {@link readAhead} it overlaps the model's work.
 */
import type { DecodedFrame } from './decode-video';

export interface BitmapFrame {
  /** Presentation time, ms. */
  tMs: number;
  /** Display-oriented pixels; the consumer must `close()` it. */
  bitmap: ImageBitmap;
  widthPx: number;
  heightPx: number;
}

export async function* bitmapFrames(
  frames: AsyncIterable<DecodedFrame>
): AsyncGenerator<BitmapFrame, void, void> {
  for await (const frame of frames) {
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(frame.image);
    } finally {
      frame.close();
    }
    yield { tMs: frame.tMs, bitmap, widthPx: frame.widthPx, heightPx: frame.heightPx };
  }
}
