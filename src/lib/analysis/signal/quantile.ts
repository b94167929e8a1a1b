import { isMissing } from './is-missing';

/**
 * The `p`-quantile of the present samples, by linear interpolation between order statistics
 * (Hyndman & Fan 1996 definition 7, the default of R, NumPy and d3-array): with the `n` present
 * samples sorted ascending as `s`, `h = (n − 1)·p` and the result is
 * `s[⌊h⌋] + (h − ⌊h⌋)·(s[⌊h⌋ + 1] − s[⌊h⌋])`. Missing samples (`NaN`, `±Infinity`) are skipped.
 *
 * The two order statistics are found by selection (expected linear time), not by a full sort;
 * the result is the same as with `s` sorted like `Float64Array#sort` (−0 before +0).
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
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!isMissing(values[i])) count++;
  if (count === 0) return NaN;
  const s = new Float64Array(count);
  for (let i = 0, j = 0; i < values.length; i++) if (!isMissing(values[i])) s[j++] = values[i];
  const h = (count - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, count - 1);
  selectInPlace(s, lo);
  let upper = s[lo];
  if (hi > lo) {
    upper = s[hi];
    for (let i = hi + 1; i < count; i++) if (s[i] < upper) upper = s[i];
  }
  const sLo = s[lo] === 0 ? signedZeroAt(s, lo) : s[lo];
  const sHi = upper === 0 ? signedZeroAt(s, hi) : upper;
  return sLo + (h - lo) * (sHi - sLo);
}

/**
 * Rearrange `s` so that `s[k]` holds the value an ascending sort would put there, everything
 * before it is ≤ and everything after it ≥ (Hoare's selection with a middle pivot).
 */
function selectInPlace(s: Float64Array, k: number): void {
  let left = 0;
  let right = s.length - 1;
  while (right > left) {
    const pivot = s[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (s[i] < pivot) i++;
      while (s[j] > pivot) j--;
      if (i <= j) {
        const t = s[i];
        s[i] = s[j];
        s[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/**
 * The zero at sorted position `k` with the sign `Float64Array#sort` gives it (all −0 before +0);
 * selection treats −0 and +0 as ties, so the sign is found by counting.
 */
function signedZeroAt(s: Float64Array, k: number): number {
  let below = 0;
  for (let i = 0; i < s.length; i++) if (s[i] < 0 || Object.is(s[i], -0)) below++;
  return k < below ? -0 : 0;
}
