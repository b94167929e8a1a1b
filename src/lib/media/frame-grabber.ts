/**
 * Grabs exact still frames of the analysed video for the key-frame pictures (browser only).
 * It decodes with mediabunny, like the pose engine, so a frame is looked up by the same container
 * timestamp the landmarks carry (`PoseFrame.tMs`) and rotation is applied the same way; a `<video>`
 * seek can land on a neighbouring frame. One request at a time.
 */
import { ALL_FORMATS, BlobSource, CanvasSink, Input } from 'mediabunny';

export class FrameGrabber {
  #input: Input;
  #sink: Promise<CanvasSink | null>;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(video: Blob) {
    this.#input = new Input({ source: new BlobSource(video), formats: ALL_FORMATS });
    this.#sink = this.#input
      .getPrimaryVideoTrack()
      .then(async (track) => (track && (await track.canDecode()) ? new CanvasSink(track) : null))
      .catch(() => null);
  }

  /**
   * Draw the frame whose timestamp is `tMs` (the last frame starting at or before `tMs` plus a quarter
   * frame, so rounding never picks the previous one) into `ctx`, scaled to `widthPx × heightPx`.
   * Resolves false when the video cannot be decoded here (the caller then draws without a picture).
   */
  grab(
    tMs: number,
    fpsHz: number,
    ctx: CanvasRenderingContext2D,
    widthPx: number,
    heightPx: number
  ): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      const sink = await this.#sink;
      if (!sink) return false;
      const wrapped = await sink.getCanvas(tMs / 1000 + 0.25 / Math.max(1, fpsHz));
      if (!wrapped) return false;
      ctx.drawImage(wrapped.canvas, 0, 0, widthPx, heightPx);
      return true;
    };
    const next = this.#queue.then(run, run).catch(() => false);
    this.#queue = next;
    return next;
  }

  dispose(): void {
    this.#input.dispose();
  }
}
