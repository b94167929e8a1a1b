import { describe, expect, it } from 'vitest';
import { LITE_SWAP_BURSTS } from '../../../../tests/gait/synthetic-recovery';
import { makeSyntheticWalk } from '../../../../tests/synthetic/make-synthetic-walk';
import { correctLegSwaps } from './correct-leg-swaps';
import { extractLandmarkTracks } from './extract-landmark-tracks';
import { legLengthPx } from './leg-length';

describe('correctLegSwaps', () => {
  it('relabels exactly the injected swap bursts and marks the collapsed frames', () => {
    let agree = 0;
    let total = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { series, truth } = makeSyntheticWalk({
        swapBursts: LITE_SWAP_BURSTS,
        collapseRate: 0.3,
        noisePx: 1,
        durationS: 5,
        treadmill: true,
        seed
      });
      const tracks = extractLandmarkTracks(series);
      const c = correctLegSwaps(tracks, legLengthPx(tracks), 200);
      const injected = new Set(truth.swappedFrames);
      for (let i = 0; i < tracks.length; i++) {
        const flagged = c.swapped[i] === 1 || c.collapsed[i] !== null;
        if (flagged === injected.has(i)) agree++;
        total++;
      }
    }
    expect(agree / total).toBeGreaterThan(0.99);
  });

  it('leaves clean data alone and does not modify its input', () => {
    const { series } = makeSyntheticWalk({ durationS: 4, seed: 3 });
    const tracks = extractLandmarkTracks(series);
    const heel = Float64Array.from(tracks.x[29]);
    const c = correctLegSwaps(tracks, legLengthPx(tracks), 200);
    expect(c.swapped.every((v) => v === 0)).toBe(true);
    expect(c.collapsed.every((v) => v === null)).toBe(true);
    expect(tracks.x[29]).toEqual(heel);
  });

  it('a collapsed frame keeps the leg it sits on and blanks the other', () => {
    const { series, truth } = makeSyntheticWalk({
      swapBursts: LITE_SWAP_BURSTS,
      collapseRate: 1,
      durationS: 4,
      treadmill: true,
      seed: 7
    });
    const tracks = extractLandmarkTracks(series);
    const c = correctLegSwaps(tracks, legLengthPx(tracks), 200);
    const frames = truth.swappedFrames;
    expect(frames.length).toBeGreaterThan(0);
    for (const f of frames) {
      const missing = c.collapsed[f];
      expect(missing).not.toBeNull();
      const heel = missing === 'left' ? 29 : 30;
      const kept = missing === 'left' ? 30 : 29;
      expect(c.tracks.x[heel][f]).toBeNaN();
      expect(Number.isFinite(c.tracks.x[kept][f])).toBe(true);
    }
  });
});
