import { butterworthLowpass } from './butterworth';
import { filtfilt } from './filtfilt';

/**
 * Zero-lag Butterworth low-pass: {@link butterworthLowpass} run forward and backward with
 * {@link filtfilt}. With the defaults this is the filter Winter recommends for gait kinematics
 * (4th order, cut-off about 6 Hz; Winter, *Biomechanics and Motor Control of Human Movement*,
 * 2009). Note that forward–backward filtering halves the gain at the cut-off (−6 dB, not −3 dB).
 * Missing samples (`NaN`) stay `NaN`; each contiguous stretch is filtered on its own.
 *
 * @param x - the uniformly sampled series; read only.
 * @param cutoffHz - cut-off frequency of the single-pass design, Hz; 0 < cutoffHz < sampleRateHz / 2.
 * @param sampleRateHz - sample rate of `x`, Hz.
 * @param order - filter order per pass. @default 4
 * @throws RangeError on a bad order, sample rate or cut-off (see {@link butterworthLowpass}).
 * @example
 * const smoothHeelX = lowpass(heelX, 6, 30);
 */
export function lowpass(
  x: ArrayLike<number>,
  cutoffHz: number,
  sampleRateHz: number,
  order = 4
): Float64Array {
  return filtfilt(butterworthLowpass(order, cutoffHz, sampleRateHz), x);
}
