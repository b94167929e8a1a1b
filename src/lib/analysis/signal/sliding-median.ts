import { isMissing } from './is-missing';

/** Index of the first element of sorted `s[0..len)` that is ≥ `v` (binary search). */
function lowerBound(s: Float64Array, len: number, v: number): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Running median: for every sample i, the {@link median} of the present samples in the centred window
 * [i − half, i + half] (clipped to the series), or `NaN` when none is present. The same values as calling
 * `median` on each window, in O(n · w) element moves instead of a selection per window: the window's present
 * samples are kept sorted, each entering one inserted and each leaving one removed by binary search.
 *
 * @param values - the samples; read only. Missing samples (`NaN`, `±Infinity`) are skipped.
 * @param half - half-width of the window, samples (≥ 0).
 */
export function slidingMedian(values: ArrayLike<number>, half: number): Float64Array {
  if (!(half >= 0) || !Number.isInteger(half)) {
    throw new RangeError(`slidingMedian: half must be an integer ≥ 0, got ${half}`);
  }
  const n = values.length;
  const out = new Float64Array(n);
  const sorted = new Float64Array(Math.min(n, 2 * half + 1));
  let len = 0;
  const add = (v: number) => {
    if (isMissing(v)) return;
    const at = lowerBound(sorted, len, v);
    sorted.copyWithin(at + 1, at, len);
    sorted[at] = v;
    len++;
  };
  const remove = (v: number) => {
    if (isMissing(v)) return;
    const at = lowerBound(sorted, len, v);
    sorted.copyWithin(at, at + 1, len);
    len--;
  };
  for (let i = 0; i < Math.min(n, half); i++) add(values[i]);
  for (let i = 0; i < n; i++) {
    if (i - half - 1 >= 0) remove(values[i - half - 1]);
    if (i + half < n) add(values[i + half]);
    if (len === 0) {
      out[i] = NaN;
      continue;
    }
    const h = (len - 1) * 0.5;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, len - 1);
    out[i] = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
  return out;
}
