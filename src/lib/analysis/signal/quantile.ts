import { isMissing } from './is-missing';

/**
 * The `p`-quantile of the present samples, by linear interpolation between order statistics
 * (Hyndman & Fan 1996 definition 7, the default of R, NumPy and d3-array): with the `n` present
 * samples sorted ascending as `s`, `h = (n − 1)·p` and the result is
 * `s[⌊h⌋] + (h − ⌊h⌋)·(s[⌊h⌋ + 1] − s[⌊h⌋])`. Missing samples (`NaN`, `±Infinity`) are skipped.
 *
 * @param values - the samples; read only.
 * @param p - the probability, 0 ≤ p ≤ 1 (0.5 = median, 0.25/0.75 = quartiles).
 * @returns the quantile, or `NaN` when no sample is present.
 * @throws RangeError if `p` is outside [0, 1] or NaN.
 * @example
 * quantile([1, 2, 3, 4], 0.25); // 1.75
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be between 0 and 1, got ${p}`);
  // Present samples into a typed array: its comparator-free sort is numeric and much faster than
  // `Array#sort` with a comparator (this runs for every median in the analysis).
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!isMissing(values[i])) count++;
  const s = new Float64Array(count);
  for (let i = 0, j = 0; i < values.length; i++) if (!isMissing(values[i])) s[j++] = values[i];
  s.sort();
  if (s.length === 0) return NaN;
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}
