import { findPeaks } from '../signal';
import {
  MIN_STEP_TIME_S,
  MIN_STRIKE_PROMINENCE_PER_LEG,
  MIN_TOE_OFF_PROMINENCE_PER_LEG
} from '../thresholds';
import { assignAlternatingSides, refineExtremum, type TimelineEvents } from './gait-events';

/** Horizontal foot signals of a side view, px, each = (point x − hip-midpoint x) · direction. */
export interface SagittalFootSignals {
  heelLeft: Float64Array;
  heelRight: Float64Array;
  toeLeft: Float64Array;
  toeRight: Float64Array;
}

/** Share of a step interval, after a heel strike, in which the other foot's toe off is searched. */
const TOE_OFF_WINDOW_OF_STEP = 0.6;

/**
 * Heel strikes and toe offs from a side view (Zeni, Richards, Higginson 2008; as OpenCap and Stenum 2021).
 *
 * Definition: a heel strike is a local maximum of (heel x − hip-midpoint x)·direction; a toe off is a local
 * minimum of (toe x − hip-midpoint x)·direction.
 *
 * Left/right robustness: strikes are found on the LEADING heel, max(left, right) of that signal, which does
 * not depend on the model's leg labels, so label swaps cannot create or hide strikes. Toe offs are found on
 * the TRAILING toe, min(left, right). Which foot struck is then read from the (corrected) labels, "the
 * striking foot is the forward one", and made to alternate by majority within each run of strikes
 * ({@link assignAlternatingSides}). Each toe off is the first trailing-toe minimum in the first
 * `TOE_OFF_WINDOW_OF_STEP` of the step after a strike, and belongs to the other foot, which enforces the
 * order rHS → lTO → lHS → rTO.
 *
 * Spacing: strikes at least `MIN_STEP_TIME_S` apart, prominence ≥ `MIN_STRIKE_PROMINENCE_PER_LEG` leg
 * lengths, the heel ahead of the hips (> 0).
 *
 * @param s - foot signals on the uniform timeline (px, + forward), `NaN` = missing.
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
  for (let i = 0; i < n; i++) {
    lead[i] = Math.max(s.heelLeft[i], s.heelRight[i]);
    negTrail[i] = -Math.min(s.toeLeft[i], s.toeRight[i]);
  }
  const peaks = findPeaks(lead, {
    minDistance: Math.max(1, Math.round(MIN_STEP_TIME_S * sampleRateHz)),
    minProminence: MIN_STRIKE_PROMINENCE_PER_LEG * legLengthPx,
    minHeight: 0
  });
  const samples = peaks.map((p) => refineExtremum(lead, p));
  const margin = peaks.map((p) => s.heelLeft[p] - s.heelRight[p]);
  const strikes = assignAlternatingSides(samples, margin, lead, sampleRateHz);

  const toeMinima = findPeaks(negTrail, { minProminence: MIN_TOE_OFF_PROMINENCE_PER_LEG * legLengthPx });
  const stepSamples: number[] = [];
  for (let k = 1; k < strikes.length; k++) {
    if (strikes[k].run === strikes[k - 1].run) stepSamples.push(strikes[k].sample - strikes[k - 1].sample);
  }
  stepSamples.sort((a, b) => a - b);
  const typicalStep = stepSamples.length ? stepSamples[Math.floor(stepSamples.length / 2)] : NaN;
  const toeOffAfter = strikes.map((hs, k) => {
    const next = strikes[k + 1];
    const span = next && next.run === hs.run ? next.sample - hs.sample : typicalStep;
    if (!Number.isFinite(span)) return null;
    const end = hs.sample + TOE_OFF_WINDOW_OF_STEP * span;
    const m = toeMinima.find((p) => p > hs.sample && p <= end);
    return m === undefined ? null : refineExtremum(negTrail, m);
  });
  return { strikes, toeOffAfter };
}
