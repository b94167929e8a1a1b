import { findPeaks, median } from '../signal';
import {
  HEEL_STRIKE_SPEED_FRACTION,
  MIN_STEP_TIME_S,
  MIN_STRIKE_PROMINENCE_PER_LEG,
  MIN_TOE_OFF_PROMINENCE_PER_LEG,
  TOE_OFF_SPEED_FRACTION
} from '../thresholds';
import { assignAlternatingSides, nearFilled, refineExtremum, type TimelineEvents } from './gait-events';

/** Horizontal signals of a side view on the uniform timeline, px, `NaN` = missing. */
export interface SagittalFootSignals {
  /** (heel x − hip-midpoint x) · direction, per side (and toes likewise). */
  heelLeft: Float64Array;
  heelRight: Float64Array;
  toeLeft: Float64Array;
  toeRight: Float64Array;
  /** Hip-midpoint x · direction: adds back to the signals above to give forward positions in the image. */
  pelvisForward: Float64Array;
  /** The person walks on a treadmill: the ground (belt) moves backward in the image. */
  treadmill: boolean;
  /** 1 where a toe was interpolated across a gap: a toe off there is not trusted. */
  toeFilled: Uint8Array;
}

/** Share of a step interval, after a heel strike, in which the other foot's toe off is searched. */
const TOE_OFF_WINDOW_OF_STEP = 0.6;
/** Share of a step, after a Zeni heel strike, searched for the foot-speed crossing that refines it. */
const REFINE_WINDOW_OF_STEP = 0.25;

/** Part of the step (from its heel strike) where the striking foot is flat on the ground. */
const FLAT_FOOT_WINDOW_OF_STEP = [0.15, 0.55] as const;

/**
 * Heel strikes and toe offs from a side view.
 *
 * 1. **Find** (Zeni, Richards, Higginson 2008; as OpenCap and Stenum 2021): a heel strike is a local maximum of
 *    (heel x − hip-midpoint x)·direction; a toe off a local minimum of (toe x − hip-midpoint x)·direction.
 *    Strikes are found on the LEADING heel, max(left, right), and toe offs on the TRAILING toe, min(left,
 *    right): neither depends on the model's leg labels, so label swaps can neither create nor hide an event.
 *    Spacing ≥ `MIN_STEP_TIME_S`, prominence ≥ `MIN_STRIKE_PROMINENCE_PER_LEG` leg lengths, heel ahead of the
 *    hips.
 * 2. **Refine timing** (foot-velocity principle, O'Connor et al. 2007, Gait & Posture 25:469): Zeni's extrema
 *    are where the foot moves at the pelvis's speed, a little before the heel actually lands and after the toe
 *    actually leaves (the foot decelerates and accelerates over a few tens of ms). The strike is moved to where
 *    the leading heel's speed over the ground first falls below `HEEL_STRIKE_SPEED_FRACTION` × walking speed
 *    after the maximum, and the toe off to where the trailing toe's speed last rose through
 *    `TOE_OFF_SPEED_FRACTION` × walking speed before Zeni's minimum (each searched within
 *    `REFINE_WINDOW_OF_STEP` of a step, and not before the strike) — unless the toe
 *    first moved BACKWARD at that speed (at slow speeds and short stances the lifted toe can swing back a
 *    little before it swings forward): then the toe off is where that backward move began. Both
 *    interpolated between samples; when no
 *    crossing is found, the Zeni time stays. Ground speed = image speed minus the ground's own image velocity
 *    (0 overground with a still camera; on a treadmill the belt's, measured as the median velocity of the
 *    planted foot during its flat-foot phase).
 *    A toe off next to toe samples that were interpolated across a gap (e.g. while the model put both leg
 *    chains on the other leg) is dropped rather than guessed.
 * 3. **Sides**: "the striking foot is the forward one" (read from the corrected labels at each strike), made to
 *    alternate by majority within each run of strikes ({@link assignAlternatingSides}). The toe off after a
 *    strike belongs to the other foot: the order rHS → lTO → lHS → rTO holds by construction.
 *
 * @param s - signals (px, + forward).
 * @param legLengthPx - leg length, px.
 * @param sampleRateHz - timeline rate, Hz.
 */
export function detectSagittalEvents(
  s: SagittalFootSignals,
  legLengthPx: number,
  sampleRateHz: number
): TimelineEvents {
  const n = s.heelLeft.length;
  const lead = new Float64Array(n);
  const negTrail = new Float64Array(n);
  const leadPos = new Float64Array(n);
  const trailPos = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lead[i] = Math.max(s.heelLeft[i], s.heelRight[i]);
    const trail = Math.min(s.toeLeft[i], s.toeRight[i]);
    negTrail[i] = -trail;
    leadPos[i] = lead[i] + s.pelvisForward[i];
    trailPos[i] = trail + s.pelvisForward[i];
  }
  const peaks = findPeaks(lead, {
    minDistance: Math.max(1, Math.round(MIN_STEP_TIME_S * sampleRateHz)),
    minProminence: MIN_STRIKE_PROMINENCE_PER_LEG * legLengthPx,
    minHeight: 0
  });
  const zeniStrikes = peaks.map((p) => refineExtremum(lead, p));
  const spans: number[] = [];
  for (let k = 1; k < zeniStrikes.length; k++) spans.push(zeniStrikes[k] - zeniStrikes[k - 1]);
  const typicalStep = median(spans);

  // Ground and walking speed, px per sample, forward positive.
  const flat: number[] = [];
  if (s.treadmill && Number.isFinite(typicalStep)) {
    for (const z of zeniStrikes) {
      const a = Math.ceil(z + FLAT_FOOT_WINDOW_OF_STEP[0] * typicalStep);
      const b = Math.min(n - 1, Math.floor(z + FLAT_FOOT_WINDOW_OF_STEP[1] * typicalStep));
      for (let i = a + 1; i <= b; i++) flat.push(leadPos[i] - leadPos[i - 1]);
    }
  }
  const groundMedian = median(flat);
  const ground = Number.isFinite(groundMedian) ? groundMedian : 0;
  const pelvisSteps: number[] = [];
  for (let i = 1; i < n; i++) pelvisSteps.push(s.pelvisForward[i] - s.pelvisForward[i - 1]);
  const walkSpeed = median(pelvisSteps) - ground;
  const threshold = TOE_OFF_SPEED_FRACTION * walkSpeed;
  const strikeThreshold = HEEL_STRIKE_SPEED_FRACTION * walkSpeed;
  const canRefine = Number.isFinite(threshold) && threshold > 0 && Number.isFinite(typicalStep);
  const reach = REFINE_WINDOW_OF_STEP * typicalStep;
  /** Foot speed over the ground between samples i and i + 1, px per sample. */
  const speed = (pos: Float64Array, i: number) => pos[i + 1] - pos[i] - ground;

  const samples = zeniStrikes.map((z) => {
    if (!canRefine) return z;
    for (let i = Math.floor(z); i < Math.min(n - 2, z + reach); i++) {
      const a = speed(leadPos, i); // speed at i + 0.5
      const b = speed(leadPos, i + 1); // speed at i + 1.5
      if (a >= strikeThreshold && b < strikeThreshold) {
        return Math.max(z, i + 0.5 + (a - strikeThreshold) / (a - b));
      }
    }
    return z;
  });
  const margin = peaks.map((p) => s.heelLeft[p] - s.heelRight[p]);
  const strikes = assignAlternatingSides(samples, margin, lead, sampleRateHz);

  const toeMinima = findPeaks(negTrail, { minProminence: MIN_TOE_OFF_PROMINENCE_PER_LEG * legLengthPx });
  const toeOffAfter = strikes.map((hs, k) => {
    const next = strikes[k + 1];
    const span = next && next.run === hs.run ? next.sample - hs.sample : typicalStep;
    if (!Number.isFinite(span)) return null;
    const end = hs.sample + TOE_OFF_WINDOW_OF_STEP * span;
    const m = toeMinima.find((p) => p > hs.sample && p <= end);
    if (m === undefined) return null;
    const z = refineExtremum(negTrail, m);
    if (nearFilled([s.toeFilled], m)) return null;
    if (!canRefine) return z;
    const from = Math.max(hs.sample, z - reach);
    let rise = z; // the last forward rise through the threshold before the minimum
    for (let i = Math.ceil(z) - 1; i > from && i >= 1; i--) {
      const a = speed(trailPos, i - 1); // speed at i − 0.5
      const b = speed(trailPos, i); // speed at i + 0.5
      if (a < threshold && b >= threshold) {
        rise = Math.min(z, i - 0.5 + (threshold - a) / (b - a));
        break;
      }
    }
    // A toe that swung back after lifting (slow walking, short stance) left the ground when it began to move
    // back: at least two intervals in a row at the threshold speed, backward (one alone is landmark jitter).
    for (let i = Math.max(1, Math.ceil(from)); i + 1 < rise && i < n - 2; i++) {
      const a = Math.abs(speed(trailPos, i - 1));
      const v = speed(trailPos, i);
      if (a < threshold && v <= -threshold && speed(trailPos, i + 1) <= -threshold) {
        return i - 0.5 + (threshold - a) / (Math.abs(v) - a);
      }
    }
    return rise;
  });
  return {
    strikes,
    toeOffAfter,
    groundForwardPerSample: ground,
    trailingToeMinima: toeMinima.map((m) => refineExtremum(negTrail, m))
  };
}
