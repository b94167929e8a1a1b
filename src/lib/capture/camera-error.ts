/**
 * Typed camera problems with a sentence a person can act on. `fromGetUserMediaError` maps the
 * DOMException names that `getUserMedia` rejects with (Media Capture and Streams spec, §
 * "getUserMedia") to these codes.
 */
export type CameraErrorCode =
  'permission-denied' | 'no-camera' | 'camera-in-use' | 'unsupported' | 'camera-failed';

const MESSAGES: Record<CameraErrorCode, string> = {
  'permission-denied':
    'GaitLens may not use the camera. Allow camera access for this site (the camera icon in the address bar), then try again, or upload a video instead.',
  'no-camera': 'No camera was found. Connect a camera and try again, or upload a video instead.',
  'camera-in-use':
    'The camera is busy or would not start: another app or tab may be using it. Close it and try again, or upload a video instead.',
  unsupported:
    'This browser cannot use a camera here (it needs a secure https:// page and a recent browser). Upload a video instead.',
  'camera-failed':
    'The camera would not start. Try another camera, reload the page, or upload a video instead.'
};

export class CameraError extends Error {
  override readonly name = 'CameraError';
  constructor(
    readonly code: CameraErrorCode,
    options?: { cause?: unknown }
  ) {
    super(MESSAGES[code], options);
  }
}

/** The {@link CameraError} for whatever `getUserMedia` or `enumerateDevices` rejected with. */
export function fromGetUserMediaError(error: unknown): CameraError {
  if (error instanceof CameraError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const code: CameraErrorCode =
    name === 'NotAllowedError' || name === 'SecurityError'
      ? 'permission-denied'
      : name === 'NotFoundError' || name === 'OverconstrainedError'
        ? 'no-camera'
        : name === 'NotReadableError' || name === 'AbortError'
          ? 'camera-in-use'
          : name === 'TypeError'
            ? 'unsupported'
            : 'camera-failed';
  return new CameraError(code, { cause: error });
}
