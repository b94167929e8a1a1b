/**
 * The pose worker's view of a decode worker: opens a file there and reads its frames as an async
 * iterator, over the `MessagePort` the client handed in (see `media/frame-service.ts`). Each
 * `next()` sends a request at once, so `readAhead` keeps several in flight and the decode worker
 * prepares the next frames while the model runs.
 */
import { releaseProxy, transfer, wrap } from 'comlink';
import type { ModelFrame } from '../media/model-frames';
import type { TimeRange, VideoInfo } from '../media/decode-video';
import type { FrameService } from '../media/frame-service';

export interface RemoteVideo {
  info: VideoInfo;
  /** Frames in presentation order; the consumer hands each one to `release`. `return()` stops the decoder. */
  frames: AsyncIterator<ModelFrame, undefined>;
  /** Releases a frame the consumer is done with; its RGBA buffer goes back with the next request. */
  release(frame: ModelFrame): void;
  /** Drops the connection to the decode worker. */
  close(): void;
}

/** The frame service at the other end of `port`, and how to let it go. */
function connect(port: MessagePort) {
  const service = wrap<FrameService>(port);
  const close = () => {
    service[releaseProxy]();
    port.close();
  };
  return { service, close };
}

/** Opens `file` in the decode worker at the other end of `port`; rejects with its `VideoError`s. */
export async function openRemoteVideo(
  port: MessagePort,
  file: Blob,
  maxSidePx: number,
  maxFps: number,
  range?: TimeRange
): Promise<RemoteVideo> {
  const { service, close } = connect(port);
  try {
    const info = await service.open(file, maxSidePx, maxFps, range);
    let spare: ArrayBuffer[] = [];
    const release = (frame: ModelFrame) => {
      if (frame.pixels instanceof ImageBitmap) frame.pixels.close();
      else spare.push(frame.pixels.rgba.buffer as ArrayBuffer);
    };
    const frames: AsyncIterator<ModelFrame, undefined> = {
      async next() {
        const back = spare;
        spare = [];
        const frame = await service.next(transfer(back, back));
        return frame ? { value: frame, done: false } : { value: undefined, done: true };
      },
      async return() {
        await service.close();
        return { value: undefined, done: true };
      }
    };
    return { info, frames, release, close };
  } catch (e) {
    close();
    throw e;
  }
}
