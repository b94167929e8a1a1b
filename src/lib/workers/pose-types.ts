import type { Pose } from '../analysis/series';
import type { PoseDelegate } from '../pose/landmarker';

export type { PoseDelegate };

/**
 * Plain data shared by the pose worker and its client (no code, so both sides can import it).
 */

/** Progress of one file, reported a few times per second. */
export interface PoseProgress {
  /** Frames decoded and posed so far. */
  framesDone: number;
  /** Expected frame count (estimated from the container before decoding), or null when unknown. */
  framesTotal: number | null;
  /** Throughput so far, frames per second of wall-clock time. */
  fps: number;
  /** Estimated time left, ms, or null when the total is unknown. */
  etaMs: number | null;
}

/** One live pose result with the size of the camera frame it was measured on. */
export interface LiveFrameInfo {
  widthPx: number;
  heightPx: number;
  /** Pose results per second over the last second or so. */
  poseFps: number;
}

/** Options of a pose worker. */
export interface PoseEngineOptions {
  /**
   * How many people the model looks for per frame; the tracker then follows the walker among them.
   * More costs time: with 1 the detector runs only when tracking is lost.
   * @default 2
   */
  numPoses?: number;
  /**
   * Frames whose longer side exceeds this are scaled down (aspect kept) before the model sees
   * them; landmarks are still reported in pixels of the full displayed frame. The model's inputs
   * are 224–256 px, and uploading big frames to its WebGL stage costs more than it gains. 640 px
   * would be faster still (lite 35–39 against 43 ms per frame) with the same median landmark
   * error, but its worst frames are worse and the rendered walker's left step read 0.88 instead
   * of 0.82 leg lengths (truth 0.768) with full: a false asymmetry (see docs/VALIDATION.md).
   * `0` = never scale.
   * @default 960
   */
  maxInputSidePx?: number;
  /**
   * Where the model runs. 'GPU' (MediaPipe's WebGL2 delegate) is used only when this device's trial
   * chose it (`delegate-trial.ts`); when the GPU landmarker cannot be created or fails its warm-up,
   * `PoseClient.create` starts a CPU worker instead and says so (`PoseClient.delegate`).
   * @default 'CPU'
   */
  delegate?: PoseDelegate;
}

/** What a pose worker's `init` reports. */
export interface PoseInitResult {
  /** Time to load the model and run its warm-up detection, ms. */
  createMs: number;
  /** The delegate the landmarker runs on. */
  delegate: PoseDelegate;
}

/** Every person the model found in every frame of a file, in pixels, before the walker is chosen. */
export interface PoseCandidates {
  widthPx: number;
  heightPx: number;
  /** Frame times, ms, strictly increasing. */
  tMs: number[];
  /** Per frame, the people found (any order); `[]` where nobody was. */
  candidates: Pose[][];
}
