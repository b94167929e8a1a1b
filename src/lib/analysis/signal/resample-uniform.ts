import { isMissing } from './is-missing';

/** Largest output grid (samples): 80 MB of Float64, e.g. 2.7 hours at 1 kHz. */
const MAX_SAMPLES = 10_000_000;

/** A uniformly sampled series: sample `k` is at `t0Ms + k · 1000 / rateHz`. */
export interface UniformSeries {
  /** Time of sample 0, ms. */
  t0Ms: number;
  /** Sample rate, Hz. */
  rateHz: number;
  /** The samples; `NaN` = missing. */
  values: Float64Array;
}

/**
 * Resample an irregularly timed series onto a uniform grid by linear interpolation.
 *
 * Phone videos have a variable frame rate, so analysis first moves landmark series onto a uniform
 * clock (docs/METHOD.md §1). The grid runs from `t0Ms` (default: the first
 * timestamp) in steps of `1000 / rateHz` ms up to and including the last timestamp.
 *
 * Missing data: an output sample that falls exactly on an input timestamp takes that sample's
 * value; otherwise it is interpolated between the two bracketing input samples and is `NaN` when
 * either of them is missing (non-finite). Grid times before the first or after the last
 * timestamp are `NaN` (no extrapolation).
 *
 * @param tMs - sample times, ms, finite and strictly increasing (read only).
 * @param values - samples, same length as `tMs` (read only).
 * @param rateHz - output rate, Hz, finite and > 0.
 * @param t0Ms - time of the first output sample, ms. @default tMs[0] (0 for an empty series)
 * @throws RangeError if the lengths differ, a timestamp is not finite or not strictly
 *   increasing, `rateHz` is not finite and positive, `t0Ms` is not finite, or the grid would
 *   exceed 10 million samples (usually timestamps in the wrong unit).
 * @example
 * resampleUniform([0, 40, 100], [0, 4, 10], 50).values; // Float64Array [0, 2, 4, 6, 8, 10]
 */
export function resampleUniform(
  tMs: ArrayLike<number>,
  values: ArrayLike<number>,
  rateHz: number,
  t0Ms?: number
): UniformSeries {
  if (!Number.isFinite(rateHz) || rateHz <= 0) {
    throw new RangeError(`resampleUniform: rateHz must be a finite number > 0, got ${rateHz}`);
  }
  if (tMs.length !== values.length) {
    throw new RangeError(
      `resampleUniform: tMs and values differ in length (${tMs.length} vs ${values.length})`
    );
  }
  if (t0Ms !== undefined && !Number.isFinite(t0Ms)) {
    throw new RangeError(`resampleUniform: t0Ms must be finite, got ${t0Ms}`);
  }
  const n = tMs.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(tMs[i])) {
      throw new RangeError(`resampleUniform: timestamp ${i} is not finite (${tMs[i]})`);
    }
    if (i > 0 && !(tMs[i] > tMs[i - 1])) {
      throw new RangeError(
        `resampleUniform: timestamps must be strictly increasing, but tMs[${i}] = ${tMs[i]} ≤ tMs[${i - 1}] = ${tMs[i - 1]}`
      );
    }
  }
  const start = t0Ms ?? (n > 0 ? tMs[0] : 0);
  if (n === 0 || start > tMs[n - 1]) return { t0Ms: start, rateHz, values: new Float64Array(0) };
  const stepMs = 1000 / rateHz;
  // Tolerance of 1e-9 of a step so that a last timestamp on the grid is not lost to rounding.
  const count = Math.floor((tMs[n - 1] - start) / stepMs + 1e-9) + 1;
  if (count > MAX_SAMPLES) {
    throw new RangeError(
      `resampleUniform: the grid would hold ${count} samples (limit ${MAX_SAMPLES}); check the timestamp units (ms) and rateHz`
    );
  }
  const out = new Float64Array(count);
  const snapMs = 1e-9 * stepMs;
  let j = 0; // tMs[j] ≤ t < tMs[j + 1] once t ≥ tMs[0]
  for (let k = 0; k < count; k++) {
    const t = start + k * stepMs;
    if (t < tMs[0] - snapMs || t > tMs[n - 1] + snapMs) {
      out[k] = NaN;
      continue;
    }
    while (j < n - 1 && tMs[j + 1] <= t) j++;
    // A grid time within rounding (1e-9 step) of an input timestamp is on that sample.
    const on = j < n - 1 && tMs[j + 1] - t <= snapMs ? j + 1 : t - tMs[j] <= snapMs || j === n - 1 ? j : -1;
    if (on >= 0) {
      out[k] = isMissing(values[on]) ? NaN : values[on];
      continue;
    }
    const v0 = values[j];
    const v1 = values[j + 1];
    if (isMissing(v0) || isMissing(v1)) {
      out[k] = NaN;
      continue;
    }
    const u = (t - tMs[j]) / (tMs[j + 1] - tMs[j]);
    out[k] = v0 + (v1 - v0) * u;
  }
  return { t0Ms: start, rateHz, values: out };
}
