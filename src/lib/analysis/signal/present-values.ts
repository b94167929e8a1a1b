import { isMissing } from './is-missing';

/**
 * The present (finite) samples of a series, in order, as a new array: the missing-data rule
 * ({@link isMissing}) applied once for the statistics in this folder.
 *
 * @example
 * presentValues([1, NaN, 3]); // [1, 3]
 */
export function presentValues(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (!isMissing(values[i])) out.push(values[i]);
  return out;
}
