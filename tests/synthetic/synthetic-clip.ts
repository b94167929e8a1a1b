/**
 * The parts of a synthetic clip that `makeSyntheticWalk` and `makeWalkScenario` share: the virtual
 * camera, frame times, projection of scene points to a pose, injected pose-model errors and the
 * series wrapper. Scene axes (metres): x = scene right, y = up, z = toward the side-view camera.
 */
import { LANDMARK_COUNT, LEG_PARTS, LM, sideIndex } from '../../src/lib/analysis/landmarks';
import type {
  ImageLandmark,
  LandmarkSeries,
  Pose,
  PoseFrame,
  WorldLandmark
} from '../../src/lib/analysis/series';
import type { BodySide } from './make-gait-model';
import { pinholeCamera, type PinholeCamera, type Vec3 } from './pinhole-camera';
import type { Random } from './random';

/** Vertical field of view of the virtual camera, deg (as the reference renders). */
export const CAMERA_FOV_DEG = 40;
/** Landmark visibility the virtual model reports: near side, far side (side view), front view, out of frame. */
export const VISIBILITY = { near: 0.97, far: 0.82, front: 0.95, outOfFrame: 0.05 };

/** One gait event of the truth; `frame` is fractional (interpolated on the frame timestamps). */
export interface SyntheticEvent {
  side: BodySide;
  tMs: number;
  frame: number;
}

/** Frame-rate, image and injected-error parameters common to the synthetic generators. */
export interface ClipParams {
  /** Nominal frame rate, Hz. @default 30 */
  fpsHz: number;
  /** @default 960 */
  widthPx: number;
  /** @default 540 */
  heightPx: number;
  /** Camera distance, m (see the generator). */
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

/** The documented defaults of {@link ClipParams}; each generator sets its own `cameraDistanceM`. */
export const CLIP_DEFAULTS: Readonly<Omit<ClipParams, 'cameraDistanceM'>> = {
  fpsHz: 30,
  widthPx: 960,
  heightPx: 540,
  noisePx: 0,
  dropoutRate: 0,
  swapBursts: null,
  collapseRate: 0,
  timestampJitterMs: 0,
  seed: 1
};

/** A range check that throws `RangeError('<who>: <what>')` when `ok` is false. */
export function rangeCheck(who: string): (ok: boolean, what: string) => void {
  return (ok, what) => {
    if (!ok) throw new RangeError(`${who}: ${what}`);
  };
}

/** Checks the {@link ClipParams}; `who` prefixes the RangeError message. */
export function validateClipParams(p: ClipParams, who: string): void {
  const check = rangeCheck(who);
  check(p.fpsHz >= 5 && p.fpsHz <= 480, `fpsHz must be within 5–480, got ${p.fpsHz}`);
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
 * The virtual camera for a person of stature `heightM`, 40° vertical field of view.
 * - 'side': at (0, 0.571·H, distanceM) looking at (0, 0.514·H, 0): across the walking line z = 0.
 * - 'front': at (0, 0.571·H, 0) looking along −z (the walking line).
 */
export function sceneCamera(
  view: 'side' | 'front',
  heightM: number,
  distanceM: number,
  widthPx: number,
  heightPx: number
): PinholeCamera {
  const camH = 0.571 * heightM;
  const lookH = 0.514 * heightM;
  return view === 'side'
    ? pinholeCamera(
        { x: 0, y: camH, z: distanceM },
        { x: 0, y: lookH, z: 0 },
        CAMERA_FOV_DEG,
        widthPx,
        heightPx
      )
    : pinholeCamera({ x: 0, y: camH, z: 0 }, { x: 0, y: lookH, z: -4 }, CAMERA_FOV_DEG, widthPx, heightPx);
}

/**
 * Frame timestamps, ms: frame k at k/fps, jittered (variable frame rate) by a normal of sd
 * `jitterMs` clamped to ±0.45 frame (so they stay strictly increasing); frame 0 at 0.
 */
export function frameTimes(nFrames: number, fpsHz: number, jitterMs: number, rng: Random): number[] {
  const periodMs = 1000 / fpsHz;
  return Array.from({ length: nFrames }, (_, k) => {
    if (k === 0 || jitterMs === 0) return k * periodMs;
    const j = Math.max(-0.45 * periodMs, Math.min(0.45 * periodMs, rng.normal() * jitterMs));
    return k * periodMs + j;
  });
}

/** Fractional frame index of a time, ms, interpolated on the timestamps (extrapolated at `periodMs` outside). */
export function fractionalFrame(tMs: readonly number[], periodMs: number): (t: number) => number {
  const n = tMs.length;
  return (t) => {
    if (t <= tMs[0]) return (t - tMs[0]) / periodMs;
    for (let k = 1; k < n; k++) if (t <= tMs[k]) return k - 1 + (t - tMs[k - 1]) / (tMs[k] - tMs[k - 1]);
    return n - 1 + (t - tMs[n - 1]) / periodMs;
  };
}

/**
 * The pose the virtual model reports for 33 scene points, or null when the hip midpoint is
 * outside the image (or within 0.2 m of the camera plane). Image landmarks in px (y down), `z` =
 * depth relative to the hip midpoint in px at the hip's depth; world landmarks in metres,
 * hip-centred, camera axes (x image right, y down, z away). A point outside the image gets
 * visibility and presence 0.05; otherwise `visibility[i]` and presence 0.99.
 */
export function projectPose(
  scene: readonly Vec3[],
  camera: PinholeCamera,
  visibility: readonly number[]
): Pose | null {
  const hipMid: Vec3 = {
    x: (scene[LM.left_hip].x + scene[LM.right_hip].x) / 2,
    y: (scene[LM.left_hip].y + scene[LM.right_hip].y) / 2,
    z: (scene[LM.left_hip].z + scene[LM.right_hip].z) / 2
  };
  const hipProj = camera.project(hipMid);
  const inImage = (x: number, y: number) => x >= 0 && x <= camera.widthPx && y >= 0 && y <= camera.heightPx;
  if (hipProj.depthM <= 0.2 || !inImage(hipProj.xPx, hipProj.yPx)) return null;
  const zScale = camera.focalPx / hipProj.depthM;
  const image: ImageLandmark[] = [];
  const world: WorldLandmark[] = [];
  for (let i = 0; i < scene.length; i++) {
    const q = scene[i];
    const pr = camera.project(q);
    const inside = pr.depthM > 0 && inImage(pr.xPx, pr.yPx);
    const vis = inside ? visibility[i] : VISIBILITY.outOfFrame;
    const presence = inside ? 0.99 : VISIBILITY.outOfFrame;
    image.push({ x: pr.xPx, y: pr.yPx, z: (pr.depthM - hipProj.depthM) * zScale, visibility: vis, presence });
    const dx = q.x - hipMid.x;
    const dy = q.y - hipMid.y;
    const dz = q.z - hipMid.z;
    world.push({
      x: dx * camera.right.x + dy * camera.right.y + dz * camera.right.z,
      y: -(dx * camera.up.x + dy * camera.up.y + dz * camera.up.z),
      z: dx * camera.forward.x + dy * camera.forward.y + dz * camera.forward.z,
      visibility: vis,
      presence
    });
  }
  return { image, world };
}

/** Per-landmark visibility of a side view with `nearSide` facing the camera, or of a front view (null). */
export function sideVisibility(nearSide: BodySide | null): number[] {
  return Array.from({ length: LANDMARK_COUNT }, (_, i) => {
    if (nearSide === null) return VISIBILITY.front;
    const sideOf = i === LM.nose ? null : i % 2 === 1 ? 'left' : 'right';
    return sideOf === null || sideOf === nearSide ? VISIBILITY.near : VISIBILITY.far;
  });
}

/**
 * Injects the pose model's errors into `poses` in place, in this order (all from `rng`): leg-label
 * swap bursts after heel strikes (`isNear` strikes first, see {@link ClipParams.swapBursts}),
 * dropout frames, pixel noise (world landmarks get the noise / `pxPerM`).
 *
 * @returns the swapped (or collapsed) frames, ascending.
 */
export function injectPoseErrors<E extends SyntheticEvent>(
  poses: Array<Pose | null>,
  heelStrikes: readonly E[],
  isNear: (e: E) => boolean,
  p: ClipParams,
  pxPerM: number,
  rng: Random
): number[] {
  const nFrames = poses.length;
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
    const candidates = [
      ...shuffled(heelStrikes.filter(isNear)),
      ...shuffled(heelStrikes.filter((e) => !isNear(e)))
    ];
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

  // dropout (exact count, random frames), then noise
  const dropCount = Math.round(p.dropoutRate * nFrames);
  const order = Array.from({ length: nFrames }, (_, i) => i);
  for (let i = nFrames - 1; i > 0; i--) {
    const j = rng.integer(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const f of order.slice(0, dropCount)) poses[f] = null;
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
  return [...swapped].sort((a, b) => a - b);
}

/** The landmark series of a synthetic clip ('full' model, container 'synthetic'). */
export function syntheticSeries(
  tMs: readonly number[],
  poses: ReadonlyArray<Pose | null>,
  p: Pick<ClipParams, 'fpsHz' | 'widthPx' | 'heightPx'>,
  fileName: string
): LandmarkSeries {
  const frames: PoseFrame[] = tMs.map((t, k) => ({ tMs: t, pose: poses[k] }));
  return {
    version: 1,
    widthPx: p.widthPx,
    heightPx: p.heightPx,
    model: 'full',
    source: {
      container: 'synthetic',
      codec: '',
      fpsHz: p.fpsHz,
      durationMs: tMs.length * (1000 / p.fpsHz),
      rotationDeg: 0,
      fileName
    },
    frames
  };
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
