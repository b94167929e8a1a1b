import { isMissing } from './is-missing';

/**
 * Fill short interior gaps by linear interpolation.
 *
 * Definition: every interior run of missing samples (`NaN`, `±Infinity`) of at most
 * `maxGapSamples` samples, with a present sample on both sides, is replaced by the straight line
 * between those two neighbours. Longer runs and leading/trailing missing samples stay `NaN`
 * (no extrapolation). docs/METHOD.md §1: interpolate gaps ≤ 0.2 s, split the series at longer ones.
 *
 * @param values - the series (read only), uniformly sampled.
 * @param maxGapSamples - longest gap to fill, in samples (≥ 0; `Infinity` fills every interior gap).
 * @returns a new array; missing samples that were not filled are `NaN`.
 * @throws RangeError if `maxGapSamples` is negative or NaN.
 * @example
 * fillGaps([0, NaN, NaN, 3, NaN], 2); // Float64Array [0, 1, 2, 3, NaN]
 * fillGaps([0, NaN, NaN, 3], 1); // Float64Array [0, NaN, NaN, 3]
 */
export function fillGaps(values: ArrayLike<number>, maxGapSamples: number): Float64Array {
  if (Number.isNaN(maxGapSamples) || maxGapSamples < 0) {
    throw new RangeError(`fillGaps: maxGapSamples must be ≥ 0, got ${maxGapSamples}`);
  }
  const n = values.length;
  const out = new Float64Array(n);
  let lastPresent = -1;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (isMissing(v)) {
      out[i] = NaN;
      continue;
    }
    out[i] = v;
    const gap = i - lastPresent - 1;
    if (lastPresent >= 0 && gap > 0 && gap <= maxGapSamples) {
      const v0 = out[lastPresent];
      for (let j = lastPresent + 1; j < i; j++) out[j] = v0 + ((v - v0) * (j - lastPresent)) / (gap + 1);
    }
    lastPresent = i;
  }
  return out;
}
