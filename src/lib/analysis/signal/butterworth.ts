/**
 * One biquad (second-order section) of a digital IIR filter, with `a0 = 1`:
 * `H(z) = (b0 + b1·z⁻¹ + b2·z⁻²) / (1 + a1·z⁻¹ + a2·z⁻²)`.
 * A first-order section has `b2 = a2 = 0`.
 */
export interface SecondOrderSection {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

/**
 * A digital IIR filter as a cascade of second-order sections (SOS), applied in order.
 * Cascaded biquads stay numerically stable at high orders and low cut-off ratios where a single
 * `{b, a}` polynomial pair loses precision. Plain data: no hidden state.
 */
export interface SosFilter {
  /** Filter order (number of poles). */
  readonly order: number;
  /** The sections, `ceil(order / 2)` of them. */
  readonly sections: readonly SecondOrderSection[];
}

/**
 * Design a digital Butterworth low-pass filter.
 *
 * Method: the analog Butterworth prototype (poles `exp(iπ(2k + n − 1) / (2n))`, k = 1…n) is
 * scaled to the prewarped cut-off `Ωc = 2·fs·tan(π·fc / fs)` and mapped to the z-plane with the
 * bilinear transform, so that the digital response is exactly `1/√2` (−3 dB) at `cutoffHz`. All
 * zeros are at z = −1. Conjugate pole pairs become biquads (the real pole of an odd order a
 * first-order section); each section is scaled to unity gain at DC, so the cascade has gain 1 at
 * 0 Hz. Same transfer function as scipy's `butter(order, cutoffHz, fs=sampleRateHz, output='sos')`
 * (which puts the overall gain in the first section instead). Reference: Winter, *Biomechanics
 * and Motor Control of Human Movement* (2009), ch. 3; Oppenheim & Schafer, bilinear transform.
 *
 * @param order - number of poles, an integer ≥ 1 (4 is the usual gait filter; run forward and
 *   backward it acts as an 8th-order zero-phase filter).
 * @param cutoffHz - −3 dB frequency of one pass, Hz; 0 < cutoffHz < sampleRateHz / 2.
 * @param sampleRateHz - sample rate, Hz, finite and > 0.
 * @throws RangeError if the order is not a positive integer, the sample rate is not a positive
 *   finite number, or the cut-off is not strictly between 0 and the Nyquist frequency (it is
 *   never rounded or clamped).
 * @example
 * const filter = butterworthLowpass(4, 6, 30); // 2 sections, unity DC gain
 */
export function butterworthLowpass(order: number, cutoffHz: number, sampleRateHz: number): SosFilter {
  if (!Number.isInteger(order) || order < 1) {
    throw new RangeError(`butterworthLowpass: order must be an integer ≥ 1, got ${order}`);
  }
  if (!Number.isFinite(sampleRateHz) || sampleRateHz <= 0) {
    throw new RangeError(`butterworthLowpass: sampleRateHz must be a finite number > 0, got ${sampleRateHz}`);
  }
  const nyquistHz = sampleRateHz / 2;
  if (!Number.isFinite(cutoffHz) || cutoffHz <= 0 || cutoffHz >= nyquistHz) {
    throw new RangeError(
      `butterworthLowpass: cutoffHz must be > 0 and below the Nyquist frequency ${nyquistHz} Hz, got ${cutoffHz}`
    );
  }
  const fs2 = 2 * sampleRateHz;
  const omegaC = fs2 * Math.tan((Math.PI * cutoffHz) / sampleRateHz);
  const sections: SecondOrderSection[] = [];
  // Poles in the upper half plane (k = 1 … floor(n/2)); each with its conjugate forms one biquad.
  for (let k = 1; k <= Math.floor(order / 2); k++) {
    const theta = (Math.PI * (2 * k + order - 1)) / (2 * order);
    const sRe = omegaC * Math.cos(theta);
    const sIm = omegaC * Math.sin(theta);
    // z = (fs2 + s) / (fs2 − s)
    const nRe = fs2 + sRe;
    const dRe = fs2 - sRe;
    const den = dRe * dRe + sIm * sIm;
    const zRe = (nRe * dRe - sIm * sIm) / den;
    const zIm = (nRe * sIm + sIm * dRe) / den;
    const a1 = -2 * zRe;
    const a2 = zRe * zRe + zIm * zIm;
    const g = (1 + a1 + a2) / 4; // numerator (1 + z⁻¹)² has DC gain 4
    sections.push({ b0: g, b1: 2 * g, b2: g, a1, a2 });
  }
  if (order % 2 === 1) {
    const s = -omegaC; // the real pole
    const z = (fs2 + s) / (fs2 - s);
    const g = (1 - z) / 2;
    sections.push({ b0: g, b1: g, b2: 0, a1: -z, a2: 0 });
  }
  return { order, sections };
}
