/**
 * The decoding side of a file job, run in its own worker (`decode.worker.ts`) so that demuxing,
 * decoding and the conversion to the model's input run on the second core while the pose worker
 * runs the model. Measured here (lite, 960×540, 2 people per frame): with decoding in the pose
 * worker, the pose loop waited ≈ 18 ms per frame for its next bitmap even with frames requested
 * ahead, because the conversion's steps only advanced while the model was idle; handing the model
 * the `VideoFrame` itself removed the wait but made each detection ≈ 60 % slower.
 *
 * One service reads one file. The pose worker calls it through comlink over a `MessagePort`; calls to
 * {@link FrameService.next} may overlap (they are served in order), so the consumer keeps a few requests
 * in flight, and the service decodes only as far ahead as it is asked. (Benchmarks of decoding and of
 * the conversion live in the diagnostics build: `dev/frame-bench.ts`.)
 */
import { transfer } from 'comlink';
import { createRgbaPool, modelFrames, transferablesOf, type ModelFrame } from './model-frames';
import { openVideo, type OpenedVideo, type TimeRange, type VideoInfo } from './decode-video';
import { capFrameRate, DEFAULT_MAX_ANALYSIS_FPS } from './frame-rate';

export function createFrameService() {
  let video: OpenedVideo | null = null;
  let frames: AsyncGenerator<ModelFrame, void, void> | null = null;
  const pool = createRgbaPool();

  return {
    /**
     * Opens `file` and prepares its frames for the model, scaled so that the longer side is at most `maxSidePx`
     * (`0` = full size), at most `maxFps` frames per second of media time (`0` = every frame; see
     * `frame-rate.ts`); with `range`, only that stretch of the clip. Rejects with the typed `VideoError`s of
     * {@link openVideo}.
     */
    async open(
      file: Blob,
      maxSidePx: number,
      maxFps = DEFAULT_MAX_ANALYSIS_FPS,
      range?: TimeRange
    ): Promise<VideoInfo> {
      if (video) throw new Error('frame service already has a file open');
      video = await openVideo(file);
      frames = modelFrames(capFrameRate(video.frames(range), maxFps), maxSidePx, pool);
      return video.info;
    },

    /**
     * The next frame (its pixels transferred; the caller releases them), or null at the end.
     * `spare`: RGBA buffers of earlier frames that the caller is done with, for reuse.
     */
    async next(spare: ArrayBuffer[] = []): Promise<ModelFrame | null> {
      if (!frames) throw new Error('frame service: call open() first');
      pool.give(spare);
      const r = await frames.next();
      if (r.done) return null;
      return transfer(r.value, transferablesOf(r.value));
    },

    /** Stops decoding and releases the file. Idempotent. */
    async close(): Promise<void> {
      await frames?.return();
      frames = null;
      video?.close();
      video = null;
    }
  };
}

export type FrameService = ReturnType<typeof createFrameService>;
