import { isMissing } from './is-missing';

/** A half-open index range `[start, end)` of a series. */
export interface IndexRun {
  /** First index of the run. */
  start: number;
  /** One past the last index of the run (exclusive). */
  end: number;
}

/**
 * The contiguous stretches of present (finite) samples in a series, in order.
 *
 * Definition: maximal runs `[start, end)` such that every `values[i]` with `start ≤ i < end` is
 * finite; missing samples (`NaN`, `±Infinity`, see {@link isMissing}) separate runs. Runs shorter
 * than `minLength` samples are left out.
 *
 * @param values - the series (read only).
 * @param minLength - minimum run length in samples, an integer ≥ 1. @default 1
 * @returns the runs, `end` exclusive, in increasing order.
 * @throws RangeError if `minLength` is not an integer ≥ 1.
 * @example
 * contiguousRuns([NaN, 1, 2, NaN, 3]); // [{ start: 1, end: 3 }, { start: 4, end: 5 }]
 * contiguousRuns([NaN, 1, 2, NaN, 3], 2); // [{ start: 1, end: 3 }]
 */
export function contiguousRuns(values: ArrayLike<number>, minLength = 1): IndexRun[] {
  if (!Number.isInteger(minLength) || minLength < 1) {
    throw new RangeError(`contiguousRuns: minLength must be an integer ≥ 1, got ${minLength}`);
  }
  const runs: IndexRun[] = [];
  let start = -1;
  for (let i = 0; i <= values.length; i++) {
    const present = i < values.length && !isMissing(values[i]);
    if (present && start < 0) start = i;
    else if (!present && start >= 0) {
      if (i - start >= minLength) runs.push({ start, end: i });
      start = -1;
    }
  }
  return runs;
}
