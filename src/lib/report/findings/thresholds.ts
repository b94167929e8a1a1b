/**
 * Every judgement constant of the findings (report layer): what counts as usual, when a finding is "watch"
 * or "work on", and how sure a flag must be. Each says where it comes from; **provisional** marks a design
 * choice no citable source fixes. The analysis layer's constants (events, passes, plausibility, quality) are
 * in `$lib/analysis/thresholds`; how each band was chosen, with the distribution our own pipeline measured on
 * normal walkers, is in `docs/FINDINGS.md`.
 */

// ───────────────────────────── findings: what counts as notable ─────────────────────────────

/** Normal adult cadence, steps/min. Tudor-Locke et al. 2011/2019. */
export const CADENCE_NORMAL_RANGE_SPM: readonly [number, number] = [100, 120];

/** Typical step length at comfortable speed ÷ leg length (leg ≈0.53 H, step ≈0.41–0.45 H). Derived guide, **provisional.** */
export const STEP_LENGTH_TYPICAL_RANGE_PER_LEG: readonly [number, number] = [0.75, 0.85];

/** Typical stride length ÷ leg length. Derived guide (as above), **provisional.** */
export const STRIDE_LENGTH_TYPICAL_RANGE_PER_LEG: readonly [number, number] = [1.5, 1.7];

/**
 * Usual heel-ahead-of-hip distance at heel strike ÷ leg length, AS OUR PIPELINE MEASURES IT (BlazePose's hip
 * point, the back of the heel, the hip midpoint): 0.21–0.34 on 14 normal rendered walkers at 90–125 steps/min
 * (docs/FINDINGS.md, "Calibration"). The joint-centre geometry of the literature (hip flexion 20–30° at
 * contact) gives 0.34–0.42, which our measurement does not reproduce: a band is only meaningful for the
 * measurement that produced it. Our measurement.
 */
export const HEEL_AHEAD_TYPICAL_RANGE_PER_LEG: readonly [number, number] = [0.2, 0.35];

/**
 * Per-step overstriding flag: a heel landing more than this many leg lengths ahead of the hip midpoint, past
 * every single step of the normal rendered walkers (largest 0.39). Our measurement, **provisional**.
 */
export const OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG = 0.4;

/** Overstriding pattern: knee flexion at heel strike below this counts as "near straight". **Provisional.** */
export const NEAR_STRAIGHT_KNEE_MAX_DEG = 5;

/** Overstriding pattern: shank angle at heel strike above this counts as "reaching forward". **Provisional.** */
export const REACHING_SHANK_MIN_DEG = 10;

/** Trunk lean flag: forward lean above this, degrees ("leaning forward / slouching"). **Provisional.** */
export const TRUNK_LEAN_FORWARD_FLAG_DEG = 10;

/** Trunk lean mention: backward lean below this, degrees. **Provisional.** */
export const TRUNK_LEAN_BACKWARD_FLAG_DEG = -5;

/**
 * Head/neck flag: shoulder→ear line tilted forward of vertical by more than this, degrees. In real
 * side-view clips slouching tilted this line forward by roughly twice the upright value (28–31° against ≈15° upright);
 * the value itself is **provisional** and awaits validation on real footage.
 */
export const NECK_FORWARD_FLAG_DEG = 25;

/** Head-forward flag: ear ahead of the shoulder by more than this many torso lengths. **Provisional.** */
export const HEAD_FORWARD_FLAG_PER_TORSO = 0.25;

/** Robinson symmetry index above this, %, is flagged. Common practice, **provisional.** */
export const SYMMETRY_INDEX_FLAG_PCT = 10;

/** Patterson et al. 2010 symmetry-ratio thresholds (larger/smaller side). */
export const PATTERSON_SYMMETRY_RATIO = { swing: 1.06, stance: 1.05, stepLength: 1.08 } as const;

/** Typical stance share of the stride, % (≈60 %; Perry & Burnfield 2010, docs/METHOD.md §7). */
export const STANCE_TYPICAL_PCT = 60;

/** Typical total double support, % of the stride (≈20–25 %; Perry & Burnfield 2010, docs/METHOD.md §7). */
export const DOUBLE_SUPPORT_TYPICAL_RANGE_PCT: readonly [number, number] = [20, 25];

/** Stride-time coefficient of variation above this, %, is flagged as irregular. **Provisional.** */
export const STRIDE_TIME_CV_FLAG_PCT = 5;

// ───────────────────────────── finding levels (report) ─────────────────────────────
// A finding is "work on" past the flag constants above, "watch" in the band between the watch
// constant below and the flag, and "fine" otherwise. The watch bands are **provisional**: they mark
// values past what is typical that do not yet reach the flag. Overstriding uses the top of
// HEEL_AHEAD_TYPICAL_RANGE_PER_LEG as its watch line, cadence the edges of CADENCE_NORMAL_RANGE_SPM,
// asymmetry Patterson's ratios (PATTERSON_SYMMETRY_RATIO, converted to a symmetry index).

/** Trunk lean "watch" band starts here, degrees forward (above "a few degrees" plus BlazePose's hip-point bias). **Provisional.** */
export const TRUNK_LEAN_FORWARD_WATCH_DEG = 8;

/** Head/neck "watch" band starts here, degrees forward of vertical. **Provisional.** */
export const NECK_FORWARD_WATCH_DEG = 20;

/**
 * Share of steps past the overstride flag that makes a "watch" even when the median is typical
 * (a habit on some steps, not on most). **Provisional.**
 */
export const OVERSTRIDE_STEP_SHARE_WATCH = 0.25;

/**
 * A left/right difference counts as real only when the per-side medians differ by more than this many
 * standard errors of the difference (Welch: √(sd²_L/n_L + sd²_R/n_R)); 2 ≈ a 95 % two-sided interval.
 * With the few steps of a short clip, one mistimed strike otherwise reads as an asymmetry. Statistical
 * convention; the choice of 2 is **provisional**.
 */
export const ASYMMETRY_MIN_STANDARD_ERRORS = 2;

/**
 * Calling the two sides uneven needs at least this many values (steps, or strides for stance) on each side;
 * and the difference must survive leaving out any one heel strike (`survivesOneStrike`). **Provisional.**
 */
export const ASYMMETRY_MIN_VALUES_PER_SIDE = 3;

// ───────────────────────────── overstriding: steps long for the pace ─────────────────────────────

/**
 * Usual walk ratio, leg lengths per (step/min): step length ÷ cadence. People speed up by lengthening
 * their steps and quickening them together, so the ratio stays nearly constant over normal speeds (Sekiya et
 * al. 1997; ≈0.006 m per step/min in adults, ≈0.0070 leg lengths for a 0.86-m leg). Band as our pipeline
 * measures normal walkers (docs/FINDINGS.md, "Calibration"). **Provisional.**
 */
export const WALK_RATIO_USUAL_PER_LEG: readonly [number, number] = [0.0062, 0.008];

/** Walk ratio from which steps are clearly too long for the pace (≈ +20 % over usual). **Provisional.** */
export const WALK_RATIO_WORK_ON_PER_LEG = 0.0086;

/**
 * Below this cadence the walk ratio rises naturally as people slow down (Murakami & Otaka 2017: constancy
 * breaks at ≈98 steps/min), so long-for-the-pace steps are at most "watch" there. Literature.
 */
export const WALK_RATIO_MIN_CADENCE_SPM = 98;

/** A left − right difference in each per-side quantity the asymmetry finding compares. */
export interface SideDifference {
  /** Step length, leg lengths. */
  stepLength: number;
  /** Step time, s. */
  stepTime: number;
  /** Stance time (stance % × stride time), s. */
  stancePct: number;
}

/**
 * The left − right differences each pose model makes on EVEN walkers: its foot landmarks misplace the near
 * foot for a frame or two after it lands, the same way on every step, which no statistic over steps removes.
 * A difference up to this is not called uneven. Set a little above the largest difference measured on the
 * normal rendered walkers (docs/FINDINGS.md, "Calibration"; `npx tsx scripts/findings-calibration.ts`). The
 * heavy model was not calibrated and takes the full model's. Our measurement.
 */
export const SIDE_DIFFERENCE_OF_MODEL: Readonly<Record<'lite' | 'full' | 'heavy', SideDifference>> = {
  lite: { stepLength: 0.19, stepTime: 0.11, stancePct: 0.2 },
  full: { stepLength: 0.13, stepTime: 0.06, stancePct: 0.2 },
  heavy: { stepLength: 0.13, stepTime: 0.06, stancePct: 0.2 }
};
