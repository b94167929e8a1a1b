/**
 * The one file that imports MediaPipe: creates the PoseLandmarker (VIDEO mode, CPU delegate) from
 * the app's own `{base}/models` and `{base}/wasm`, and runs it with guarded timestamps. Conversion
 * to GaitLens types happens in `to-poses.ts`.
 *
 * Must run in a module worker: `FilesetResolver.forVisionTasks(…/wasm, true)` loads
 * `vision_wasm_module_internal.js`, which only works there. One landmarker per worker (a second
 * create in the same worker fails with "ModuleFactory not set").
 */
import { FilesetResolver, PoseLandmarker } from '@mediapipe/tasks-vision';
import type { ModelVariant } from '../analysis/series';
import { PoseInferenceError, PoseModelLoadError, WebGLUnavailableError } from './errors';
import { MonotonicClock } from './monotonic-clock';
import type { RawPoseResult } from './to-poses';

/** What a frame can be: everything the worker hands to the model. */
export type PoseInput = VideoFrame | ImageBitmap | ImageData | OffscreenCanvas;

/**
 * Path of the wasm files on the app's origin, under the app's base path (`paths.base`, compiled
 * in: see vite.config.ts), e.g. `/gaitlens/wasm`.
 */
export const WASM_BASE = `${__GAITLENS_BASE__}/wasm`;
/** Path of a model bundle on the app's origin, under the app's base path. */
export const modelUrl = (variant: ModelVariant): string =>
  `${__GAITLENS_BASE__}/models/pose_landmarker_${variant}.task`;

export interface VideoPoseLandmarker {
  /** Starts a new clip or live session on the landmarker's timeline (see {@link MonotonicClock}). */
  startSegment(firstFrameMs: number): void;
  /** Runs the model on one frame at `frameMs` of the current segment. */
  detect(image: PoseInput, frameMs: number): RawPoseResult;
  /**
   * Changes how many people the model looks for. MediaPipe rebuilds its graph (≈ 35 ms here) and
   * starts tracking afresh; timestamps carry on. A no-op when `n` is already set.
   */
  setNumPoses(n: number): Promise<void>;
  close(): void;
}

function hasWebGL2(): boolean {
  try {
    return !!new OffscreenCanvas(1, 1).getContext('webgl2');
  } catch {
    return false;
  }
}

/**
 * Loads the model `variant`.
 * @throws WebGLUnavailableError when there is no WebGL2 (tasks-vision needs it even on CPU)
 * @throws PoseModelLoadError when the wasm or the model cannot be loaded
 */
export async function createVideoPoseLandmarker(
  variant: ModelVariant,
  numPoses: number
): Promise<VideoPoseLandmarker> {
  if (!hasWebGL2()) throw new WebGLUnavailableError();
  let lm: PoseLandmarker;
  try {
    // Absolute URLs: the worker runs from a blob: URL, against which paths cannot be resolved.
    const { origin } = globalThis.location;
    const fileset = await FilesetResolver.forVisionTasks(new URL(WASM_BASE, origin).href, true);
    lm = await PoseLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetPath: new URL(modelUrl(variant), origin).href, delegate: 'CPU' },
      runningMode: 'VIDEO',
      numPoses,
      outputSegmentationMasks: false
    });
  } catch (e) {
    throw new PoseModelLoadError(`${variant} model: ${e instanceof Error ? e.message : String(e)}`);
  }
  const clock = new MonotonicClock();
  let people = numPoses;
  return {
    async setNumPoses(n) {
      if (n === people) return;
      try {
        await lm.setOptions({ numPoses: n });
      } catch (e) {
        throw new PoseInferenceError(e instanceof Error ? e.message : String(e));
      }
      people = n;
    },
    startSegment: (firstFrameMs) => clock.startSegment(firstFrameMs),
    detect(image, frameMs) {
      try {
        return lm.detectForVideo(image, clock.stamp(frameMs));
      } catch (e) {
        throw new PoseInferenceError(e instanceof Error ? e.message : String(e));
      }
    },
    close: () => lm.close()
  };
}
