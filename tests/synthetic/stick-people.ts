/**
 * Stick people in image pixels for the walker tracker's tests: only the points the tracker reads
 * (hips, shoulders, ankles, visibility) are meaningful; the other landmarks sit on the hips.
 */
import { LM } from '../../src/lib/analysis/landmarks';
import type { Pose } from '../../src/lib/analysis/series';

/**
 * A person with the mid-hip at (x, y), a torso `torso` px tall (shoulders straight above the
 * hips), ankles `sep` px apart (left minus right, signed) 1.6 torsos below the hips.
 */
export function person(x: number, y: number, sep = 0, torso = 100, visibility = 0.9): Pose {
  const image = Array.from({ length: 33 }, () => ({ x, y, z: 0, visibility, presence: 1 }));
  const set = (i: number, px: number, py: number) => (image[i] = { ...image[i], x: px, y: py });
  set(LM.left_hip, x, y);
  set(LM.right_hip, x, y);
  set(LM.left_shoulder, x, y - torso);
  set(LM.right_shoulder, x, y - torso);
  set(LM.left_ankle, x + sep / 2, y + 1.6 * torso);
  set(LM.right_ankle, x - sep / 2, y + 1.6 * torso);
  return { image, world: image.map((p) => ({ ...p, x: 0, y: 0, z: 0 })) };
}

export const FPS = 30;
/** Frame times of `n` frames at {@link FPS}, ms. */
export const times = (n: number): number[] => Array.from({ length: n }, (_, i) => (i * 1000) / FPS);
/** A side-on walker in frame `i`: travels `speed` px/frame, legs crossing about every 16 frames. */
export const walker = (i: number, x0 = 1500, speed = -6): Pose =>
  person(x0 + speed * i, 700, 80 * Math.sin((i * Math.PI) / 16));
/** Jumping jacks facing the camera on a roof: no travel, ankles apart and together, never crossing. */
export const jumper = (i: number): Pose => person(600, 250, 40 + 30 * Math.sin((i * Math.PI) / 10));
