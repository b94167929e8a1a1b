import { findPeaks } from '../signal';
import { MIN_FRONTAL_STRIKE_PROMINENCE_PER_LEG, MIN_STEP_TIME_S } from '../thresholds';
import { assignAlternatingSides, refineExtremum, type TimelineEvents } from './gait-events';

/**
 * Heel strikes from a front (or back) view, temporal only (Stenum et al. 2021, frontal branch: the vertical
 * separation of the feet).
 *
 * Definition: with `separation` = (left heel y − right heel y) · sign, where sign is +1 walking toward the
 * camera (the forward foot is nearer, so lower in the image) and −1 walking away, a left heel strike is a
 * local maximum of `separation` and a right heel strike a local maximum of −`separation`. Both sets are
 * merged, kept at least `MIN_STEP_TIME_S` apart, and made to alternate with the sign of `separation` at each
 * strike as the vote ({@link assignAlternatingSides}).
 *
 * Toe offs are not detected in this view (stance, swing and double support are not measurable from it), so
 * `toeOffAfter` is all null.
 *
 * @param separation - vertical heel separation, px, `NaN` = missing.
 * @param legLengthPx - leg length, px.
 * @param sampleRateHz - timeline rate, Hz.
 */
export function detectFrontalEvents(
  separation: Float64Array,
  legLengthPx: number,
  sampleRateHz: number
): TimelineEvents {
  const n = separation.length;
  const magnitude = new Float64Array(n);
  for (let i = 0; i < n; i++) magnitude[i] = Math.abs(separation[i]);
  const opts = {
    minDistance: Math.max(1, Math.round(MIN_STEP_TIME_S * sampleRateHz)),
    minProminence: MIN_FRONTAL_STRIKE_PROMINENCE_PER_LEG * legLengthPx
  };
  const negated = separation.map((v) => -v);
  const candidates = [
    ...findPeaks(separation, { ...opts, minHeight: 0 }),
    ...findPeaks(negated, { ...opts, minHeight: 0 })
  ].sort((a, b) => a - b);
  // Keep strikes at least a minimum step apart (the larger separation wins).
  const kept: number[] = [];
  for (const p of candidates) {
    const last = kept[kept.length - 1];
    if (last !== undefined && p - last < opts.minDistance) {
      if (magnitude[p] > magnitude[last]) kept[kept.length - 1] = p;
    } else kept.push(p);
  }
  const samples = kept.map((p) => refineExtremum(separation[p] >= 0 ? separation : negated, p));
  const strikes = assignAlternatingSides(
    samples,
    kept.map((p) => separation[p]),
    magnitude,
    sampleRateHz
  );
  return { strikes, toeOffAfter: strikes.map(() => null), groundForwardPerSample: 0, trailingToeMinima: [] };
}
