/**
 * Small per-sample geometry on landmark columns (image pixels, y down; `NaN` = missing).
 */

/**
 * Midpoint of two columns. Where one of the two is missing, `allowSingle` decides: in a side view the
 * paired points (hips, shoulders, ears) nearly coincide, so the visible one stands in for the pair;
 * in other views a lone point is not a midpoint and the result is `NaN`.
 */
export function midpointColumn(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  allowSingle: boolean
): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const aOk = Number.isFinite(a[i]);
    const bOk = Number.isFinite(b[i]);
    out[i] = aOk && bOk ? (a[i] + b[i]) / 2 : allowSingle && aOk ? a[i] : allowSingle && bOk ? b[i] : NaN;
  }
  return out;
}

/**
 * Angle of the segment from (x0, y0) to (x1, y1) against the upward vertical, degrees, positive when the
 * end point is displaced toward `+sign` along image x. Image y points down, so "up" is −y.
 * Example: a trunk line from hip to shoulder with the shoulders ahead in the walking direction `sign`
 * gives a positive angle.
 */
export function angleFromVerticalDeg(x0: number, y0: number, x1: number, y1: number, sign: number): number {
  return (Math.atan2(sign * (x1 - x0), y0 - y1) * 180) / Math.PI;
}

/**
 * Angle of the segment from (x0, y0) to (x1, y1) against the downward vertical, degrees, positive when
 * the end point is displaced toward `+sign` (used for limbs hanging down: knee→ankle, shoulder→wrist).
 */
export function angleFromDownwardDeg(x0: number, y0: number, x1: number, y1: number, sign: number): number {
  return (Math.atan2(sign * (x1 - x0), y1 - y0) * 180) / Math.PI;
}

/**
 * Flexion at a joint B between segments A→B and B→C, degrees: 0 when A, B, C are in a straight line,
 * growing as the limb bends (knee flexion from hip, knee, ankle).
 */
export function jointFlexionDeg(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number
): number {
  const ux = bx - ax;
  const uy = by - ay;
  const vx = cx - bx;
  const vy = cy - by;
  return (Math.atan2(Math.abs(ux * vy - uy * vx), ux * vx + uy * vy) * 180) / Math.PI;
}

/** Euclidean distance in px, `NaN` when any coordinate is missing. */
export function distancePx(ax: number, ay: number, bx: number, by: number): number {
  return Math.hypot(bx - ax, by - ay);
}
