/**
 * The landmark series: the plain-data contract between the pose engine (browser, MediaPipe)
 * and the pure analysis core. Nothing here depends on MediaPipe; `src/lib/pose` converts
 * MediaPipe results into these types at the boundary.
 *
 * Conventions:
 * - Image coordinates are in **pixels** of the displayed (rotation-applied) frame:
 *   x to the right, y **down**, origin at the top-left corner.
 * - `z` is MediaPipe's relative depth, rescaled to the same pixel scale as x
 *   (smaller = closer to the camera); it is only good for ordering near/far.
 * - World landmarks are in metres, origin at the hip midpoint (MediaPipe convention);
 *   use them to break ties (depth order), not as a ruler.
 * - Times are milliseconds from the start of the video (`tMs`).
 */

/** One image landmark, in pixels. */
export interface ImageLandmark {
  /** Horizontal position, px from the left edge. */
  x: number;
  /** Vertical position, px from the top edge (y points down). */
  y: number;
  /** Relative depth, px scale; smaller is nearer the camera. */
  z: number;
  /** Model's estimate (0–1) that the point is visible (not occluded). */
  visibility: number;
  /** Model's estimate (0–1) that the point is inside the frame. */
  presence: number;
}

/** One world landmark, in metres, hip-centred (x right, y down, z toward the camera negative). */
export interface WorldLandmark {
  x: number;
  y: number;
  z: number;
  visibility: number;
  presence: number;
}

/** The 33 landmarks of one person in one frame. */
export interface Pose {
  /** 33 image landmarks in BlazePose order (see `landmarks.ts`). */
  image: ImageLandmark[];
  /** 33 world landmarks in BlazePose order. */
  world: WorldLandmark[];
}

/** One decoded video frame and what the pose model found in it. */
export interface PoseFrame {
  /** Presentation time, ms from the start of the video (the container's real timestamp). */
  tMs: number;
  /** The tracked person's pose, or `null` when no pose was found: an explicit gap, never a dropped frame. */
  pose: Pose | null;
}

/** Where the frames came from. */
export interface SourceMeta {
  /** e.g. 'mp4', 'webm', 'mkv', 'mov', or 'camera' for live frames. */
  container: string;
  /** Codec string as reported by the demuxer, e.g. 'avc', 'vp9', or '' when unknown. */
  codec: string;
  /** Average frame rate over the clip, Hz (frames / duration); phone videos vary. */
  fpsHz: number;
  /** Duration, ms. */
  durationMs: number;
  /** Rotation metadata applied to the frames, degrees clockwise (0, 90, 180, 270). */
  rotationDeg: number;
  /** Optional file name, for display only. */
  fileName?: string;
}

export type ModelVariant = 'lite' | 'full' | 'heavy';

/** A whole clip's landmarks: the input of the analysis core. */
export interface LandmarkSeries {
  /** Schema version of this shape. */
  version: 1;
  /** Displayed frame width, px (after rotation). */
  widthPx: number;
  /** Displayed frame height, px (after rotation). */
  heightPx: number;
  /** Pose model variant that produced the landmarks. */
  model: ModelVariant;
  source: SourceMeta;
  /** Every decoded frame in presentation order, with strictly increasing `tMs`. */
  frames: PoseFrame[];
}
