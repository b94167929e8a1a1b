/**
 * MediaPipe result → GaitLens {@link Pose}: the only place where normalised coordinates are
 * turned into pixels. Pure and MediaPipe-free (structural input types), so it is tested in Node.
 *
 * Conventions (MediaPipe PoseLandmarker, tasks-vision): image landmarks `x`, `y` are fractions of
 * the input image width and height (y down); `z` is depth relative to the hips "at roughly the same
 * scale as x", so it is rescaled by the width too. World landmarks are metres, hip-centred.
 */
import { LANDMARK_COUNT } from '../analysis/landmarks';
import type { ImageLandmark, Pose, WorldLandmark } from '../analysis/series';

/** One landmark as MediaPipe returns it (normalised image or world). */
export interface RawLandmark {
  x: number;
  y: number;
  z: number;
  visibility?: number;
  presence?: number;
}

/** The parts of `PoseLandmarkerResult` that GaitLens reads. */
export interface RawPoseResult {
  landmarks: RawLandmark[][];
  worldLandmarks: RawLandmark[][];
}

const score = (v: number | undefined): number => (v === undefined || !Number.isFinite(v) ? 0 : v);

/**
 * Converts every pose of one result into pixels of a `widthPx` × `heightPx` frame.
 * A pose with the wrong landmark count (never seen, but not trusted) is skipped.
 * @throws RangeError when the frame size is not positive.
 */
export function toPoses(result: RawPoseResult, widthPx: number, heightPx: number): Pose[] {
  if (!(widthPx > 0 && heightPx > 0))
    throw new RangeError(`frame size must be positive, got ${widthPx}×${heightPx}`);
  const poses: Pose[] = [];
  result.landmarks.forEach((lms, k) => {
    const world = result.worldLandmarks[k];
    if (lms.length !== LANDMARK_COUNT || !world || world.length !== LANDMARK_COUNT) return;
    const image: ImageLandmark[] = lms.map((p) => ({
      x: p.x * widthPx,
      y: p.y * heightPx,
      z: p.z * widthPx,
      visibility: score(p.visibility),
      presence: score(p.presence)
    }));
    const w: WorldLandmark[] = world.map((p, i) => ({
      x: p.x,
      y: p.y,
      z: p.z,
      // World landmarks carry no scores of their own in tasks-vision; they share the image ones.
      visibility: p.visibility ?? image[i].visibility,
      presence: p.presence ?? image[i].presence
    }));
    poses.push({ image, world: w });
  });
  return poses;
}
