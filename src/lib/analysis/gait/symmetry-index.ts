/**
 * Robinson symmetry index, %: SI = |R − L| / (0.5 · (R + L)) × 100. 0 % is perfect symmetry; it is the
 * same whichever side is larger. Robinson, Herzog, Nigg 1987 (J Manipulative Physiol Ther 10:172).
 *
 * @param right - the right-side value (any unit, > 0 for a meaningful index).
 * @param left - the left-side value, same unit.
 * @returns the index, %, or `NaN` when a value is missing or R + L is not positive.
 * @example
 * symmetryIndexPct(0.8, 0.72); // ≈ 10.5
 */
export function symmetryIndexPct(right: number, left: number): number {
  const sum = right + left;
  if (!Number.isFinite(sum) || sum <= 0) return NaN;
  return (Math.abs(right - left) / (0.5 * sum)) * 100;
}
