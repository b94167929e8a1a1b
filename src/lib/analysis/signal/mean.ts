import { presentValues } from './present-values';

/**
 * Arithmetic mean of the present samples; missing samples (`NaN`, `±Infinity`) are skipped.
 *
 * @param values - the samples; read only.
 * @returns the mean, or `NaN` when no sample is present.
 * @example
 * mean([1, 2, NaN, 6]); // 3
 */
export function mean(values: ArrayLike<number>): number {
  const v = presentValues(values);
  if (v.length === 0) return NaN;
  let sum = 0;
  for (const x of v) sum += x;
  return sum / v.length;
}
