import type { SecondOrderSection, SosFilter } from './butterworth';
import { contiguousRuns } from './contiguous-runs';

/** Options of {@link filtfilt}. */
export interface FiltfiltOptions {
  /**
   * Samples of odd-reflection padding added at each end of every contiguous stretch.
   * @default 3 × (filter.order + 1) — scipy's `filtfilt` `padlen` convention (15 for order 4)
   */
  padLength?: number;
}

/**
 * Steady-state initial state of one transposed direct-form II biquad for a constant unit input
 * (the scipy `lfilter_zi` idea): the state the section would hold after an infinitely long step.
 */
function steadyState(s: SecondOrderSection): [number, number] {
  const gain = (s.b0 + s.b1 + s.b2) / (1 + s.a1 + s.a2);
  const z2 = s.b2 - s.a2 * gain;
  const z1 = s.b1 - s.a1 * gain + z2;
  return [z1, z2];
}

/**
 * Run the cascade once over `x` in place (forward), starting every section in the steady state
 * for a constant input equal to `x[0]`, so that the output starts without a transient.
 */
function sosPassInPlace(filter: SosFilter, x: Float64Array): void {
  let level = x[0]; // the constant input level entering each section
  for (const s of filter.sections) {
    const [u1, u2] = steadyState(s);
    let z1 = u1 * level;
    let z2 = u2 * level;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i];
      const yi = s.b0 * xi + z1;
      z1 = s.b1 * xi - s.a1 * yi + z2;
      z2 = s.b2 * xi - s.a2 * yi;
      x[i] = yi;
    }
    level *= (s.b0 + s.b1 + s.b2) / (1 + s.a1 + s.a2);
  }
}

/** Zero-phase filtering of one all-finite stretch with odd-reflection padding of `pad` samples. */
function filtfiltStretch(filter: SosFilter, x: ArrayLike<number>, start: number, end: number, pad: number) {
  const n = end - start;
  const ext = new Float64Array(n + 2 * pad);
  const first = x[start];
  const last = x[end - 1];
  for (let i = 0; i < pad; i++) {
    ext[i] = 2 * first - x[start + pad - i];
    ext[pad + n + i] = 2 * last - x[end - 2 - i];
  }
  for (let i = 0; i < n; i++) ext[pad + i] = x[start + i];
  sosPassInPlace(filter, ext);
  ext.reverse();
  sosPassInPlace(filter, ext);
  ext.reverse();
  return ext.subarray(pad, pad + n);
}

/**
 * Zero-phase forward–backward filtering (scipy `sosfiltfilt`, MATLAB `filtfilt`).
 *
 * Method: the filter runs forward, then backward over the result, which cancels its phase (no
 * lag: events such as heel strikes stay in place) and squares its magnitude response (a
 * Butterworth's −3 dB point becomes −6 dB, gain 1/2 at the cut-off). To keep the edges from
 * ringing, each stretch is extended at both ends by odd reflection (`2·x[0] − x[k]`) and each
 * pass starts in the filter's steady state for its first sample (scipy `sosfilt_zi`).
 *
 * Missing data: the series is filtered PER CONTIGUOUS STRETCH of finite samples
 * ({@link contiguousRuns}); missing samples stay `NaN` and never leak into their neighbours. A
 * stretch of `m` samples with `m − 1 < padLength` is padded with `m − 1` samples instead (the
 * most odd reflection allows); a single sample is returned unchanged (a unity-DC low-pass leaves a
 * constant unchanged).
 *
 * @param filter - the filter (plain data, e.g. from `butterworthLowpass`); read only.
 * @param x - the uniformly sampled series; read only.
 * @param opts - see {@link FiltfiltOptions}.
 * @returns a new array of the same length.
 * @throws RangeError if `padLength` is not an integer ≥ 0.
 * @example
 * const y = filtfilt(butterworthLowpass(4, 6, 30), noisyAnkleX);
 */
export function filtfilt(filter: SosFilter, x: ArrayLike<number>, opts: FiltfiltOptions = {}): Float64Array {
  const padLength = opts.padLength ?? 3 * (filter.order + 1);
  if (!Number.isInteger(padLength) || padLength < 0) {
    throw new RangeError(`filtfilt: padLength must be an integer ≥ 0, got ${padLength}`);
  }
  const out = new Float64Array(x.length).fill(NaN);
  for (const { start, end } of contiguousRuns(x)) {
    out.set(filtfiltStretch(filter, x, start, end, Math.min(padLength, end - start - 1)), start);
  }
  return out;
}
