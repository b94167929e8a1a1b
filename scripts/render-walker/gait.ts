/**
 * Gait kinematics with exactly planted stance feet and exactly known spatio-temporal parameters (ported from the
 * team's synthetic-walker research tool, extended with a running style).
 *
 * Model (sagittal plane, per leg):
 *  - footprints are placed at exact step lengths; heel strikes at exact times (cadence, step-time asymmetry);
 *  - stance foot: heel rocker (pitch pHS -> 0 about the heel), foot flat, forefoot rocker (heel rise about the
 *    toe joint, toes stay flat) -> zero foot slip by construction;
 *  - pelvis moves at constant speed v = stride / T; its height is the (soft) minimum over stance legs of the
 *    height reachable with the normative stance knee-flexion curve; with no leg on the ground (running) it flies
 *    on the ballistic parabola between take-off and landing;
 *  - swing ankle path and foot pitch come from forward kinematics of normative hip/knee/ankle curves (hip range
 *    scaled to fit the stride), blended so that take-off and landing coincide with the footprints;
 *  - hip/knee angles from 2-link IK, ankle from foot pitch; trunk pitched by `lean` about the mid-hip point.
 * Angles in degrees. Gait time τ in seconds; phase 0 = initial contact (heel strike) of that leg.
 */
import type * as THREE from 'three';
import {
  fitHipScale,
  NORMATIVE_GAIT_CURVES,
  normativeAnkle,
  periodicSpline,
  rotateSagittal,
  smoothstep,
  type CurveKeys
} from '../../tests/synthetic/normative-gait-curves';
import { anthropometry, D2R, SIDES, type Anthropometry, type JointName, type Side } from './human';

const R2D = 180 / Math.PI;

/**
 * Running curves, [phase %, deg], on the phase axis of the walking NORMATIVE_GAIT_CURVES (stance 0–60, swing
 * 60–100) so the stance/swing mapping is shared: flexed knee through stance (≈20° at contact, ≈40° at mid-stance), ≈100° knee flexion in mid-swing, hip
 * extension ≈10° at toe off (after Novacheck 1998, shapes only).
 */
const RUN = {
  hipDeg: [
    [0, 35],
    [20, 22],
    [40, 6],
    [55, -8],
    [60, -10],
    [68, 0],
    [78, 25],
    [88, 44],
    [95, 42]
  ],
  kneeDeg: [
    [0, 22],
    [20, 40],
    [35, 38],
    [55, 24],
    [60, 22],
    [70, 58],
    [80, 95],
    [86, 100],
    [93, 62],
    [97, 35]
  ],
  ankleDeg: [
    [0, 5],
    [20, 16],
    [40, 12],
    [55, -8],
    [60, -18],
    [70, -10],
    [80, 0],
    [90, 5]
  ]
} satisfies Record<keyof typeof NORMATIVE_GAIT_CURVES, CurveKeys>;

export interface GaitParams {
  /** stature, m */
  H: number;
  style: 'walk' | 'run';
  /** steps / min */
  cadence: number;
  /** m: the left step = the left heel lands this far ahead of the right footprint */
  stepL: number;
  stepR: number;
  /** trunk forward lean (deg): line mid-hip -> mid-shoulder vs vertical */
  lean: number;
  /** extra neck flexion (deg, forward) on top of the level-head posture: a forward head / flexed neck */
  neckFlex: number;
  pelvicTilt: number;
  /** stance fraction of the gait cycle per leg */
  stanceL: number;
  stanceR: number;
  /** the left heel strikes at right phase 0.5 + leftOffset (step-time asymmetry) */
  leftOffset: number;
  armSwing: number;
  /** base elbow flexion, deg */
  elbowFlex: number;
  /** the right leg's phase at τ = 0 */
  phase0: number;
  clearance: number;
  kneeReachOffset: number;
  heelOff: number;
  /** gait time covered (s), for the pelvis-height grid and the events */
  duration: number;
  /** pelvis fixed in x (feet slide back as on a belt) */
  treadmill: boolean;
  /** +1 = walks towards +x (left→right in the side camera), -1 = right→left */
  dir: 1 | -1;
  /** world x of the pelvis at τ = 0 */
  startX: number;
  /** world z of the walking line */
  z: number;
}

export const DEFAULTS: GaitParams = {
  H: 1.75,
  style: 'walk',
  cadence: 110,
  stepL: 0.66,
  stepR: 0.66,
  lean: 4,
  neckFlex: 0,
  pelvicTilt: 8,
  stanceL: 0.6,
  stanceR: 0.6,
  leftOffset: 0,
  armSwing: 1,
  elbowFlex: 15,
  phase0: 0.15,
  clearance: 0.04,
  kneeReachOffset: 4,
  heelOff: 0.34,
  duration: 6,
  treadmill: false,
  dir: 1,
  startX: -1.9,
  z: 0
};

interface Pt {
  z: number;
  y: number;
}

interface Leg {
  stance: number;
  /** gait time of a heel strike */
  t0: number;
  /** footprint (ankle z when flat) of step 0 */
  F0: number;
  scale: number;
  pHS: number;
  pTO: number;
  gamma: number;
}

export interface LegState {
  stance: boolean;
  hipFlex: number;
  knee: number;
  dorsi: number;
  toe: number;
}

export interface GaitState {
  pelvis: Pt;
  L: LegState;
  R: LegState;
}

export interface GaitEvent {
  kind: 'heelStrike' | 'toeOff';
  foot: Side;
  /** gait time, s */
  tau: number;
  /** footprint of this foot (ankle z when flat, m along the walking path from the gait origin) */
  footprintZ: number;
}

export interface Gait {
  P: GaitParams;
  A: Anthropometry;
  /** stride time, s */
  T: number;
  /** speed, m/s */
  v: number;
  state(tau: number): GaitState;
  /** pelvis travel along the walking path since τ = 0, m (0 on a treadmill) */
  travel(tau: number): number;
  /** every heel strike and toe off with τ in [a, b] */
  events(a: number, b: number): GaitEvent[];
  stepTimeL: number;
  stepTimeR: number;
}

export function makeGait(params: Partial<GaitParams> = {}): Gait {
  const P: GaitParams = { ...DEFAULTS, ...params };
  const A = anthropometry(P.H);
  const C = P.style === 'run' ? RUN : NORMATIVE_GAIT_CURVES;
  const hipC = periodicSpline(C.hipDeg);
  const kneeC = periodicSpline(C.kneeDeg);
  const ankleC = periodicSpline(C.ankleDeg);
  let hipMean = 0;
  for (let i = 0; i < 1000; i++) hipMean += hipC(i / 1000) / 1000;
  const T = 120 / P.cadence;
  const S = P.stepL + P.stepR;
  const v = S / T;
  const th = A.thigh;
  const sh = A.shank;
  const heelC = { z: -A.heelBack + 0.035, y: -A.ankleH + 0.035 };
  const mtpC = { z: A.mtpFwd, y: -A.ankleH + 0.025 };
  /** ankle of a planted foot with footprint F (ankle z when flat) and pitch p (toe-up positive) */
  const plantedAnkle = (F: number, p: number): Pt => {
    const c = p >= 0 ? heelC : mtpC;
    const r = rotateSagittal(-c.z, -c.y, p);
    return { z: F + c.z + r.along, y: A.ankleH + c.y + r.up };
  };
  /** normative (scaled-hip) forward kinematics relative to the hip joint, sagittal (along = z fwd, up = y up) */
  const norm = normativeAnkle({ hip: hipC, knee: kneeC, ankle: ankleC }, hipMean, th, sh, P.pelvicTilt);
  const mkLeg = (stance: number, t0: number, F0: number): Leg => {
    const scale = fitHipScale(v * stance * T, (p) => plantedAnkle(0, p).z, norm);
    return { stance, t0, F0, scale, pHS: norm(0, scale).pitchDeg, pTO: norm(0.6, scale).pitchDeg, gamma: 2 };
  };
  const legs: Record<Side, Leg> = {
    R: mkLeg(P.stanceR, -P.phase0 * T, 0),
    L: mkLeg(P.stanceL, -P.phase0 * T + (0.5 + P.leftOffset) * T, P.stepL)
  };
  const stancePitch = (g: Leg, cp: number) => {
    if (cp < 0.08) return g.pHS * (1 - smoothstep(cp / 0.08));
    if (cp < P.heelOff) return 0;
    return g.pTO * Math.pow((cp - P.heelOff) / (0.6 - P.heelOff), g.gamma);
  };
  const footprint = (g: Leg, k: number) => g.F0 + k * S;
  const legPhase = (g: Leg, t: number) => {
    const x = (t - g.t0) / T;
    const k = Math.floor(x);
    return { k, phi: x - k };
  };
  const effLen = (kneeDeg: number) => Math.sqrt(th * th + sh * sh + 2 * th * sh * Math.cos(kneeDeg * D2R));
  let c0 = 0; // pelvis z offset
  const pelvisZ = (t: number) => v * t + c0;
  /** height the hip can have over a stance leg at time t, with the normative stance knee flexion */
  const reach = (g: Leg, t: number): number | null => {
    const { k, phi } = legPhase(g, t);
    if (phi >= g.stance) return null;
    const cp = (0.6 * phi) / g.stance;
    const a = plantedAnkle(footprint(g, k), stancePitch(g, cp));
    const dz = a.z - pelvisZ(t);
    const L = effLen(Math.max(1, kneeC(cp) - P.kneeReachOffset));
    return a.y + Math.sqrt(Math.max(0, L * L - dz * dz));
  };
  /** flight (no foot on the ground): ballistic parabola from the last take-off to the next landing */
  const flight = (t: number): number => {
    let tTO = -Infinity;
    let tHS = Infinity;
    let gTO = legs.R;
    let gHS = legs.R;
    for (const s of SIDES) {
      const g = legs[s];
      const { k } = legPhase(g, t);
      const to = g.t0 + (k + g.stance) * T;
      const hs = g.t0 + (k + 1) * T;
      if (to <= t && to > tTO) [tTO, gTO] = [to, g];
      if (hs > t && hs < tHS) [tHS, gHS] = [hs, g];
    }
    const y0 = reach(gTO, tTO - 1e-6) ?? A.hipHeight - 0.03;
    const y1 = reach(gHS, tHS + 1e-6) ?? A.hipHeight - 0.03;
    const u = (t - tTO) / (tHS - tTO);
    return y0 + (y1 - y0) * u + 0.5 * 9.81 * (t - tTO) * (tHS - t);
  };
  const softK = 0.002;
  const pelvisYRaw = (t: number) => {
    const r = SIDES.map((s) => reach(legs[s], t)).filter((x): x is number => x !== null);
    if (!r.length) return P.style === 'run' ? flight(t) : A.hipHeight - 0.03;
    if (r.length === 1) return r[0];
    const m = Math.min(...r);
    return m - softK * Math.log(r.reduce((acc, x) => acc + Math.exp(-(x - m) / softK), 0));
  };
  // pelvis z offset: hip behind the landing ankle by the normative amount (mean of both legs)
  c0 =
    SIDES.map((s) => {
      const g = legs[s];
      return plantedAnkle(footprint(g, 0), g.pHS).z - norm(0, g.scale).along - v * g.t0;
    }).reduce((a, b) => a + b, 0) / 2;
  // heel-rise shape per leg: at the contralateral heel strike, the trailing leg and the landing leg should
  // support the same hip height (no jump); irrelevant when running (no double support)
  for (const s of SIDES) {
    const g = legs[s];
    const o = legs[s === 'L' ? 'R' : 'L'];
    const tHSo = o.t0 + 3 * T;
    const lead = reach(o, tHSo + 1e-9);
    let lo = 0.3;
    let hi = 8;
    for (let i = 0; i < 40; i++) {
      g.gamma = (lo + hi) / 2;
      const tr = reach(g, tHSo);
      if (tr === null || lead === null) {
        g.gamma = 2;
        break;
      }
      if (tr > lead) lo = g.gamma;
      else hi = g.gamma;
    }
  }
  // raw height jumps down at each heel strike: erode (running min, ±tau) then smooth with a kernel truncated at
  // tau, so the result stays <= raw everywhere (always reachable)
  const grid = (() => {
    const dtg = 1 / 600;
    const tau = 0.025;
    const sig = 0.01;
    const t0 = -2 * T;
    const t1 = P.duration + 2 * T;
    const n = Math.ceil((t1 - t0) / dtg) + 1;
    const w = Math.round(tau / dtg);
    const raw = new Float64Array(n);
    const ero = new Float64Array(n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) raw[i] = pelvisYRaw(t0 + i * dtg);
    for (let i = 0; i < n; i++) {
      let m = Infinity;
      for (let j = Math.max(0, i - w); j <= Math.min(n - 1, i + w); j++) m = Math.min(m, raw[j]);
      ero[i] = m;
    }
    const ker: number[] = [];
    for (let j = -w; j <= w; j++) ker.push(Math.exp(-0.5 * ((j * dtg) / sig) ** 2));
    for (let i = 0; i < n; i++) {
      let a = 0;
      let b = 0;
      for (let j = -w; j <= w; j++) {
        const q = i + j;
        if (q < 0 || q >= n) continue;
        a += ker[j + w] * ero[q];
        b += ker[j + w];
      }
      out[i] = a / b;
    }
    return { t0, dtg, n, out };
  })();
  const pelvisY = (t: number) => {
    const x = (t - grid.t0) / grid.dtg;
    const i = Math.max(0, Math.min(grid.n - 2, Math.floor(x)));
    const u = Math.min(1, Math.max(0, x - i));
    return grid.out[i] * (1 - u) + grid.out[i + 1] * u;
  };
  const hipPos = (t: number): Pt => ({ z: pelvisZ(t), y: pelvisY(t) });
  const ik = (hip: Pt, ank: Pt) => {
    const dz = ank.z - hip.z;
    const dy = ank.y - hip.y;
    const D = Math.min(Math.hypot(dz, dy), (th + sh) * 0.99999);
    const clamp = (x: number) => Math.min(1, Math.max(-1, x));
    const knee = Math.acos(clamp((D * D - th * th - sh * sh) / (2 * th * sh)));
    const beta = Math.atan2(dz, -dy);
    const alpha = Math.acos(clamp((th * th + D * D - sh * sh) / (2 * th * D)));
    return { thighW: (beta + alpha) * R2D, knee: knee * R2D };
  };
  const legState = (s: Side, t: number): LegState => {
    const g = legs[s];
    const { k, phi } = legPhase(g, t);
    let ank: Pt;
    let pitch: number;
    let toe: number;
    const stance = phi < g.stance;
    if (stance) {
      const cp = (0.6 * phi) / g.stance;
      pitch = stancePitch(g, cp);
      ank = plantedAnkle(footprint(g, k), pitch);
      toe = Math.min(0, pitch);
    } else {
      const u = (phi - g.stance) / (1 - g.stance);
      const cp = 0.6 + 0.4 * u;
      const tTO = g.t0 + (k + g.stance) * T;
      const tHS = g.t0 + (k + 1) * T;
      const aTO = plantedAnkle(footprint(g, k), g.pTO);
      const aHS = plantedAnkle(footprint(g, k + 1), g.pHS);
      const hTO = hipPos(tTO);
      const hHS = hipPos(tHS);
      const h = hipPos(t);
      const nTO = norm(0.6, g.scale);
      const nHS = norm(1.0, g.scale);
      const n = norm(cp, g.scale);
      const w = smoothstep(u);
      const corr = {
        z: (1 - w) * (aTO.z - hTO.z - nTO.along) + w * (aHS.z - hHS.z - nHS.along),
        y: (1 - w) * (aTO.y - hTO.y - nTO.up) + w * (aHS.y - hHS.y - nHS.up)
      };
      ank = { z: h.z + n.along + corr.z, y: h.y + n.up + corr.y + P.clearance * Math.sin(Math.PI * u) ** 2 };
      pitch = n.pitchDeg + (1 - w) * (g.pTO - nTO.pitchDeg) + w * (g.pHS - nHS.pitchDeg);
      toe = Math.min(0, g.pTO) * (1 - smoothstep(u / 0.3));
    }
    const q = ik(hipPos(t), ank);
    const thighS = q.thighW - q.knee;
    return { stance, hipFlex: q.thighW + P.pelvicTilt, knee: q.knee, dorsi: pitch - thighS, toe };
  };
  const z0 = pelvisZ(0);
  const events = (a: number, b: number): GaitEvent[] => {
    const out: GaitEvent[] = [];
    for (const s of SIDES) {
      const g = legs[s];
      for (let k = Math.floor((a - g.t0) / T) - 1; k <= Math.ceil((b - g.t0) / T) + 1; k++) {
        const hs = g.t0 + k * T;
        const to = g.t0 + (k + g.stance) * T;
        if (hs >= a && hs <= b)
          out.push({ kind: 'heelStrike', foot: s, tau: hs, footprintZ: footprint(g, k) - z0 });
        if (to >= a && to <= b)
          out.push({ kind: 'toeOff', foot: s, tau: to, footprintZ: footprint(g, k) - z0 });
      }
    }
    return out.sort((x, y) => x.tau - y.tau);
  };
  return {
    P,
    A,
    T,
    v,
    state: (t) => ({ pelvis: hipPos(t), L: legState('L', t), R: legState('R', t) }),
    travel: (t) => (P.treadmill ? 0 : pelvisZ(t) - z0),
    events,
    stepTimeL: (0.5 + P.leftOffset) * T,
    stepTimeR: (0.5 - P.leftOffset) * T
  };
}

/**
 * Neck and head pitch relative to the trunk (deg): the head is kept roughly level whatever the lean; `neckFlex`
 * flexes the neck forward on top of that (the head follows the neck).
 */
const neckAngles = (lean: number, neckFlex: number) => ({ neck: -0.3 * lean + neckFlex, head: -0.3 * lean });

/**
 * Poses the skeleton for gait time τ. The body is placed with its pelvis at world x = startX + dir·travel(τ)
 * (startX on a treadmill), facing along +x (dir 1) or -x (dir -1); `yaw` (rad, about the vertical through
 * `pivot`) turns the whole body on top of that, for a turn on the spot.
 */
export function applyState(
  J: Record<JointName, THREE.Object3D>,
  stage: THREE.Object3D,
  G: Gait,
  tau: number,
  turn: { yaw: number; pivot: { x: number; z: number } } | null = null
): GaitState {
  const P = G.P;
  const st = G.state(tau);
  J.root.rotation.set(0, P.dir > 0 ? Math.PI / 2 : -Math.PI / 2, 0);
  J.root.position.set(P.startX, 0, P.z);
  J.pelvis.position.set(0, st.pelvis.y, G.travel(tau));
  J.pelvis.rotation.set(P.pelvicTilt * D2R, 0, 0);
  J.lumbar.rotation.set((P.lean - P.pelvicTilt) * D2R, 0, 0);
  const na = neckAngles(P.lean, P.neckFlex);
  J.neck.rotation.set(na.neck * D2R, 0, 0);
  J.head.rotation.set(na.head * D2R, 0, 0);
  let hipMean = 0;
  for (const s of SIDES) hipMean += st[s].hipFlex / 2;
  for (const s of SIDES) {
    const q = st[s];
    J[`hip${s}`].rotation.set(-q.hipFlex * D2R, 0, 0);
    J[`knee${s}`].rotation.set(q.knee * D2R, 0, 0);
    J[`ankle${s}`].rotation.set(-q.dorsi * D2R, 0, 0);
    J[`mtp${s}`].rotation.set(q.toe * D2R, 0, 0);
    // the arm swings opposite to the ipsilateral leg
    const shf = -0.5 * P.armSwing * (q.hipFlex - hipMean) + 2;
    J[`shoulder${s}`].rotation.set(-shf * D2R, 0, (s === 'L' ? 1 : -1) * 7 * D2R);
    J[`elbow${s}`].rotation.set(-(P.elbowFlex + 0.8 * Math.max(0, shf)) * D2R, 0, 0);
    J[`wrist${s}`].rotation.set(0, (s === 'L' ? -1 : 1) * 0.3, 0);
  }
  // stage = identity, or a rotation by yaw about the vertical through the pivot
  const yaw = turn?.yaw ?? 0;
  const px = turn?.pivot.x ?? 0;
  const pz = turn?.pivot.z ?? 0;
  stage.rotation.set(0, yaw, 0);
  stage.position.set(
    px - (Math.cos(yaw) * px + Math.sin(yaw) * pz),
    0,
    pz - (-Math.sin(yaw) * px + Math.cos(yaw) * pz)
  );
  stage.updateMatrixWorld(true);
  return st;
}
