/**
 * Steady synthetic treadmill walks whose heel strikes are moved on purpose, to test the rhythm finding against
 * event-timing error: shared by `src/lib/report/findings/judge-regularity.test.ts` (which pins the verdicts) and
 * `scripts/stride-time-cv.ts` (which prints the CVs that docs/VALIDATION.md §4 quotes).
 */
import type { LandmarkSeries } from '../../src/lib/analysis/series';
import { makeSyntheticWalk } from '../synthetic/make-synthetic-walk';
import { createRandom } from '../synthetic/random';

/** Frame rate of every walk here, Hz. */
export const REGULARITY_FPS = 30;
const FRAME_MS = 1000 / REGULARITY_FPS;

/**
 * A steady synthetic 12-s treadmill walk (every one of its ≈20 strides stays in view), piecewise-linearly
 * time-warped so that its heel strikes happen at `moveStrikes(trueStrikeTimesMs)` instead of their true times
 * (the motion between strikes is stretched to fit).
 */
export function warpedWalk(seed: number, moveStrikes: (fromMs: number[]) => number[]): LandmarkSeries {
  const { series, truth } = makeSyntheticWalk({
    durationS: 12,
    fpsHz: REGULARITY_FPS,
    seed,
    treadmill: true
  });
  const from = truth.heelStrikes.map((e) => e.tMs);
  const to = moveStrikes(from);
  const warp = (t: number) => {
    let k = 0;
    while (k < from.length - 2 && t > from[k + 1]) k++;
    return to[k] + ((t - from[k]) * (to[k + 1] - to[k])) / (from[k + 1] - from[k]);
  };
  return { ...series, frames: series.frames.map((f) => ({ ...f, tMs: warp(f.tMs) })) };
}

/** A steady walk whose strikes (all but the first) are each moved by −1, 0 or +1 frame at random. */
export function jitteredWalk(): LandmarkSeries {
  const rng = createRandom(11);
  return warpedWalk(3, (from) => from.map((t, k) => (k === 0 ? t : t + rng.integer(-1, 1) * FRAME_MS)));
}

/**
 * A steady walk whose right strikes (odd k) are moved by −2, +2, 0, 0 frames in turn, as the full model misplaces
 * the near heel's strikes on the rendered walker.
 */
export function nearStrikesMovedWalk(): LandmarkSeries {
  const offFrames = (k: number) => (k % 2 === 1 ? [-2, 2, 0, 0][((k - 1) / 2) % 4] : 0);
  return warpedWalk(4, (from) => from.map((t, k) => t + offFrames(k) * FRAME_MS));
}

/**
 * A walk whose strides really vary: each step's duration scaled by 1 + 0.18·z (z standard normal, clamped to
 * ±2). A stride is two steps, so stride times vary by ≈0.18/√2 ≈ 13 % before clamping, 10.1 % as drawn here
 * (seed 5); then ±1-frame strike jitter on top.
 */
export function variedWalk(): LandmarkSeries {
  const rng = createRandom(5);
  const moved = (from: number[]) => {
    const to = [from[0]];
    for (let k = 1; k < from.length; k++) {
      const z = Math.max(-2, Math.min(2, rng.normal()));
      to.push(to[k - 1] + (from[k] - from[k - 1]) * (1 + 0.18 * z));
    }
    return to.map((t, k) => (k === 0 ? t : t + rng.integer(-1, 1) * FRAME_MS));
  };
  return warpedWalk(6, moved);
}
