/**
 * The missing-data rule shared by every function in `signal/`: a sample is missing when it is
 * not a finite number (`NaN`, `±Infinity`). Functions skip missing samples (statistics), keep
 * them as `NaN` in their output (filters, resampling), or split the series at them (runs, peaks).
 *
 * @example
 * isMissing(NaN); // true
 * isMissing(0); // false
 */
export function isMissing(value: number): boolean {
  return !Number.isFinite(value);
}
