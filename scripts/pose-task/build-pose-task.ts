/**
 * Builds a MediaPipe Tasks `pose_landmarker_<variant>.task` bundle from the legacy `@mediapipe/pose`
 * weights: the detector and one landmark model, each with TFLite metadata added, zipped STORED.
 * Recipe and checks: docs/POSE_ASSETS.md.
 */
import { loadLegacyPoseWeights, type LegacyPoseWeights, type PoseVariant } from './legacy-pose-weights';
import { buildTfliteMetadata, type ImageModelMetadataSpec } from './tflite-metadata';
import { injectTfliteMetadata, readTfliteModel } from './tflite-model';
import { writeZipStored } from './zip-stored';

/** Entry names the PoseLandmarker graph looks up inside a `.task` bundle. */
export const POSE_TASK_ENTRIES = {
  detector: 'pose_detector.tflite',
  landmarks: 'pose_landmarks_detector.tflite'
} as const;

/** Zip data alignment of the bundle entries. */
export const POSE_TASK_ALIGN_BYTES = 64;

const LICENSE = 'Apache-2.0 (weights from the npm package @mediapipe/pose)';

/**
 * Detector input: 224×224 RGB scaled to [-1, 1], i.e. (pixel - 127.5) / 127.5, as in MediaPipe's
 * `pose_detection_cpu.pbtxt` (output_tensor_float_range -1..1).
 */
export const DETECTOR_METADATA: ImageModelMetadataSpec = {
  name: 'pose_detector',
  description: 'BlazePose person detector (from @mediapipe/pose)',
  license: LICENSE,
  inputName: 'image',
  widthPx: 224,
  heightPx: 224,
  mean: [127.5],
  std: [127.5],
  min: [-1],
  max: [1]
};

/**
 * Landmark model input: 256×256 RGB scaled to [0, 1], i.e. pixel / 255, as in MediaPipe's
 * `pose_landmark_by_roi_cpu.pbtxt` (output_tensor_float_range 0..1).
 */
export const LANDMARKS_METADATA: ImageModelMetadataSpec = {
  name: 'pose_landmarks_detector',
  description: 'BlazePose GHUM 3D landmarks (from @mediapipe/pose)',
  license: LICENSE,
  inputName: 'image',
  widthPx: 256,
  heightPx: 256,
  mean: [0],
  std: [255],
  min: [0],
  max: [1]
};

export interface BuildPoseTaskOptions {
  /**
   * Add the TFLite metadata (default true). `false` zips the legacy models as they are: a bundle the
   * Tasks API must reject, for tests that prove the metadata matters.
   */
  readonly withMetadata?: boolean;
  /** Weights to build from (default: read from the installed `@mediapipe/pose`). */
  readonly weights?: LegacyPoseWeights;
}

/** Returns the bytes of `pose_landmarker_<variant>.task`. Deterministic: same weights, same bytes. */
export function buildPoseTask(variant: PoseVariant, options: BuildPoseTaskOptions = {}): Uint8Array {
  const { withMetadata = true, weights = loadLegacyPoseWeights() } = options;
  const detectorName = `The pose detector (${POSE_TASK_ENTRIES.detector})`;
  const landmarksName = `The ${variant} landmark model (pose_landmark_${variant}.tflite)`;
  let detector = weights.detector;
  let landmarks = weights.landmarks[variant];
  if (withMetadata) {
    detector = injectTfliteMetadata(detector, buildTfliteMetadata(DETECTOR_METADATA), detectorName);
    landmarks = injectTfliteMetadata(landmarks, buildTfliteMetadata(LANDMARKS_METADATA), landmarksName);
  } else {
    readTfliteModel(detector, detectorName);
    readTfliteModel(landmarks, landmarksName);
  }
  return writeZipStored(
    [
      { name: POSE_TASK_ENTRIES.detector, data: detector },
      { name: POSE_TASK_ENTRIES.landmarks, data: landmarks }
    ],
    POSE_TASK_ALIGN_BYTES
  );
}
