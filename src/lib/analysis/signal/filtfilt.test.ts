import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { butterworthLowpass } from './butterworth';
import { filtfilt } from './filtfilt';

const filter = butterworthLowpass(4, 6, 30);
const ramp = (n: number) => Array.from({ length: n }, (_, i) => Math.sin(i * 0.3) + 0.1 * i);

describe('filtfilt', () => {
  it('matches scipy.signal.sosfiltfilt(butter(4, 6, fs=30, output="sos"), x)', () => {
    // scipy 1.17, x[i] = sin(0.3 i) + 0.1 i, i = 0…39; selected samples
    const ref: Record<number, number> = {
      0: -1.3196816154997792e-6,
      1: 0.39548801855118304,
      5: 1.4974921100367291,
      14: 0.52842770676070816,
      27: 3.669912713734933,
      38: 2.8912433605599279,
      39: 3.1378748150656213
    };
    const y = filtfilt(filter, ramp(40));
    for (const [i, v] of Object.entries(ref)) expect(y[Number(i)]).toBeCloseTo(v, 10);
  });

  it('halves a sine at the cut-off and passes slow sines unchanged (zero phase)', () => {
    const fs = 300;
    const f = butterworthLowpass(4, 6, fs);
    const sine = (hz: number) =>
      Array.from({ length: 3000 }, (_, i) => Math.sin((2 * Math.PI * hz * i) / fs));
    const atCut = filtfilt(f, sine(6));
    const slow = filtfilt(f, sine(1));
    const ref6 = sine(6);
    const ref1 = sine(1);
    // away from the edges: amplitude ratio and exact phase
    for (let i = 1000; i < 2000; i += 7) {
      expect(atCut[i]).toBeCloseTo(0.5 * ref6[i], 3);
      expect(slow[i]).toBeCloseTo(ref1[i], 3);
    }
  });

  it('has no phase shift: cross-correlation of a smooth signal with its filtered version peaks at lag 0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 2.5, noNaN: true }),
        fc.double({ min: 0, max: 6.28, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (hz, phase, harmonic) => {
          const x = Array.from({ length: 660 }, (_, i) => {
            const t = i / 30;
            return Math.sin(2 * Math.PI * hz * t + phase) + harmonic * Math.sin(4 * Math.PI * hz * t);
          });
          const y = filtfilt(filter, x);
          let best = -Infinity;
          let bestLag = NaN;
          for (let lag = -5; lag <= 5; lag++) {
            let c = 0;
            for (let i = 30; i < 630; i++) c += x[i] * y[i + lag];
            if (c > best) [best, bestLag] = [c, lag];
          }
          expect(bestLag).toBe(0);
        }
      )
    );
  });

  it('is linear and passes constants: filtfilt(a·x + b) = a·filtfilt(x) + b', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (x, a, b) => {
          const lhs = filtfilt(
            filter,
            x.map((v) => a * v + b)
          );
          const rhs = filtfilt(filter, x);
          lhs.forEach((v, i) => expect(v).toBeCloseTo(a * rhs[i] + b, 6));
        }
      )
    );
  });

  it('leaves a constant unchanged and a straight line nearly so, edges included (no ringing)', () => {
    // odd reflection continues a line exactly; the steady-state start assumes a constant, so a
    // slope of 0.5 per sample leaves an edge error below 0.001 (scipy behaves the same)
    const line = Array.from({ length: 50 }, (_, i) => 3 + 0.5 * i);
    filtfilt(filter, line).forEach((v, i) => expect(Math.abs(v - line[i])).toBeLessThan(1e-3));
    filtfilt(filter, new Array(20).fill(7)).forEach((v) => expect(v).toBeCloseTo(7, 12));
  });

  it('filters each contiguous stretch on its own: NaN stays NaN and does not leak', () => {
    const x = [...ramp(30), NaN, NaN, ...ramp(25).map((v) => v + 100)];
    const y = filtfilt(filter, x);
    expect(Number.isNaN(y[30]) && Number.isNaN(y[31])).toBe(true);
    const alone = filtfilt(filter, ramp(30));
    for (let i = 0; i < 30; i++) expect(y[i]).toBe(alone[i]);
    const second = filtfilt(
      filter,
      ramp(25).map((v) => v + 100)
    );
    for (let i = 0; i < 25; i++) expect(y[32 + i]).toBe(second[i]);
  });

  it('pads a stretch shorter than padLength with (length − 1) samples, and keeps a lone sample', () => {
    const short = [1, 2, 4, 3, 5];
    expect(Array.from(filtfilt(filter, short))).toEqual(
      Array.from(filtfilt(filter, short, { padLength: 4 }))
    );
    expect(Array.from(filtfilt(filter, [NaN, 5, NaN]))).toEqual([NaN, 5, NaN]);
  });

  it('does not mutate its input and handles empty and all-NaN input', () => {
    const x = ramp(20);
    const copy = [...x];
    filtfilt(filter, x);
    expect(x).toEqual(copy);
    expect(filtfilt(filter, [])).toHaveLength(0);
    expect(Array.from(filtfilt(filter, [NaN, NaN]))).toEqual([NaN, NaN]);
  });

  it('never throws on random data with gaps, only on a bad padLength', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.constant(NaN)), { maxLength: 60 }), (x) => {
        expect(filtfilt(filter, x)).toHaveLength(x.length);
      })
    );
    expect(() => filtfilt(filter, [1, 2], { padLength: -1 })).toThrow(RangeError);
    expect(() => filtfilt(filter, [1, 2], { padLength: 1.5 })).toThrow(/padLength/);
  });
});
