/**
 * Typed errors of the pose engine (model loading and inference). Like the video errors, each has a
 * stable `code` and a person-readable `message`.
 */

export type PoseErrorCode =
  'model-load-failed' | 'webgl-unavailable' | 'inference-failed' | 'worker-failed' | 'stalled';

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

/**
 * The model failed on a frame in a way that is not the video's fault. `delegate` says where it ran: a
 * failure on the GPU makes the app use the CPU from then on (`state/analysis-job.svelte.ts`).
 */
export class PoseInferenceError extends PoseError {
  readonly delegate: 'CPU' | 'GPU' | null;
  constructor(detail = '', delegate: 'CPU' | 'GPU' | null = null) {
    super('inference-failed', `Pose detection failed${detail ? ` (${detail})` : ''}. Please try again.`);
    this.name = 'PoseInferenceError';
    this.delegate = delegate;
  }
}

/** A worker stopped answering: it failed to load, crashed, or sent a message that could not be read. */
export class WorkerFailedError extends PoseError {
  constructor(detail = '') {
    super(
      'worker-failed',
      `The analysis stopped: a part of GaitLens running in the background failed${detail ? ` (${detail})` : ''}. ` +
        'Reload the page and try again; if it keeps happening, your device may be short of memory.'
    );
    this.name = 'WorkerFailedError';
  }
}

/** Nothing moved for longer than the watchdog allows (see `capture/limits.ts`). */
export class StalledError extends PoseError {
  /** What was going on, e.g. "loading the pose model". */
  readonly during: string;
  /** How long nothing moved, s. */
  readonly waitedS: number;
  constructor(during: string, waitedS: number) {
    super(
      'stalled',
      `The analysis stopped: nothing happened for ${waitedS} s while ${during}. ` +
        'The video may be damaged or the device too busy; close other tabs and try again, or try another video.'
    );
    this.name = 'StalledError';
    this.during = during;
    this.waitedS = waitedS;
  }
}
