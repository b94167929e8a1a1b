import { describe, expect, it } from 'vitest';
import { LANDMARK_COUNT, LM } from '$lib/analysis/landmarks';
import type { GaitTimeline } from '$lib/analysis/gait/types';
import type { Pose, PoseFrame } from '$lib/analysis/series';
import { correctLegs, frameAtTime, sampleAtTime, sampleTimeMs } from './frame-lookup';

const frames: PoseFrame[] = [0, 33, 67, 100, 140].map((tMs) => ({ tMs, pose: null }));

function poseWithX(): Pose {
  const lm = (i: number) => ({ x: i, y: 0, z: 0, visibility: 1, presence: 1 });
  return {
    image: Array.from({ length: LANDMARK_COUNT }, (_, i) => lm(i)),
    world: Array.from({ length: LANDMARK_COUNT }, (_, i) => lm(i))
  };
}

describe('frameAtTime', () => {
  it('finds the nearest frame on a variable-rate clock, clamping outside it', () => {
    expect(frameAtTime(frames, 0)).toBe(0);
    expect(frameAtTime(frames, 50)).toBe(1);
    expect(frameAtTime(frames, 51)).toBe(2);
    expect(frameAtTime(frames, 125)).toBe(4);
    expect(frameAtTime(frames, -10)).toBe(0);
    expect(frameAtTime(frames, 9999)).toBe(4);
  });
  it('throws a RangeError on an empty series', () => {
    expect(() => frameAtTime([], 0)).toThrow(RangeError);
  });
});

describe('sampleAtTime', () => {
  const timeline: GaitTimeline = { t0Ms: 100, sampleRateHz: 50, length: 10, sourceFrame: [], cutoffHz: 6 };
  it('maps time to the nearest uniform sample and back', () => {
    expect(sampleAtTime(timeline, 100)).toBe(0);
    expect(sampleAtTime(timeline, 141)).toBe(2);
    expect(sampleAtTime(timeline, 5000)).toBe(9);
    expect(sampleTimeMs(timeline, 2)).toBe(140);
  });
});

describe('correctLegs', () => {
  it('exchanges the leg chains only, leaving arms and the input untouched', () => {
    const pose = poseWithX();
    const fixed = correctLegs(pose, true, null);
    expect(fixed.image[LM.left_heel].x).toBe(LM.right_heel);
    expect(fixed.image[LM.right_knee].x).toBe(LM.left_knee);
    expect(fixed.image[LM.left_wrist].x).toBe(LM.left_wrist);
    expect(pose.image[LM.left_heel].x).toBe(LM.left_heel);
  });
  it('hides a collapsed leg', () => {
    const fixed = correctLegs(poseWithX(), false, 'right');
    expect(fixed.image[LM.right_ankle].visibility).toBe(0);
    expect(fixed.image[LM.left_ankle].visibility).toBe(1);
  });
});
