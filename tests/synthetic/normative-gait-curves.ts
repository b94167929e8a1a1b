/**
 * Approximate normative sagittal joint angles over one gait cycle (shapes after Perry and Winter),
 * as key points `[phase %, degrees]`, phase 0 = heel strike of that leg. Hip: flexion positive;
 * knee: flexion positive; ankle: dorsiflexion positive. Ported from the reference synthetic walker.
 */
export const NORMATIVE_GAIT_CURVES = {
  hipDeg: [
    [0, 30],
    [10, 28],
    [20, 21],
    [30, 12],
    [40, 3],
    [50, -6],
    [55, -9],
    [60, -5],
    [65, 3],
    [70, 12],
    [75, 20],
    [80, 27],
    [85, 31],
    [90, 32],
    [95, 31]
  ],
  kneeDeg: [
    [0, 4],
    [5, 10],
    [10, 16],
    [15, 18],
    [20, 15],
    [30, 8],
    [40, 4],
    [45, 5],
    [50, 9],
    [55, 18],
    [60, 36],
    [65, 50],
    [70, 60],
    [73, 62],
    [77, 58],
    [82, 45],
    [87, 28],
    [92, 12],
    [96, 5]
  ],
  ankleDeg: [
    [0, 0],
    [4, -4],
    [8, -5],
    [12, -2],
    [20, 3],
    [30, 7],
    [40, 10],
    [47, 11],
    [52, 7],
    [56, 0],
    [60, -12],
    [64, -17],
    [68, -9],
    [72, -2],
    [76, 2],
    [85, 2],
    [92, 1]
  ]
} as const satisfies Record<string, ReadonlyArray<readonly [number, number]>>;

/**
 * A smooth periodic curve through key points: a cubic Hermite (Catmull–Rom on non-uniform knots)
 * that wraps around at phase 1.
 *
 * @param keys - `[phase %, value]` pairs, phase increasing within [0, 100).
 * @returns `f(phase)` for any phase (in cycles; taken modulo 1).
 * @example
 * const hip = periodicSpline(NORMATIVE_GAIT_CURVES.hipDeg); hip(0); // 30
 */
export function periodicSpline(keys: ReadonlyArray<readonly [number, number]>): (phase: number) => number {
  const n = keys.length;
  const xs = keys.map(([p]) => p / 100);
  const vs = keys.map(([, v]) => v);
  /** Knot m (any integer; wraps around with +1 per turn) as [phase, value]. */
  const knot = (m: number): [number, number] => {
    const q = ((m % n) + n) % n;
    return [xs[q] + Math.floor(m / n), vs[q]];
  };
  // Per segment i (knot i → i + 1): start phase, width, end values and scaled tangents.
  const segments = xs.map((_, i) => {
    const [x0, v0] = knot(i - 1);
    const [x1, v1] = knot(i);
    const [x2, v2] = knot(i + 1);
    const [x3, v3] = knot(i + 2);
    const w = x2 - x1;
    return { x1, w, v1, v2, m1: ((v2 - v0) / (x2 - x0)) * w, m2: ((v3 - v1) / (x3 - x1)) * w };
  });
  return (phase) => {
    const x = ((phase % 1) + 1) % 1;
    let i = n - 1;
    while (i > 0 && xs[i] > x) i--;
    const s = segments[i];
    const u = (x < s.x1 ? x + 1 - s.x1 : x - s.x1) / s.w;
    const u2 = u * u;
    const u3 = u2 * u;
    return (
      (2 * u3 - 3 * u2 + 1) * s.v1 + (u3 - 2 * u2 + u) * s.m1 + (-2 * u3 + 3 * u2) * s.v2 + (u3 - u2) * s.m2
    );
  };
}
