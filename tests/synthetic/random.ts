/** A seeded pseudo-random source: same seed, same sequence, on every platform. */
export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  integer(min: number, max: number): number;
  /** Standard normal (mean 0, sd 1), Box–Muller. */
  normal(): number;
}

/**
 * A seeded PRNG (mulberry32: 32-bit state, period 2³²; ample for test data, not for cryptography).
 *
 * @param seed - any number; its integer part (mod 2³²) is the state.
 * @example
 * const rng = createRandom(42); rng.uniform(); // same value on every run
 */
export function createRandom(seed: number): Random {
  let state = Math.trunc(seed) >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    integer: (min, max) => min + Math.floor(uniform() * (max - min + 1)),
    normal: () => {
      const u = 1 - uniform(); // (0, 1]: log is finite
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
    }
  };
}
