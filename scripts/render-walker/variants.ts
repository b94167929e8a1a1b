/**
 * The rendered clips behind `tests/fixtures/rendered/`. Each is 960×540, side view, the camera 1 m high on the
 * z axis looking at the walking line (z = 0); the walker is 1.75 m tall (leg 0.859 m), casual clothes.
 */
import type { CameraSpec, ClipSpec } from './clip';

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
