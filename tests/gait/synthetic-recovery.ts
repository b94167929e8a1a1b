/**
 * Scoring of the gait analysis against synthetic walks with exact ground truth: shared by the recovery tests
 * (`src/lib/analysis/gait/analyze-gait.synthetic.test.ts`) and the error report script
 * (`scripts/gait-recovery-errors.ts`) whose figures `docs/VALIDATION.md` quotes.
 */
import type { GaitAnalysis } from '../../src/lib/analysis/gait';
import { symmetryIndexPct } from '../../src/lib/analysis/gait';
import {
  makeSyntheticWalk,
  type SyntheticTruth,
  type SyntheticWalkParams
} from '../synthetic/make-synthetic-walk';
import { createRandom } from '../synthetic/random';

/** The lite model's label-swap rate (tests/fixtures/rendered/README.md and docs/METHOD.md §3: ≈16 % of frames, bursts of 3–5). */
export const LITE_SWAP_BURSTS = { rate: 0.16, lengthFrames: [3, 5] as [number, number] };

/**
 * Random but normal walking parameters for one seed, side view, 30 fps, WITH lite-model label swaps
 * (and collapses in up to 40 % of bursts), pixel noise, timestamp jitter, ~20 % treadmill walks.
 */
export function randomWalkParams(seed: number): Partial<SyntheticWalkParams> {
  const rng = createRandom(seed * 7919 + 17);
  const u = (a: number, b: number) => a + (b - a) * rng.uniform();
  const stepLeft = u(0.65, 0.9);
  const treadmill = rng.uniform() < 0.2;
  return {
    cadenceSpm: u(95, 125),
    stepLengthLeftPerLeg: stepLeft,
    stepLengthRightPerLeg: stepLeft * u(0.9, 1.1),
    stepTimeAsymmetry: u(-0.03, 0.03),
    stanceLeft: u(0.57, 0.64),
    stanceRight: u(0.57, 0.64),
    trunkLeanDeg: u(-3, 12),
    neckFlexDeg: u(0, 20),
    headForwardM: u(0, 0.04),
    armSwingLeft: u(0.6, 1.2),
    armSwingRight: u(0.6, 1.2),
    heightM: u(1.5, 1.95),
    treadmill,
    direction: rng.uniform() < 0.5 ? 1 : -1,
    view: 'side',
    fpsHz: 30,
    durationS: treadmill ? 6 : 8,
    cameraDistanceM: u(3, 6),
    noisePx: u(0, 1.5),
    swapBursts: LITE_SWAP_BURSTS,
    collapseRate: u(0, 0.4),
    timestampJitterMs: u(0, 3),
    seed
  };
}

/** Errors of one analysis against its truth (measured − true); NaN where the metric was not measured. */
export interface RecoveryErrors {
  cadenceSpm: number;
  stepLengthLeftPerLeg: number;
  stepLengthRightPerLeg: number;
  trunkLeanDeg: number;
  neckAngleDeg: number;
  stepLengthSiPts: number;
  stepTimeSiPts: number;
  stanceTimeSiPts: number;
  stancePct: number;
  /** Detected heel strikes: timing error in frames against the nearest true strike of the same side. */
  strikeErrorsFrames: number[];
  /** Detected strikes with no true strike of the same side within 2 frames. */
  spuriousStrikes: number;
  /** True strikes inside the detected span that no detected strike matched. */
  missedStrikes: number;
}

const measured = (a: GaitAnalysis, id: keyof GaitAnalysis['metrics']) => {
  const m = a.metrics[id];
  return m.status === 'measured' ? m : null;
};

/** Compare an analysis with the truth of its synthetic walk. */
export function scoreRecovery(a: GaitAnalysis, truth: SyntheticTruth, fpsHz: number): RecoveryErrors {
  const val = (id: keyof GaitAnalysis['metrics']) => measured(a, id)?.value ?? NaN;
  const step = measured(a, 'stepLength');
  const T = truth.strideTimeS;
  const trueStepSi = symmetryIndexPct(truth.stepLengthRightPerLeg, truth.stepLengthLeftPerLeg);
  const trueTimeSi = symmetryIndexPct(truth.stepTimeRightS, truth.stepTimeLeftS);
  const trueStanceSi = symmetryIndexPct(truth.stanceRight * T, truth.stanceLeft * T);
  const strikes = a.events.filter((e) => e.kind === 'heelStrike');
  const errors: number[] = [];
  let spurious = 0;
  const matched = new Set<number>();
  for (const s of strikes) {
    let best = -1;
    let bestErr = Infinity;
    truth.heelStrikes.forEach((h, k) => {
      const err = ((s.tMs - h.tMs) * fpsHz) / 1000;
      if (h.side === s.side && Math.abs(err) < Math.abs(bestErr)) {
        bestErr = err;
        best = k;
      }
    });
    if (best >= 0 && Math.abs(bestErr) <= 2) {
      errors.push(bestErr);
      matched.add(best);
    } else spurious++;
  }
  let missed = 0;
  if (strikes.length) {
    const first = strikes[0].tMs;
    const last = strikes[strikes.length - 1].tMs;
    truth.heelStrikes.forEach((h, k) => {
      if (h.tMs >= first && h.tMs <= last && !matched.has(k)) missed++;
    });
  }
  const meanStance = (truth.stanceLeft + truth.stanceRight) * 50;
  return {
    cadenceSpm: val('cadence') - truth.cadenceSpm,
    stepLengthLeftPerLeg: (step?.left ?? NaN) - truth.stepLengthLeftPerLeg,
    stepLengthRightPerLeg: (step?.right ?? NaN) - truth.stepLengthRightPerLeg,
    trunkLeanDeg: val('trunkLean') - truth.trunkLeanDeg,
    neckAngleDeg: val('neckAngle') - truth.earShoulderAngleDeg,
    stepLengthSiPts: val('stepLengthSymmetry') - trueStepSi,
    stepTimeSiPts: val('stepTimeSymmetry') - trueTimeSi,
    stanceTimeSiPts: val('stanceTimeSymmetry') - trueStanceSi,
    stancePct: val('stancePct') - meanStance,
    strikeErrorsFrames: errors,
    spuriousStrikes: spurious,
    missedStrikes: missed
  };
}

/** Make the walk for a seed and return it with its params. */
export function syntheticCase(seed: number, overrides: Partial<SyntheticWalkParams> = {}) {
  const params = { ...randomWalkParams(seed), ...overrides };
  return { params, ...makeSyntheticWalk(params) };
}
