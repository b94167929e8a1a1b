/**
 * Scoring of the analysis of rendered walker clips, run through the real pose model, against the renderer's
 * exact truth (`tests/fixtures/rendered/`, made by `scripts/render-walker/`). Shared by the pinning test
 * (`src/lib/analysis/gait/analyze-gait.rendered.test.ts`) and the error report
 * (`scripts/gait-recovery-errors.ts`) whose figures `docs/VALIDATION.md` quotes.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeGait, symmetryIndexPct, type GaitAnalysis } from '../../src/lib/analysis/gait';
import type { LandmarkSeries } from '../../src/lib/analysis/series';
import { eventErrors, type EventErrors, type TrueEvent } from './event-errors';

/** One foot event of the truth file. */
interface TruthEvent {
  foot: 'L' | 'R';
  /** Time, s. */
  t: number;
  inView: boolean;
}

/** The gait of a walk or run segment once under way (the truth file's `whenUnderWay`). */
interface UnderWay {
  cadence: number;
  strideTimeS: number;
  stepLengthL_over_leg: number;
  stepLengthR_over_leg: number;
  stepTimeL: number;
  stepTimeR: number;
  stanceL: number;
  stanceR: number;
  trunkLeanDeg: number;
}

/** The parts of `<variant>.truth.json` the scoring reads. */
export interface RenderedTruth {
  render: { fps: number; frames: number };
  segments: { style: string; whenUnderWay?: UnderWay; direction?: string }[];
  heelStrikes: TruthEvent[];
  toeOffs: TruthEvent[];
}

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/rendered');

/** Reads a rendered variant's truth and its landmark series for one model. */
export function readRendered(
  variant: string,
  model: 'lite' | 'full'
): { series: LandmarkSeries; truth: RenderedTruth } {
  const read = (name: string) => JSON.parse(readFileSync(join(DIR, name), 'utf8'));
  return { series: read(`${variant}.${model}.json`), truth: read(`${variant}.truth.json`) };
}

/**
 * Keeps every `step`-th frame from `phase` on, as the app does when it analyses a clip at a lower rate
 * than its own (e.g. a 60-fps clip at 30 fps); the source's frame rate follows.
 */
export const decimateSeries =
  (step: number, phase = 0) =>
  (s: LandmarkSeries): LandmarkSeries => {
    const frames = s.frames.filter((_f, i) => i % step === phase);
    return { ...s, source: { ...s.source, fpsHz: s.source.fpsHz / step }, frames };
  };

/**
 * Largest |error| allowed against the truth, per model. Full: the targets (cadence ±2 steps/min, step
 * length ±0.05 leg lengths, events ±2 frames, SIs ±5 points, trunk lean ±2°), widened only where the pose model
 * was measured to miss them (figures in docs/VALIDATION.md). Lite: what the lite model's foot landmarks allow,
 * pinned at the measured values with a margin (its near-foot timing makes false step-time asymmetry of 10–25 %).
 */
export const RENDERED_LIMITS = {
  full: { cadence: 2, stepLength: 0.06, eventMaxFrames: 3, eventMaeFrames: 1, si: 8, lean: 2 },
  lite: { cadence: 3.5, stepLength: 0.16, eventMaxFrames: 3, eventMaeFrames: 1.2, si: 25, lean: 2.5 }
};

/** Measured − true, NaN where not measured. */
export interface RenderedErrors {
  activity: GaitAnalysis['activity']['kind'];
  passesUsed: number;
  cadenceSpm: number;
  stepLengthLeftPerLeg: number;
  stepLengthRightPerLeg: number;
  stepTimeSiPts: number;
  stanceTimeSiPts: number;
  trunkLeanDeg: number;
  heelStrikes: EventErrors;
  toeOffs: EventErrors;
}

const asTrueEvent = (e: TruthEvent): TrueEvent => ({
  side: e.foot === 'L' ? 'left' : 'right',
  tS: e.t,
  inView: e.inView
});

/**
 * Analyses a rendered variant and scores it. The true pooled values weight each walking segment by its
 * in-view heel strikes: cadence 60 / mean step time, step lengths per side, the symmetry indices of the
 * segments' step and stance times (Robinson, right vs left, as the analysis reports them).
 */
export function scoreRendered(
  variant: string,
  model: 'lite' | 'full',
  transform?: (s: LandmarkSeries) => LandmarkSeries
): { analysis: GaitAnalysis; e: RenderedErrors; fps: number } {
  const { series, truth } = readRendered(variant, model);
  return scoreSeries(transform ? transform(series) : series, truth);
}

/** Analyses any landmark series of a rendered clip (e.g. posed in a test) and scores it against `truth`. */
export function scoreSeries(
  series: LandmarkSeries,
  truth: RenderedTruth
): { analysis: GaitAnalysis; e: RenderedErrors; fps: number } {
  const a = analyzeGait(series);
  const fps = truth.render.fps;
  const walks = truth.segments.filter((s) => s.whenUnderWay);
  const u = walks.map((s) => s.whenUnderWay!);
  const mean = (f: (w: UnderWay) => number) => u.reduce((s, w) => s + f(w), 0) / u.length;
  const val = (id: keyof GaitAnalysis['metrics']) => {
    const m = a.metrics[id];
    return m.status === 'measured' ? m : null;
  };
  const step = val('stepLength');
  const trueCadence = 60 / mean((w) => (w.stepTimeL + w.stepTimeR) / 2);
  return {
    analysis: a,
    fps,
    e: {
      activity: a.activity.kind,
      passesUsed: a.segments.filter((s) => s.used && s.kind === 'pass').length,
      cadenceSpm: (val('cadence')?.value ?? NaN) - trueCadence,
      stepLengthLeftPerLeg: (step?.left ?? NaN) - mean((w) => w.stepLengthL_over_leg),
      stepLengthRightPerLeg: (step?.right ?? NaN) - mean((w) => w.stepLengthR_over_leg),
      stepTimeSiPts:
        (val('stepTimeSymmetry')?.value ?? NaN) -
        symmetryIndexPct(
          mean((w) => w.stepTimeR),
          mean((w) => w.stepTimeL)
        ),
      stanceTimeSiPts:
        (val('stanceTimeSymmetry')?.value ?? NaN) -
        symmetryIndexPct(
          mean((w) => w.stanceR * w.strideTimeS),
          mean((w) => w.stanceL * w.strideTimeS)
        ),
      trunkLeanDeg: (val('trunkLean')?.value ?? NaN) - mean((w) => w.trunkLeanDeg),
      heelStrikes: eventErrors(a, 'heelStrike', truth.heelStrikes.map(asTrueEvent), fps),
      toeOffs: eventErrors(a, 'toeOff', truth.toeOffs.map(asTrueEvent), fps)
    }
  };
}
