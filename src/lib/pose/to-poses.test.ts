import { describe, expect, it } from 'vitest';
import { toPoses, type RawLandmark, type RawPoseResult } from './to-poses';

const raw = (fill: (i: number) => RawLandmark): RawLandmark[] =>
  Array.from({ length: 33 }, (_, i) => fill(i));

describe('toPoses', () => {
  it('scales normalised x, y and z to pixels of the displayed frame (z by the width)', () => {
    const result: RawPoseResult = {
      landmarks: [raw((i) => ({ x: 0.5, y: 0.25, z: -0.1, visibility: i / 32, presence: 0.9 }))],
      worldLandmarks: [raw(() => ({ x: 0.1, y: -0.4, z: 0.05 }))]
    };
    const [pose] = toPoses(result, 1920, 1080);
    expect(pose.image[0]).toEqual({ x: 960, y: 270, z: -192, visibility: 0, presence: 0.9 });
    expect(pose.image[32].visibility).toBe(1);
    // World landmarks stay in metres and borrow the image scores.
    expect(pose.world[32]).toEqual({ x: 0.1, y: -0.4, z: 0.05, visibility: 1, presence: 0.9 });
  });

  it('keeps every person, in order, and treats missing scores as 0', () => {
    const result: RawPoseResult = {
      landmarks: [raw(() => ({ x: 0.1, y: 0.1, z: 0 })), raw(() => ({ x: 0.9, y: 0.9, z: 0 }))],
      worldLandmarks: [raw(() => ({ x: 0, y: 0, z: 0 })), raw(() => ({ x: 0, y: 0, z: 0 }))]
    };
    const poses = toPoses(result, 100, 50);
    expect(poses.map((p) => [p.image[0].x, p.image[0].y])).toEqual([
      [10, 5],
      [90, 45]
    ]);
    expect(poses[0].image[0].visibility).toBe(0);
    expect(poses[0].image[0].presence).toBe(0);
  });

  it('returns no pose when the model found nobody (the frame then becomes pose: null)', () => {
    expect(toPoses({ landmarks: [], worldLandmarks: [] }, 640, 480)).toEqual([]);
  });

  it('skips a malformed pose rather than inventing landmarks', () => {
    const short = {
      landmarks: [raw(() => ({ x: 0, y: 0, z: 0 })).slice(0, 20)],
      worldLandmarks: [raw(() => ({ x: 0, y: 0, z: 0 }))]
    };
    expect(toPoses(short, 640, 480)).toEqual([]);
  });

  it('rejects a non-positive frame size', () => {
    expect(() => toPoses({ landmarks: [], worldLandmarks: [] }, 0, 480)).toThrow(RangeError);
  });
});
