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
  const { rawX: x, rawY: y } = tracks;
  for (let i = 0; i < tracks.length; i++) {
    if (!tracks.detected[i]) continue;
    const ls = LM.left_shoulder;
    const rs = LM.right_shoulder;
    const lh = LM.left_hip;
    const rh = LM.right_hip;
    const shoulderW = distancePx(x[ls][i], y[ls][i], x[rs][i], y[rs][i]);
    const hipW = distancePx(x[lh][i], y[lh][i], x[rh][i], y[rh][i]);
    const torso = distancePx(
      (x[ls][i] + x[rs][i]) / 2,
      (y[ls][i] + y[rs][i]) / 2,
      (x[lh][i] + x[rh][i]) / 2,
      (y[lh][i] + y[rh][i]) / 2
    );
    if (!(torso > 0) || !Number.isFinite(shoulderW + hipW)) continue;
    torsos.push(torso);
    ratios.push((shoulderW + hipW) / 2 / torso);
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
