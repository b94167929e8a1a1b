import { sideIndex, type Side } from '../landmarks';
import { median } from '../signal';
import type { LandmarkTracks } from './extract-landmark-tracks';
import { distancePx } from './geometry';

/**
 * Leg length in pixels: the median, over every frame and both legs in which hip, knee and ankle are all
 * visible, of |hip − knee| + |knee − ankle|. The sum of the two segments does not shrink when the knee
 * bends, and the median ignores the frames where the model mislabels a leg (both chains of a frame give
 * a real leg, so left/right swaps do not matter here). docs/METHOD.md §6.
 *
 * @returns leg length, px, or `NaN` when no leg was ever fully visible.
 */
export function legLengthPx(tracks: LandmarkTracks): number {
  return median(sideLengths(tracks, ['left', 'right']));
}

/**
 * Leg length of each side separately, px (median as in {@link legLengthPx}), from tracks whose left/right
 * labels have been corrected. In a side view the near leg is closer to the camera and so looks longer; the
 * ratio of the two is the perspective scale between the two legs' depth planes.
 */
export function legLengthsBySidePx(tracks: LandmarkTracks): { left: number; right: number } {
  return { left: median(sideLengths(tracks, ['left'])), right: median(sideLengths(tracks, ['right'])) };
}

function sideLengths(tracks: LandmarkTracks, sides: readonly Side[]): number[] {
  const lengths: number[] = [];
  for (const side of sides) {
    const hip = sideIndex(side, 'hip');
    const knee = sideIndex(side, 'knee');
    const ankle = sideIndex(side, 'ankle');
    for (let i = 0; i < tracks.length; i++) {
      const len =
        distancePx(tracks.x[hip][i], tracks.y[hip][i], tracks.x[knee][i], tracks.y[knee][i]) +
        distancePx(tracks.x[knee][i], tracks.y[knee][i], tracks.x[ankle][i], tracks.y[ankle][i]);
      if (Number.isFinite(len) && len > 0) lengths.push(len);
    }
  }
  return lengths;
}
