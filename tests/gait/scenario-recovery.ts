/**
 * Synthetic clips that vary as real clips do (`makeWalkScenario`): passes in both directions with turns,
 * exits and re-entries, starts from standstill, slow and limping walkers, 24–60 fps, oblique stretches,
 * legs hidden for a moment, far and near walkers, running; each with the pose model's label swaps at the
 * lite or full model's rate, pixel noise and timestamp jitter. Shared by the recovery test
 * (`src/lib/analysis/gait/analyze-gait.scenarios.test.ts`) and `scripts/gait-recovery-errors.ts`.
 */
import { analyzeGait, symmetryIndexPct, type GaitAnalysis } from '../../src/lib/analysis/gait';
import {
  makeWalkScenario,
  type ScenarioTruth,
  type WalkScenarioParams
} from '../synthetic/make-walk-scenario';
import { eventErrors, type EventErrors } from './event-errors';

/** The pose models' label-swap rates on our rendered walker (fixtures README). */
export const SWAP_RATES = { lite: 0.16, full: 0.1 } as const;

/** A named scenario and what the analysis must make of it. */
export interface Scenario {
  name: string;
  params: Partial<Omit<WalkScenarioParams, 'segments'>> & Pick<WalkScenarioParams, 'segments'>;
  /** Passes across the view the analysis must use. */
  passes: number;
  running: boolean;
}

const LIMP = { cadenceSpm: 85, stepTimeAsymmetry: -0.06, stanceLeft: 0.68, stanceRight: 0.55 };

export const SCENARIOS: Scenario[] = [
  {
    name: 'two passes with a turn in view',
    params: {
      startXM: -2.2,
      segments: [
        { kind: 'walk', durationS: 3.4, headingDeg: 0 },
        { kind: 'turn', durationS: 1.6, toHeadingDeg: 180 },
        { kind: 'walk', durationS: 3.4, headingDeg: 180 }
      ]
    },
    passes: 2,
    running: false
  },
  {
    name: 'exit and re-entry from the other side',
    params: {
      startXM: -1.5,
      segments: [
        { kind: 'walk', durationS: 4, headingDeg: 0 },
        { kind: 'turn', durationS: 1.2, toHeadingDeg: 180 },
        { kind: 'walk', durationS: 5, headingDeg: 180 }
      ]
    },
    passes: 2,
    running: false
  },
  {
    name: 'start from standstill, stop, start again',
    params: {
      startXM: -2.4,
      gait: { cadenceSpm: 90 },
      segments: [
        { kind: 'stand', durationS: 1 },
        { kind: 'walk', durationS: 5.5, headingDeg: 0, rampInS: 1, rampOutS: 1 },
        { kind: 'stand', durationS: 1 }
      ]
    },
    passes: 1,
    running: false
  },
  {
    name: 'slow limping walker at 24 fps, right to left',
    params: {
      fpsHz: 24,
      startXM: 2.3,
      gait: { ...LIMP, stepLengthLeftPerLeg: 0.5, stepLengthRightPerLeg: 0.62 },
      segments: [{ kind: 'walk', durationS: 7, headingDeg: 180 }]
    },
    passes: 1,
    running: false
  },
  {
    name: 'very slow walker (72 steps/min)',
    params: {
      startXM: -2.3,
      gait: { cadenceSpm: 72, stepLengthLeftPerLeg: 0.55, stepLengthRightPerLeg: 0.55 },
      segments: [{ kind: 'walk', durationS: 8, headingDeg: 0 }]
    },
    passes: 1,
    running: false
  },
  {
    name: 'brisk walk at 60 fps',
    params: {
      fpsHz: 60,
      startXM: -2.4,
      gait: { cadenceSpm: 120, stepLengthLeftPerLeg: 0.85, stepLengthRightPerLeg: 0.85 },
      segments: [{ kind: 'walk', durationS: 4, headingDeg: 0 }]
    },
    passes: 1,
    running: false
  },
  {
    name: 'oblique approach, then side-on',
    params: {
      startXM: -3.6,
      cameraDistanceM: 6,
      segments: [
        { kind: 'walk', durationS: 2.5, headingDeg: 30 },
        { kind: 'walk', durationS: 3.5, headingDeg: 0 }
      ]
    },
    passes: 1,
    running: false
  },
  {
    name: 'legs hidden for 0.15 s mid-walk',
    params: {
      startXM: -3.3,
      cameraDistanceM: 5.5,
      occlusions: [{ startS: 2.8, endS: 2.95, parts: 'legs' }],
      segments: [{ kind: 'walk', durationS: 5.5, headingDeg: 0 }]
    },
    passes: 1,
    running: false
  },
  {
    name: 'far walker (6.5 m)',
    params: {
      startXM: -3.8,
      cameraDistanceM: 6.5,
      segments: [{ kind: 'walk', durationS: 6, headingDeg: 0 }]
    },
    passes: 1,
    running: false
  },
  {
    name: 'near walker (3 m), right to left',
    params: {
      startXM: 1.7,
      cameraDistanceM: 3,
      segments: [{ kind: 'walk', durationS: 3, headingDeg: 180 }]
    },
    passes: 1,
    running: false
  },
  {
    name: 'running',
    params: {
      startXM: -2.4,
      segments: [{ kind: 'run', durationS: 2, headingDeg: 0 }]
    },
    passes: 1,
    running: true
  }
];

/** Measured − true (NaN where not measured), and the counts the test checks. */
export interface ScenarioErrors {
  running: boolean;
  passesUsed: number;
  cadenceSpm: number;
  stepLengthLeftPerLeg: number;
  stepLengthRightPerLeg: number;
  stepTimeSiPts: number;
  stepLengthSiPts: number;
  stanceTimeSiPts: number;
  trunkLeanDeg: number;
  neckAngleDeg: number;
  heelStrikes: EventErrors;
  toeOffs: EventErrors;
}

/**
 * The true pooled gait over the steady heel strikes in view: each strike weighs its segment's values for
 * its side (so two passes at different cadences pool as the analysis pools them).
 */
function pooledTruth(truth: ScenarioTruth) {
  const steady = truth.heelStrikes.filter((h) => h.steady && truth.segments[h.segment].gait);
  const mean = (
    f: (g: NonNullable<ScenarioTruth['segments'][number]['gait']>, side: 'left' | 'right') => number,
    side?: 'left' | 'right'
  ) => {
    const own = steady.filter((h) => !side || h.side === side);
    return own.reduce((s, h) => s + f(truth.segments[h.segment].gait!, side ?? h.side), 0) / own.length;
  };
  const stepTime = (g: { stepTimeLeftS: number; stepTimeRightS: number }, side: 'left' | 'right') =>
    side === 'left' ? g.stepTimeLeftS : g.stepTimeRightS;
  const stepLength = (
    g: { stepLengthLeftPerLeg: number; stepLengthRightPerLeg: number },
    side: 'left' | 'right'
  ) => (side === 'left' ? g.stepLengthLeftPerLeg : g.stepLengthRightPerLeg);
  const stance = (
    g: { stanceLeft: number; stanceRight: number; strideTimeS: number },
    side: 'left' | 'right'
  ) => (side === 'left' ? g.stanceLeft : g.stanceRight) * g.strideTimeS;
  return {
    cadenceSpm: 60 / mean(stepTime),
    stepLengthLeft: mean(stepLength, 'left'),
    stepLengthRight: mean(stepLength, 'right'),
    stepTimeSi: symmetryIndexPct(mean(stepTime, 'right'), mean(stepTime, 'left')),
    stepLengthSi: symmetryIndexPct(mean(stepLength, 'right'), mean(stepLength, 'left')),
    stanceSi: symmetryIndexPct(mean(stance, 'right'), mean(stance, 'left')),
    trunkLeanDeg: mean((g) => g.trunkLeanDeg),
    neckAngleDeg: mean((g) => g.earShoulderAngleDeg)
  };
}

/** Make a scenario with the given model's swap rate and seed, analyse it and score it. */
export function scoreScenario(
  s: Scenario,
  model: keyof typeof SWAP_RATES,
  seed: number
): { analysis: GaitAnalysis; truth: ScenarioTruth; e: ScenarioErrors } {
  const { series, truth } = makeWalkScenario({
    noisePx: 1,
    timestampJitterMs: 2,
    swapBursts: { rate: SWAP_RATES[model], lengthFrames: [3, 5] },
    collapseRate: 0.2,
    seed,
    ...s.params
  });
  const a = analyzeGait(series);
  const fps = s.params.fpsHz ?? 30;
  const val = (id: keyof GaitAnalysis['metrics']) => {
    const m = a.metrics[id];
    return m.status === 'measured' ? m : null;
  };
  const step = val('stepLength');
  const t = pooledTruth(truth);
  const asTrue = (e: ScenarioTruth['heelStrikes'][number]) => ({
    side: e.side,
    tS: e.tMs / 1000,
    inView: true
  });
  return {
    analysis: a,
    truth,
    e: {
      running: a.activity.kind === 'running',
      passesUsed: a.segments.filter((x) => x.used && x.kind === 'pass').length,
      cadenceSpm: (val('cadence')?.value ?? NaN) - t.cadenceSpm,
      stepLengthLeftPerLeg: (step?.left ?? NaN) - t.stepLengthLeft,
      stepLengthRightPerLeg: (step?.right ?? NaN) - t.stepLengthRight,
      stepTimeSiPts: (val('stepTimeSymmetry')?.value ?? NaN) - t.stepTimeSi,
      stepLengthSiPts: (val('stepLengthSymmetry')?.value ?? NaN) - t.stepLengthSi,
      stanceTimeSiPts: (val('stanceTimeSymmetry')?.value ?? NaN) - t.stanceSi,
      trunkLeanDeg: (val('trunkLean')?.value ?? NaN) - t.trunkLeanDeg,
      neckAngleDeg: (val('neckAngle')?.value ?? NaN) - t.neckAngleDeg,
      heelStrikes: eventErrors(a, 'heelStrike', truth.heelStrikes.map(asTrue), fps),
      toeOffs: eventErrors(a, 'toeOff', truth.toeOffs.map(asTrue), fps)
    }
  };
}
