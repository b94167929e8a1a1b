import { LANDMARK_COUNT, LEG_PARTS, LM, sideIndex } from '../../src/lib/analysis/landmarks';
import type {
  ImageLandmark,
  LandmarkSeries,
  Pose,
  PoseFrame,
  WorldLandmark
} from '../../src/lib/analysis/series';
import { anthropometry } from './anthropometry';
import { bodyLandmarks, earShoulderAngleDeg, type BodyPoint } from './body-landmarks';
import { makeGaitModel, type BodySide } from './make-gait-model';
import { pinholeCamera, type Vec3 } from './pinhole-camera';
import { createRandom } from './random';

/** Parameters of {@link makeSyntheticWalk}; every field has a default. */
export interface SyntheticWalkParams {
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
  /** Nominal frame rate, Hz. @default 30 */
  fpsHz: number;
  /** Clip length, s. @default 4 */
  durationS: number;
  /** @default 960 */
  widthPx: number;
  /** @default 540 */
  heightPx: number;
  /**
   * Side view: camera distance from the walking line, m (default 4). Front view: distance at the
   * start of the walk (default: overground toward the camera, 3 m + the distance walked, so the
   * walk ends 3 m away; otherwise 4 m for a treadmill and 3 m walking away).
   */
  cameraDistanceM: number;
  /** Gaussian landmark noise, px (sd), on x and y; world landmarks get the same in metres. @default 0 */
  noisePx: number;
  /** Fraction of frames with `pose: null` (exactly rounded, frames chosen at random). @default 0 */
  dropoutRate: number;
  /**
   * Leg-label swap bursts as the pose model makes them: bursts starting 0–3 frames after the near
   * leg's heel strike (front view: after either leg's), `lengthFrames` long (inclusive range),
   * until `rate` of the frames that show the walker are swapped (full model ≈ 0.10, lite ≈ 0.16). When one burst per
   * near-leg strike cannot reach the rate, bursts also follow the far leg's strikes. @default null
   */
  swapBursts: { rate: number; lengthFrames: [number, number] } | null;
  /** Fraction of bursts in which BOTH leg chains are put on the near (striking) leg. @default 0 */
  collapseRate: number;
  /** Variable frame rate: sd of frame-time jitter, ms (clamped to ±0.45 frame). @default 0 */
  timestampJitterMs: number;
  /** PRNG seed: same seed, same series. @default 1 */
  seed: number;
}

/** One gait event of the truth; `frame` is fractional (interpolated on the frame timestamps). */
export interface SyntheticEvent {
  side: 'left' | 'right';
  tMs: number;
  frame: number;
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
  fpsHz: 30,
  durationS: 4,
  widthPx: 960,
  heightPx: 540,
  noisePx: 0,
  dropoutRate: 0,
  swapBursts: null,
  collapseRate: 0,
  timestampJitterMs: 0,
  seed: 1
};

/** Vertical field of view of the virtual camera, deg (as the reference renders). */
const CAMERA_FOV_DEG = 40;
/** Landmark visibility the virtual model reports: near side, far side (side view), out of frame. */
const VISIBILITY = { near: 0.97, far: 0.82, front: 0.95, outOfFrame: 0.05 };

function validate(p: SyntheticWalkParams): void {
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new RangeError(`makeSyntheticWalk: ${what}`);
  };
  check(p.fpsHz >= 5 && p.fpsHz <= 480, `fpsHz must be within 5–480, got ${p.fpsHz}`);
  check(p.durationS > 0 && p.durationS <= 600, `durationS must be within (0, 600], got ${p.durationS}`);
  check(Number.isInteger(p.widthPx) && p.widthPx >= 16, `widthPx must be an integer ≥ 16, got ${p.widthPx}`);
  check(
    Number.isInteger(p.heightPx) && p.heightPx >= 16,
    `heightPx must be an integer ≥ 16, got ${p.heightPx}`
  );
  check(
    p.cameraDistanceM >= 1 && p.cameraDistanceM <= 100,
    `cameraDistanceM must be within 1–100, got ${p.cameraDistanceM}`
  );
  check(p.noisePx >= 0, `noisePx must be ≥ 0, got ${p.noisePx}`);
  check(p.dropoutRate >= 0 && p.dropoutRate <= 1, `dropoutRate must be within 0–1, got ${p.dropoutRate}`);
  check(p.collapseRate >= 0 && p.collapseRate <= 1, `collapseRate must be within 0–1, got ${p.collapseRate}`);
  check(p.timestampJitterMs >= 0, `timestampJitterMs must be ≥ 0, got ${p.timestampJitterMs}`);
  check(p.direction === 1 || p.direction === -1, `direction must be 1 or -1, got ${p.direction}`);
  check(p.view === 'side' || p.view === 'front', `view must be 'side' or 'front', got ${p.view}`);
  check(Math.abs(p.trunkLeanDeg) <= 45, `trunkLeanDeg must be within ±45, got ${p.trunkLeanDeg}`);
  check(p.armSwingLeft >= 0 && p.armSwingRight >= 0, 'armSwingLeft/Right must be ≥ 0');
  if (p.swapBursts) {
    const [a, b] = p.swapBursts.lengthFrames;
    check(
      p.swapBursts.rate >= 0 && p.swapBursts.rate <= 0.5,
      `swapBursts.rate must be within 0–0.5, got ${p.swapBursts.rate}`
    );
    check(
      Number.isInteger(a) && Number.isInteger(b) && a >= 1 && b >= a,
      `swapBursts.lengthFrames must be integers 1 ≤ min ≤ max, got [${a}, ${b}]`
    );
  }
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
  const model = makeGaitModel({
    heightM: p.heightM,
    cadenceSpm: p.cadenceSpm,
    stepLengthLeftM: p.stepLengthLeftPerLeg * legLengthM,
    stepLengthRightM: p.stepLengthRightPerLeg * legLengthM,
    stepTimeAsymmetry: p.stepTimeAsymmetry,
    stanceLeft: p.stanceLeft,
    stanceRight: p.stanceRight
  });
  const A = model.body;
  const posture = {
    trunkLeanDeg: p.trunkLeanDeg,
    neckFlexDeg: p.neckFlexDeg,
    headForwardM: p.headForwardM,
    armSwingLeft: p.armSwingLeft,
    armSwingRight: p.armSwingRight
  };

  // ---- camera and placement of the body frame in the scene
  const camH = 0.571 * p.heightM;
  const lookH = 0.514 * p.heightM;
  const side = p.view === 'side';
  const camera = side
    ? pinholeCamera(
        { x: 0, y: camH, z: p.cameraDistanceM },
        { x: 0, y: lookH, z: 0 },
        CAMERA_FOV_DEG,
        p.widthPx,
        p.heightPx
      )
    : pinholeCamera(
        { x: 0, y: camH, z: 0 },
        { x: 0, y: lookH, z: -4 },
        CAMERA_FOV_DEG,
        p.widthPx,
        p.heightPx
      );
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

  // ---- frame times (variable frame rate: jittered, kept strictly increasing)
  const nFrames = Math.max(1, Math.round(p.durationS * p.fpsHz));
  const periodMs = 1000 / p.fpsHz;
  const tMs = Array.from({ length: nFrames }, (_, k) => {
    if (k === 0 || p.timestampJitterMs === 0) return k * periodMs;
    const j = Math.max(-0.45 * periodMs, Math.min(0.45 * periodMs, rng.normal() * p.timestampJitterMs));
    return k * periodMs + j;
  });

  // ---- noise-free poses
  const visibilityOf = Array.from({ length: LANDMARK_COUNT }, (_, i) => {
    if (!side) return VISIBILITY.front;
    const sideOf = i === LM.nose ? null : i % 2 === 1 ? 'left' : 'right';
    return sideOf === null || sideOf === nearSide ? VISIBILITY.near : VISIBILITY.far;
  });
  const pxPerMAt = (depthM: number) => camera.focalPx / depthM;
  const poses: Array<Pose | null> = tMs.map((t) => {
    const tS = t / 1000;
    const body = bodyLandmarks(model, tS, posture);
    const shift = originAlong(tS);
    const scene = body.map((b) => toScene(b, shift));
    const hipMid: Vec3 = {
      x: (scene[LM.left_hip].x + scene[LM.right_hip].x) / 2,
      y: (scene[LM.left_hip].y + scene[LM.right_hip].y) / 2,
      z: (scene[LM.left_hip].z + scene[LM.right_hip].z) / 2
    };
    const hipProj = camera.project(hipMid);
    const inImage = (x: number, y: number) => x >= 0 && x <= p.widthPx && y >= 0 && y <= p.heightPx;
    if (hipProj.depthM <= 0.2 || !inImage(hipProj.xPx, hipProj.yPx)) return null;
    const zScale = pxPerMAt(hipProj.depthM);
    const image: ImageLandmark[] = [];
    const world: WorldLandmark[] = [];
    for (let i = 0; i < scene.length; i++) {
      const q = scene[i];
      const pr = camera.project(q);
      const inside = pr.depthM > 0 && inImage(pr.xPx, pr.yPx);
      const visibility = inside ? visibilityOf[i] : VISIBILITY.outOfFrame;
      const presence = inside ? 0.99 : VISIBILITY.outOfFrame;
      image.push({ x: pr.xPx, y: pr.yPx, z: (pr.depthM - hipProj.depthM) * zScale, visibility, presence });
      const dx = q.x - hipMid.x;
      const dy = q.y - hipMid.y;
      const dz = q.z - hipMid.z;
      world.push({
        x: dx * camera.right.x + dy * camera.right.y + dz * camera.right.z,
        y: -(dx * camera.up.x + dy * camera.up.y + dz * camera.up.z),
        z: dx * camera.forward.x + dy * camera.forward.y + dz * camera.forward.z,
        visibility,
        presence
      });
    }
    return { image, world };
  });

  // ---- truth events, with fractional frame indices on the actual timestamps
  const frameOf = (t: number): number => {
    if (t <= tMs[0]) return (t - tMs[0]) / periodMs;
    for (let k = 1; k < nFrames; k++)
      if (t <= tMs[k]) return k - 1 + (t - tMs[k - 1]) / (tMs[k] - tMs[k - 1]);
    return nFrames - 1 + (t - tMs[nFrames - 1]) / periodMs;
  };
  const toEvents = (list: Array<{ side: BodySide; tS: number }>): SyntheticEvent[] =>
    list.map((e) => ({ side: e.side, tMs: e.tS * 1000, frame: frameOf(e.tS * 1000) }));
  const lastS = tMs[nFrames - 1] / 1000;
  const heelStrikes = toEvents(model.heelStrikes(0, lastS));
  const toeOffs = toEvents(model.toeOffs(0, lastS));

  // ---- leg-label swap bursts
  const swapped = new Set<number>();
  if (p.swapBursts && p.swapBursts.rate > 0) {
    const [minLen, maxLen] = p.swapBursts.lengthFrames;
    // the rate counts frames in which the walker is seen (a frame without a pose has no labels)
    const target = Math.round(p.swapBursts.rate * poses.filter((q) => q !== null).length);
    const shuffled = <T>(xs: T[]): T[] => {
      const a = [...xs];
      for (let i = a.length - 1; i > 0; i--) {
        const j = rng.integer(0, i);
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    };
    const near = heelStrikes.filter((e) => nearSide === null || e.side === nearSide);
    const far = heelStrikes.filter((e) => nearSide !== null && e.side !== nearSide);
    const candidates = [...shuffled(near), ...shuffled(far)];
    for (const hs of candidates) {
      if (swapped.size >= target) break;
      const len = rng.integer(minLen, maxLen);
      if (swapped.size + len - target > target - swapped.size) break;
      const start = Math.floor(hs.frame) + 1 + rng.integer(0, 2);
      const frames = Array.from({ length: len }, (_, i) => start + i);
      if (
        frames.some(
          (f) => f >= nFrames || !poses[f] || swapped.has(f) || swapped.has(f - 1) || swapped.has(f + 1)
        )
      )
        continue;
      const collapse = rng.uniform() < p.collapseRate;
      for (const f of frames) {
        swapped.add(f);
        poses[f] = collapse ? collapseLegs(poses[f]!, hs.side) : swapLegs(poses[f]!);
      }
    }
  }

  // ---- dropout (exact count, random frames), then noise
  const dropCount = Math.round(p.dropoutRate * nFrames);
  const order = Array.from({ length: nFrames }, (_, i) => i);
  for (let i = nFrames - 1; i > 0; i--) {
    const j = rng.integer(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const f of order.slice(0, dropCount)) poses[f] = null;
  const midProj = camera.project(toScene({ ...model.pelvisAt(midS), left: 0 }, originAlong(midS)));
  const pxPerM = pxPerMAt(midProj.depthM);
  if (p.noisePx > 0) {
    for (const pose of poses) {
      if (!pose) continue;
      pose.image.forEach((l) => {
        l.x += rng.normal() * p.noisePx;
        l.y += rng.normal() * p.noisePx;
      });
      pose.world.forEach((l) => {
        l.x += (rng.normal() * p.noisePx) / pxPerM;
        l.y += (rng.normal() * p.noisePx) / pxPerM;
      });
    }
  }

  const frames: PoseFrame[] = tMs.map((t, k) => ({ tMs: t, pose: poses[k] }));
  const series: LandmarkSeries = {
    version: 1,
    widthPx: p.widthPx,
    heightPx: p.heightPx,
    model: 'full',
    source: {
      container: 'synthetic',
      codec: '',
      fpsHz: p.fpsHz,
      durationMs: nFrames * periodMs,
      rotationDeg: 0,
      fileName: 'synthetic-walk'
    },
    frames
  };
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
    swappedFrames: [...swapped].sort((a, b) => a - b)
  };
  return { series, truth };
}

/** Pairs of landmark indices of the two leg chains (hip, knee, ankle, heel, toe). */
const LEG_PAIRS = LEG_PARTS.map((part) => [sideIndex('left', part), sideIndex('right', part)] as const);

/** The pose with the left and right leg chains exchanged (image and world). */
function swapLegs(pose: Pose): Pose {
  const image = pose.image.map((l) => ({ ...l }));
  const world = pose.world.map((l) => ({ ...l }));
  for (const [l, r] of LEG_PAIRS) {
    [image[l], image[r]] = [image[r], image[l]];
    [world[l], world[r]] = [world[r], world[l]];
  }
  return { image, world };
}

/** The pose with both leg chains placed on the `onto` leg (image and world). */
function collapseLegs(pose: Pose, onto: BodySide): Pose {
  const image = pose.image.map((l) => ({ ...l }));
  const world = pose.world.map((l) => ({ ...l }));
  for (const [l, r] of LEG_PAIRS) {
    const [from, to] = onto === 'left' ? [l, r] : [r, l];
    image[to] = { ...image[from] };
    world[to] = { ...world[from] };
  }
  return { image, world };
}
