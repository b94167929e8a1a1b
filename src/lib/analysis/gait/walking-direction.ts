import { LM, sideIndex } from '../landmarks';
import { median } from '../signal';
import { TREADMILL_MAX_HIP_SPEED_PER_LEG_S, TREADMILL_MAX_SCALE_RATE_PER_S } from '../thresholds';
import type { CameraView } from './types';
import type { LandmarkTracks } from './extract-landmark-tracks';

/** Which way, and whether over ground. */
export interface WalkingDirection {
  /** +1 toward the image's right edge, −1 toward its left edge. */
  direction: 1 | -1;
  /** Front view: toward the camera (true) or away (false); null in other views. */
  towardCamera: boolean | null;
  /** The hips stayed put while the legs cycled. */
  treadmill: boolean;
  /** Hip-midpoint horizontal speed, leg lengths per second (signed, + toward image right). */
  hipSpeedPerLegS: number;
}

/** Least-squares slope of `v` against `t` (per second), over samples where both are finite. */
function slopePerS(tMs: ArrayLike<number>, v: ArrayLike<number>): number {
  let n = 0;
  let st = 0;
  let sv = 0;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) continue;
    n++;
    st += tMs[i];
    sv += v[i];
  }
  if (n < 2) return NaN;
  const mt = st / n;
  const mv = sv / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) continue;
    num += (tMs[i] - mt) * (v[i] - mv);
    den += (tMs[i] - mt) ** 2;
  }
  return den > 0 ? (num / den) * 1000 : NaN;
}

/**
 * Walking direction and treadmill detection (docs/METHOD.md §2).
 *
 * - Overground, side view: the sign of the hip midpoint's horizontal velocity (least-squares slope of its
 *   x over time).
 * - Treadmill (hips travel less than `TREADMILL_MAX_HIP_SPEED_PER_LEG_S` leg lengths/s in a side view, or
 *   the body's scale changes by less than `TREADMILL_MAX_SCALE_RATE_PER_S` per second in a front view):
 *   the direction the feet point, i.e. the sign of the median (toe x − heel x) over both feet and all
 *   frames; the nose ahead of the ears breaks a tie.
 * - Front view: toward the camera when the body grows in the image (overground) or, on a treadmill, when
 *   the face is visible (median nose visibility ≥ 0.5).
 *
 * @param legLengthPx - leg length, px (scales the treadmill speed threshold).
 */
export function walkingDirection(
  tracks: LandmarkTracks,
  view: CameraView,
  legLengthPx: number
): WalkingDirection {
  const { rawX, rawY, tMs } = tracks;
  const n = tracks.length;
  const hipX = new Float64Array(n);
  const torso = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    hipX[i] = (rawX[LM.left_hip][i] + rawX[LM.right_hip][i]) / 2;
    const hipY = (rawY[LM.left_hip][i] + rawY[LM.right_hip][i]) / 2;
    const shX = (rawX[LM.left_shoulder][i] + rawX[LM.right_shoulder][i]) / 2;
    const shY = (rawY[LM.left_shoulder][i] + rawY[LM.right_shoulder][i]) / 2;
    torso[i] = Math.log(Math.hypot(shX - hipX[i], shY - hipY));
  }
  const hipSpeedPerLegS = slopePerS(tMs, hipX) / legLengthPx;
  const scaleRatePerS = slopePerS(tMs, torso);

  const footPointing: number[] = [];
  const faceAhead: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const side of ['left', 'right'] as const) {
      const d = rawX[sideIndex(side, 'foot_index')][i] - rawX[sideIndex(side, 'heel')][i];
      if (Number.isFinite(d)) footPointing.push(d);
    }
    const f = rawX[LM.nose][i] - (rawX[LM.left_ear][i] + rawX[LM.right_ear][i]) / 2;
    if (Number.isFinite(f)) faceAhead.push(f);
  }
  const pointing = median(footPointing);
  const facing = Number.isFinite(pointing) && pointing !== 0 ? pointing : median(faceAhead);
  const bodyDirection: 1 | -1 = facing < 0 ? -1 : 1;

  if (view === 'front') {
    const treadmill = !(Math.abs(scaleRatePerS) >= TREADMILL_MAX_SCALE_RATE_PER_S);
    const noseVisible = median(tracks.visibility[LM.nose]) >= 0.5;
    const towardCamera = treadmill ? noseVisible : scaleRatePerS > 0;
    return { direction: bodyDirection, towardCamera, treadmill, hipSpeedPerLegS };
  }
  const treadmill = !(Math.abs(hipSpeedPerLegS) >= TREADMILL_MAX_HIP_SPEED_PER_LEG_S);
  const direction: 1 | -1 = treadmill ? bodyDirection : hipSpeedPerLegS < 0 ? -1 : 1;
  return { direction, towardCamera: null, treadmill, hipSpeedPerLegS };
}
