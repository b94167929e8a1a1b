/**
 * Typed errors of the pose engine (model loading and inference). Like the video errors, each has a
 * stable `code` and a person-readable `message`.
 */

export type PoseErrorCode = 'model-load-failed' | 'webgl-unavailable' | 'inference-failed';

export class PoseError extends Error {
  readonly code: PoseErrorCode;
  constructor(code: PoseErrorCode, message: string) {
    super(message);
    this.name = 'PoseError';
    this.code = code;
  }
}

/** The pose model or its runtime could not be loaded or started. */
export class PoseModelLoadError extends PoseError {
  constructor(detail = '') {
    super(
      'model-load-failed',
      `The pose model could not be started${detail ? ` (${detail})` : ''}. Reload the page; if it keeps failing, ` +
        'your browser may lack WebAssembly or enough memory.'
    );
    this.name = 'PoseModelLoadError';
  }
}

/** The pose runtime needs WebGL2 (even on the CPU delegate) and the browser provides none. */
export class WebGLUnavailableError extends PoseError {
  constructor() {
    super(
      'webgl-unavailable',
      'This browser has WebGL turned off or unavailable, which the pose model needs. ' +
        'Turn on hardware acceleration in the browser settings, or try another browser.'
    );
    this.name = 'WebGLUnavailableError';
  }
}

/** The model failed on a frame in a way that is not the video's fault. */
export class PoseInferenceError extends PoseError {
  constructor(detail = '') {
    super('inference-failed', `Pose detection failed${detail ? ` (${detail})` : ''}. Please try again.`);
    this.name = 'PoseInferenceError';
  }
}
