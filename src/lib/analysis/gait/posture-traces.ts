import { LM, sideIndex } from '../landmarks';
import type { CleanTracks } from './clean-tracks';
import { angleFromDownwardDeg, angleFromVerticalDeg, midpointColumn } from './geometry';
import type { PostureTraces } from './posture-metrics';

/**
 * Per-sample posture angles on the timeline (definitions in `posture-metrics.ts` and the metric registry).
 * The sagittal ones (trunk lean, neck angle, head forward, arm angles) are signed by the walking direction
 * of the sample, `directionAt[i]` (+1 / −1), and missing (`NaN`) where it is 0 (not in a pass: a turn
 * would mix forward and backward). Lateral lean is signed toward the person's right with `lateralSign`.
 *
 * @param sideView - paired points (hips, shoulders, ears) may stand in for each other (see `midpointColumn`).
 * @param torsoLengthPx - scales head forward, px.
 */
export function postureTraces(
  clean: CleanTracks,
  directionAt: Int8Array,
  lateralSign: 1 | -1,
  sideView: boolean,
  torsoLengthPx: number
): PostureTraces {
  const n = clean.length;
  const { x, y } = clean;
  const mid = (a: number, b: number, col: Float64Array[]) => midpointColumn(col[a], col[b], sideView);
  const hipX = mid(LM.left_hip, LM.right_hip, x);
  const hipY = mid(LM.left_hip, LM.right_hip, y);
  const shX = mid(LM.left_shoulder, LM.right_shoulder, x);
  const shY = mid(LM.left_shoulder, LM.right_shoulder, y);
  const earX = mid(LM.left_ear, LM.right_ear, x);
  const earY = mid(LM.left_ear, LM.right_ear, y);
  const traces: PostureTraces = {
    trunkLeanDeg: new Float64Array(n),
    neckAngleDeg: new Float64Array(n),
    headForwardPerTorso: new Float64Array(n),
    lateralLeanDeg: new Float64Array(n),
    armAngleLeftDeg: new Float64Array(n),
    armAngleRightDeg: new Float64Array(n)
  };
  const arms = (['left', 'right'] as const).map((side) => ({
    sx: x[sideIndex(side, 'shoulder')],
    sy: y[sideIndex(side, 'shoulder')],
    wx: x[sideIndex(side, 'wrist')],
    wy: y[sideIndex(side, 'wrist')],
    out: side === 'left' ? traces.armAngleLeftDeg : traces.armAngleRightDeg
  }));
  for (let i = 0; i < n; i++) {
    traces.lateralLeanDeg[i] = angleFromVerticalDeg(hipX[i], hipY[i], shX[i], shY[i], lateralSign);
    const d = directionAt[i];
    if (d === 0) {
      traces.trunkLeanDeg[i] = NaN;
      traces.neckAngleDeg[i] = NaN;
      traces.headForwardPerTorso[i] = NaN;
      for (const arm of arms) arm.out[i] = NaN;
      continue;
    }
    traces.trunkLeanDeg[i] = angleFromVerticalDeg(hipX[i], hipY[i], shX[i], shY[i], d);
    traces.neckAngleDeg[i] = angleFromVerticalDeg(shX[i], shY[i], earX[i], earY[i], d);
    traces.headForwardPerTorso[i] = (d * (earX[i] - shX[i])) / torsoLengthPx;
    for (const arm of arms) arm.out[i] = angleFromDownwardDeg(arm.sx[i], arm.sy[i], arm.wx[i], arm.wy[i], d);
  }
  return traces;
}
