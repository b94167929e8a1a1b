import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resampleUniform } from './resample-uniform';

describe('resampleUniform', () => {
  it('interpolates linearly onto a uniform grid from the first to the last timestamp', () => {
    const r = resampleUniform([0, 40, 100], [0, 4, 10], 50);
    expect(r.t0Ms).toBe(0);
    expect(r.rateHz).toBe(50);
    Array.from(r.values).forEach((v, i) => expect(v).toBeCloseTo([0, 2, 4, 6, 8, 10][i], 12));
  });

  it('is the identity for a uniform series at its own rate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), {
          minLength: 1,
          maxLength: 100
        }),
        fc.constantFrom(24, 25, 29.97, 30, 60, 120),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (values, rateHz, startMs) => {
          const tMs = values.map((_, i) => startMs + (i * 1000) / rateHz);
          const r = resampleUniform(tMs, values, rateHz);
          expect(r.values).toHaveLength(values.length);
          r.values.forEach((v, i) => {
            if (Number.isNaN(values[i])) expect(v).toBeNaN();
            else expect(v).toBeCloseTo(values[i], 6);
          });
        }
      )
    );
  });

  it('gives NaN where a bracketing sample is missing, but keeps samples that sit on a timestamp', () => {
    const r = resampleUniform([0, 10, 20, 30], [0, NaN, 2, 3], 200);
    // grid 0, 5, 10, …, 30
    expect(Array.from(r.values)).toEqual([0, NaN, NaN, NaN, 2, 2.5, 3]);
  });

  it('starts at t0Ms when given, NaN before the first timestamp (no extrapolation)', () => {
    const r = resampleUniform([10, 20], [1, 2], 100, 0);
    expect(r.t0Ms).toBe(0);
    expect(Array.from(r.values)).toEqual([NaN, 1, 2]);
  });

  it('handles variable frame rates (jittered timestamps)', () => {
    const tMs = [0, 31, 66, 99, 135, 166];
    const r = resampleUniform(
      tMs,
      tMs.map((t) => 2 * t + 1),
      30
    );
    r.values.forEach((v, k) => expect(v).toBeCloseTo(2 * ((k * 1000) / 30) + 1, 9));
  });

  it('returns an empty series for empty input and does not mutate its inputs', () => {
    expect(resampleUniform([], [], 30).values).toHaveLength(0);
    const t = [0, 50];
    const v = [1, 2];
    resampleUniform(t, v, 100);
    expect([t, v]).toEqual([
      [0, 50],
      [1, 2]
    ]);
  });

  it('rejects bad parameters with a RangeError', () => {
    expect(() => resampleUniform([0, 0], [1, 2], 30)).toThrow(/strictly increasing/);
    expect(() => resampleUniform([10, 5], [1, 2], 30)).toThrow(RangeError);
    expect(() => resampleUniform([0, NaN], [1, 2], 30)).toThrow(/not finite/);
    expect(() => resampleUniform([0, 1], [1], 30)).toThrow(/length/);
    expect(() => resampleUniform([0, 1], [1, 2], 0)).toThrow(/rateHz/);
    expect(() => resampleUniform([0, 1], [1, 2], NaN)).toThrow(RangeError);
    expect(() => resampleUniform([0, 1], [1, 2], 30, Infinity)).toThrow(/t0Ms/);
    expect(() => resampleUniform([0, 1e9], [1, 2], 1000)).toThrow(/timestamp units/);
  });

  it('throws only RangeError on random (possibly unsorted) timestamps and values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double(), fc.double()), { maxLength: 30 }),
        fc.double(),
        (pairs, rateHz) => {
          try {
            const r = resampleUniform(
              pairs.map((p) => p[0]),
              pairs.map((p) => p[1]),
              Math.min(Math.abs(rateHz), 1e3)
            );
            expect(r.values.length).toBeGreaterThanOrEqual(pairs.length > 0 ? 1 : 0);
          } catch (e) {
            expect(e).toBeInstanceOf(RangeError);
          }
        }
      )
    );
  });
});
