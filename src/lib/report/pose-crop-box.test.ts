import { describe, expect, it } from 'vitest';
import { LANDMARK_COUNT } from '$lib/analysis/landmarks';
import type { Pose } from '$lib/analysis/series';
import { poseCropBox } from './pose-crop-box';

function pose(points: [number, number, number][]): Pose {
  const image = Array.from({ length: LANDMARK_COUNT }, (_, i) => {
    const [x, y, visibility] = points[i % points.length];
    return { x, y, z: 0, visibility, presence: 1 };
  });
  return { image, world: image };
}

describe('poseCropBox', () => {
  it('pads the visible landmarks by a share of the body height and clamps to the frame', () => {
    const box = poseCropBox(
      pose([
        [400, 100, 1],
        [500, 300, 1],
        [900, 500, 0.1]
      ]),
      960,
      540,
      0.1
    );
    expect(box).toEqual({ x: 380, y: 80, width: 140, height: 240 });
    const edge = poseCropBox(
      pose([
        [5, 10, 1],
        [950, 530, 1]
      ]),
      960,
      540,
      0.2
    );
    expect(edge).toEqual({ x: 0, y: 0, width: 960, height: 540 });
  });
  it('widens a narrow box about its centre to the minimum aspect', () => {
    const box = poseCropBox(
      pose([
        [450, 100, 1],
        [470, 300, 1]
      ]),
      960,
      540,
      0,
      0.3,
      1
    );
    expect(box).toEqual({ x: 360, y: 100, width: 200, height: 200 });
  });
  it('falls back to the whole frame when nothing is visible', () => {
    expect(poseCropBox(pose([[1, 1, 0]]), 960, 540)).toEqual({ x: 0, y: 0, width: 960, height: 540 });
  });
});
