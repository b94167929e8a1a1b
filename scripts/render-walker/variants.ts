/**
 * The rendered clips behind `tests/fixtures/rendered/`. Each is 960×540, side view, the camera 1 m high on the
 * z axis looking at the walking line (z = 0); the walker is 1.75 m tall (leg 0.859 m), casual clothes.
 */
import type { CameraSpec, ClipSpec } from './clip';
import type { GaitParams } from './gait';

const SIDE_4M: CameraSpec = { dist: 4, height: 1, fov: 40, lookY: 0.9, x: 0 };
const base = { W: 960, H: 540, appearance: 'casual', bitrate: 3e6 } as const;

/** Gait time of a left heel strike k (the gait's default phase0 = 0.15, no step-time offset). */
const leftStrikeTau = (cadence: number, k: number) => (120 / cadence) * (-0.15 + 0.5 + k);

const TURN_CADENCE = 105;
/** The turn clip stops 5 % of a stride after a left heel strike (double support): gait time at the stop. */
const TURN_STOP_TAU = leftStrikeTau(TURN_CADENCE, 2) + 0.05 * (120 / TURN_CADENCE);
/** Gait time covered from t = 0 to the stop: rate 1 until 2.4 s, then a smooth ramp to 0 over 0.8 s. */
const TURN_TAU_TO_STOP = 2.4 + 0.4;

export const VARIANTS: ClipSpec[] = [
  {
    ...base,
    name: 'limp',
    about:
      'Antalgic-like limp: short left stance (55 %) and short right step time, long right stance (68 %); ' +
      'step-time SI 24 %, equal step lengths (0.55 m), cadence 95, walking left→right. Camera 4.5 m away.',
    fps: 30,
    frames: 180,
    camera: { ...SIDE_4M, dist: 4.5 },
    segments: [
      {
        label: 'walk left→right, limping',
        from: 0,
        tau0: 0,
        x0: -2.55,
        gait: {
          cadence: 95,
          stepL: 0.55,
          stepR: 0.55,
          stanceL: 0.55,
          stanceR: 0.68,
          leftOffset: 0.06,
          dir: 1
        }
      }
    ]
  },
  {
    ...base,
    name: 'slow-standstill',
    about:
      'Stands still (frozen in double support just after a right heel strike) for 0.7 s, then starts walking: ' +
      'the gait time advances at a rate rising smoothly (smoothstep) from 0 to 1 over 0.7–1.7 s. Slow gait: ' +
      'cadence 80 once under way, steps 0.55 m, stance 63 %, walking right→left.',
    fps: 24,
    frames: 120,
    camera: SIDE_4M,
    segments: [
      {
        label: 'stand, then start walking right→left',
        from: 0,
        tau0: 1.5 * 0.9,
        x0: 1.6,
        rate: [
          [0.7, 0],
          [1.7, 1]
        ],
        gait: { cadence: 80, stepL: 0.55, stepR: 0.55, stanceL: 0.63, stanceR: 0.63, dir: -1 }
      }
    ]
  },
  {
    ...base,
    name: 'two-pass',
    about:
      'Walks left→right across and out of the picture (cadence 110, 0.66 m steps), is out of view for ≈1.2 s, ' +
      'then re-enters from the right walking right→left a little slower (cadence 104, 0.62 m steps).',
    fps: 30,
    frames: 330,
    camera: SIDE_4M,
    segments: [
      {
        label: 'pass 1: walk left→right and out',
        from: 0,
        tau0: 0,
        x0: -2.2,
        gait: { cadence: 110, dir: 1 }
      },
      {
        label: 'pass 2: re-enter from the right, walk right→left',
        from: 5,
        tau0: 0,
        x0: 3.7,
        gait: { cadence: 104, stepL: 0.62, stepR: 0.62, dir: -1 }
      }
    ]
  },
  {
    ...base,
    name: 'turn',
    about:
      'Walks left→right (cadence 105, 0.62 m steps), slows to a stop in double support (gait-time rate 1→0 over ' +
      '2.4–3.2 s), turns 180° on the spot towards the camera (3.3–4.8 s, passing through a frontal view; the ' +
      'feet pivot, no steps), then starts again (rate 0→1 over 4.9–5.7 s) and walks right→left.',
    fps: 30,
    frames: 255,
    camera: SIDE_4M,
    segments: [
      {
        label: 'walk left→right, stop, turn 180° on the spot, walk right→left',
        from: 0,
        tau0: TURN_STOP_TAU - TURN_TAU_TO_STOP,
        x0: -1.6,
        rate: [
          [2.4, 1],
          [3.2, 0],
          [4.9, 0],
          [5.7, 1]
        ],
        turn: { start: 3.3, end: 4.8, yawDeg: -180 },
        gait: { cadence: TURN_CADENCE, stepL: 0.62, stepR: 0.62, dir: 1 }
      }
    ]
  },
  {
    ...base,
    name: 'run',
    about:
      'Running on a treadmill (pelvis fixed in x, feet move back with the belt): cadence 165, stance 35 % ' +
      '(flight phases of 15 % of the stride between steps), 0.95 m steps in the belt frame (2.6 m/s), lean 8°, ' +
      'elbows flexed. 60 fps.',
    fps: 60,
    frames: 240,
    camera: SIDE_4M,
    segments: [
      {
        label: 'run on a treadmill, facing right',
        from: 0,
        tau0: 0,
        gait: {
          style: 'run',
          cadence: 165,
          stepL: 0.95,
          stepR: 0.95,
          stanceL: 0.35,
          stanceR: 0.35,
          lean: 8,
          elbowFlex: 80,
          armSwing: 1.3,
          clearance: 0.06,
          treadmill: true,
          startX: 0,
          dir: 1
        }
      }
    ]
  },
  {
    ...base,
    name: 'far',
    about:
      'Normal walk (cadence 110, 0.66 m steps, stance 60 %) left→right seen from 6.5 m, so the walker is small ' +
      '(≈250 px tall); 60 fps.',
    fps: 60,
    frames: 240,
    camera: { ...SIDE_4M, dist: 6.5 },
    segments: [{ label: 'walk left→right', from: 0, tau0: 0, x0: -2.4, gait: { cadence: 110, dir: 1 } }]
  }
];

/** What a findings clip varies; everything else is the gait model's default (stance 60 %, lean 4°). */
interface FindingsWalk {
  name: string;
  about: string;
  cadence: number;
  /** step length (m), or [left, right] */
  step: number | [number, number];
  /** +1 left→right, -1 right→left (side view); in the front view +1 walks towards the camera */
  dir: 1 | -1;
  /** camera distance from the walking line, m (side view) */
  dist?: number;
  frames: number;
  /** world x of the pelvis at t = 0; default: centred so the pelvis passes x = 0 at mid-clip */
  x0?: number;
  camera?: CameraSpec;
  gait?: Partial<GaitParams>;
}

/**
 * A steady walk (gait time = clip time) for the findings clips: 30 fps, side view from 4 m unless said, the
 * pelvis crossing the camera's axis at mid-clip.
 */
function findingsWalk(w: FindingsWalk): ClipSpec {
  const [stepL, stepR] = typeof w.step === 'number' ? [w.step, w.step] : w.step;
  const fps = 30;
  const speed = (stepL + stepR) / (120 / w.cadence);
  const treadmill = w.gait?.treadmill ?? false;
  const x0 = w.x0 ?? (treadmill ? 0 : -w.dir * speed * (w.frames / fps / 2));
  const camera = w.camera ?? { ...SIDE_4M, dist: w.dist ?? 4 };
  return {
    ...base,
    name: `findings/${w.name}`,
    about: w.about,
    fps,
    frames: w.frames,
    camera,
    segments: [
      {
        label: treadmill
          ? `treadmill walk, facing ${w.dir > 0 ? 'right' : 'left'}`
          : camera.dist === 0
            ? `walk towards the camera (front view)`
            : `walk ${w.dir > 0 ? 'left→right' : 'right→left'}`,
        from: 0,
        tau0: 0,
        ...(treadmill ? {} : { x0 }),
        gait: { cadence: w.cadence, stepL, stepR, dir: w.dir, ...w.gait }
      }
    ]
  };
}

/** World x of the camera of the front-view clip, on the walking line (z = 0), looking back along −x. */
const FRONT_CAMERA_X = 6;

/**
 * The clips behind `tests/fixtures/rendered/findings/` (issue "Findings"): normal walkers for calibrating the
 * report's bands (cadence 90–125, camera 3–6.5 m, both directions, one shorter walker) and a matrix of walkers
 * each meant to raise one finding. Step lengths follow the normal walk ratio (step ≈ 0.0070 leg lengths ×
 * cadence, ≈ 0.0060 m × cadence for the 0.859-m leg) unless the clip is about step length.
 */
export const FINDINGS: ClipSpec[] = [
  findingsWalk({
    name: 'normal-90-r',
    about: 'Normal walk, cadence 90, steps 0.54 m, left→right, camera 4 m.',
    cadence: 90,
    step: 0.54,
    dir: 1,
    frames: 150
  }),
  findingsWalk({
    name: 'normal-100-l',
    about: 'Normal walk, cadence 100, steps 0.60 m, right→left, camera 5 m.',
    cadence: 100,
    step: 0.6,
    dir: -1,
    dist: 5,
    frames: 150
  }),
  findingsWalk({
    name: 'normal-110-r-3m',
    about: 'Normal walk, cadence 110, steps 0.66 m, left→right, camera 3 m (walker large).',
    cadence: 110,
    step: 0.66,
    dir: 1,
    dist: 3,
    frames: 80
  }),
  findingsWalk({
    name: 'normal-110-l',
    about: 'Normal walk, cadence 110, steps 0.66 m, right→left, camera 4 m.',
    cadence: 110,
    step: 0.66,
    dir: -1,
    frames: 114
  }),
  findingsWalk({
    name: 'normal-118-r-6.5m',
    about: 'Normal walk, cadence 118, steps 0.71 m, left→right, camera 6.5 m (walker small).',
    cadence: 118,
    step: 0.71,
    dir: 1,
    dist: 6.5,
    frames: 150
  }),
  findingsWalk({
    name: 'normal-125-l',
    about: 'Normal walk, cadence 125, steps 0.75 m, right→left, camera 4.5 m.',
    cadence: 125,
    step: 0.75,
    dir: -1,
    dist: 4.5,
    frames: 96
  }),
  findingsWalk({
    name: 'normal-105-r-short',
    about:
      'Normal walk of a shorter person (1.60 m, leg 0.785 m), cadence 105, steps 0.57 m, left→right, camera 4 m.',
    cadence: 105,
    step: 0.57,
    dir: 1,
    frames: 120,
    gait: { H: 1.6 }
  }),
  findingsWalk({
    name: 'treadmill-110',
    about:
      'Treadmill walk (pelvis fixed in x, the feet move back with the belt), cadence 110, steps 0.66 m, facing right, camera 4 m.',
    cadence: 110,
    step: 0.66,
    dir: 1,
    frames: 150,
    gait: { treadmill: true, startX: 0 }
  }),
  findingsWalk({
    name: 'lean-15',
    about: 'Trunk leaning forward 15°, cadence 108, steps 0.65 m, left→right, camera 4 m.',
    cadence: 108,
    step: 0.65,
    dir: 1,
    frames: 116,
    gait: { lean: 15 }
  }),
  findingsWalk({
    name: 'neck-25',
    about: 'Neck flexed forward 25° (forward head), cadence 108, steps 0.65 m, right→left, camera 4 m.',
    cadence: 108,
    step: 0.65,
    dir: -1,
    frames: 114,
    gait: { neckFlex: 27 }
  }),
  findingsWalk({
    name: 'long-steps-110',
    about:
      'Overstriding: steps 0.82 m (0.95 leg lengths, 24 % longer than the normal 0.66 m) at cadence 110, left→right, camera 4.5 m.',
    cadence: 110,
    step: 0.82,
    dir: 1,
    dist: 4.5,
    frames: 102
  }),
  findingsWalk({
    name: 'fast-long-125',
    about:
      'Fast walk: longer steps AND higher cadence (cadence 125, steps 0.80 m, walk ratio about normal), right→left, camera 5 m: not overstriding.',
    cadence: 125,
    step: 0.8,
    dir: -1,
    dist: 5,
    frames: 102
  }),
  findingsWalk({
    name: 'uneven-steps',
    about:
      'Uneven step lengths: left 0.73 m, right 0.56 m (0.85 / 0.65 leg lengths), cadence 108, left→right, camera 4 m.',
    cadence: 108,
    step: [0.73, 0.56],
    dir: 1,
    frames: 116
  }),
  findingsWalk({
    name: 'limp-time',
    about:
      'Limp in time: step time left 0.52 s / right 0.66 s (stride 1.18 s, cadence 101.7; step-time SI 24 %), stance left 68 % / right 55 % (no flight), equal steps 0.58 m, left→right, camera 6 m, 7 s (long enough for 5–6 steps a side).',
    cadence: 120 / 1.18,
    step: 0.58,
    dir: 1,
    dist: 6,
    frames: 210,
    gait: { stanceL: 0.68, stanceR: 0.55, leftOffset: 0.52 / 1.18 - 0.5 }
  }),
  findingsWalk({
    name: 'cadence-95',
    about: 'Slow pace: cadence 95, steps 0.57 m (normal walk ratio), right→left, camera 4 m.',
    cadence: 95,
    step: 0.57,
    dir: -1,
    frames: 144
  }),
  findingsWalk({
    name: 'cadence-125',
    about: 'Brisk pace: cadence 125, steps 0.75 m (normal walk ratio), left→right, camera 5 m.',
    cadence: 125,
    step: 0.75,
    dir: 1,
    dist: 5,
    frames: 105
  }),
  findingsWalk({
    name: 'front-110',
    about: `Front view: walks towards the camera, which stands on the walking line (x = ${FRONT_CAMERA_X} m, 1 m high); cadence 110, steps 0.66 m; from 8.2 to 3.3 m away.`,
    cadence: 110,
    step: 0.66,
    dir: 1,
    frames: 120,
    x0: FRONT_CAMERA_X - 8.2,
    camera: { dist: 0, height: 1, fov: 40, lookY: 0.9, x: FRONT_CAMERA_X, lookX: 0 }
  })
];
