/**
 * The app's one error mapping: turns anything that media decoding, the pose engine, the gait
 * analysis, storage or capture can throw into what a page shows (one sentence a person
 * understands, saying what to do) and whether to offer "upload a video instead".
 */
import { GaitAnalysisError } from '$lib/analysis/gait/errors';
import { StorageError } from '$lib/storage/storage-error';
import { VideoError } from '$lib/media/errors';
import { PoseError } from '$lib/pose/errors';
import { CameraError } from '$lib/capture/camera-error';
import { FileCheckError } from '$lib/capture/check-video-file';

/** What to show for an error. */
export interface ErrorMessage {
  /** The sentence(s) to show. */
  text: string;
  /** True for camera problems, where uploading a video is the way forward. */
  suggestUpload: boolean;
}

/** True when `e` is the rejection of an aborted operation (the person cancelled). */
export function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'name' in e && e.name === 'AbortError';
}

/**
 * Typed errors of this app already carry a person-readable `message` (video, pose, storage,
 * camera, file checks; the gait analysis's errors carry it as `userMessage`); anything
 * else is an unexpected failure, shown with its technical detail so that it can be reported.
 */
export function describeError(e: unknown): ErrorMessage {
  if (e instanceof CameraError) return { text: e.message, suggestUpload: true };
  if (e instanceof GaitAnalysisError) return { text: e.userMessage, suggestUpload: false };
  if (
    e instanceof VideoError ||
    e instanceof PoseError ||
    e instanceof StorageError ||
    e instanceof FileCheckError
  ) {
    return { text: e.message, suggestUpload: false };
  }
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return {
    text: `Something unexpected went wrong (${detail}). Please try again; if it keeps happening, reload the page.`,
    suggestUpload: false
  };
}
