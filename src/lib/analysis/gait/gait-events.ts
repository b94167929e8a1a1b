import type { Side } from '../landmarks';
import { MAX_STEP_TIME_S } from '../thresholds';

/**
 * An event within this many samples of a sample that was interpolated across a gap is not timed: a toe off
 * there is dropped, and the step times on either side of such a heel strike are left out (timing invented).
 */
export const FILLED_GUARD_SAMPLES = 2;

/** True when any of `masks` marks a sample within `FILLED_GUARD_SAMPLES` of position `p`. */
export function nearFilled(masks: Uint8Array[], p: number): boolean {
  const from = Math.max(0, Math.floor(p) - FILLED_GUARD_SAMPLES);
  for (const mask of masks) {
    const to = Math.min(mask.length - 1, Math.ceil(p) + FILLED_GUARD_SAMPLES);
    for (let i = from; i <= to; i++) if (mask[i]) return true;
  }
  return false;
}

/** A heel strike on the uniform timeline (internal form, before conversion to `GaitEvent`). */
export interface StrikeEvent {
  side: Side;
  /** Sub-sample position on the timeline (parabolic peak interpolation). */
  sample: number;
  /** Index of the contiguous run of alternating strikes it belongs to. */
  run: number;
}

/** Events on the uniform timeline. */
export interface TimelineEvents {
  /** Heel strikes in time order, sides alternating within each run. */
  strikes: StrikeEvent[];
  /**
   * For each strike k: the toe off of the other foot that follows it before strike k + 1
   * (rHS → lTO → lHS → rTO), as a sub-sample position, or null when not found / not measurable.
   */
  toeOffAfter: (number | null)[];
  /**
   * Forward image velocity of the ground, px per sample: 0 overground (still camera), the belt's velocity on a
   * treadmill (side view); 0 where not measured (front view).
   */
  groundForwardPerSample: number;
  /**
   * Side view: every minimum of the trailing toe ahead of the hips (a toe off, whichever foot), sub-sample
   * positions; where they fall within the steps tells walking from running. Empty in a front view.
   */
  trailingToeMinima: number[];
}

/**
 * Sub-sample position of the extremum at integer index `i` of `x` by a parabola through i − 1, i, i + 1
 * (returns `i` when a neighbour is missing or the three points are collinear).
 */
export function refineExtremum(x: ArrayLike<number>, i: number): number {
  const a = x[i - 1];
  const b = x[i];
  const c = x[i + 1];
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) return i;
  const den = a - 2 * b + c;
  if (den === 0) return i;
  const shift = (0.5 * (a - c)) / den;
  return Math.abs(shift) <= 1 ? i + shift : i;
}

/** True when `x` has no missing sample in [from, to]. */
function presentBetween(x: ArrayLike<number>, from: number, to: number): boolean {
  for (let i = Math.floor(from); i <= Math.ceil(to); i++) if (!Number.isFinite(x[i])) return false;
  return true;
}

/**
 * Give heel strikes their sides so that they alternate left/right (docs/METHOD.md §3: heel
 * strikes alternate). Strikes form runs: consecutive strikes at most `MAX_STEP_TIME_S` apart with `signal`
 * present in between. Within a run only two labellings alternate (L,R,L,… or R,L,R,…); the one that agrees
 * with more per-strike votes wins (ties: the larger summed vote margin). A vote is the sign of
 * `margin[k]`: > 0 says left (e.g. the left heel is the forward one at that strike), < 0 right.
 *
 * @param samples - strike positions on the timeline, increasing.
 * @param margin - per-strike vote, same length.
 * @param signal - the signal the strikes were found on (for gap checks).
 * @param sampleRateHz - timeline rate, Hz.
 */
export function assignAlternatingSides(
  samples: number[],
  margin: number[],
  signal: ArrayLike<number>,
  sampleRateHz: number
): StrikeEvent[] {
  const out: StrikeEvent[] = [];
  let runStart = 0;
  let run = 0;
  const closeRun = (end: number) => {
    let agreeLeftFirst = 0;
    let marginLeftFirst = 0;
    for (let k = runStart; k < end; k++) {
      const leftHere = (k - runStart) % 2 === 0 ? 1 : -1;
      if (Math.sign(margin[k]) === leftHere) agreeLeftFirst++;
      else if (margin[k] !== 0) agreeLeftFirst--;
      marginLeftFirst += leftHere * margin[k];
    }
    const leftFirst = agreeLeftFirst > 0 || (agreeLeftFirst === 0 && marginLeftFirst >= 0);
    for (let k = runStart; k < end; k++) {
      const even = (k - runStart) % 2 === 0;
      out.push({ side: even === leftFirst ? 'left' : 'right', sample: samples[k], run });
    }
    run++;
  };
  for (let k = 1; k <= samples.length; k++) {
    const breaks =
      k === samples.length ||
      (samples[k] - samples[k - 1]) / sampleRateHz > MAX_STEP_TIME_S ||
      !presentBetween(signal, samples[k - 1], samples[k]);
    if (breaks) {
      closeRun(k);
      runStart = k;
    }
  }
  return samples.length ? out : [];
}
