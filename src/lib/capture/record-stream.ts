/**
 * Records a camera stream to a WebM blob with MediaRecorder. The recording is then analysed
 * like an uploaded file (mediabunny reads MediaRecorder WebM even without Duration or Cues).
 */
import { CameraError } from './camera-error';

/** Codecs tried in order: VP8 costs the least CPU to encode while the live pose model runs. */
const MIME_TYPES = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm'];

/** A recording in progress. */
export interface Recording {
  /** Stops (if still running) and resolves with the whole clip. */
  stop(): Promise<Blob>;
  /** Resolves with the clip when recording ends, by `stop()` or by the time limit. */
  readonly done: Promise<Blob>;
}

/**
 * Starts recording `stream`; stops by itself after `maxDurationMs`.
 * @throws {CameraError} `unsupported` when this browser cannot record WebM.
 */
export function recordStream(stream: MediaStream, maxDurationMs: number): Recording {
  if (!(maxDurationMs > 0))
    throw new RangeError(`recordStream: maxDurationMs must be > 0, got ${maxDurationMs}`);
  const Recorder = globalThis.MediaRecorder;
  const mimeType = Recorder && MIME_TYPES.find((t) => Recorder.isTypeSupported(t));
  if (!Recorder || !mimeType) throw new CameraError('unsupported');
  const recorder = new Recorder(stream, { mimeType, videoBitsPerSecond: 4_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  const done = new Promise<Blob>((resolve, reject) => {
    recorder.onstop = () => resolve(new Blob(chunks, { type: mimeType.split(';')[0] }));
    recorder.onerror = (e) => reject(new CameraError('camera-failed', { cause: e }));
  });
  const timer = setTimeout(() => {
    if (recorder.state !== 'inactive') recorder.stop();
  }, maxDurationMs);
  void done.finally(() => clearTimeout(timer)).catch(() => {});
  recorder.start(1000);
  return {
    done,
    stop() {
      if (recorder.state !== 'inactive') recorder.stop();
      return done;
    }
  };
}
