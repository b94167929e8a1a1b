/**
 * Up-front checks of a chosen file, before any decoding: is it plausibly a video, not too big,
 * and (once a quick probe has read its duration) neither too short nor too long? The decoder
 * still has the last word (a renamed text file passes here and fails there with its own message).
 * Limits live in `analysis/thresholds.ts`.
 */
import { MAX_CLIP_DURATION_S, MAX_UPLOAD_BYTES, MIN_CLIP_DURATION_S } from '$lib/media/clip-limits';
import { tooLongMessage } from '$lib/media/errors';

/** File-name endings of the containers the decoder reads. */
export const VIDEO_EXTENSIONS = ['mp4', 'm4v', 'mov', 'webm', 'mkv'] as const;

/** A problem found by the up-front checks: one sentence that says what to do. */
export class FileCheckError extends Error {
  override readonly name = 'FileCheckError';
  constructor(
    readonly code: 'not-a-video' | 'too-big' | 'too-short' | 'too-long' | 'empty',
    message: string
  ) {
    super(message);
  }
}

const extensionOf = (name: string) => name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';

/**
 * Checks name, MIME type and size. Accepts a file whose type starts with `video/`, or, when the
 * browser gives no type, a known video ending ({@link VIDEO_EXTENSIONS}).
 * @throws {FileCheckError}
 */
export function checkVideoFile(file: { name: string; type: string; size: number }): void {
  const ext = extensionOf(file.name);
  const looksLikeVideo = file.type
    ? file.type.startsWith('video/')
    : (VIDEO_EXTENSIONS as readonly string[]).includes(ext);
  if (!looksLikeVideo) {
    throw new FileCheckError(
      'not-a-video',
      `“${file.name}” is not a video file. Please choose a video of the walk (MP4, MOV, WebM or MKV).`
    );
  }
  if (file.size === 0)
    throw new FileCheckError('empty', `“${file.name}” is empty (0 bytes). Please choose another file.`);
  if (file.size > MAX_UPLOAD_BYTES) {
    const gb = (MAX_UPLOAD_BYTES / 1024 ** 3).toFixed(0);
    throw new FileCheckError(
      'too-big',
      `“${file.name}” is larger than ${gb} GB. Trim it to the walk (10–30 seconds is plenty) and try again.`
    );
  }
}

/**
 * Checks a clip's duration in seconds. A duration that could not be read (`NaN`, or `Infinity` as
 * browsers report for MediaRecorder WebM) is not judged here: the analysis will measure it.
 * @throws {FileCheckError}
 */
export function checkClipDuration(durationS: number): void {
  if (!Number.isFinite(durationS)) return;
  if (durationS < MIN_CLIP_DURATION_S) {
    throw new FileCheckError(
      'too-short',
      `This clip is only ${durationS.toFixed(1)} s long. GaitLens needs at least ${MIN_CLIP_DURATION_S} s of walking ` +
        '(6 steps or more): please film a longer walk.'
    );
  }
  if (durationS > MAX_CLIP_DURATION_S) {
    throw new FileCheckError('too-long', tooLongMessage(MAX_CLIP_DURATION_S, durationS));
  }
}
