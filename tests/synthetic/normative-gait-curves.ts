/**
 * The normative gait curves and the pure sagittal-plane helpers shared by the two ports of the
 * reference synthetic walker: the synthetic landmark generator (`make-gait-model.ts`) and the
 * 3D walker renderer (`scripts/render-walker/gait.ts`).
 */

const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

/** Key points of a curve over one gait cycle: `[phase %, value]`, phase increasing within [0, 100). */
export type CurveKeys = ReadonlyArray<readonly [number, number]>;

/**
 * Approximate normative sagittal joint angles over one gait cycle (shapes after Perry and Winter),
 * as key points `[phase %, degrees]`, phase 0 = heel strike of that leg, toe off at 60 %. Hip:
 * flexion positive; knee: flexion positive; ankle: dorsiflexion positive. Ported from the
 * reference synthetic walker.
 */
export const NORMATIVE_GAIT_CURVES = {
  hipDeg: [
    [0, 30],
    [10, 28],
    [20, 21],
    [30, 12],
    [40, 3],
    [50, -6],
    [55, -9],
    [60, -5],
    [65, 3],
    [70, 12],
    [75, 20],
    [80, 27],
    [85, 31],
    [90, 32],
    [95, 31]
  ],
  kneeDeg: [
    [0, 4],
    [5, 10],
    [10, 16],
    [15, 18],
    [20, 15],
    [30, 8],
    [40, 4],
    [45, 5],
    [50, 9],
    [55, 18],
    [60, 36],
    [65, 50],
    [70, 60],
    [73, 62],
    [77, 58],
    [82, 45],
    [87, 28],
    [92, 12],
    [96, 5]
  ],
  ankleDeg: [
    [0, 0],
    [4, -4],
    [8, -5],
    [12, -2],
    [20, 3],
    [30, 7],
    [40, 10],
    [47, 11],
    [52, 7],
    [56, 0],
    [60, -12],
    [64, -17],
    [68, -9],
    [72, -2],
    [76, 2],
    [85, 2],
    [92, 1]
  ]
} as const satisfies Record<string, CurveKeys>;

/** Phase of toe off on the normative cycle (stance 0–0.6, swing 0.6–1), fraction of the cycle. */
export const NORMATIVE_TOE_OFF = 0.6;

/**
 * A smooth periodic curve through key points: a cubic Hermite (Catmull–Rom on non-uniform knots)
 * that wraps around at phase 1.
 *
 * @param keys - `[phase %, value]` pairs, phase increasing within [0, 100).
 * @returns `f(phase)` for any phase (in cycles; taken modulo 1).
 * @example
 * const hip = periodicSpline(NORMATIVE_GAIT_CURVES.hipDeg); hip(0); // 30
 */
export function periodicSpline(keys: CurveKeys): (phase: number) => number {
  const n = keys.length;
  const xs = keys.map(([p]) => p / 100);
  const vs = keys.map(([, v]) => v);
  /** Knot m (any integer; wraps around with +1 per turn) as [phase, value]. */
  const knot = (m: number): [number, number] => {
    const q = ((m % n) + n) % n;
    return [xs[q] + Math.floor(m / n), vs[q]];
  };
  // Per segment i (knot i → i + 1): start phase, width, end values and scaled tangents.
  const segments = xs.map((_, i) => {
    const [x0, v0] = knot(i - 1);
    const [x1, v1] = knot(i);
    const [x2, v2] = knot(i + 1);
    const [x3, v3] = knot(i + 2);
    const w = x2 - x1;
    return { x1, w, v1, v2, m1: ((v2 - v0) / (x2 - x0)) * w, m2: ((v3 - v1) / (x3 - x1)) * w };
  });
  return (phase) => {
    const x = ((phase % 1) + 1) % 1;
    let i = n - 1;
    while (i > 0 && xs[i] > x) i--;
    const s = segments[i];
    const u = (x < s.x1 ? x + 1 - s.x1 : x - s.x1) / s.w;
    const u2 = u * u;
    const u3 = u2 * u;
    return (
      (2 * u3 - 3 * u2 + 1) * s.v1 + (u3 - 2 * u2 + u) * s.m1 + (-2 * u3 + 3 * u2) * s.v2 + (u3 - u2) * s.m2
    );
  };
}

/** Smoothstep: 0 for u ≤ 0, 1 for u ≥ 1, 3u² − 2u³ in between (zero slope at both ends). */
export const smoothstep = (u: number): number => {
  const x = Math.min(1, Math.max(0, u));
  return x * x * (3 - 2 * x);
};

/** A point in the sagittal plane of the walk, metres: `along` = walking direction, `up` = vertical. */
export interface SagittalPoint {
  along: number;
  up: number;
}

/** Rotates (along, up) by `deg` counter-clockwise (toe-up positive for a forward-pointing foot). */
export function rotateSagittal(along: number, up: number, deg: number): SagittalPoint {
  const c = Math.cos(deg * D2R);
  const s = Math.sin(deg * D2R);
  return { along: along * c - up * s, up: along * s + up * c };
}

/** Ankle relative to the hip joint (m, sagittal) and foot pitch (deg, toe-up +) of a normative leg. */
export interface NormativeAnkle extends SagittalPoint {
  pitchDeg: number;
}

/**
 * Forward kinematics of the normative curves: where the ankle is relative to the hip joint, and
 * how the foot is pitched, at normative phase `cp` (fraction of the cycle) with the hip range
 * scaled by `hipScale` about `hipMeanDeg`. The thigh angle is the hip flexion minus the forward
 * pelvic tilt; the shank and foot follow the knee and ankle curves.
 *
 * @param curves - hip, knee and ankle angle curves, deg, as functions of the phase.
 * @param hipMeanDeg - mean hip flexion of the hip curve over the cycle, deg.
 * @param thighM - hip → knee, m.
 * @param shankM - knee → ankle, m.
 * @param pelvicTiltDeg - forward pelvic tilt, deg.
 */
export function normativeAnkle(
  curves: {
    hip: (phase: number) => number;
    knee: (phase: number) => number;
    ankle: (phase: number) => number;
  },
  hipMeanDeg: number,
  thighM: number,
  shankM: number,
  pelvicTiltDeg: number
): (cp: number, hipScale: number) => NormativeAnkle {
  return (cp, hipScale) => {
    const hip = hipMeanDeg + hipScale * (curves.hip(cp) - hipMeanDeg);
    const thigh = (hip - pelvicTiltDeg) * D2R;
    const shank = thigh - curves.knee(cp) * D2R;
    return {
      along: thighM * Math.sin(thigh) + shankM * Math.sin(shank),
      up: -thighM * Math.cos(thigh) - shankM * Math.cos(shank),
      pitchDeg: shank * R2D + curves.ankle(cp)
    };
  };
}

/**
 * The hip-range scale at which the normative hip → ankle excursion over stance (phase 0 to toe
 * off) equals what the planted foot needs: the pelvis travel over stance minus the rockers' own
 * forward motion of the ankle (4 fixed-point rounds of a 50-step bisection within [0.2, 3]).
 *
 * @param stanceTravelM - pelvis travel during one stance, m.
 * @param plantedAlong - `along` of the ankle of a foot planted at footprint 0 with pitch `pitchDeg` (toe-up +), m.
 * @param normative - the leg's {@link normativeAnkle}.
 */
export function fitHipScale(
  stanceTravelM: number,
  plantedAlong: (pitchDeg: number) => number,
  normative: (cp: number, hipScale: number) => NormativeAnkle
): number {
  let m = 1;
  for (let it = 0; it < 4; it++) {
    const rock =
      plantedAlong(normative(NORMATIVE_TOE_OFF, m).pitchDeg) - plantedAlong(normative(0, m).pitchDeg);
    const need = stanceTravelM - rock;
    let lo = 0.2;
    let hi = 3;
    for (let i = 0; i < 50; i++) {
      m = (lo + hi) / 2;
      const excursion = normative(0, m).along - normative(NORMATIVE_TOE_OFF, m).along;
      if (excursion < need) lo = m;
      else hi = m;
    }
  }
  return m;
}
