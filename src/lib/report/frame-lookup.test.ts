import { describe, expect, it } from 'vitest';
import { LANDMARK_COUNT, LM } from '$lib/analysis/landmarks';
import type { GaitTimeline } from '$lib/analysis/gait/types';
import type { Pose } from '$lib/analysis/series';
import { nearestFrame, sampleAtTime, sampleToMs } from '$lib/analysis/gait/timeline-mapping';
import { correctLegs } from './frame-lookup';

const frameTMs = [0, 33, 67, 100, 140];

function poseWithX(): Pose {
  const lm = (i: number) => ({ x: i, y: 0, z: 0, visibility: 1, presence: 1 });
  return {
    image: Array.from({ length: LANDMARK_COUNT }, (_, i) => lm(i)),
    world: Array.from({ length: LANDMARK_COUNT }, (_, i) => lm(i))
  };
}

describe('nearestFrame', () => {
  it('finds the nearest frame on a variable-rate clock, clamping outside it', () => {
    expect(nearestFrame(frameTMs, 0)).toBe(0);
    expect(nearestFrame(frameTMs, 50)).toBe(1);
    expect(nearestFrame(frameTMs, 51)).toBe(2);
    expect(nearestFrame(frameTMs, 125)).toBe(4);
    expect(nearestFrame(frameTMs, -10)).toBe(0);
    expect(nearestFrame(frameTMs, 9999)).toBe(4);
  });
  it('gives -1 for a series without frames', () => {
    expect(nearestFrame([], 0)).toBe(-1);
  });
});

describe('sampleAtTime', () => {
  const timeline: GaitTimeline = { t0Ms: 100, sampleRateHz: 50, length: 10, sourceFrame: [], cutoffHz: 6 };
  it('maps time to the nearest uniform sample and back', () => {
    expect(sampleAtTime(timeline, 100)).toBe(0);
    expect(sampleAtTime(timeline, 141)).toBe(2);
    expect(sampleAtTime(timeline, 5000)).toBe(9);
    expect(sampleToMs(2, timeline.t0Ms, timeline.sampleRateHz)).toBe(140);
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
