/**
 * Grabs still frames of a video by seeking one hidden `<video>` element, one request at a time
 * (browser only). Used for the key-frame pictures; the player keeps its own element.
 */
export class FrameGrabber {
  #video: HTMLVideoElement;
  #queue: Promise<unknown> = Promise.resolve();
  #ready: Promise<boolean>;

  constructor(url: string) {
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.preload = 'auto';
    video.src = url;
    this.#video = video;
    this.#ready = waitFor(video, 'loadeddata', 10_000);
  }

  /**
   * Draw the frame shown at `tMs` (plus half a frame, so that rounding never lands on the previous
   * frame) into `ctx`, scaled to `widthPx × heightPx`. Resolves false when the browser could not
   * load or seek the video in time (the caller then draws without a picture).
   */
  grab(
    tMs: number,
    fpsHz: number,
    ctx: CanvasRenderingContext2D,
    widthPx: number,
    heightPx: number
  ): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      if (!(await this.#ready)) return false;
      const v = this.#video;
      const target = (tMs + 500 / Math.max(1, fpsHz)) / 1000;
      const seeked = waitFor(v, 'seeked', 5_000);
      v.currentTime = Math.min(target, Math.max(0, v.duration - 0.001));
      if (!(await seeked)) return false;
      ctx.drawImage(v, 0, 0, widthPx, heightPx);
      return true;
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  dispose(): void {
    this.#video.removeAttribute('src');
    this.#video.load();
  }
}

/** Resolve true on the event, false on an error event or after `timeoutMs`. */
function waitFor(el: HTMLVideoElement, event: 'loadeddata' | 'seeked', timeoutMs: number): Promise<boolean> {
  if (event === 'loadeddata' && el.readyState >= 2) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      el.removeEventListener(event, onEvent);
      el.removeEventListener('error', onError);
      resolve(ok);
    };
    const onEvent = () => done(true);
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    el.addEventListener(event, onEvent);
    el.addEventListener('error', onError);
  });
}
