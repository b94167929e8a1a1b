/**
 * The decoding side of a file job, run in its own worker (`decode.worker.ts`) so that demuxing,
 * decoding and the frame → `ImageBitmap` conversion run on the second core while the pose worker
 * runs the model. Measured here (lite, 960×540, 2 people per frame): with decoding in the pose
 * worker, the pose loop waited ≈ 18 ms per frame for its next bitmap even with frames requested
 * ahead, because the conversion's steps only advanced while the model was idle; handing the model
 * the `VideoFrame` itself removed the wait but made each detection ≈ 60 % slower.
 *
 * One service reads one file. The pose worker calls it through comlink over a `MessagePort`; calls
 * to {@link FrameService.next} may overlap (they are served in order), so the consumer keeps a few
 * requests in flight, and the service decodes only as far ahead as it is asked.
 */
import { transfer } from 'comlink';
import { bitmapFrames, type BitmapFrame } from './bitmap-frames';
import { openVideo, type OpenedVideo, type VideoInfo } from './decode-video';

/** Timing of decoding alone (no conversion, no model), for the benchmark. */
export interface DecodeMeasurement {
  frames: number;
  totalMs: number;
  widthPx: number;
  heightPx: number;
}

export function createFrameService() {
  let video: OpenedVideo | null = null;
  let frames: AsyncGenerator<BitmapFrame, void, void> | null = null;

  return {
    /**
     * Opens `file` and prepares its frames as bitmaps whose longer side is at most `maxSidePx`
     * (`0` = full size). Rejects with the typed `VideoError`s of {@link openVideo}.
     */
    async open(file: Blob, maxSidePx: number): Promise<VideoInfo> {
      if (video) throw new Error('frame service already has a file open');
      video = await openVideo(file);
      frames = bitmapFrames(video.frames(), maxSidePx);
      return video.info;
    },

    /** The next frame (its bitmap transferred, so the caller must close it), or null at the end. */
    async next(): Promise<BitmapFrame | null> {
      if (!frames) throw new Error('frame service: call open() first');
      const r = await frames.next();
      if (r.done) return null;
      return transfer(r.value, [r.value.bitmap]);
    },

    /** Stops decoding and releases the file. Idempotent. */
    async close(): Promise<void> {
      await frames?.return();
      frames = null;
      video?.close();
      video = null;
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

export type FrameService = ReturnType<typeof createFrameService>;
