import { quantile } from './quantile';

/**
 * Median of the present samples (the 0.5-{@link quantile}: the middle sample, or the mean of the
 * two middle samples for an even count). Missing samples (`NaN`, `±Infinity`) are skipped.
 *
 * @param values - the samples; read only.
 * @returns the median, or `NaN` when no sample is present.
 * @example
 * median([3, 1, NaN, 2, 10]); // 2.5
 */
export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}
