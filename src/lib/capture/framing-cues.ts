/**
 * Live framing cues for the webcam preview: is the whole body in view, side-on, at a good
 * distance, in enough light, at a usable frame rate? Pure functions of one frame's landmarks
 * and a few measurements, so they run (and are tested) anywhere.
 *
 * Conventions: image landmarks in pixels, x right, y down (see `analysis/series.ts`).
 * The cue limits are judgements of the capture layer and live in `capture/limits.ts`; side-on, visibility and
 * frame rate use the analysis's own limits (`analysis/thresholds.ts`), so a clip the cue calls side-on is
 * one the analysis treats as a side view.
 */
import { LM, sideIndex } from '$lib/analysis/landmarks';
import type { ImageLandmark, Pose } from '$lib/analysis/series';
import { LOW_FPS_HZ, MIN_LANDMARK_VISIBILITY, SIDE_VIEW_MAX_WIDTH_RATIO } from '$lib/analysis/thresholds';
import {
  FRAMING_EDGE_MARGIN_FRACTION,
  FRAMING_MAX_BODY_HEIGHT_FRACTION,
  FRAMING_MIN_BODY_HEIGHT_FRACTION,
  FRAMING_MIN_MEAN_LUMA
} from './limits';

export type FramingCueId = 'person' | 'whole-body' | 'side-on' | 'distance' | 'light' | 'frame-rate';

/** One cue: `ok` true when this aspect of the framing is good; `message` says what to do. */
export interface FramingCue {
  id: FramingCueId;
  ok: boolean;
  /** Short, plain-language status or instruction, e.g. "Step back: your feet are out of view". */
  message: string;
}

/** What one live frame tells about the framing. */
export interface FramingInput {
  /** The pose found in the frame, or `null` when nobody was found. */
  pose: Pose | null;
  /** Frame width and height, px. */
  widthPx: number;
  heightPx: number;
  /** Mean luma of the frame, 0–255 (see {@link meanLuma}), or `null` when not measured. */
  meanLuma: number | null;
  /** Frames per second the camera actually delivers, Hz, or `null` when not measured yet. */
  cameraFpsHz: number | null;
}

/** Landmarks that must all be in the frame for the whole body to count as visible. */
const WHOLE_BODY_POINTS: readonly number[] = [
  LM.nose,
  ...(['left', 'right'] as const).flatMap((s) =>
    (['shoulder', 'hip', 'knee', 'ankle', 'heel', 'foot_index'] as const).map((p) => sideIndex(s, p))
  )
];
const HEAD_POINTS = [LM.nose, LM.left_ear, LM.right_ear, LM.left_eye, LM.right_eye];
const FOOT_POINTS = [LM.left_heel, LM.right_heel, LM.left_foot_index, LM.right_foot_index];

/**
 * Rec. 601 luma of an RGBA pixel buffer, averaged over all pixels: 0 (black) to 255 (white).
 * Pass a downscaled frame (e.g. 64×36): the mean does not need every pixel.
 * @throws {RangeError} when the buffer is empty or its length is not a multiple of 4.
 * @example meanLuma(new Uint8ClampedArray([255, 255, 255, 255])) // 255
 */
export function meanLuma(rgba: ArrayLike<number>): number {
  if (rgba.length === 0 || rgba.length % 4 !== 0) {
    throw new RangeError(
      `meanLuma: expected RGBA bytes (length a positive multiple of 4), got ${rgba.length}`
    );
  }
  let sum = 0;
  for (let i = 0; i < rgba.length; i += 4) sum += 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
  return sum / (rgba.length / 4);
}

function inFrame(p: ImageLandmark, widthPx: number, heightPx: number): boolean {
  const mx = FRAMING_EDGE_MARGIN_FRACTION * widthPx;
  const my = FRAMING_EDGE_MARGIN_FRACTION * heightPx;
  return p.x >= mx && p.x <= widthPx - mx && p.y >= my && p.y <= heightPx - my;
}

const midpoint = (a: ImageLandmark, b: ImageLandmark) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * Apparent body width over torso length: |x(left) − x(right)| of shoulders and of hips, averaged,
 * divided by the distance from the shoulder midpoint to the hip midpoint. Near 0 when the person
 * is seen from the side (the two shoulders overlap), about 0.6–0.8 when they face the camera.
 * Returns `NaN` when the torso has no length.
 */
export function bodyWidthRatio(pose: Pose): number {
  const im = pose.image;
  const ls = im[LM.left_shoulder];
  const rs = im[LM.right_shoulder];
  const lh = im[LM.left_hip];
  const rh = im[LM.right_hip];
  const s = midpoint(ls, rs);
  const h = midpoint(lh, rh);
  const torsoPx = Math.hypot(s.x - h.x, s.y - h.y);
  if (!(torsoPx > 0)) return Number.NaN;
  return (Math.abs(ls.x - rs.x) + Math.abs(lh.x - rh.x)) / 2 / torsoPx;
}

/**
 * Fraction of the frame height the body spans: from the highest head point to the lowest foot
 * point, divided by the frame height. About 0.5–0.7 at 3–5 m with a phone's usual field of view.
 */
export function bodyHeightFraction(pose: Pose, heightPx: number): number {
  const top = Math.min(...HEAD_POINTS.map((i) => pose.image[i].y));
  const bottom = Math.max(...FOOT_POINTS.map((i) => pose.image[i].y));
  return (bottom - top) / heightPx;
}

/**
 * The framing cues of one live frame, in a fixed order: person, whole body, side-on, distance,
 * light, camera frame rate (judged against the analysis's low-frame-rate limit). Light and frame rate are judged even when nobody is in view; the body cues
 * need a pose and are left out without one (the "person" cue then says so).
 */
export function framingCues(input: FramingInput): FramingCue[] {
  const { pose, widthPx, heightPx } = input;
  const cues: FramingCue[] = [];
  if (!pose) {
    cues.push({ id: 'person', ok: false, message: 'Nobody found: step into view, whole body, side-on.' });
  } else {
    cues.push({ id: 'person', ok: true, message: 'Person found.' });
    cues.push(wholeBodyCue(pose, widthPx, heightPx));
    const widthRatio = bodyWidthRatio(pose);
    cues.push(
      widthRatio <= SIDE_VIEW_MAX_WIDTH_RATIO
        ? { id: 'side-on', ok: true, message: 'Side-on to the camera.' }
        : {
            id: 'side-on',
            ok: false,
            message: 'Turn side-on: walk across the camera’s view, not towards it.'
          }
    );
    const fraction = bodyHeightFraction(pose, heightPx);
    cues.push(
      fraction < FRAMING_MIN_BODY_HEIGHT_FRACTION
        ? { id: 'distance', ok: false, message: 'Too far away: come a little closer to the camera.' }
        : fraction > FRAMING_MAX_BODY_HEIGHT_FRACTION
          ? {
              id: 'distance',
              ok: false,
              message: 'Too close: step back so that you fit in the frame while walking.'
            }
          : { id: 'distance', ok: true, message: 'Good distance.' }
    );
  }
  if (input.meanLuma !== null) {
    cues.push(
      input.meanLuma < FRAMING_MIN_MEAN_LUMA
        ? { id: 'light', ok: false, message: 'Too dark: turn on a light or face a window.' }
        : { id: 'light', ok: true, message: 'Enough light.' }
    );
  }
  if (input.cameraFpsHz !== null) {
    const fps = Math.round(input.cameraFpsHz);
    cues.push(
      input.cameraFpsHz < LOW_FPS_HZ
        ? {
            id: 'frame-rate',
            ok: false,
            message: `The camera gives only ${fps} frames per second: add light (cameras slow down in the dark) or close other apps; step timing will be coarse.`
          }
        : { id: 'frame-rate', ok: true, message: `Camera at ${fps} frames per second.` }
    );
  }
  return cues;
}

function wholeBodyCue(pose: Pose, widthPx: number, heightPx: number): FramingCue {
  const out = WHOLE_BODY_POINTS.filter(
    (i) => pose.image[i].visibility < MIN_LANDMARK_VISIBILITY || !inFrame(pose.image[i], widthPx, heightPx)
  );
  if (out.length === 0) return { id: 'whole-body', ok: true, message: 'Whole body in view.' };
  const feetOut = out.some((i) => FOOT_POINTS.includes(i) || i === LM.left_ankle || i === LM.right_ankle);
  const headOut = out.includes(LM.nose);
  const message =
    feetOut && headOut
      ? 'Head and feet are cut off: step back from the camera.'
      : feetOut
        ? 'Your feet are out of view: step back or tilt the camera down.'
        : headOut
          ? 'Your head is out of view: step back or tilt the camera up.'
          : 'Part of your body is out of view: step back and keep to the middle.';
  return { id: 'whole-body', ok: false, message };
}

/**
 * Steadies the cues over the last few frames so that they do not flicker: a cue counts as
 * good when it was good in at least half of the frames that judged it, and its message is the
 * latest one with that verdict. Cue order follows {@link framingCues}.
 * @param recent per-frame cues, oldest first.
 */
export function steadyCues(recent: readonly FramingCue[][]): FramingCue[] {
  const order: FramingCueId[] = ['person', 'whole-body', 'side-on', 'distance', 'light', 'frame-rate'];
  const result: FramingCue[] = [];
  for (const id of order) {
    const seen = recent.flatMap((cues) => cues.filter((c) => c.id === id));
    if (seen.length === 0) continue;
    const okCount = seen.filter((c) => c.ok).length;
    const ok = okCount * 2 >= seen.length;
    const latest = seen.findLast((c) => c.ok === ok);
    if (latest) result.push(latest);
  }
  return result;
}
