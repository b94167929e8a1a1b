import type { LandmarkSeries, Pose } from '../../src/lib/analysis/series';
import { anthropometry } from './anthropometry';
import { bodyLandmarks, earShoulderAngleDeg, type BodyPoint, type BodyPosture } from './body-landmarks';
import { makeGaitModel, type BodySide, type GaitModel } from './make-gait-model';
import type { Vec3 } from './pinhole-camera';
import { createRandom } from './random';
import {
  CLIP_DEFAULTS,
  fractionalFrame,
  frameTimes,
  injectPoseErrors,
  projectPose,
  rangeCheck,
  sceneCamera,
  sideVisibility,
  syntheticSeries,
  validateClipParams,
  type ClipParams,
  type SyntheticEvent
} from './synthetic-clip';

export type { SyntheticEvent } from './synthetic-clip';

/** Parameters of {@link makeSyntheticWalk}; every field has a default. */
export interface SyntheticWalkParams extends ClipParams {
  /** Steps per minute. @default 110 */
  cadenceSpm: number;
  /** Left step (the left heel lands this far ahead of the right footprint) / leg length. @default 0.77 */
  stepLengthLeftPerLeg: number;
  /** Right step / leg length. @default 0.77 */
  stepLengthRightPerLeg: number;
  /** Left heel strike at right-leg phase 0.5 + this (fraction of the stride); step-time asymmetry. @default 0 */
  stepTimeAsymmetry: number;
  /** Stance fraction of the gait cycle, left leg. @default 0.6 */
  stanceLeft: number;
  /** @default 0.6 */
  stanceRight: number;
  /** Trunk lean, deg: mid-hip → mid-shoulder against vertical, forward +. @default 4 */
  trunkLeanDeg: number;
  /** Neck + head rotated forward about the base of the neck, deg. @default 0 */
  neckFlexDeg: number;
  /** Head moved forward relative to the trunk, m. @default 0 */
  headForwardM: number;
  /** Arm-swing scale of the left arm (1 = normal). @default 1 */
  armSwingLeft: number;
  /** @default 1 */
  armSwingRight: number;
  /** Stature, m. @default 1.75 */
  heightM: number;
  /** Walking on a treadmill: the pelvis stays put and the stance foot moves backward. @default false */
  treadmill: boolean;
  /** Side view: +1 walks toward image right. Front view: +1 walks toward the camera, −1 away. @default 1 */
  direction: 1 | -1;
  /** 'side': camera looks across the walking line; 'front': along it. @default 'side' */
  view: 'side' | 'front';
  /** Clip length, s. @default 4 */
  durationS: number;
  /**
   * Side view: camera distance from the walking line, m (default 4). Front view: distance at the
   * start of the walk (default: overground toward the camera, 3 m + the distance walked, so the
   * walk ends 3 m away; otherwise 4 m for a treadmill and 3 m walking away).
   */
  cameraDistanceM: number;
}

/** The exact gait of a synthetic walk. */
export interface SyntheticTruth {
  heelStrikes: SyntheticEvent[];
  toeOffs: SyntheticEvent[];
  cadenceSpm: number;
  /** Left step time (right heel strike → next left heel strike), s. */
  stepTimeLeftS: number;
  stepTimeRightS: number;
  strideTimeS: number;
  stepLengthLeftPerLeg: number;
  stepLengthRightPerLeg: number;
  stanceLeft: number;
  stanceRight: number;
  /** Mid-hip → mid-shoulder against vertical, deg, forward (walking direction) +. */
  trunkLeanDeg: number;
  /** Mid-shoulder → mid-ear against vertical, deg, forward +. */
  earShoulderAngleDeg: number;
  /** Hip → knee → ankle, m. */
  legLengthM: number;
  /** Leg length in px at the walking plane (side view), at the depth of the hip midpoint in the middle frame. */
  legLengthPx: number;
  direction: 1 | -1;
  view: 'side' | 'front';
  treadmill: boolean;
  /** Side view: the body side facing the camera (right when walking toward image right). Front: null. */
  nearSide: 'left' | 'right' | null;
  /** Frames whose leg labels were swapped (or collapsed onto one leg) by injection, ascending. */
  swappedFrames: number[];
}

/** Gait and posture fields of {@link SyntheticWalkParams} (step lengths per leg length). */
export type WalkGait = Pick<
  SyntheticWalkParams,
  | 'cadenceSpm'
  | 'stepLengthLeftPerLeg'
  | 'stepLengthRightPerLeg'
  | 'stepTimeAsymmetry'
  | 'stanceLeft'
  | 'stanceRight'
  | 'trunkLeanDeg'
  | 'neckFlexDeg'
  | 'headForwardM'
  | 'armSwingLeft'
  | 'armSwingRight'
>;

export const SYNTHETIC_WALK_DEFAULTS: Readonly<Omit<SyntheticWalkParams, 'cameraDistanceM'>> = {
  cadenceSpm: 110,
  stepLengthLeftPerLeg: 0.77,
  stepLengthRightPerLeg: 0.77,
  stepTimeAsymmetry: 0,
  stanceLeft: 0.6,
  stanceRight: 0.6,
  trunkLeanDeg: 4,
  neckFlexDeg: 0,
  headForwardM: 0,
  armSwingLeft: 1,
  armSwingRight: 1,
  heightM: 1.75,
  treadmill: false,
  direction: 1,
  view: 'side',
  durationS: 4,
  ...CLIP_DEFAULTS
};

/** The gait model of a walker of stature `heightM` (m) walking, or running, with gait `g`. */
export function walkGaitModel(heightM: number, g: WalkGait, running: boolean): GaitModel {
  const legM = anthropometry(heightM).legLengthM;
  return makeGaitModel({
    heightM,
    cadenceSpm: g.cadenceSpm,
    stepLengthLeftM: g.stepLengthLeftPerLeg * legM,
    stepLengthRightM: g.stepLengthRightPerLeg * legM,
    stepTimeAsymmetry: g.stepTimeAsymmetry,
    stanceLeft: g.stanceLeft,
    stanceRight: g.stanceRight,
    running
  });
}

/** The upper-body posture part of gait `g`. */
export function walkPosture(g: WalkGait): BodyPosture {
  return {
    trunkLeanDeg: g.trunkLeanDeg,
    neckFlexDeg: g.neckFlexDeg,
    headForwardM: g.headForwardM,
    armSwingLeft: g.armSwingLeft,
    armSwingRight: g.armSwingRight
  };
}

function validate(p: SyntheticWalkParams): void {
  validateClipParams(p, 'makeSyntheticWalk');
  const check = rangeCheck('makeSyntheticWalk');
  check(p.durationS > 0 && p.durationS <= 600, `durationS must be within (0, 600], got ${p.durationS}`);
  check(p.direction === 1 || p.direction === -1, `direction must be 1 or -1, got ${p.direction}`);
  check(p.view === 'side' || p.view === 'front', `view must be 'side' or 'front', got ${p.view}`);
  check(Math.abs(p.trunkLeanDeg) <= 45, `trunkLeanDeg must be within ±45, got ${p.trunkLeanDeg}`);
  check(p.armSwingLeft >= 0 && p.armSwingRight >= 0, 'armSwingLeft/Right must be ≥ 0');
}

/**
 * A synthetic walk as the pose model would report it, with its exact gait: the test bench of
 * the gait analysis.
 *
 * Scene geometry (metres): x = scene right, y = up, z = toward the side-view camera.
 * - Side view: the walking line is z = 0; the camera stands at (0, 0.571·H, cameraDistanceM)
 *   looking at (0, 0.514·H, 0) (1.0 m and 0.9 m for H = 1.75, as the reference renders). The
 *   walker moves along +x·direction, so direction +1 walks toward image RIGHT, and the person's
 *   RIGHT side faces the camera (nearSide 'right'); direction −1 walks toward image left with the
 *   LEFT side near. Overground walks are centred on the image at mid-clip.
 * - Front view: the camera stands at (0, 0.571·H, 0) looking along −z; direction +1 walks toward
 *   the camera (the person's left appears on image right), −1 away from it.
 * - Projection: ideal pinhole, 40° vertical field of view. Image landmarks are in px (y down);
 *   `z` is the depth relative to the hip midpoint in px at the hip's depth (nearer = smaller).
 *   World landmarks are metres, hip-centred, in camera axes (x image right, y down, z away from
 *   the camera), as MediaPipe's.
 * - Visibility: side view 0.97 for the near side and the nose, 0.82 for the far side; front view
 *   0.95; 0.05 with presence 0.05 for a point outside the image. A frame whose hip midpoint is
 *   outside the image has `pose: null` (the model would not find the walker).
 *
 * Error injection (all seeded): gaussian pixel noise, dropout frames, leg-label swap bursts after
 * heel strikes (a swap exchanges the left and right hip–knee–ankle–heel–toe chains, image and
 * world; a collapse puts both chains on the near leg), timestamp jitter (the body is posed at
 * the jittered time, as a variable-frame-rate camera would capture it).
 *
 * @throws RangeError for a parameter outside its documented range.
 * @example
 * const { series, truth } = makeSyntheticWalk({ trunkLeanDeg: 12, swapBursts: { rate: 0.1, lengthFrames: [3, 5] } });
 */
export function makeSyntheticWalk(params: Partial<SyntheticWalkParams> = {}): {
  series: LandmarkSeries;
  truth: SyntheticTruth;
} {
  const base = { ...SYNTHETIC_WALK_DEFAULTS, ...params };
  const legLengthM = anthropometry(base.heightM).legLengthM;
  const speedGuess =
    ((base.stepLengthLeftPerLeg + base.stepLengthRightPerLeg) * legLengthM * base.cadenceSpm) / 120;
  const defaultDistance =
    base.view === 'side' || base.treadmill ? 4 : base.direction === 1 ? 3 + speedGuess * base.durationS : 3;
  const p: SyntheticWalkParams = { cameraDistanceM: defaultDistance, ...base };
  validate(p);
  const rng = createRandom(p.seed);
  const model = walkGaitModel(p.heightM, p, false);
  const A = model.body;
  const posture = walkPosture(p);

  // ---- camera and placement of the body frame in the scene
  const side = p.view === 'side';
  const camera = sceneCamera(p.view, p.heightM, p.cameraDistanceM, p.widthPx, p.heightPx);
  const forward: Vec3 = side ? { x: p.direction, y: 0, z: 0 } : { x: 0, y: 0, z: p.direction };
  const leftward: Vec3 = side ? { x: 0, y: 0, z: -p.direction } : { x: p.direction, y: 0, z: 0 };
  const nearSide: BodySide | null = side ? (p.direction === 1 ? 'right' : 'left') : null;
  const midS = p.durationS / 2;
  // scene position of body-frame `along = 0` at time t
  const startAlong = model.pelvisAt(0).along;
  const originAlong = (tS: number): number => {
    if (p.treadmill) return -model.pelvisAt(tS).along;
    return side ? -model.pelvisAt(midS).along : -startAlong;
  };
  const originScene: Vec3 = side ? { x: 0, y: 0, z: 0 } : { x: 0, y: 0, z: -p.cameraDistanceM };
  const toScene = (b: BodyPoint, shift: number): Vec3 => {
    const a = b.along + shift;
    return {
      x: originScene.x + forward.x * a + leftward.x * b.left,
      y: b.up,
      z: originScene.z + forward.z * a + leftward.z * b.left
    };
  };

  // ---- frame times (variable frame rate) and noise-free poses
  const nFrames = Math.max(1, Math.round(p.durationS * p.fpsHz));
  const periodMs = 1000 / p.fpsHz;
  const tMs = frameTimes(nFrames, p.fpsHz, p.timestampJitterMs, rng);
  const visibilityOf = sideVisibility(nearSide);
  const poses: Array<Pose | null> = tMs.map((t) => {
    const tS = t / 1000;
    const shift = originAlong(tS);
    return projectPose(
      bodyLandmarks(model, tS, posture).map((b) => toScene(b, shift)),
      camera,
      visibilityOf
    );
  });

  // ---- truth events, with fractional frame indices on the actual timestamps
  const frameOf = fractionalFrame(tMs, periodMs);
  const toEvents = (list: Array<{ side: BodySide; tS: number }>): SyntheticEvent[] =>
    list.map((e) => ({ side: e.side, tMs: e.tS * 1000, frame: frameOf(e.tS * 1000) }));
  const lastS = tMs[nFrames - 1] / 1000;
  const heelStrikes = toEvents(model.heelStrikes(0, lastS));
  const toeOffs = toEvents(model.toeOffs(0, lastS));

  // ---- injected errors
  const midProj = camera.project(toScene({ ...model.pelvisAt(midS), left: 0 }, originAlong(midS)));
  const pxPerM = camera.focalPx / midProj.depthM;
  const swappedFrames = injectPoseErrors(
    poses,
    heelStrikes,
    (e) => nearSide === null || e.side === nearSide,
    p,
    pxPerM,
    rng
  );

  const series = syntheticSeries(tMs, poses, p, 'synthetic-walk');
  const T = model.strideTimeS;
  const truth: SyntheticTruth = {
    heelStrikes,
    toeOffs,
    cadenceSpm: p.cadenceSpm,
    stepTimeLeftS: (0.5 + p.stepTimeAsymmetry) * T,
    stepTimeRightS: (0.5 - p.stepTimeAsymmetry) * T,
    strideTimeS: T,
    stepLengthLeftPerLeg: p.stepLengthLeftPerLeg,
    stepLengthRightPerLeg: p.stepLengthRightPerLeg,
    stanceLeft: p.stanceLeft,
    stanceRight: p.stanceRight,
    trunkLeanDeg: p.trunkLeanDeg,
    earShoulderAngleDeg: earShoulderAngleDeg(bodyLandmarks(model, 0, posture)),
    legLengthM: A.legLengthM,
    legLengthPx: A.legLengthM * pxPerM,
    direction: p.direction,
    view: p.view,
    treadmill: p.treadmill,
    nearSide,
    swappedFrames
  };
  return { series, truth };
}
