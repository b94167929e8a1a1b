import { LM } from '../landmarks';
import { median } from '../signal';
import {
  FRONT_VIEW_FULL_FIT_MARGIN,
  FRONT_VIEW_MIN_WIDTH_RATIO,
  SIDE_VIEW_MAX_WIDTH_RATIO
} from '../thresholds';
import type { CameraView } from './types';
import type { LandmarkTracks } from './extract-landmark-tracks';
import { distancePx } from './geometry';

/** The camera view and the width measure it was judged from. */
export interface ViewClassification {
  view: CameraView;
  /** Median of (shoulder width + hip width)/2 ÷ torso length, px/px. */
  widthToTorsoRatio: number;
  /** 0 (borderline) … 1 (unambiguous). */
  viewFit: number;
  /** Median torso length (hip midpoint → shoulder midpoint), px. */
  torsoLengthPx: number;
}

/**
 * Torso length (hip midpoint → shoulder midpoint, px) and the body's width ratio, (shoulder width + hip
 * width) / 2 ÷ torso length, of frame `f`, from the model's positions regardless of visibility; null without
 * a person or a torso.
 */
export function bodyProportions(
  tracks: LandmarkTracks,
  f: number
): { torsoPx: number; widthRatio: number } | null {
  if (!tracks.detected[f]) return null;
  const { rawX: x, rawY: y } = tracks;
  const [ls, rs, lh, rh] = [LM.left_shoulder, LM.right_shoulder, LM.left_hip, LM.right_hip];
  const shoulderW = distancePx(x[ls][f], y[ls][f], x[rs][f], y[rs][f]);
  const hipW = distancePx(x[lh][f], y[lh][f], x[rh][f], y[rh][f]);
  const torsoPx = distancePx(
    (x[ls][f] + x[rs][f]) / 2,
    (y[ls][f] + y[rs][f]) / 2,
    (x[lh][f] + x[rh][f]) / 2,
    (y[lh][f] + y[rh][f]) / 2
  );
  if (!(torsoPx > 0) || !Number.isFinite(shoulderW + hipW)) return null;
  return { torsoPx, widthRatio: (shoulderW + hipW) / 2 / torsoPx };
}

/**
 * Classify the camera view from body widths (docs/METHOD.md §2): seen from the side, shoulder
 * width and hip width are small against torso length; from the front they are large; in between is
 * oblique. Uses the model's positions regardless of visibility (the far shoulder of a side view is
 * occluded but still placed), over frames with a detected person.
 *
 * Thresholds: `SIDE_VIEW_MAX_WIDTH_RATIO`, `FRONT_VIEW_MIN_WIDTH_RATIO` (provisional).
 * `viewFit` is 1 at ratio 0 (pure side) or `FRONT_VIEW_FULL_FIT_MARGIN` above the front threshold, falling linearly to 0 at
 * the thresholds; an oblique view has fit 0.
 */
export function classifyView(tracks: LandmarkTracks): ViewClassification {
  const ratios: number[] = [];
  const torsos: number[] = [];
  for (let f = 0; f < tracks.length; f++) {
    const body = bodyProportions(tracks, f);
    if (!body) continue;
    torsos.push(body.torsoPx);
    ratios.push(body.widthRatio);
  }
  const ratio = median(ratios);
  const torsoLengthPx = median(torsos);
  if (!Number.isFinite(ratio)) return { view: 'oblique', widthToTorsoRatio: NaN, viewFit: 0, torsoLengthPx };
  if (ratio <= SIDE_VIEW_MAX_WIDTH_RATIO) {
    return {
      view: 'side',
      widthToTorsoRatio: ratio,
      viewFit: 1 - ratio / SIDE_VIEW_MAX_WIDTH_RATIO,
      torsoLengthPx
    };
  }
  if (ratio >= FRONT_VIEW_MIN_WIDTH_RATIO) {
    const fit = Math.min(1, (ratio - FRONT_VIEW_MIN_WIDTH_RATIO) / FRONT_VIEW_FULL_FIT_MARGIN);
    return { view: 'front', widthToTorsoRatio: ratio, viewFit: fit, torsoLengthPx };
  }
  return { view: 'oblique', widthToTorsoRatio: ratio, viewFit: 0, torsoLengthPx };
}
