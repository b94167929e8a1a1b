import { mean } from './mean';
import { presentValues } from './present-values';

/**
 * Sample standard deviation of the present samples, with Bessel's correction:
 * `sqrt(Σ(xᵢ − x̄)² / (n − 1))`. Missing samples (`NaN`, `±Infinity`) are skipped.
 *
 * @param values - the samples; read only.
 * @returns the standard deviation, or `NaN` when fewer than 2 samples are present.
 * @example
 * sampleSd([2, 4, 4, 4, 5, 5, 7, 9]); // 2.138…
 */
export function sampleSd(values: ArrayLike<number>): number {
  const v = presentValues(values);
  if (v.length < 2) return NaN;
  const m = mean(v);
  let ss = 0;
  for (const x of v) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (v.length - 1));
}
