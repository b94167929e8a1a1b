/**
 * Synthetic clips composed of consecutive segments (walk, run, stand, turn, absent) seen by the
 * side-view camera of {@link makeSyntheticWalk}: passes in both directions, oblique passes,
 * starts and stops, turns through a frontal view, a walker leaving the view, occluded legs.
 */
import { LANDMARK_COUNT, LM, sideIndex } from '../../src/lib/analysis/landmarks';
import type { LandmarkSeries, Pose } from '../../src/lib/analysis/series';
import { anthropometry } from './anthropometry';
import { bodyLandmarks, earShoulderAngleDeg, type BodyPoint, type BodyPosture } from './body-landmarks';
import type { BodySide, GaitModel } from './make-gait-model';
import { SYNTHETIC_WALK_DEFAULTS, walkGaitModel, walkPosture, type WalkGait } from './make-synthetic-walk';
import { smoothstep } from './normative-gait-curves';
import type { Vec3 } from './pinhole-camera';
import { createRandom } from './random';
import {
  CLIP_DEFAULTS,
  VISIBILITY,
  fractionalFrame,
  frameTimes,
  injectPoseErrors,
  projectPose,
  rangeCheck,
  sceneCamera,
  syntheticSeries,
  validateClipParams,
  type ClipParams,
  type SyntheticEvent
} from './synthetic-clip';

const D2R = Math.PI / 180;
const WHO = 'makeWalkScenario';

/** What a run segment changes in the gait unless its own `gait` says otherwise. */
export const SCENARIO_RUN_DEFAULTS: Readonly<Partial<WalkGait>> = {
  cadenceSpm: 170,
  stepLengthLeftPerLeg: 1,
  stepLengthRightPerLeg: 1,
  stanceLeft: 0.35,
  stanceRight: 0.35
};

/**
 * One segment of a scenario. Headings, deg, in the floor plane: 0 = across the view toward image
 * right, 180 = toward image left, 90 = toward the camera, 270 = away from it, 45/135 oblique.
 * - `walk`: steady walking (gait: SYNTHETIC_WALK_DEFAULTS < scenario `gait` < segment `gait`).
 *   `rampInS`/`rampOutS`: gait initiation/termination as a time warp (see {@link makeWalkScenario}).
 * - `run`: running with flight (stance < 0.5; SCENARIO_RUN_DEFAULTS on top of the walking gait).
 * - `stand`: standing still in double support (the rest pose, see {@link makeWalkScenario}).
 * - `turn`: turning on the spot about the vertical through the pelvis by `toHeadingDeg` minus the
 *   current heading, not normalised (0 → 180 turns through 90, facing the camera; 180 → 0 back
 *   through 90; 180 → 360 through 270), smoothly (zero angular speed at both ends).
 * - `absent`: the walker is out of view: every frame has `pose: null`; position and heading hold.
 */
export type ScenarioSegment =
  | {
      kind: 'walk';
      durationS: number;
      headingDeg: number;
      gait?: Partial<WalkGait>;
      rampInS?: number;
      rampOutS?: number;
    }
  | { kind: 'run'; durationS: number; headingDeg: number; gait?: Partial<WalkGait> }
  | { kind: 'stand'; durationS: number }
  | { kind: 'turn'; durationS: number; toHeadingDeg: number }
  | { kind: 'absent'; durationS: number };

/** A stretch of the clip, s from its start (inclusive), in which some landmarks are hidden. */
export interface ScenarioOcclusion {
  startS: number;
  endS: number;
  /** 'legs': both knees, ankles, heels and toes (furniture in front of the legs); 'all': every landmark. */
  parts: 'legs' | 'all';
}

/** Parameters of {@link makeWalkScenario}; everything but `segments` has a default. */
export interface WalkScenarioParams extends ClipParams {
  /** The clip, segment after segment; its length is the sum of their durations (≤ 600 s). */
  segments: ScenarioSegment[];
  /** Pelvis x at t = 0, scene m (0 = image centre; at 4 m the image edges are ±2.7 m). @default 0 */
  startXM: number;
  /** Camera distance from the walking line z = 0 (where the walker starts), m. @default 4 */
  cameraDistanceM: number;
  /** Stature, m. @default 1.75 */
  heightM: number;
  /** Gait and posture of every walk and run segment unless it overrides them. @default {} */
  gait: Partial<WalkGait>;
  /** Landmarks given visibility 0.1 (image and world) in the frames within each stretch. @default [] */
  occlusions: ScenarioOcclusion[];
}

/** A truth event of a scenario: in which segment, and whether the rate was steady throughout its step. */
export interface ScenarioEvent extends SyntheticEvent {
  /** Index of the segment in `segments`. */
  segment: number;
  /**
   * The model ran at full rate (no ramp) from the preceding heel strike (either side) to this
   * event, and that strike belongs to the same segment: step times measured up to a steady heel
   * strike are exact.
   */
  steady: boolean;
}

/** The exact gait of a walk or run segment. */
export interface ScenarioGaitTruth {
  cadenceSpm: number;
  strideTimeS: number;
  /** Left step time (right heel strike → next left heel strike) at full rate, s. */
  stepTimeLeftS: number;
  stepTimeRightS: number;
  /** Footprint step lengths / leg length. */
  stepLengthLeftPerLeg: number;
  stepLengthRightPerLeg: number;
  stanceLeft: number;
  stanceRight: number;
  /** Mean pelvis speed at full rate, m/s. */
  speedMps: number;
  trunkLeanDeg: number;
  earShoulderAngleDeg: number;
  /** Ramps as applied, s (`rampOutS` is lengthened so that the walk ends on a heel strike). */
  rampInS: number;
  rampOutS: number;
  /** Clip times between which the model runs at full rate, ms. */
  steadyStartMs: number;
  steadyEndMs: number;
}

/** One input segment as laid out in the clip. */
export interface ScenarioSegmentTruth {
  kind: ScenarioSegment['kind'];
  startMs: number;
  endMs: number;
  /** Frames `startFrame ≤ k < endFrame` have `startMs ≤ tMs < endMs`. */
  startFrame: number;
  endFrame: number;
  startHeadingDeg: number;
  endHeadingDeg: number;
  /**
   * Walk/run whose heading is within 60° of across the view: +1 moves toward image right, −1
   * toward image left; null otherwise (toward/away from the camera, stand, turn, absent).
   */
  direction: 1 | -1 | null;
  /** Walk/run only. */
  gait: ScenarioGaitTruth | null;
}

/** The exact content of a scenario clip. */
export interface ScenarioTruth {
  /**
   * Heel strikes of all walk/run segments, in time order: those up to the last frame's time with
   * the walker in the image (hip midpoint inside it).
   */
  heelStrikes: ScenarioEvent[];
  toeOffs: ScenarioEvent[];
  segments: ScenarioSegmentTruth[];
  /** Of the scenario-level posture (`gait`); segments that override it report their own. */
  trunkLeanDeg: number;
  earShoulderAngleDeg: number;
  /** Hip → knee → ankle, m. */
  legLengthM: number;
  /** Leg length in px on the walking line z = 0 at the image centre (at hip height). */
  legLengthPx: number;
  /** Frames whose leg labels were swapped (or collapsed onto one leg) by injection, ascending. */
  swappedFrames: number[];
}

type Params = Omit<WalkScenarioParams, 'segments'>;
const SCENARIO_DEFAULTS: Readonly<Omit<Params, 'cameraDistanceM'>> = {
  startXM: 0,
  heightM: 1.75,
  gait: {},
  occlusions: [],
  ...CLIP_DEFAULTS
};

/** Where the body is: pelvis (hip midpoint) over floor point (x, z), facing `headingDeg`. */
interface Placement {
  pelvisX: number;
  pelvisZ: number;
  headingDeg: number;
}

/** A standing pose: body points with `along` relative to the pelvis, and the foot in front. */
interface RestPose {
  points: BodyPoint[];
  leadingSide: BodySide;
}

/** The body of one instant: points relative to the pelvis (`along` from it), placed in the scene. */
interface BodyAt extends Placement {
  points: readonly BodyPoint[];
}

/** A laid-out segment: its body at a local time (s; null = not in view) and its gait events. */
interface Motion {
  startHeadingDeg: number;
  at(uS: number): BodyAt | null;
  end: Placement & { rest: RestPose; continuing: { model: GaitModel; modelEndS: number } | null };
  heelStrikes: ModelEvent[];
  toeOffs: ModelEvent[];
  gait: ScenarioGaitTruth | null;
}

/** A gait event in local segment time, s. */
interface ModelEvent {
  side: BodySide;
  uS: number;
  steady: boolean;
}

/**
 * A clip of consecutive segments (see {@link ScenarioSegment}) with the exact gait behind it.
 *
 * Geometry and landmarks are those of `makeSyntheticWalk`'s side view (camera `cameraDistanceM`
 * from the line z = 0, 40° vertical field of view; heading 0 = its `direction: 1`). The person's
 * left is the walking direction rotated +90° about the vertical: walking toward image right the
 * left side is away from the camera; facing the camera the left is on image right. Visibility
 * follows the heading: with c = how squarely a side faces the camera (±1 side-on, 0 frontal) a
 * side's landmarks get 0.95 + 0.02·c (c ≥ 0) or 0.95 + 0.13·c (so 0.97 near / 0.82 far side-on,
 * 0.95 frontal), the nose 0.95 + 0.02·|c|.
 *
 * Continuity: every segment starts where the previous ended (pelvis position and heading).
 * - A walk/run directly after a walk/run continues at the same phase of the stride; otherwise
 *   it starts in double support at a heel strike of the leading foot of the rest pose.
 * - The rest pose (held by stand and turn, arms still) is the double-support pose at the last
 *   heel strike of the previous walk/run; before any walk/run, the first one's starting pose.
 *   Rest and walking join smoothly through a ramp; without one the motion starts or stops dead,
 *   and a walk that ends mid-stride snaps to the pose of its last heel strike.
 * - Gait initiation/termination (`rampInS`, `rampOutS`): the model time advances at a rate that
 *   rises smoothly (smoothstep) 0 → 1 over rampInS and falls 1 → 0 over rampOutS, so the walker
 *   accelerates from and decelerates to standstill; truth events are mapped back through the
 *   warp. The ramp-out is lengthened (by up to two step times, at most to the segment's end) or
 *   shortened (by up to half) so the walk stops exactly on a heel strike. Real initiation also
 *   shortens the first step and termination the last; the warp only slows the steps (their
 *   lengths stay the gait's).
 *
 * Frames whose hip midpoint leaves the image have `pose: null`. Errors are injected as in
 * `makeSyntheticWalk` (same parameters, same order, seeded); occlusions are applied first.
 *
 * @throws RangeError for a parameter outside its documented range (including the gait model's).
 * @example
 * // walk in from the left, stop, turn to face image left, walk out again
 * const { series, truth } = makeWalkScenario({
 *   startXM: -3.5,
 *   segments: [
 *     { kind: 'walk', durationS: 4, headingDeg: 0, rampOutS: 1 },
 *     { kind: 'turn', durationS: 1.5, toHeadingDeg: 180 },
 *     { kind: 'walk', durationS: 4, headingDeg: 180, rampInS: 1 }
 *   ]
 * });
 */
export function makeWalkScenario(params: Partial<Params> & { segments: ScenarioSegment[] }): {
  series: LandmarkSeries;
  truth: ScenarioTruth;
} {
  const p: WalkScenarioParams = { ...SCENARIO_DEFAULTS, cameraDistanceM: 4, ...params };
  validate(p);
  const rng = createRandom(p.seed);
  const A = anthropometry(p.heightM);
  const camera = sceneCamera('side', p.heightM, p.cameraDistanceM, p.widthPx, p.heightPx);

  // ---- lay out the segments
  const motions: Motion[] = [];
  const starts: number[] = [];
  let t = 0;
  let state: Motion['end'] = {
    pelvisX: p.startXM,
    pelvisZ: 0,
    headingDeg: 0,
    rest: initialRest(p),
    continuing: null
  };
  p.segments.forEach((seg, i) => {
    const m = layOut(seg, i, state, p);
    motions.push(m);
    starts.push(t);
    t += seg.durationS;
    state = m.end;
  });
  const totalS = t;
  /** The body at clip time `tS` (s), or null when the walker is absent. */
  const bodyAt = (tS: number): BodyAt | null => {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > tS) i--;
    return motions[i].at(Math.min(p.segments[i].durationS, Math.max(0, tS - starts[i])));
  };
  const poseAt = (tS: number): Pose | null => {
    const b = bodyAt(tS);
    return b && projectPose(toScene(b), camera, headingVisibility(b.headingDeg));
  };

  // ---- frames
  const nFrames = Math.max(1, Math.round(totalS * p.fpsHz));
  const periodMs = 1000 / p.fpsHz;
  const tMs = frameTimes(nFrames, p.fpsHz, p.timestampJitterMs, rng);
  const poses = tMs.map((tm) => poseAt(tm / 1000));
  occlude(poses, tMs, p.occlusions);

  // ---- truth
  const frameOf = fractionalFrame(tMs, periodMs);
  const events = (pick: (m: Motion) => ModelEvent[]): ScenarioEvent[] =>
    motions
      .flatMap((m, segment) =>
        pick(m).map((e) => {
          const ms = (starts[segment] + e.uS) * 1000;
          return { side: e.side, tMs: ms, frame: frameOf(ms), segment, steady: e.steady };
        })
      )
      .filter((e) => e.tMs <= tMs[nFrames - 1] && poseAt(e.tMs / 1000) !== null);
  const heelStrikes = events((m) => m.heelStrikes);
  const toeOffs = events((m) => m.toeOffs);
  const firstFrameAt = (ms: number) => {
    const k = tMs.findIndex((x) => x >= ms);
    return k < 0 ? nFrames : k;
  };
  const segments: ScenarioSegmentTruth[] = motions.map((m, i) => {
    const startMs = starts[i] * 1000;
    const endMs = (starts[i] + p.segments[i].durationS) * 1000;
    const seg = p.segments[i];
    const moving = seg.kind === 'walk' || seg.kind === 'run';
    const cos = Math.cos(m.end.headingDeg * D2R);
    const gait = m.gait && {
      ...m.gait,
      steadyStartMs: startMs + m.gait.steadyStartMs,
      steadyEndMs: startMs + m.gait.steadyEndMs
    };
    return {
      kind: seg.kind,
      startMs,
      endMs,
      startFrame: firstFrameAt(startMs),
      endFrame: firstFrameAt(endMs),
      startHeadingDeg: m.startHeadingDeg,
      endHeadingDeg: m.end.headingDeg,
      direction: moving && Math.abs(cos) > 0.5 ? (cos > 0 ? 1 : -1) : null,
      gait
    };
  });

  // ---- injected errors
  const pxPerM = camera.focalPx / camera.project({ x: 0, y: A.hipHeightM, z: 0 }).depthM;
  const isNear = (e: ScenarioEvent) => {
    const near = nearSideOf(segments[e.segment].endHeadingDeg);
    return near === null || near === e.side;
  };
  const swappedFrames = injectPoseErrors(poses, heelStrikes, isNear, p, pxPerM, rng);

  const posture = walkPosture(gaitOf(p, undefined));
  return {
    series: syntheticSeries(tMs, poses, p, 'synthetic-scenario'),
    truth: {
      heelStrikes,
      toeOffs,
      segments,
      trunkLeanDeg: posture.trunkLeanDeg,
      earShoulderAngleDeg: earShoulderAngle(
        walkGaitModel(p.heightM, SYNTHETIC_WALK_DEFAULTS, false),
        posture
      ),
      legLengthM: A.legLengthM,
      legLengthPx: A.legLengthM * pxPerM,
      swappedFrames
    }
  };
}

function validate(p: WalkScenarioParams): void {
  validateClipParams(p, WHO);
  const check = rangeCheck(WHO);
  check(p.segments.length > 0, 'segments must not be empty');
  let total = 0;
  p.segments.forEach((s, i) => {
    check(s.durationS > 0, `segments[${i}].durationS must be > 0, got ${s.durationS}`);
    total += s.durationS;
    if (s.kind === 'walk') {
      const rin = s.rampInS ?? 0;
      const rout = s.rampOutS ?? 0;
      check(rin >= 0 && rout >= 0, `segments[${i}] ramps must be ≥ 0`);
      check(rin + rout <= s.durationS, `segments[${i}] rampInS + rampOutS must not exceed durationS`);
    }
    if (s.kind === 'walk' || s.kind === 'run') {
      check(Number.isFinite(s.headingDeg), `segments[${i}].headingDeg must be finite`);
    }
    if (s.kind === 'turn')
      check(Number.isFinite(s.toHeadingDeg), `segments[${i}].toHeadingDeg must be finite`);
  });
  check(total <= 600, `the segments must last at most 600 s, got ${total}`);
  check(Number.isFinite(p.startXM), `startXM must be finite, got ${p.startXM}`);
  for (const o of p.occlusions)
    check(o.startS <= o.endS, `occlusion startS must be ≤ endS, got ${o.startS}–${o.endS}`);
}

/** The gait of a walk or run segment: walking defaults < scenario gait < run defaults < segment gait. */
function gaitOf(p: WalkScenarioParams, seg: ScenarioSegment | undefined): WalkGait {
  const base: WalkGait = { ...SYNTHETIC_WALK_DEFAULTS, ...p.gait };
  if (!seg || (seg.kind !== 'walk' && seg.kind !== 'run')) return base;
  return { ...base, ...(seg.kind === 'run' ? SCENARIO_RUN_DEFAULTS : {}), ...seg.gait };
}

/** Mid-shoulder → mid-ear angle of a posture, deg (the gait does not change it). */
const earShoulderAngle = (model: GaitModel, posture: BodyPosture) =>
  earShoulderAngleDeg(bodyLandmarks(model, 0, posture));

/** The body at model time `tS` with `along` taken relative to the pelvis. */
function relativeBody(model: GaitModel, tS: number, posture: BodyPosture): BodyPoint[] {
  const pelvis = model.pelvisAt(tS).along;
  return bodyLandmarks(model, tS, posture).map((b) => ({ along: b.along - pelvis, up: b.up, left: b.left }));
}

/** The rest pose before anything walks: the starting pose of the first walk/run (or of the default walk). */
function initialRest(p: WalkScenarioParams): RestPose {
  const first = p.segments.find((s) => s.kind === 'walk' || s.kind === 'run');
  const g = gaitOf(p, first);
  const model = walkGaitModel(p.heightM, g, first?.kind === 'run');
  const hs = model.heelStrikes(0, model.strideTimeS)[0];
  return { points: relativeBody(model, hs.tS, walkPosture(g)), leadingSide: hs.side };
}

/** Lays out segment `i`, starting from `state`. */
function layOut(seg: ScenarioSegment, i: number, state: Motion['end'], p: WalkScenarioParams): Motion {
  const hold = (headingAt: (uS: number) => number, visible: boolean): Motion => ({
    startHeadingDeg: state.headingDeg,
    at: (uS) => (visible ? { ...state, headingDeg: headingAt(uS), points: state.rest.points } : null),
    end: { ...state, headingDeg: headingAt(seg.durationS), continuing: null },
    heelStrikes: [],
    toeOffs: [],
    gait: null
  });
  switch (seg.kind) {
    case 'stand':
      return hold(() => state.headingDeg, true);
    case 'absent':
      return hold(() => state.headingDeg, false);
    case 'turn': {
      const from = state.headingDeg;
      return hold((uS) => from + (seg.toHeadingDeg - from) * smoothstep(uS / seg.durationS), true);
    }
    default:
      return layOutGait(seg, i, state, p);
  }
}

/** Lays out a walk or run segment (see {@link makeWalkScenario} for phases and ramps). */
function layOutGait(
  seg: Extract<ScenarioSegment, { kind: 'walk' | 'run' }>,
  i: number,
  state: Motion['end'],
  p: WalkScenarioParams
): Motion {
  const g = gaitOf(p, seg);
  const posture = walkPosture(g);
  const model = walkGaitModel(p.heightM, g, seg.kind === 'run');
  const T = model.strideTimeS;
  const D = seg.durationS;
  const startS = state.continuing
    ? ((((state.continuing.modelEndS / state.continuing.model.strideTimeS) % 1) + 1) % 1) * T
    : model.heelStrikes(0, T).find((e) => e.side === state.rest.leadingSide)!.tS;
  const rampInS = seg.kind === 'walk' ? (seg.rampInS ?? 0) : 0;
  const rampOutS =
    seg.kind === 'walk' && seg.rampOutS ? stopOnHeelStrike(model, startS, D, rampInS, seg.rampOutS, i) : 0;
  const warp = (uS: number) => warpedTime(uS, D, rampInS, rampOutS);
  const endS = startS + warp(D);
  const pelvis0 = model.pelvisAt(startS).along;
  const fwd = { x: Math.cos(seg.headingDeg * D2R), z: Math.sin(seg.headingDeg * D2R) };
  const placeAt = (modelS: number): Placement => {
    const d = model.pelvisAt(modelS).along - pelvis0;
    return {
      pelvisX: state.pelvisX + fwd.x * d,
      pelvisZ: state.pelvisZ + fwd.z * d,
      headingDeg: seg.headingDeg
    };
  };

  // events strictly after the start (a start in double support is no strike), through the end
  const steadyFrom = startS + warp(rampInS);
  const steadyTo = startS + warp(D - rampOutS);
  const strikeTimes = model.heelStrikes(startS - T, endS + 1e-9).map((e) => e.tS);
  const toEvents = (list: Array<{ side: BodySide; tS: number }>): ModelEvent[] =>
    list
      .filter((e) => e.tS > startS + 1e-9 && e.tS <= endS + 1e-9)
      .map((e) => {
        const previousStrike = strikeTimes.filter((s) => s < e.tS - 1e-9).at(-1) ?? -Infinity;
        return {
          side: e.side,
          uS: unwarpTime(e.tS - startS, D, warp),
          steady: previousStrike >= steadyFrom - 1e-9 && e.tS <= steadyTo + 1e-9
        };
      });

  const lastStrike = model.heelStrikes(startS, endS + 1e-9).at(-1) ?? {
    side: state.rest.leadingSide,
    tS: startS
  };
  return {
    startHeadingDeg: seg.headingDeg,
    at: (uS) => {
      const modelS = startS + warp(uS);
      return { ...placeAt(modelS), points: relativeBody(model, modelS, posture) };
    },
    end: {
      ...placeAt(endS),
      rest: { points: relativeBody(model, lastStrike.tS, posture), leadingSide: lastStrike.side },
      continuing: { model, modelEndS: endS }
    },
    heelStrikes: toEvents(model.heelStrikes(startS, endS + 1e-9)),
    toeOffs: toEvents(model.toeOffs(startS, endS + 1e-9)),
    gait: {
      cadenceSpm: g.cadenceSpm,
      strideTimeS: T,
      stepTimeLeftS: (0.5 + g.stepTimeAsymmetry) * T,
      stepTimeRightS: (0.5 - g.stepTimeAsymmetry) * T,
      stepLengthLeftPerLeg: g.stepLengthLeftPerLeg,
      stepLengthRightPerLeg: g.stepLengthRightPerLeg,
      stanceLeft: g.stanceLeft,
      stanceRight: g.stanceRight,
      speedMps: model.speedMps,
      trunkLeanDeg: g.trunkLeanDeg,
      earShoulderAngleDeg: earShoulderAngle(model, posture),
      rampInS,
      rampOutS,
      steadyStartMs: rampInS * 1000,
      steadyEndMs: (D - rampOutS) * 1000
    }
  };
}

/**
 * The ramp-out, s, that makes a walk starting at model time `startS` end exactly on a heel strike:
 * `rampOutS` lengthened by twice the model time left over after the last strike (or shortened,
 * by up to half of itself, to reach the next one), whichever changes it less.
 */
function stopOnHeelStrike(
  model: GaitModel,
  startS: number,
  durationS: number,
  rampInS: number,
  rampOutS: number,
  i: number
): number {
  const nominalEnd = startS + durationS - rampInS / 2 - rampOutS / 2;
  const strikes = model.heelStrikes(startS + 1e-9, nominalEnd + model.strideTimeS).map((e) => e.tS);
  const candidates = [strikes.filter((s) => s <= nominalEnd).at(-1), strikes.find((s) => s > nominalEnd)]
    .filter((s): s is number => s !== undefined)
    .map((s) => rampOutS + 2 * (nominalEnd - s))
    .filter((r) => r >= rampOutS / 2 && rampInS + r <= durationS)
    .sort((a, b) => Math.abs(a - rampOutS) - Math.abs(b - rampOutS));
  if (candidates.length === 0) {
    throw new RangeError(`${WHO}: segments[${i}] is too short to stop on a heel strike; lengthen durationS`);
  }
  return candidates[0];
}

/** ∫₀ˣ smoothstep. */
const smoothstepIntegral = (x: number) => x ** 3 - x ** 4 / 2;

/**
 * Model time elapsed after `uS` seconds of a segment `durationS` long whose rate rises 0 → 1
 * (smoothstep) over the first `rampInS` and falls 1 → 0 over the last `rampOutS`, s.
 */
function warpedTime(uS: number, durationS: number, rampInS: number, rampOutS: number): number {
  let lost = 0;
  if (rampInS > 0) {
    const x = Math.min(1, uS / rampInS);
    lost += rampInS * (x - smoothstepIntegral(x));
  }
  if (rampOutS > 0) {
    const y = Math.min(1, Math.max(0, (durationS - uS) / rampOutS));
    lost += rampOutS * (0.5 - y + smoothstepIntegral(y));
  }
  return uS - lost;
}

/** The local time, s, at which the (increasing) `warp` reaches model time `elapsedS` (bisection). */
function unwarpTime(elapsedS: number, durationS: number, warp: (uS: number) => number): number {
  let lo = 0;
  let hi = durationS;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (warp(mid) < elapsedS) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The 33 scene points of a placed body. */
function toScene(b: BodyAt): Vec3[] {
  const c = Math.cos(b.headingDeg * D2R);
  const s = Math.sin(b.headingDeg * D2R);
  // forward = (cos, 0, sin); left = forward rotated +90° about up = (sin, 0, −cos)
  return b.points.map((q) => ({
    x: b.pelvisX + c * q.along + s * q.left,
    y: q.up,
    z: b.pelvisZ + s * q.along - c * q.left
  }));
}

/** How squarely the person's left side faces the camera: +1 left side-on, −1 right side-on, 0 frontal. */
const leftFacing = (headingDeg: number) => -Math.cos(headingDeg * D2R);

/** The side facing the camera, or null within 60° of frontal. */
function nearSideOf(headingDeg: number): BodySide | null {
  const c = leftFacing(headingDeg);
  return Math.abs(c) < 0.5 ? null : c > 0 ? 'left' : 'right';
}

/** Per-landmark visibility at a heading (see {@link makeWalkScenario}). */
function headingVisibility(headingDeg: number): number[] {
  const c = leftFacing(headingDeg);
  const of = (facing: number) =>
    facing >= 0
      ? VISIBILITY.front + (VISIBILITY.near - VISIBILITY.front) * facing
      : VISIBILITY.front + (VISIBILITY.front - VISIBILITY.far) * facing;
  return Array.from({ length: LANDMARK_COUNT }, (_, i) => {
    if (i === LM.nose) return of(Math.abs(c));
    return of(i % 2 === 1 ? c : -c);
  });
}

/** Landmarks hidden by an occlusion of `parts`. */
const OCCLUDED: Record<ScenarioOcclusion['parts'], number[]> = {
  legs: (['knee', 'ankle', 'heel', 'foot_index'] as const).flatMap((part) => [
    sideIndex('left', part),
    sideIndex('right', part)
  ]),
  all: Array.from({ length: LANDMARK_COUNT }, (_, i) => i)
};
const OCCLUDED_VISIBILITY = 0.1;

/** Sets the visibility of the occluded landmarks (image and world) in the frames within each occlusion. */
function occlude(
  poses: Array<Pose | null>,
  tMs: readonly number[],
  occlusions: readonly ScenarioOcclusion[]
): void {
  for (const o of occlusions) {
    tMs.forEach((t, k) => {
      const pose = poses[k];
      if (!pose || t < o.startS * 1000 || t > o.endS * 1000) return;
      for (const i of OCCLUDED[o.parts]) {
        pose.image[i].visibility = OCCLUDED_VISIBILITY;
        pose.world[i].visibility = OCCLUDED_VISIBILITY;
      }
    });
  }
}
