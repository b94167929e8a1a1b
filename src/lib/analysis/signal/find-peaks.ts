import { contiguousRuns } from './contiguous-runs';

/** Options of {@link findPeaks}; every criterion is off when not given. */
export interface FindPeaksOptions {
  /** Minimum topographic prominence, in the units of `x` (≥ 0). */
  minProminence?: number;
  /** Minimum distance between kept peaks, in samples (≥ 1); the higher peak wins. */
  minDistance?: number;
  /** Minimum peak value, in the units of `x`. */
  minHeight?: number;
}

/** Local maxima of `x[start, end)`, plateaus reported at their middle (left-middle when even). */
function localMaxima(x: ArrayLike<number>, start: number, end: number, into: number[]): void {
  let i = start + 1;
  while (i < end - 1) {
    if (x[i - 1] < x[i]) {
      let ahead = i + 1;
      while (ahead < end - 1 && x[ahead] === x[i]) ahead++;
      if (x[ahead] < x[i]) {
        into.push(Math.floor((i + ahead - 1) / 2));
        i = ahead;
        continue;
      }
    }
    i++;
  }
}

/**
 * Topographic prominence of the peak at `p` within its stretch `[start, end)`: the peak value
 * minus the higher of the two lowest points reached walking left and right from the peak until
 * a strictly higher sample or the stretch edge.
 */
function prominence(x: ArrayLike<number>, p: number, start: number, end: number): number {
  let leftMin = x[p];
  for (let i = p - 1; i >= start && x[i] <= x[p]; i--) leftMin = Math.min(leftMin, x[i]);
  let rightMin = x[p];
  for (let i = p + 1; i < end && x[i] <= x[p]; i++) rightMin = Math.min(rightMin, x[i]);
  return x[p] - Math.max(leftMin, rightMin);
}

function checkOption(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && (Number.isNaN(value) || value < min)) {
    throw new RangeError(`findPeaks: ${name} must be ≥ ${min}, got ${value}`);
  }
}

/**
 * Indices of the peaks (local maxima) of a series, as scipy's `signal.find_peaks`.
 *
 * Definition: a peak is a sample strictly higher than its left neighbour and than the first
 * differing sample to its right; a flat top (plateau) is reported at its middle index (the left
 * one of the two middles when its length is even). The first and last sample of a stretch are
 * never peaks. Criteria are applied in scipy's order:
 * 1. `minHeight`: keep peaks with `x[p] ≥ minHeight`;
 * 2. `minDistance`: going from the highest peak down (ties: the earlier first), drop every other
 *    peak closer than `minDistance` samples to a kept one;
 * 3. `minProminence`: keep peaks whose topographic prominence is ≥ `minProminence`.
 *
 * Missing data: missing samples (`NaN`, `±Infinity`) split the series into contiguous stretches;
 * peaks are searched, and prominences computed, within each stretch only (the stretch edges act
 * as the series edges), so a gap neither creates nor hides a peak's base.
 *
 * Reference: SciPy `scipy.signal.find_peaks` and `peak_prominences` documentation.
 *
 * @param x - the series; read only.
 * @param opts - see {@link FindPeaksOptions}.
 * @returns peak indices in increasing order.
 * @throws RangeError if `minProminence` < 0, `minDistance` < 1 or an option is NaN.
 * @example
 * findPeaks([0, 1, 0, 2, 2, 2, 0, 3, 1, 4, 0]); // [1, 4, 7, 9]
 * findPeaks([0, 1, 0, 2, 2, 2, 0, 3, 1, 4, 0], { minProminence: 2 }); // [4, 7, 9]
 */
export function findPeaks(x: ArrayLike<number>, opts: FindPeaksOptions = {}): number[] {
  const { minProminence, minDistance, minHeight } = opts;
  checkOption('minProminence', minProminence, 0);
  checkOption('minDistance', minDistance, 1);
  if (minHeight !== undefined && Number.isNaN(minHeight)) {
    throw new RangeError('findPeaks: minHeight must be a number, got NaN');
  }
  const runs = contiguousRuns(x, 3);
  const peaks: number[] = [];
  const runOf: number[] = [];
  runs.forEach((run, r) => {
    const before = peaks.length;
    localMaxima(x, run.start, run.end, peaks);
    for (let k = before; k < peaks.length; k++) runOf.push(r);
  });
  let keep = peaks.map((_, k) => minHeight === undefined || x[peaks[k]] >= minHeight);
  if (minDistance !== undefined && minDistance > 1) {
    const order = peaks
      .map((_, k) => k)
      .filter((k) => keep[k])
      .sort((a, b) => x[peaks[b]] - x[peaks[a]] || a - b);
    const kept = keep.map(() => false);
    const removed = keep.map(() => false);
    for (const k of order) {
      if (removed[k]) continue;
      kept[k] = true;
      for (let j = k - 1; j >= 0 && peaks[k] - peaks[j] < minDistance; j--) removed[j] = true;
      for (let j = k + 1; j < peaks.length && peaks[j] - peaks[k] < minDistance; j++) removed[j] = true;
    }
    keep = kept;
  }
  const out: number[] = [];
  peaks.forEach((p, k) => {
    if (!keep[k]) return;
    const run = runs[runOf[k]];
    if (minProminence !== undefined && prominence(x, p, run.start, run.end) < minProminence) return;
    out.push(p);
  });
  return out;
}
