import {
  LANDMARK_COUNT,
  LM,
  PAIRED_PARTS,
  sideIndex,
  type PairedPart
} from '../../src/lib/analysis/landmarks';
import type { BodySide, GaitModel } from './make-gait-model';
import type { SagittalPoint } from './normative-gait-curves';

const D2R = Math.PI / 180;

/**
 * A landmark in the walker's body frame, metres: `along` = walking direction, `up` = vertical
 * (floor at 0), `left` = toward the person's left side (hip-midpoint plane at 0).
 */
export interface BodyPoint {
  along: number;
  up: number;
  left: number;
}

/** Upper-body posture of the walker. */
export interface BodyPosture {
  /** Trunk forward lean, deg: line mid-hip → mid-shoulder against vertical, forward +. */
  trunkLeanDeg: number;
  /** Neck + head rotated forward (chin down) about the base of the neck, deg, on top of the lean. */
  neckFlexDeg: number;
  /** Head moved forward relative to the trunk ('chin poke'), m; head orientation kept. */
  headForwardM: number;
  /** Arm-swing amplitude scale of the left arm (1 = normal, 0 = arm hangs still). */
  armSwingLeft: number;
  armSwingRight: number;
}

/** Landmark index of every paired part per side, computed once. */
const INDEX = Object.fromEntries(
  (['left', 'right'] as const).map((side) => [
    side,
    Object.fromEntries(PAIRED_PARTS.map((part) => [part, sideIndex(side, part)]))
  ])
) as Record<BodySide, Record<PairedPart, number>>;

/** Rotate a vector in the sagittal plane forward (top toward `along`) by `deg`. */
const pitchForward = (along: number, up: number, deg: number): SagittalPoint => {
  const c = Math.cos(deg * D2R);
  const s = Math.sin(deg * D2R);
  return { along: along * c + up * s, up: up * c - along * s };
};

/**
 * Neck and head angles relative to the trunk, deg (forward +), for a posture; the same rule as
 * the reference walker: the neck counter-rotates 30 % of the lean so the gaze stays level, a
 * forward head shift is a lower-neck flexion with an equal and opposite head rotation.
 */
function neckAngles(posture: BodyPosture, neckPlusHalfHeadM: number) {
  const fwd = Math.asin(Math.max(-0.9, Math.min(0.9, posture.headForwardM / neckPlusHalfHeadM))) / D2R;
  return {
    neckDeg: -0.3 * posture.trunkLeanDeg + posture.neckFlexDeg + fwd,
    headDeg: -0.3 * posture.trunkLeanDeg - fwd
  };
}

/**
 * The 33 BlazePose landmarks of the synthetic walker at time `tS`, in the body frame (metres).
 *
 * Legs come from the gait model (each leg in its own sagittal plane, half a hip width to its
 * side). The trunk pivots about the hip midpoint by `trunkLeanDeg`; shoulders sit half a
 * shoulder width to each side; neck, head and face follow the reference walker's skeleton; each
 * arm swings opposite its leg (shoulder flexion = −0.5 × armSwing × (hip flexion − mean) + 2°),
 * with 7° of abduction and an elbow bent 15° plus 0.8 × the forward swing.
 *
 * @returns 33 points in BlazePose order (see `landmarks.ts`).
 */
export function bodyLandmarks(model: GaitModel, tS: number, posture: BodyPosture): BodyPoint[] {
  const A = model.body;
  const out: BodyPoint[] = new Array(LANDMARK_COUNT);
  const lean = posture.trunkLeanDeg;
  const hipMid = model.pelvisAt(tS);
  const at = (base: SagittalPoint, d: SagittalPoint, left: number): BodyPoint => ({
    along: base.along + d.along,
    up: base.up + d.up,
    left
  });
  const set = (side: BodySide, part: PairedPart, p: BodyPoint) => (out[INDEX[side][part]] = p);
  const lateral = (side: BodySide) => (side === 'left' ? 1 : -1);

  // head and face
  const neckBase = at(hipMid, pitchForward(0, A.trunkM + 0.01, lean), 0);
  const { neckDeg, headDeg } = neckAngles(posture, A.neckM + 0.5 * A.headHeightM);
  const headCentre = at(neckBase, pitchForward(0.012, A.neckM + 0.5 * A.headHeightM, lean + neckDeg), 0);
  const headPitch = lean + neckDeg + headDeg;
  const face = (left: number, up: number, along: number) =>
    at(headCentre, pitchForward(along, up, headPitch), left);
  out[LM.nose] = face(0, -0.018, 0.112);
  for (const side of ['left', 'right'] as const) {
    const s = lateral(side);
    set(side, 'eye_inner', face(s * 0.02, 0.012, 0.086));
    set(side, 'eye', face(s * 0.032, 0.012, 0.082));
    set(side, 'eye_outer', face(s * 0.045, 0.012, 0.074));
    set(side, 'ear', face(s * 0.077, 0, -0.008));
    out[side === 'left' ? LM.mouth_left : LM.mouth_right] = face(s * 0.022, -0.055, 0.088);
  }

  // legs and arms
  const abduction = 7 * D2R;
  for (const side of ['left', 'right'] as const) {
    const s = lateral(side);
    const leg = model.legAt(side, tS);
    const hipLeft = s * A.hipHalfWidthM;
    set(side, 'hip', { along: leg.hip.along, up: leg.hip.up, left: hipLeft });
    set(side, 'knee', { along: leg.knee.along, up: leg.knee.up, left: hipLeft });
    set(side, 'ankle', { along: leg.ankle.along, up: leg.ankle.up, left: hipLeft });
    set(side, 'heel', { along: leg.heel.along, up: leg.heel.up, left: hipLeft });
    set(side, 'foot_index', { along: leg.toe.along, up: leg.toe.up, left: hipLeft });

    const swing = side === 'left' ? posture.armSwingLeft : posture.armSwingRight;
    const shoulderFlexDeg = -0.5 * swing * (leg.hipFlexDeg - (model.hipFlexMeanDeg + 2)) + 2;
    const shoulder = at(hipMid, pitchForward(0, A.trunkM, lean), s * A.shoulderHalfWidthM);
    const upperArmDeg = shoulderFlexDeg - lean; // against vertical, forward +
    const forearmDeg = upperArmDeg + 15 + 0.8 * Math.max(0, shoulderFlexDeg);
    const ua = A.upperArmM * Math.cos(abduction);
    const elbow: BodyPoint = {
      along: shoulder.along + ua * Math.sin(upperArmDeg * D2R),
      up: shoulder.up - ua * Math.cos(upperArmDeg * D2R),
      left: shoulder.left + s * A.upperArmM * Math.sin(abduction)
    };
    const dir = { along: Math.sin(forearmDeg * D2R), up: -Math.cos(forearmDeg * D2R) };
    const along = (base: BodyPoint, lengthM: number, fwdM: number, outM: number): BodyPoint => ({
      along: base.along + lengthM * dir.along + fwdM * Math.cos(forearmDeg * D2R),
      up: base.up + lengthM * dir.up + fwdM * Math.sin(forearmDeg * D2R),
      left: base.left + s * outM
    });
    const wrist = along(elbow, A.forearmM, 0, 0);
    set(side, 'shoulder', shoulder);
    set(side, 'elbow', elbow);
    set(side, 'wrist', wrist);
    set(side, 'index', along(wrist, 0.085, 0.01, 0.005));
    set(side, 'pinky', along(wrist, 0.075, -0.015, 0.02));
    set(side, 'thumb', along(wrist, 0.045, 0.03, -0.01));
  }
  return out;
}

/** Neck/head posture truth: angle of the mid-shoulder → mid-ear line against vertical, deg, forward +. */
export function earShoulderAngleDeg(points: readonly BodyPoint[]): number {
  const mid = (a: number, b: number) => ({
    along: (points[a].along + points[b].along) / 2,
    up: (points[a].up + points[b].up) / 2
  });
  const sh = mid(LM.left_shoulder, LM.right_shoulder);
  const ear = mid(LM.left_ear, LM.right_ear);
  return Math.atan2(ear.along - sh.along, ear.up - sh.up) / D2R;
}
