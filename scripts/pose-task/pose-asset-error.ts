/**
 * The one error type of the pose-asset builder. Its message says what was wrong with which input
 * and, where possible, what to do about it (e.g. reinstall `@mediapipe/pose`).
 */
export class PoseAssetError extends Error {
  override readonly name = 'PoseAssetError';
}
