import { anthropometry, type Anthropometry } from './anthropometry';
import {
  fitHipScale,
  NORMATIVE_GAIT_CURVES,
  NORMATIVE_TOE_OFF,
  normativeAnkle,
  periodicSpline,
  rotateSagittal,
  smoothstep,
  type SagittalPoint
} from './normative-gait-curves';

const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

export type BodySide = 'left' | 'right';

/** One leg at one instant, sagittal plane, metres (world frame of the floor, before camera placement). */
export interface LegPose {
  /** True while the foot is on the floor (heel strike → toe off). */
  stance: boolean;
  hip: SagittalPoint;
  knee: SagittalPoint;
  ankle: SagittalPoint;
  /** Back of the heel, 30 mm above the sole (where BlazePose puts its heel point). */
  heel: SagittalPoint;
  /** Tip of the shoe (BlazePose "foot index"). */
  toe: SagittalPoint;
  /** Hip flexion, deg (thigh against the pelvis, which is tilted forward by the pelvic tilt). */
  hipFlexDeg: number;
  /** Knee flexion, deg. */
  kneeFlexDeg: number;
}

/** One gait event of the model. */
export interface GaitModelEvent {
  side: BodySide;
  /** Time, s. */
  tS: number;
}

/** Parameters of {@link makeGaitModel}; lengths in metres. */
export interface GaitModelParams {
  heightM: number;
  cadenceSpm: number;
  /** Left heel lands this far ahead of the right footprint, m. */
  stepLengthLeftM: number;
  stepLengthRightM: number;
  /** Left heel strike at right-leg phase 0.5 + stepTimeAsymmetry (fraction of the stride). */
  stepTimeAsymmetry: number;
  /** Stance fraction of the cycle per leg: 0.5–0.8 walking, 0.2–0.5 running. */
  stanceLeft: number;
  stanceRight: number;
  /**
   * Running: stance below half the cycle, so both feet are off the floor between one foot's toe
   * off and the other's heel strike (flight). @default false
   */
  running?: boolean;
}

/** The kinematics of one synthetic walk (pure functions of time; no state). */
export interface GaitModel {
  body: Anthropometry;
  /** Stride time, s. */
  strideTimeS: number;
  /** Walking speed (mean pelvis speed along the walk), m/s. */
  speedMps: number;
  /** Mean hip flexion of the normative curve, deg (arm swing is centred on it). */
  hipFlexMeanDeg: number;
  /** Hip joint midpoint at time `tS` (overground: advances at `speedMps`). */
  pelvisAt(tS: number): SagittalPoint;
  /** Pose of one leg at time `tS`. */
  legAt(side: BodySide, tS: number): LegPose;
  /** Heel strikes (the heel lands on its footprint) with `fromS ≤ tS ≤ toS`, in time order. */
  heelStrikes(fromS: number, toS: number): GaitModelEvent[];
  /** Toe offs (the foot leaves the floor) with `fromS ≤ tS ≤ toS`, in time order. */
  toeOffs(fromS: number, toS: number): GaitModelEvent[];
}

// Fixed shape constants of the reference model (degrees, metres, fractions of the normative cycle).
const PELVIC_TILT_DEG = 8;
const PHASE0 = 0.15; // right leg's phase at t = 0
const SWING_CLEARANCE_M = 0.04;
const RUNNING_SWING_CLEARANCE_M = 0.06;
const KNEE_REACH_OFFSET_DEG = 4;
/** Running: extra stance knee flexion (runners land on a knee flexed ~20° and sink to ~40°). */
const RUNNING_STANCE_KNEE_EXTRA_DEG = 15;
const HEEL_OFF_PHASE = 0.34; // normative phase at which the heel starts to rise
const GRAVITY_MPS2 = 9.81;

const hipCurve = periodicSpline(NORMATIVE_GAIT_CURVES.hipDeg);
const kneeCurve = periodicSpline(NORMATIVE_GAIT_CURVES.kneeDeg);
const ankleCurve = periodicSpline(NORMATIVE_GAIT_CURVES.ankleDeg);
const HIP_MEAN_DEG = (() => {
  let s = 0;
  for (let i = 0; i < 1000; i++) s += hipCurve(i / 1000);
  return s / 1000;
})();

interface LegTiming {
  stance: number;
  /** Time of heel strike number 0, s. */
  t0: number;
  /** Footprint (ankle `along` with the foot flat) of heel strike number 0, m. */
  footprint0: number;
  hipScale: number;
  pitchAtHeelStrikeDeg: number;
  pitchAtToeOffDeg: number;
  heelRiseGamma: number;
}

/**
 * Gait kinematics with exactly planted stance feet, ported from the reference synthetic walker
 * (`shared/reference/synthetic-walker/web/gait.mjs`):
 * - footprints at exact step lengths, heel strikes at exact times (cadence, step-time asymmetry);
 * - stance foot: heel rocker, foot flat, then heel rise about the toe joint: zero slip;
 * - pelvis at constant speed; its height is the (soft) minimum of what the stance legs reach with
 *   the normative stance knee flexion, eroded and smoothed (vertical bob, loading-response flexion);
 * - swing ankle from forward kinematics of normative hip/knee/ankle curves, blended to meet the
 *   footprints at take-off and landing; hip and knee from 2-link inverse kinematics.
 * The pelvis height is periodic in the stride, so it is tabulated once per model over one stride
 * (600 Hz), which keeps long walks cheap.
 *
 * Running (`running: true`, stance 0.2–0.5): the same machinery with three changes: the pelvis
 * follows a ballistic arc (g = 9.81 m/s²) in flight, between its heights at toe off and at the next
 * heel strike; the stance legs carry 15° more knee flexion than the walking curve; the swing foot
 * lands moving down (clearance 0.06·sin(π·u) instead of 0.04·sin²(π·u)) and is kept above the floor.
 * The hip/knee/ankle curves stay the walking ones (scaled), so joint angles are not a runner's.
 *
 * @throws RangeError on parameters outside what the model can walk (see messages).
 */
export function makeGaitModel(p: GaitModelParams): GaitModel {
  if (!(p.cadenceSpm >= 40 && p.cadenceSpm <= 200)) {
    throw new RangeError(`makeGaitModel: cadenceSpm must be within 40–200, got ${p.cadenceSpm}`);
  }
  const [minStance, maxStance] = p.running ? [0.2, 0.5] : [0.5, 0.8];
  for (const [name, v] of [
    ['stanceLeft', p.stanceLeft],
    ['stanceRight', p.stanceRight]
  ] as const) {
    if (!(v >= minStance && v <= maxStance)) {
      throw new RangeError(
        `makeGaitModel: ${name} must be within ${minStance}–${maxStance}${p.running ? ' (running)' : ''}, got ${v}`
      );
    }
  }
  if (!(Math.abs(p.stepTimeAsymmetry) <= 0.15)) {
    throw new RangeError(`makeGaitModel: stepTimeAsymmetry must be within ±0.15, got ${p.stepTimeAsymmetry}`);
  }
  const A = anthropometry(p.heightM);
  for (const [name, v] of [
    ['stepLengthLeft', p.stepLengthLeftM],
    ['stepLengthRight', p.stepLengthRightM]
  ] as const) {
    if (!(v >= 0.1 * A.legLengthM && v <= 1.2 * A.legLengthM)) {
      throw new RangeError(`makeGaitModel: ${name} must be within 0.1–1.2 leg lengths, got ${v} m`);
    }
  }
  const T = 120 / p.cadenceSpm;
  const S = p.stepLengthLeftM + p.stepLengthRightM;
  const v = S / T;
  const th = A.thighM;
  const sh = A.shankM;
  // centres of the shoe's rounded heel (radius 35 mm) and ball (radius 25 mm) relative to the ankle
  const heelContact = { along: -A.heelBackM + 0.035, up: -A.ankleHeightM + 0.035 };
  const mtpContact = { along: A.mtpForwardM, up: -A.ankleHeightM + 0.025 };
  /** How far a shoe with its ankle at height `ankleUp`, pitched `pitchDeg`, reaches below the floor, m (0 if clear). */
  const floorPenetration = (ankleUp: number, pitchDeg: number) =>
    Math.max(
      0,
      0.035 - ankleUp - rotateSagittal(heelContact.along, heelContact.up, pitchDeg).up,
      0.025 - ankleUp - rotateSagittal(mtpContact.along, mtpContact.up, pitchDeg).up
    );

  /** Ankle of a planted foot whose flat-foot ankle is at `footprint`, pitched `pitchDeg` (toe-up +). */
  const plantedAnkle = (footprint: number, pitchDeg: number): SagittalPoint => {
    const c = pitchDeg >= 0 ? heelContact : mtpContact;
    const r = rotateSagittal(-c.along, -c.up, pitchDeg);
    return { along: footprint + c.along + r.along, up: A.ankleHeightM + c.up + r.up };
  };
  /** Normative forward kinematics relative to the hip joint at normative phase `cp`, hip range × `scale`. */
  const normative = normativeAnkle(
    { hip: hipCurve, knee: kneeCurve, ankle: ankleCurve },
    HIP_MEAN_DEG,
    th,
    sh,
    PELVIC_TILT_DEG
  );
  const makeLeg = (stance: number, t0: number, footprint0: number): LegTiming => {
    const hipScale = fitHipScale(v * stance * T, (pitchDeg) => plantedAnkle(0, pitchDeg).along, normative);
    return {
      stance,
      t0,
      footprint0,
      hipScale,
      pitchAtHeelStrikeDeg: normative(0, hipScale).pitchDeg,
      pitchAtToeOffDeg: normative(NORMATIVE_TOE_OFF, hipScale).pitchDeg,
      heelRiseGamma: 2
    };
  };
  const legs: Record<BodySide, LegTiming> = {
    right: makeLeg(p.stanceRight, -PHASE0 * T, 0),
    left: makeLeg(p.stanceLeft, -PHASE0 * T + (0.5 + p.stepTimeAsymmetry) * T, p.stepLengthLeftM)
  };
  const stancePitch = (g: LegTiming, cp: number) => {
    if (cp < 0.08) return g.pitchAtHeelStrikeDeg * (1 - smoothstep(cp / 0.08));
    if (cp < HEEL_OFF_PHASE) return 0;
    return (
      g.pitchAtToeOffDeg *
      Math.pow((cp - HEEL_OFF_PHASE) / (NORMATIVE_TOE_OFF - HEEL_OFF_PHASE), g.heelRiseGamma)
    );
  };
  const footprint = (g: LegTiming, k: number) => g.footprint0 + k * S;
  const legPhase = (g: LegTiming, t: number) => {
    const x = (t - g.t0) / T;
    const k = Math.floor(x);
    return { k, phi: x - k };
  };
  // stance knee flexion the pelvis height allows for, relative to the normative walking curve
  const reachKneeOffsetDeg = p.running ? RUNNING_STANCE_KNEE_EXTRA_DEG : -KNEE_REACH_OFFSET_DEG;
  // Extra swing-foot height over the blended normative path at swing fraction u. A running foot
  // lands moving down (sin); the walking foot skims in (sin²).
  const swingLift = p.running
    ? (u: number) => RUNNING_SWING_CLEARANCE_M * Math.sin(Math.PI * u)
    : (u: number) => SWING_CLEARANCE_M * Math.sin(Math.PI * u) ** 2;
  const effectiveLength = (kneeDeg: number) =>
    Math.sqrt(th * th + sh * sh + 2 * th * sh * Math.cos(kneeDeg * D2R));
  let pelvisOffset = 0;
  const pelvisAlong = (t: number) => v * t + pelvisOffset;
  /** Height the hip can have at time t over the stance leg in stride k at stance phase phi (normative stance knee). */
  const stanceReach = (g: LegTiming, k: number, phi: number, t: number): number => {
    const cp = (NORMATIVE_TOE_OFF * phi) / g.stance;
    const a = plantedAnkle(footprint(g, k), stancePitch(g, cp));
    const d = a.along - pelvisAlong(t);
    const L = effectiveLength(Math.max(1, kneeCurve(cp) + reachKneeOffsetDeg));
    return a.up + Math.sqrt(Math.max(0, L * L - d * d));
  };
  /** Height the hip can have over a stance leg at time t, or null in swing. */
  const reach = (g: LegTiming, t: number): number | null => {
    const { k, phi } = legPhase(g, t);
    return phi >= g.stance ? null : stanceReach(g, k, phi, t);
  };
  /**
   * Hip height in flight (no foot on the floor): a ballistic arc (gravity) from the height at the
   * last toe off to the height at the next heel strike.
   */
  const flightHeight = (t: number): number => {
    const lastToeOff = (g: LegTiming) => {
      const k = Math.floor((t - g.t0) / T - g.stance);
      return { g, k, tS: g.t0 + (k + g.stance) * T };
    };
    const nextStrike = (g: LegTiming) => {
      const k = Math.floor((t - g.t0) / T) + 1;
      return { g, k, tS: g.t0 + k * T };
    };
    const [off, on] = [
      [lastToeOff(legs.left), lastToeOff(legs.right)].reduce((a, b) => (b.tS > a.tS ? b : a)),
      [nextStrike(legs.left), nextStrike(legs.right)].reduce((a, b) => (b.tS < a.tS ? b : a))
    ];
    const hOff = stanceReach(off.g, off.k, off.g.stance, off.tS);
    const hOn = stanceReach(on.g, on.k, 0, on.tS);
    const u = (t - off.tS) / (on.tS - off.tS);
    return hOff + (hOn - hOff) * u + (GRAVITY_MPS2 / 2) * (t - off.tS) * (on.tS - t);
  };
  const SOFT_MIN_M = 0.002;
  const pelvisHeightRaw = (t: number) => {
    const r = [reach(legs.left, t), reach(legs.right, t)].filter((x): x is number => x !== null);
    if (r.length === 0) return flightHeight(t);
    const m = Math.min(...r);
    return m - SOFT_MIN_M * Math.log(r.reduce((acc, x) => acc + Math.exp(-(x - m) / SOFT_MIN_M), 0));
  };
  // pelvis along-offset: mean of "hip behind the landing ankle by the normative amount" for both legs
  pelvisOffset =
    (['left', 'right'] as const)
      .map((s) => {
        const g = legs[s];
        return (
          plantedAnkle(footprint(g, 0), g.pitchAtHeelStrikeDeg).along -
          normative(0, g.hipScale).along -
          v * g.t0
        );
      })
      .reduce((a, b) => a + b) / 2;
  // heel-rise shape per leg: at the other leg's heel strike both legs support the same hip height
  for (const s of ['left', 'right'] as const) {
    const g = legs[s];
    const o = legs[s === 'left' ? 'right' : 'left'];
    const tOther = o.t0 + 3 * T;
    const { k, phi } = legPhase(g, tOther);
    if (phi >= g.stance) continue; // no double support (running): keep the default shape
    const lead = reach(o, tOther + 1e-9) ?? 0;
    let lo = 0.3;
    let hi = 8;
    for (let i = 0; i < 40; i++) {
      g.heelRiseGamma = (lo + hi) / 2;
      const trail = stanceReach(g, k, phi, tOther);
      if (trail > lead) lo = g.heelRiseGamma;
      else hi = g.heelRiseGamma;
    }
  }
  // Pelvis height: periodic in T. Tabulate raw over [−T, 2T], erode (running min ± tau) so the
  // landing leg's constraint is met before it binds, smooth with a kernel truncated at tau (stays
  // ≤ raw: always reachable), keep the middle stride.
  const dt = 1 / 600;
  const perStride = Math.round(T / dt);
  const dtg = T / perStride;
  const tau = Math.round(0.025 / dtg);
  const sigma = 0.01 / dtg;
  const n = 3 * perStride + 1;
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) raw[i] = pelvisHeightRaw(-T + i * dtg);
  const eroded = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let m = Infinity;
    for (let j = Math.max(0, i - tau); j <= Math.min(n - 1, i + tau); j++) m = Math.min(m, raw[j]);
    eroded[i] = m;
  }
  const height = new Float64Array(perStride + 1);
  for (let i = 0; i <= perStride; i++) {
    let a = 0;
    let b = 0;
    for (let j = -tau; j <= tau; j++) {
      const w = Math.exp(-0.5 * (j / sigma) ** 2);
      a += w * eroded[perStride + i + j];
      b += w;
    }
    height[i] = a / b;
  }
  const pelvisHeight = (t: number) => {
    const x = ((((t / T) % 1) + 1) % 1) * perStride;
    const i = Math.min(perStride - 1, Math.floor(x));
    const u = x - i;
    return height[i] * (1 - u) + height[i + 1] * u;
  };
  const pelvisAt = (t: number): SagittalPoint => ({ along: pelvisAlong(t), up: pelvisHeight(t) });

  // Swing: normative hip→ankle path plus a correction blended from take-off to landing so that the
  // ankle leaves and meets the footprints exactly. Everything is periodic in the stride, so the two
  // end corrections are constants per leg (computed for stride 0).
  const swingCorrection = Object.fromEntries(
    (['left', 'right'] as const).map((side) => {
      const g = legs[side];
      const aOff = plantedAnkle(footprint(g, 0), g.pitchAtToeOffDeg);
      const aOn = plantedAnkle(footprint(g, 1), g.pitchAtHeelStrikeDeg);
      const hOff = pelvisAt(g.t0 + g.stance * T);
      const hOn = pelvisAt(g.t0 + T);
      const nOff = normative(NORMATIVE_TOE_OFF, g.hipScale);
      const nOn = normative(1, g.hipScale);
      return [
        side,
        {
          offAlong: aOff.along - hOff.along - nOff.along,
          offUp: aOff.up - hOff.up - nOff.up,
          offPitchDeg: g.pitchAtToeOffDeg - nOff.pitchDeg,
          onAlong: aOn.along - hOn.along - nOn.along,
          onUp: aOn.up - hOn.up - nOn.up,
          onPitchDeg: g.pitchAtHeelStrikeDeg - nOn.pitchDeg
        }
      ];
    })
  ) as Record<
    BodySide,
    {
      offAlong: number;
      offUp: number;
      offPitchDeg: number;
      onAlong: number;
      onUp: number;
      onPitchDeg: number;
    }
  >;

  const legAt = (side: BodySide, t: number): LegPose => {
    const g = legs[side];
    const { k, phi } = legPhase(g, t);
    const hip = pelvisAt(t);
    let ankle: SagittalPoint;
    let pitch: number;
    let toeBend: number; // toe joint bend, deg (negative keeps the toes flat during heel rise)
    const stance = phi < g.stance;
    if (stance) {
      const cp = (NORMATIVE_TOE_OFF * phi) / g.stance;
      pitch = stancePitch(g, cp);
      ankle = plantedAnkle(footprint(g, k), pitch);
      toeBend = Math.min(0, pitch);
    } else {
      const u = (phi - g.stance) / (1 - g.stance);
      const cp = NORMATIVE_TOE_OFF + (1 - NORMATIVE_TOE_OFF) * u;
      const nNow = normative(cp, g.hipScale);
      const w = smoothstep(u);
      const c = swingCorrection[side];
      ankle = {
        along: hip.along + nNow.along + (1 - w) * c.offAlong + w * c.onAlong,
        up: hip.up + nNow.up + (1 - w) * c.offUp + w * c.onUp + swingLift(u)
      };
      pitch = nNow.pitchDeg + (1 - w) * c.offPitchDeg + w * c.onPitchDeg;
      // long slow running strides still graze the floor before landing: keep the shoe above it
      if (p.running) ankle.up += floorPenetration(ankle.up, pitch);
      toeBend = Math.min(0, g.pitchAtToeOffDeg) * (1 - smoothstep(u / 0.3));
    }
    // 2-link inverse kinematics (knee flexes forward), then forward kinematics for the landmarks
    const dAlong = ankle.along - hip.along;
    const dUp = ankle.up - hip.up;
    const D = Math.min(Math.hypot(dAlong, dUp), (th + sh) * 0.99999);
    const knee = Math.acos(Math.min(1, Math.max(-1, (D * D - th * th - sh * sh) / (2 * th * sh))));
    const beta = Math.atan2(dAlong, -dUp);
    const alpha = Math.acos(Math.min(1, Math.max(-1, (th * th + D * D - sh * sh) / (2 * th * D))));
    const thigh = beta + alpha;
    const shank = thigh - knee;
    const kneeP = { along: hip.along + th * Math.sin(thigh), up: hip.up - th * Math.cos(thigh) };
    const ankleP = { along: kneeP.along + sh * Math.sin(shank), up: kneeP.up - sh * Math.cos(shank) };
    const add = (a: SagittalPoint, b: SagittalPoint) => ({ along: a.along + b.along, up: a.up + b.up });
    const heel = add(ankleP, rotateSagittal(-A.heelBackM, -A.ankleHeightM + 0.03, pitch));
    const mtp = add(ankleP, rotateSagittal(A.mtpForwardM, -A.ankleHeightM + 0.025, pitch));
    const toe = add(mtp, rotateSagittal(A.toeLengthM - 0.01, -0.005, pitch - toeBend));
    return {
      stance,
      hip,
      knee: kneeP,
      ankle: ankleP,
      heel,
      toe,
      hipFlexDeg: thigh * R2D + PELVIC_TILT_DEG,
      kneeFlexDeg: knee * R2D
    };
  };

  const events = (offsetCycles: (g: LegTiming) => number) => (fromS: number, toS: number) => {
    const out: GaitModelEvent[] = [];
    for (const side of ['left', 'right'] as const) {
      const g = legs[side];
      const first = Math.ceil((fromS - g.t0) / T - offsetCycles(g)) - 1;
      for (let k = first; ; k++) {
        const tS = g.t0 + (k + offsetCycles(g)) * T;
        if (tS > toS) break;
        if (tS >= fromS) out.push({ side, tS });
      }
    }
    return out.sort((a, b) => a.tS - b.tS);
  };

  return {
    body: A,
    strideTimeS: T,
    speedMps: v,
    hipFlexMeanDeg: HIP_MEAN_DEG,
    pelvisAt,
    legAt,
    heelStrikes: events(() => 0),
    toeOffs: events((g) => g.stance)
  };
}
