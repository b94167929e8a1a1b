import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPeaks } from './find-peaks';

// Reference results from scipy 1.17 `signal.find_peaks` on this series.
const X = [0, 3, 1, 5, 2, 2.5, 0.5, 4, 4, 1, 6, 0, 2, 1];

describe('findPeaks', () => {
  it.each([
    [{}, [1, 3, 5, 7, 10, 12]],
    [{ minProminence: 2 }, [1, 3, 7, 10]],
    [{ minDistance: 3 }, [3, 7, 10]],
    [{ minHeight: 3 }, [1, 3, 7, 10]],
    [{ minDistance: 3, minProminence: 3 }, [3, 7, 10]]
  ])('matches scipy find_peaks with %o', (opts, expected) => {
    expect(findPeaks(X, opts)).toEqual(expected);
  });

  it('reports plateaus at their middle and never the series edges', () => {
    expect(findPeaks([5, 0, 2, 2, 2, 0, 3, 3, 0, 4])).toEqual([3, 6]);
  });

  it('keeps the higher of two peaks closer than minDistance', () => {
    expect(findPeaks([0, 2, 0, 3, 0, 1, 0], { minDistance: 3 })).toEqual([3]);
  });

  it('treats NaN as a break: no peak at a gap edge, prominence measured within the stretch', () => {
    // 4 at index 2 stands 1 above its stretch's base (3) although the series dips to 0 beyond the gap
    const x = [3, 3.5, 4, 3.6, 3, NaN, 0, 1, 0];
    expect(findPeaks(x)).toEqual([2, 7]);
    expect(findPeaks(x, { minProminence: 1.01 })).toEqual([]);
    expect(findPeaks(x, { minProminence: 1 })).toEqual([2, 7]);
    expect(findPeaks([0, 5, NaN, 5, 0])).toEqual([]);
  });

  it('finds the crests of a sum of sines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (cycles, ripple) => {
          // period 60 samples; a 5× faster ripple of small amplitude does not create extra prominent peaks
          const n = cycles * 60;
          const x = Array.from(
            { length: n },
            (_, i) => Math.sin((2 * Math.PI * i) / 60) + ripple * 0.2 * Math.sin((2 * Math.PI * 5 * i) / 60)
          );
          const peaks = findPeaks(x, { minProminence: 1 });
          expect(peaks).toHaveLength(cycles);
          peaks.forEach((p, k) => expect(Math.abs(p - (15 + 60 * k))).toBeLessThanOrEqual(2));
        }
      )
    );
  });

  it('returns sorted in-range indices of local maxima on random data with NaN, never throwing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noDefaultInfinity: true }), fc.constant(NaN)), { maxLength: 80 }),
        fc.record(
          {
            minDistance: fc.integer({ min: 1, max: 10 }),
            minProminence: fc.double({ min: 0, max: 5, noNaN: true })
          },
          { requiredKeys: [] }
        ),
        (x, opts) => {
          const peaks = findPeaks(x, opts);
          peaks.forEach((p, k) => {
            expect(p).toBeGreaterThan(0);
            expect(p).toBeLessThan(x.length - 1);
            if (k > 0) expect(p).toBeGreaterThan(peaks[k - 1]);
            expect(x[p]).toBeGreaterThan(x[p - 1]);
            expect(x[p]).toBeGreaterThanOrEqual(x[p + 1]);
          });
        }
      )
    );
  });

  it('rejects nonsense options with a RangeError', () => {
    expect(() => findPeaks(X, { minProminence: -1 })).toThrow(RangeError);
    expect(() => findPeaks(X, { minDistance: 0.5 })).toThrow(/minDistance/);
    expect(() => findPeaks(X, { minHeight: NaN })).toThrow(RangeError);
    expect(findPeaks([])).toEqual([]);
  });
});
