/**
 * What clips GaitLens accepts: checked up front on the main thread (`capture/check-video-file.ts`) and again
 * by the pose worker from the frames' own times (`workers/file-pose-job.ts`).
 */

/** Up-front check: clips shorter than this are refused (under ~4 steps at a normal cadence). **Provisional.** */
export const MIN_CLIP_DURATION_S = 2;

/** Up-front check: clips longer than this are refused (analysis time grows with length). **Provisional.** */
export const MAX_CLIP_DURATION_S = 120;

/** Up-front check: files larger than this are refused, bytes (2 GiB). **Provisional.** */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
