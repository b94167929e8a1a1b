/**
 * Turns decoded frames into the pose model's input, scaled down on the way when they are big (the
 * model's own inputs are 224–256 px), and closes the decoder's frames at once. Runs in the decode
 * worker; the pixels are transferred (not copied) to the pose worker.
 *
 * Two ways, measured on this 2-core machine (ms per frame, in the decode worker while the model
 * runs in the pose worker; docs/VALIDATION.md, "Speed"):
 * - **Our own YUV → RGBA** ({@link yuvToRgba}) for 8-bit 4:2:0 frames kept at full size or halved
 *   (e.g. 1920×1080 → 960×540): `VideoFrame.copyTo` of the planes, then one pass in JS. The
 *   result goes over as an RGBA buffer, which the model takes as `ImageData`.
 * - **The browser's** for everything else (rotated files, other sizes, other pixel formats): the
 *   frame drawn into one reused 2D `OffscreenCanvas` at the target size, handed over with
 *   `transferToImageBitmap()`.
 */
import type { DecodedFrame } from './decode-video';
import { yuvPlan, yuvToRgba, type YuvPlan } from './yuv-to-rgba';

/** RGBA pixels, 4 bytes per pixel, rows packed (what `ImageData` holds). */
export interface RgbaPixels {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface ModelFrame {
  /** Presentation time, ms. */
  tMs: number;
  /** Display-oriented pixels, possibly scaled down. A bitmap must be closed by the consumer. */
  pixels: ImageBitmap | RgbaPixels;
  /** Full display size of the frame (before any scaling), px: landmarks are reported in these pixels. */
  widthPx: number;
  heightPx: number;
}

/** What to list as transferable when posting `frame` to another worker. */
export const transferablesOf = (frame: ModelFrame): Transferable[] =>
  frame.pixels instanceof ImageBitmap ? [frame.pixels] : [frame.pixels.rgba.buffer as ArrayBuffer];

/** The frame as the landmarker takes it. */
export const modelInputOf = (frame: ModelFrame): ImageBitmap | ImageData =>
  frame.pixels instanceof ImageBitmap
    ? frame.pixels
    : new ImageData(
        frame.pixels.rgba as Uint8ClampedArray<ArrayBuffer>,
        frame.pixels.width,
        frame.pixels.height
      );

/** Releases what the frame holds (closes a bitmap; a buffer is left to the garbage collector). */
export const releaseModelFrame = (frame: ModelFrame): void => {
  if (frame.pixels instanceof ImageBitmap) frame.pixels.close();
};

/**
 * RGBA buffers the consumer has finished with and sent back, reused for later frames: no new 2 MB
 * buffer per frame, so memory does not saw up and down with the garbage collector.
 */
export function createRgbaPool(limit = 8) {
  const spare: ArrayBuffer[] = [];
  return {
    give(buffers: ArrayBuffer[]): void {
      for (const b of buffers) if (spare.length < limit) spare.push(b);
    },
    take(bytes: number): Uint8ClampedArray {
      const i = spare.findIndex((b) => b.byteLength === bytes);
      return i >= 0 ? new Uint8ClampedArray(spare.splice(i, 1)[0]) : new Uint8ClampedArray(bytes);
    }
  };
}

export type RgbaPool = ReturnType<typeof createRgbaPool>;

/** The size a `width` × `height` frame is given to the model at. */
export function modelInputSize(width: number, height: number, maxSidePx: number): { w: number; h: number } {
  const scale = maxSidePx > 0 ? Math.min(1, maxSidePx / Math.max(width, height)) : 1;
  return { w: Math.round(width * scale), h: Math.round(height * scale) };
}

/** The decoded frame and how our conversion handles it at `w` × `h`, or null: the browser's canvas must. */
export function yuvSourceOf(
  frame: DecodedFrame,
  w: number,
  h: number
): { image: VideoFrame; plan: YuvPlan } | null {
  const { image } = frame;
  if (!(image instanceof VideoFrame)) return null;
  const plan = yuvPlan(image, w, h);
  return plan ? { image, plan } : null;
}

/**
 * @param maxSidePx frames with a longer side above this are scaled down to it (aspect kept);
 *   `0` = never scale.
 */
export async function* modelFrames(
  frames: AsyncIterable<DecodedFrame>,
  maxSidePx = 0,
  pool: RgbaPool = createRgbaPool()
): AsyncGenerator<ModelFrame, void, void> {
  const toRgba = createYuvConverter(pool);
  const toBitmap = canvasConverter();
  for await (const frame of frames) {
    let pixels: ImageBitmap | RgbaPixels;
    try {
      const { w, h } = modelInputSize(frame.widthPx, frame.heightPx, maxSidePx);
      const yuv = yuvSourceOf(frame, w, h);
      pixels = yuv ? await toRgba(yuv.image, yuv.plan, w, h) : toBitmap(frame.image, w, h);
    } finally {
      frame.close();
    }
    yield { tMs: frame.tMs, pixels, widthPx: frame.widthPx, heightPx: frame.heightPx };
  }
}

/**
 * Our conversion of a `VideoFrame` by `plan` into a `w` × `h` RGBA buffer from `pool`; the
 * converter keeps one buffer for the YUV planes across frames.
 */
export function createYuvConverter(pool: RgbaPool = createRgbaPool()) {
  let planes = new Uint8Array(0);
  return async (frame: VideoFrame, plan: YuvPlan, w: number, h: number): Promise<RgbaPixels> => {
    const rect = frame.visibleRect as DOMRectReadOnly;
    const size = frame.allocationSize({ rect });
    if (planes.length !== size) planes = new Uint8Array(size);
    const layout = await frame.copyTo(planes, { rect });
    const rgba = pool.take(4 * w * h);
    yuvToRgba(
      planes,
      { format: plan.format, width: rect.width, height: rect.height, planes: layout },
      plan.colour,
      rgba,
      plan.halve
    );
    return { rgba, width: w, height: h };
  };
}

/** The browser's conversion through one reused 2D canvas of the target size. */
export function canvasConverter() {
  let canvas: OffscreenCanvas | null = null;
  let ctx: OffscreenCanvasRenderingContext2D | null = null;
  return (image: CanvasImageSource, w: number, h: number): ImageBitmap => {
    if (!canvas || !ctx || canvas.width !== w || canvas.height !== h) {
      canvas = new OffscreenCanvas(w, h);
      ctx = canvas.getContext('2d', { alpha: false });
      if (!ctx) throw new Error('no 2D canvas in this worker');
    }
    ctx.drawImage(image, 0, 0, w, h);
    return canvas.transferToImageBitmap();
  };
}
