/**
 * Benchmarks of the decoding side, for the diagnostics build only (`diagnostics-decode.worker.ts`,
 * driven by /dev/pose and `npm run bench`): the decoder's own speed, and our YUV → RGBA conversion
 * against the browser's on the same frames (see `media/model-frames.ts`).
 */
import { canvasConverter, createYuvConverter, modelInputSize, yuvSourceOf } from '$lib/media/model-frames';
import { openVideo } from '$lib/media/decode-video';

/** Timing of decoding alone (no conversion, no model), for the benchmark. */
export interface DecodeMeasurement {
  frames: number;
  totalMs: number;
  widthPx: number;
  heightPx: number;
}

/** Our YUV → RGBA conversion against the browser's, on the same frames (see `model-frames.ts`). */
export interface ConversionMeasurement {
  /** Frames converted both ways. */
  frames: number;
  /** Frames our conversion leaves to the browser (format, matrix or size it does not handle). */
  skipped: number;
  /** Size given to the model, px. */
  widthPx: number;
  heightPx: number;
  /** Mean time per frame, ms: ours (planes copied out + one pass) and the browser's (2D canvas). */
  oursMsPerFrame: number;
  browserMsPerFrame: number;
  /** Absolute difference between the two, in 8-bit levels, over the R, G and B of every pixel. */
  meanAbsDiff: number;
  p99AbsDiff: number;
  maxAbsDiff: number;
}

/** Mean, 99th percentile and maximum of a histogram of absolute differences (bin = level). */
function differenceStats(hist: Float64Array) {
  let n = 0;
  let sum = 0;
  let max = 0;
  hist.forEach((count, level) => {
    n += count;
    sum += count * level;
    if (count > 0) max = level;
  });
  let p99 = 0;
  for (let seen = 0; p99 < hist.length; p99++) {
    seen += hist[p99];
    if (seen >= 0.99 * n) break;
  }
  return { meanAbsDiff: n ? sum / n : 0, p99AbsDiff: p99, maxAbsDiff: max };
}

/** The benchmarks a diagnostics decode worker serves. */
export function createFrameBench() {
  return {
    /**
     * Converts the first `maxFrames` frames of `file` both ways, at the size the model gets with
     * `maxSidePx`, and compares the pixels: a check that our conversion matches the browser's,
     * and the speed of each.
     */
    async measureConversion(
      file: Blob,
      maxSidePx: number,
      maxFrames: number
    ): Promise<ConversionMeasurement> {
      const v = await openVideo(file);
      const { w, h } = modelInputSize(v.info.widthPx, v.info.heightPx, maxSidePx);
      const toRgba = createYuvConverter();
      const toBitmap = canvasConverter();
      const readback = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true });
      if (!readback) throw new Error('no 2D canvas in this worker');
      const hist = new Float64Array(256);
      let [frames, skipped, oursMs, browserMs] = [0, 0, 0, 0];
      try {
        for await (const frame of v.frames()) {
          try {
            if (frames + skipped >= maxFrames) break;
            const yuv = yuvSourceOf(frame, w, h);
            if (!yuv) {
              skipped++;
              continue;
            }
            let t = performance.now();
            const ours = (await toRgba(yuv.image, yuv.plan, w, h)).rgba;
            oursMs += performance.now() - t;
            t = performance.now();
            const bitmap = toBitmap(yuv.image, w, h);
            browserMs += performance.now() - t;
            readback.drawImage(bitmap, 0, 0);
            bitmap.close();
            const theirs = readback.getImageData(0, 0, w, h).data;
            for (let i = 0; i < ours.length; i++) if ((i & 3) !== 3) hist[Math.abs(ours[i] - theirs[i])]++;
            frames++;
          } finally {
            frame.close();
          }
        }
      } finally {
        v.close();
      }
      return {
        frames,
        skipped,
        widthPx: w,
        heightPx: h,
        oursMsPerFrame: frames ? oursMs / frames : 0,
        browserMsPerFrame: frames ? browserMs / frames : 0,
        ...differenceStats(hist)
      };
    },

    /** Decodes every frame of `file` and closes it at once: the decoder's own speed. */
    async measureDecode(file: Blob): Promise<DecodeMeasurement> {
      const v = await openVideo(file);
      const t0 = performance.now();
      let count = 0;
      try {
        for await (const frame of v.frames()) {
          count++;
          frame.close();
        }
      } finally {
        v.close();
      }
      return {
        frames: count,
        totalMs: performance.now() - t0,
        widthPx: v.info.widthPx,
        heightPx: v.info.heightPx
      };
    }
  };
}

export type FrameBench = ReturnType<typeof createFrameBench>;
