import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { butterworthLowpass, type SosFilter } from './butterworth';

/** |H(e^{iω})| of the cascade at `fHz`. */
function magnitudeAt(filter: SosFilter, fHz: number, fsHz: number): number {
  const w = (2 * Math.PI * fHz) / fsHz;
  let mag = 1;
  for (const s of filter.sections) {
    const c1 = Math.cos(w),
      s1 = Math.sin(w),
      c2 = Math.cos(2 * w),
      s2 = Math.sin(2 * w);
    const nRe = s.b0 + s.b1 * c1 + s.b2 * c2,
      nIm = -(s.b1 * s1 + s.b2 * s2);
    const dRe = 1 + s.a1 * c1 + s.a2 * c2,
      dIm = -(s.a1 * s1 + s.a2 * s2);
    mag *= Math.hypot(nRe, nIm) / Math.hypot(dRe, dIm);
  }
  return mag;
}

/** Multiply the sections out into one {b, a} polynomial pair (for comparison with scipy). */
function toTransferFunction(filter: SosFilter): { b: number[]; a: number[] } {
  const mul = (p: number[], q: number[]) => {
    const r = new Array(p.length + q.length - 1).fill(0);
    p.forEach((pi, i) => q.forEach((qj, j) => (r[i + j] += pi * qj)));
    return r;
  };
  let b = [1],
    a = [1];
  for (const s of filter.sections) {
    b = mul(b, [s.b0, s.b1, s.b2]);
    a = mul(a, [1, s.a1, s.a2]);
  }
  return { b: b.slice(0, filter.order + 1), a: a.slice(0, filter.order + 1) };
}

describe('butterworthLowpass', () => {
  it('matches scipy.signal.butter(4, 6, fs=30) coefficients', () => {
    // scipy 1.17: b, a = butter(4, 6, fs=30)
    const bRef = [
      0.04658290663644368, 0.1863316265457747, 0.27949743981866204, 0.1863316265457747, 0.04658290663644368
    ];
    const aRef = [1, -0.7820951980233375, 0.6799785269162995, -0.18267569775303227, 0.03011887504316924];
    const { b, a } = toTransferFunction(butterworthLowpass(4, 6, 30));
    b.forEach((v, i) => expect(v).toBeCloseTo(bRef[i], 12));
    a.forEach((v, i) => expect(v).toBeCloseTo(aRef[i], 12));
  });

  it('matches the closed-form 2nd-order design (K = tan(π·fc/fs))', () => {
    const K = Math.tan((Math.PI * 6) / 30);
    const norm = 1 / (1 + Math.SQRT2 * K + K * K);
    const [s] = butterworthLowpass(2, 6, 30).sections;
    expect(s.b0).toBeCloseTo(K * K * norm, 14);
    expect(s.b1).toBeCloseTo(2 * K * K * norm, 14);
    expect(s.b2).toBeCloseTo(K * K * norm, 14);
    expect(s.a1).toBeCloseTo(2 * (K * K - 1) * norm, 14);
    expect(s.a2).toBeCloseTo((1 - Math.SQRT2 * K + K * K) * norm, 14);
  });

  it('has unity DC gain, −3 dB at the cut-off and is stable for any valid design', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 10, max: 240, noNaN: true }),
        fc.double({ min: 0.01, max: 0.98, noNaN: true }),
        (order, fsHz, ratio) => {
          const cutoffHz = (ratio * fsHz) / 2;
          const f = butterworthLowpass(order, cutoffHz, fsHz);
          expect(f.sections).toHaveLength(Math.ceil(order / 2));
          expect(magnitudeAt(f, 0, fsHz)).toBeCloseTo(1, 9);
          expect(magnitudeAt(f, cutoffHz, fsHz)).toBeCloseTo(Math.SQRT1_2, 6);
          // stable: both poles of every biquad inside the unit circle (|a2| < 1, |a1| < 1 + a2)
          for (const s of f.sections) {
            expect(Math.abs(s.a2)).toBeLessThan(1);
            expect(Math.abs(s.a1)).toBeLessThan(1 + s.a2);
          }
        }
      )
    );
  });

  it('attenuates well above the cut-off (4th order: −24 dB/octave)', () => {
    const f = butterworthLowpass(4, 6, 120);
    expect(magnitudeAt(f, 24, 120)).toBeLessThan(0.01);
  });

  it.each([
    [0, 6, 30, /order/],
    [2.5, 6, 30, /order/],
    [4, 15, 30, /Nyquist/],
    [4, 20, 30, /Nyquist/],
    [4, 0, 30, /cutoffHz/],
    [4, -1, 30, /cutoffHz/],
    [4, NaN, 30, /cutoffHz/],
    [4, 6, 0, /sampleRateHz/],
    [4, 6, Infinity, /sampleRateHz/]
  ])('rejects order %s, cutoff %s Hz, fs %s Hz with a RangeError', (order, cutoffHz, fsHz, msg) => {
    expect(() => butterworthLowpass(order, cutoffHz, fsHz)).toThrow(RangeError);
    expect(() => butterworthLowpass(order, cutoffHz, fsHz)).toThrow(msg);
  });

  it('returns a filter or throws a RangeError for any numbers, never anything else', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double(), (order, cutoffHz, fsHz) => {
        try {
          const f = butterworthLowpass(Math.abs(order) < 20 ? order : 4, cutoffHz, fsHz);
          expect(f.sections.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError);
        }
      })
    );
  });
});
