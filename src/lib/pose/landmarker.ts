/**
 * The one file that imports MediaPipe: creates the PoseLandmarker (VIDEO mode, CPU or GPU delegate) from
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
import { WASM_BASE, modelUrl } from './asset-paths';

/**
 * Where MediaPipe runs the model: its wasm on the CPU, or its WebGL2 (GPU) delegate. Both need WebGL2.
 * Which one a device uses is decided by a trial (`workers/delegate-trial.ts`, `delegate-choice.ts`).
 */
export type PoseDelegate = 'CPU' | 'GPU';

/** What a frame can be: everything the worker hands to the model. */
export type PoseInput = VideoFrame | ImageBitmap | ImageData | OffscreenCanvas;

export { WASM_BASE, WASM_BINARY, modelUrl } from './asset-paths';

export interface VideoPoseLandmarker {
  /** The delegate the model runs on. */
  readonly delegate: PoseDelegate;
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

/** Side of the blank square image of the warm-up detection, px. */
const WARM_UP_SIDE_PX = 256;

/**
 * Loads the model `variant`, then runs it once on a blank image: the first detection costs ≈ 250 ms more
 * than the next ones (measured here), and paying that while the model loads (e.g. while the file is
 * checked) takes it off the first frame of the clip. Nobody is found in the blank image, so the tracker
 * starts the clip afresh, as without the warm-up.
 * @param wasm the vision wasm, already compiled (shared by the page with every worker, see
 *   `workers/shared-wasm.ts`); without it the worker fetches and compiles its own.
 * @param delegate where the model runs. A GPU landmarker whose warm-up detection fails is closed before
 *   the error is thrown; falling back to the CPU is the caller's job, in a new worker (one landmarker per
 *   module worker, see above; `PoseClient.create` does it).
 * @throws WebGLUnavailableError when there is no WebGL2 (tasks-vision needs it even on CPU)
 * @throws PoseModelLoadError when the wasm or the model cannot be loaded
 */
export async function createVideoPoseLandmarker(
  variant: ModelVariant,
  numPoses: number,
  wasm: WebAssembly.Module | null = null,
  delegate: PoseDelegate = 'CPU'
): Promise<VideoPoseLandmarker> {
  if (!hasWebGL2()) throw new WebGLUnavailableError();
  let lm: PoseLandmarker;
  try {
    if (wasm) {
      // tasks-vision hands `self.Module` to the emscripten factory, which then instantiates through this
      // hook instead of fetching and compiling the wasm again.
      (globalThis as { Module?: unknown }).Module = {
        instantiateWasm(imports: WebAssembly.Imports, done: (i: WebAssembly.Instance) => void) {
          void WebAssembly.instantiate(wasm, imports).then(done);
          return {};
        }
      };
    }
    // Absolute URLs: the worker runs from a blob: URL, against which paths cannot be resolved.
    const { origin } = globalThis.location;
    const fileset = await FilesetResolver.forVisionTasks(new URL(WASM_BASE, origin).href, true);
    lm = await PoseLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetPath: new URL(modelUrl(variant), origin).href, delegate },
      runningMode: 'VIDEO',
      numPoses,
      outputSegmentationMasks: false
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new PoseModelLoadError(`${variant} model${delegate === 'GPU' ? ' on the GPU' : ''}: ${why}`);
  }
  const clock = new MonotonicClock();
  try {
    clock.startSegment(0);
    lm.detectForVideo(new ImageData(WARM_UP_SIDE_PX, WARM_UP_SIDE_PX), clock.stamp(0));
  } catch (e) {
    lm.close();
    throw new PoseInferenceError(e instanceof Error ? e.message : String(e), delegate);
  }
  let people = numPoses;
  return {
    delegate,
    async setNumPoses(n) {
      if (n === people) return;
      try {
        await lm.setOptions({ numPoses: n });
      } catch (e) {
        throw new PoseInferenceError(e instanceof Error ? e.message : String(e), delegate);
      }
      people = n;
    },
    startSegment: (firstFrameMs) => clock.startSegment(firstFrameMs),
    detect(image, frameMs) {
      try {
        return lm.detectForVideo(image, clock.stamp(frameMs));
      } catch (e) {
        throw new PoseInferenceError(e instanceof Error ? e.message : String(e), delegate);
      }
    },
    close: () => lm.close()
  };
}
