/**
 * Every judgement constant of the analysis core, in one place (the findings' bands and flags are in
 * `$lib/report/findings/thresholds`).
 * Each constant says where it comes from. **Provisional** marks a design choice that no citable
 * source fixes: change it here, and the analysis, the findings and the docs follow.
 * Sources are spelled out in `/docs/METHOD.md` (Winter 2009, Zeni 2008, Stenum 2021, Robinson 1987,
 * Patterson 2010, Tudor-Locke 2011/2019, Hof 1996, elfj/gait-analysis-pwa).
 */

// ───────────────────────────── cleaning ─────────────────────────────

/** A landmark with visibility below this is treated as missing. MediaPipe convention (docs/METHOD.md §1). */
export const MIN_LANDMARK_VISIBILITY = 0.5;

/** Gaps up to this long are interpolated; longer gaps split the series (docs/METHOD.md §1). **Provisional.** */
export const MAX_GAP_FILL_S = 0.2;

/** Low-pass cut-off for landmark trajectories, Hz. Winter 2009 (walking kinematics ≈6 Hz). */
export const LOWPASS_CUTOFF_HZ = 6;

/** Butterworth order of the zero-lag (forward–backward) low-pass. Winter 2009. */
export const LOWPASS_ORDER = 4;

/** Below this frame rate the cut-off is lowered and timing is coarse (docs/METHOD.md §1; Winter 2009's 6 Hz needs ≥ ≈20 fps). **Provisional.** */
export const LOW_FPS_HZ = 20;

/**
 * When the frame rate is below {@link LOW_FPS_HZ}, the cut-off becomes this fraction of the sample rate
 * (e.g. 15 fps → 3.75 Hz), keeping it well under Nyquist. **Provisional.**
 */
export const LOW_FPS_CUTOFF_FRACTION = 0.25;

// ───────────────────────────── view, direction, treadmill ─────────────────────────────

/**
 * Side view when (shoulder width + hip width)/2 ÷ torso length is at most this. Adult shoulder width is
 * ≈0.8 and BlazePose hip width ≈0.5 torso lengths seen from the front; from the side both shrink towards 0.
 * **Provisional.**
 */
export const SIDE_VIEW_MAX_WIDTH_RATIO = 0.22;

/** Front view when that ratio is at least this; in between is oblique. **Provisional.** */
export const FRONT_VIEW_MIN_WIDTH_RATIO = 0.45;

/** A front view fits fully (view fit 1) this far above {@link FRONT_VIEW_MIN_WIDTH_RATIO}. **Provisional.** */
export const FRONT_VIEW_FULL_FIT_MARGIN = 0.2;

/**
 * Treadmill (or walking on the spot) when the hip midpoint travels less than this many leg lengths per
 * second on average while the legs cycle. Overground walking travels ≈1.2–1.8 leg lengths/s. **Provisional.**
 */
export const TREADMILL_MAX_HIP_SPEED_PER_LEG_S = 0.3;

/**
 * Front view: treadmill when the body's size in the image (torso length) changes by less than this
 * fraction per second. Walking toward a camera 4 m away at 1.2 m/s grows the body by ≈30 %/s. **Provisional.**
 */
export const TREADMILL_MAX_SCALE_RATE_PER_S = 0.05;

/**
 * Largest perspective correction between a leg's depth plane and the hip-midpoint plane (side view), as a
 * fraction. Feet ≈0.1 m either side of the mid-plane at 2.5–5 m give 2–4 %; a larger near/far leg-length
 * ratio is model error, not depth. **Provisional.**
 */
export const MAX_DEPTH_SCALE_CORRECTION = 0.06;

// ───────────────────────────── left/right correction ─────────────────────────────

/**
 * Cost, in leg lengths, of relabelling one frame against the model's own labels in the continuity
 * search. Much smaller than the jump a real swap makes (≈2 × foot separation summed over four points,
 * ≈3–5 leg lengths just after heel strike), much larger than frame-to-frame motion. **Provisional.**
 */
export const SWAP_LABEL_PRIOR_COST_PER_LEG = 0.3;

/**
 * In the continuity search, one point's miss against its predicted position counts at most this many leg
 * lengths, so that one badly placed frame (the model is often wrong in position, not only in label, around a
 * swap) cannot outweigh the evidence of the frames around it. A real label swap moves each foot point by
 * ≈0.5–0.8 leg lengths. **Provisional.**
 */
export const SWAP_POINT_COST_CAP_PER_LEG = 0.3;

/**
 * Both leg chains are taken to sit on one leg ("collapse") when the mean distance between their
 * knee, ankle, heel and toe is below this many leg lengths. Two real legs are never this close at all four
 * points at once (the swing knee and foot are apart even at mid-swing). **Provisional.**
 */
export const COLLAPSE_MAX_CHAIN_DISTANCE_PER_LEG = 0.05;

/**
 * Share of corrected frames above which the report says labels were unreliable (heavy ≈4 %, full ≈10 %,
 * lite ≈16 % on our synthetic renders; above this the correction is doing a lot of guessing). **Provisional.**
 */
export const MANY_SWAPS_FRACTION = 0.25;

// ───────────────────────────── passes (what the person is doing) ─────────────────────────────

/** Window over which hip speed, heel separation, body width and scale are judged per sample, s. **Provisional.** */
export const SEGMENT_WINDOW_S = 1;

/**
 * Stepping: the horizontal heel separation spans at least this much within a window, leg lengths (walking
 * swings it through ≈±0.6; standing keeps it within ≈0.1). **Provisional.**
 */
export const STEPPING_MIN_HEEL_RANGE_PER_LEG = 0.3;

/**
 * Walking toward, away from or at an angle to the camera: the body's image scale (torso length) changes by at
 * least this fraction per second (a pass across the view keeps its depth: ≈0; 1.2 m/s at 45° seen from 4 m:
 * ≈0.2/s). Body width is not used for this: near/far parallax widens a side-on body by up to ≈0.35 torso
 * lengths toward the picture's edges. **Provisional.**
 */
export const OBLIQUE_MIN_SCALE_RATE_PER_S = 0.1;

/** A stretch shorter than this, s, is label flicker and joins its longer neighbour. **Provisional.** */
export const MIN_SEGMENT_S = 0.4;

/** A pass shorter than this, s, cannot hold a stride and is left out as partial. **Provisional.** */
export const MIN_PASS_S = 1;

/** Stepping on the spot for at least this long, s, is a treadmill pass (shorter: a slow spell or a turn). **Provisional.** */
export const MIN_TREADMILL_PASS_S = 2;

/** Anything up to this long, s, between two passes of opposite direction is a turn. **Provisional.** */
export const MAX_TURN_S = 4;

/**
 * Heel strikes of a pass that starts from standing still whose steps are kept out of steady-state metrics,
 * counted from the pass's first: the first step (its strike has no step time, but its length and landing
 * are those of a start). **Provisional.**
 */
export const INITIATION_STRIKES = 1;

// ───────────────────────────── plausibility (outliers) ─────────────────────────────

/**
 * A walking step shorter or longer than this, leg lengths, is a measurement error, not a step: normal steps
 * are ≈0.7–0.9 (Hof 1996 scaling of Bohannon 2011 norms), very slow or shuffling gait ≈0.3, long strides
 * ≈1.1. **Provisional.**
 */
export const PLAUSIBLE_STEP_LENGTH_PER_LEG: readonly [number, number] = [0.2, 1.3];

/**
 * A symmetry index beyond this, %, is not a walking body's asymmetry but a measurement error (hemiparetic
 * gait reaches ≈30–50 % step-time and stance SI; Patterson 2010). **Provisional.**
 */
export const MAX_PLAUSIBLE_SI_PCT = 60;

/** Walking cadence range, steps/min; outside it the cadence is not a walking cadence. **Provisional.** */
export const WALKING_CADENCE_RANGE_SPM: readonly [number, number] = [40, 150];

// ───────────────────────────── running ─────────────────────────────

/**
 * Running: the trailing toe leaves the ground BEFORE the next heel strike (a flight phase). The toe off's
 * place within the step, 0 = this heel strike, 1 = the next: walking ≈0.1–0.4 (double support after the
 * strike), running ≈0.6–0.9. Above this phase, a step is a running step. **Provisional.**
 */
export const RUNNING_TOE_OFF_PHASE = 0.5;

/** Share of steps that must be running steps for the clip to be called running. **Provisional.** */
export const RUNNING_STEP_SHARE = 0.6;

// ───────────────────────────── gait events ─────────────────────────────

/** Shortest plausible step time, s (cadence 200 steps/min): minimum spacing of heel strikes. **Provisional.** */
export const MIN_STEP_TIME_S = 0.3;

/** Longest plausible step time, s (cadence 40 steps/min); longer intervals are treated as missed steps. **Provisional.** */
export const MAX_STEP_TIME_S = 1.5;

/**
 * Minimum prominence of a heel-strike peak of the leading-heel signal, leg lengths. Real strikes have
 * ≈0.5–0.8 leg lengths of excursion between strikes. **Provisional.**
 */
export const MIN_STRIKE_PROMINENCE_PER_LEG = 0.1;

/**
 * Heel strike: the landing heel's speed over the ground falls below this fraction of the walking speed
 * (refines Zeni's time; foot-velocity principle, O'Connor et al. 2007). Higher than the toe-off fraction
 * because a landed heel still rolls a little (heel rocker) and pixel noise would delay a lower crossing.
 * **Provisional** (tuned on synthetic walks).
 */
export const HEEL_STRIKE_SPEED_FRACTION = 0.5;

/** Toe off: the trailing toe's speed over the ground rises through this fraction of the walking speed. **Provisional.** */
export const TOE_OFF_SPEED_FRACTION = 0.25;

/** Minimum prominence of a toe-off minimum of the trailing-toe signal, leg lengths. **Provisional.** */
export const MIN_TOE_OFF_PROMINENCE_PER_LEG = 0.05;

/**
 * Front view: minimum prominence of a heel strike in the vertical heel separation, leg lengths. A 0.66-m
 * step seen from 4 m at 1 m camera height separates the heels by ≈0.15 leg lengths in the image. **Provisional.**
 */
export const MIN_FRONTAL_STRIKE_PROMINENCE_PER_LEG = 0.04;

/**
 * Step intervals more than this factor from the median step time are not used as steps (a missed or
 * extra strike). **Provisional.**
 */
export const STEP_TIME_OUTLIER_FACTOR = 1.5;

// ───────────────────────────── metric gates ─────────────────────────────

/** Less than this much time with a person in view is too little to analyse at all (`TooShortError`). **Provisional.** */
export const MIN_ANALYSABLE_DURATION_S = 1;

/**
 * A clip at least {@link MIN_ANALYSABLE_DURATION_S} long in which a person is seen in fewer than this share
 * of the frames (or for less than that duration in all) gives `NoPersonError`, not `TooShortError`: the
 * clip is long enough, the person is missing. A pose model "finds" a person in the odd frame of an empty
 * scene (lite: 1 of 90 frames of a test pattern); a walker crossing a 20-s recording is in view for
 * ≈15–30 % of it. **Provisional.**
 */
export const MIN_PERSON_FRAME_FRACTION = 0.1;

/** Fewest values behind any measured metric (a spread needs two). */
export const MIN_SAMPLES_FOR_METRIC = 2;

/** Symmetry needs at least this many clean steps per side (docs/METHOD.md §7). **Provisional.** */
export const MIN_STEPS_PER_SIDE_FOR_SYMMETRY = 2;

/** A posture sample (median over a stride or 1-s window) needs this share of the window present. **Provisional.** */
export const MIN_POSTURE_WINDOW_COVERAGE = 0.5;

/** An arm-swing range needs this share of the stride present (a range needs the whole swing). **Provisional.** */
export const MIN_ARM_SWING_COVERAGE = 0.8;

/** Stride-time variability needs at least this many strides. **Provisional.** */
export const MIN_STRIDES_FOR_VARIABILITY = 4;

// ───────────────────────────── quality gates (elfj/gait-analysis-pwa gates) ─────────────────────────────

/** A clip shorter than this is flagged "too short". elfj/gait-analysis-pwa: ≥ 5 s. */
export const MIN_DURATION_FOR_HIGH_CONFIDENCE_S = 5;

/** Fewer heel strikes than this gives "too few steps" and at most medium confidence. elfj: ≥ 6 steps. */
export const MIN_STEPS_FOR_HIGH_CONFIDENCE = 6;

/** Fewer heel strikes than this gives low confidence. **Provisional.** */
export const MIN_STEPS_FOR_MEDIUM_CONFIDENCE = 4;

/** Fraction of frames with a detected person for a trustworthy clip. elfj: ≥ 90 %. */
export const MIN_DETECTION_RATE = 0.9;

/** Below this detection rate confidence is low. **Provisional.** */
export const LOW_DETECTION_RATE = 0.7;

/** Mean leg-landmark visibility for a trustworthy clip. elfj: ≥ 0.6. */
export const MIN_MEAN_VISIBILITY = 0.6;

/** Below this frame rate confidence is at most low. **Provisional.** */
export const VERY_LOW_FPS_HZ = 12;

/** A metric resting on at least this many values can be "high" confidence. **Provisional.** */
export const MIN_SAMPLES_FOR_HIGH_CONFIDENCE = 6;

/**
 * Per-step accuracy of single-camera 2D video against 3D motion capture (Stenum, Rossi, Roemmich 2021,
 * PLOS Comp Biol 17:e1008935): mean absolute error of step length 0.049 m, i.e. ≈0.055 leg lengths for
 * their ≈0.9 m legs. The findings use it as the error floor of one step when asking whether a left/right
 * difference is larger than chance.
 */
export const VIDEO_STEP_LENGTH_MAE_PER_LEG = 0.055;

/** Same source: mean absolute error of one gait event's time, s (0.02 s per step). */
export const VIDEO_EVENT_TIME_MAE_S = 0.02;
