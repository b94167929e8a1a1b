import { LM } from '../landmarks';
import type { LandmarkSeries } from '../series';
import { LOW_FPS_HZ } from '../thresholds';
import { analysePass, type ClipTimeline, type PassResult } from './analyse-pass';
import { assessQuality } from './assess-quality';
import type { LegSwapCorrection } from './correct-leg-swaps';
import { describeSegments } from './describe-segments';
import { findDetectionSpan, type DetectionSpan } from './detection-span';
import { detectRunning } from './detect-running';
import { AnalysisFailedError, GaitAnalysisError } from './errors';
import {
  describeTimelineSegments,
  directionPerSample,
  findPasses,
  hipPlaneLegLengthPx,
  passEnds,
  type PassPlan
} from './find-passes';
import { midpointColumn } from './geometry';
import type { MetricContext } from './metric-context';
import { postureMetrics, postureWindows, type PostureTraces } from './posture-metrics';
import { postureTraces } from './posture-traces';
import { prepareTimeline, type PreparedTimeline } from './prepare-timeline';
import { screenSteps } from './screen-steps';
import { spatialMetrics } from './spatial-metrics';
import { notMeasurable } from './summarize-metric';
import { symmetryMetrics } from './symmetry-metrics';
import { temporalMetrics } from './temporal-metrics';
import { METRIC_IDS, type ActivityInfo, type CameraView, type GaitAnalysis, type GaitMetrics } from './types';

/** Options of {@link analyzeGait}. */
export interface AnalyzeGaitOptions {
  /** Use this camera view instead of classifying it from body widths. @default classified automatically */
  view?: CameraView;
}

/**
 * Analyse one walking clip, in named stages (docs/METHOD.md; each stage documents its own method):
 * 1. {@link findDetectionSpan}: the frames with a person; refuse what cannot be analysed;
 * 2. {@link prepareTimeline}: left/right correction, then a uniform, gap-filled, low-passed timeline;
 * 3. {@link findPasses}: split the clip into passes, turns, standing, out of view…; each pass has its own
 *    walking direction; {@link measureClip} signs the forward positions and posture by it;
 * 4. {@link analysePass} per pass: heel strikes, toe offs, steps, strides; pooled over passes;
 * 5. {@link screenSteps} and {@link detectRunning}: gait initiation, impossible values, running;
 * 6. `assessQuality`: confidence and plain-language issues;
 * 7. {@link measureMetrics}: every metric from the pooled steps, strides and posture, capped by the quality.
 *
 * Conventions: image pixels with y down; "forward" = the walking direction of the pass; lengths ÷ leg
 * length; angles in degrees; frame indices refer to `series.frames`.
 *
 * What throws and what does not:
 * - Throws only {@link GaitAnalysisError}s, and only when there is nothing to analyse:
 *   `InvalidSeriesError` (malformed series: bad frame size, times not strictly increasing, a pose without 33
 *   landmarks), `TooShortError` (no frames, or a clip shorter than `MIN_ANALYSABLE_DURATION_S`),
 *   `NoPersonError` (no person in any frame, the legs never visible, or a clip long enough in which a person
 *   is seen for less than `MIN_ANALYSABLE_DURATION_S` or in fewer than `MIN_PERSON_FRAME_FRACTION` of the
 *   frames). Any unexpected internal failure is wrapped in `AnalysisFailedError`.
 * - Everything else gives a result: too few steps, a front or oblique view, poor visibility, a low frame rate
 *   or running make the affected metrics "not measurable" with a reason, lower the confidence, and add
 *   quality issues.
 *
 * Pure: the input is not modified; no DOM, no hidden state.
 *
 * @throws GaitAnalysisError (see above).
 */
export function analyzeGait(series: LandmarkSeries, opts: AnalyzeGaitOptions = {}): GaitAnalysis {
  try {
    return runAnalysis(series, opts);
  } catch (err) {
    if (err instanceof GaitAnalysisError) throw err;
    throw new AnalysisFailedError(err);
  }
}

/** Every metric "not measurable" because the clip shows running. */
function runningMetrics(activity: ActivityInfo): GaitMetrics {
  const reason = `GaitLens measures walking, and ${activity.evidence}`;
  return Object.fromEntries(METRIC_IDS.map((id) => [id, notMeasurable(id, reason)])) as GaitMetrics;
}

/** Stage 7: every metric from the steps and strides that count, and the posture over their strides. */
function measureMetrics(
  ctx: MetricContext,
  posture: PostureTraces,
  prep: PreparedTimeline,
  frameTMs: Float64Array,
  legPx: number
): GaitMetrics {
  const { clean } = prep;
  const windows = postureWindows(ctx.strides, clean.t0Ms, clean.sampleRateHz, clean.length, frameTMs);
  const postureResults = postureMetrics(ctx, posture, windows);
  const armSamples = postureResults.armSwing.status === 'measured' ? postureResults.armSwing.samples : [];
  return {
    ...temporalMetrics(ctx),
    ...spatialMetrics(ctx, legPx),
    ...postureResults,
    ...symmetryMetrics(ctx, armSamples)
  };
}

const toNullable = (x: Float64Array): (number | null)[] =>
  Array.from(x, (v) => (Number.isFinite(v) ? v : null));

/** The clip's timeline as every pass reads it, the posture traces, and the leg and torso lengths. */
interface ClipMeasures {
  clip: ClipTimeline;
  posture: PostureTraces;
  legLengthPx: number;
  torsoLengthPx: number;
}

/**
 * Stage 3½: the per-sample signals the passes are analysed on. Positions forward of the hips and the
 * sagittal posture angles take each sample's pass direction (missing outside the passes); leg length is at
 * the hip plane; which frames had their leg labels fixed is kept for the footprints.
 */
function measureClip(
  series: LandmarkSeries,
  span: DetectionSpan,
  prep: PreparedTimeline,
  plan: PassPlan
): ClipMeasures {
  const { tracks } = span;
  const { clean, correction, sourceFrame } = prep;
  const sideView = plan.view !== 'front';
  const legPx = hipPlaneLegLengthPx(correction.tracks, span.legLengthPx, plan.view);
  const directionAt = directionPerSample(clean.length, plan.specs);
  const torsoPx = plan.torsoLengthPx;
  // facing the camera, the person's right is the image's left
  const posture = postureTraces(clean, directionAt, plan.viewInfo.towardCamera ? -1 : 1, sideView, torsoPx);
  const hipX = midpointColumn(clean.x[LM.left_hip], clean.x[LM.right_hip], sideView);
  const heelForward = (col: Float64Array) =>
    col.map((v, i) => (directionAt[i] === 0 ? NaN : directionAt[i] * (v - hipX[i])));
  const isFixed = (f: number) => (correction.swapped[f] || correction.collapsed[f] ? 1 : 0);
  const clip: ClipTimeline = {
    clean,
    frameTMs: tracks.tMs,
    hipX,
    heelForwardLeft: heelForward(clean.x[LM.left_heel]),
    heelForwardRight: heelForward(clean.x[LM.right_heel]),
    trunkLeanDeg: plan.view === 'side' ? posture.trunkLeanDeg : null,
    labelFixed: Uint8Array.from(sourceFrame, isFixed),
    frameHeelX: {
      left: tracks.x[LM.left_heel],
      right: tracks.x[LM.right_heel],
      labelFixed: Uint8Array.from(tracks.detected, (_, f) => isFixed(f))
    },
    legLengthPx: legPx,
    widthPx: series.widthPx
  };
  return { clip, posture, legLengthPx: legPx, torsoLengthPx: torsoPx };
}

/** Stage 4: events and cycles of every pass, each with runs of strikes numbered apart from the others. */
function analysePasses(plan: PassPlan, clip: ClipTimeline): PassResult[] {
  const results: PassResult[] = [];
  let runs = 0;
  for (const spec of plan.specs) {
    const r = analysePass(spec, clip, runs);
    runs += r.timelineEvents.strikes.length + 1;
    results.push(r);
  }
  return results;
}

/** Per-frame left/right fixes as the report draws them, with their counts. */
function legCorrectionOf(correction: LegSwapCorrection): GaitAnalysis['legCorrection'] {
  let swappedFrameCount = 0;
  let collapsedFrameCount = 0;
  for (let i = 0; i < correction.swapped.length; i++) {
    swappedFrameCount += correction.swapped[i];
    if (correction.collapsed[i]) collapsedFrameCount++;
  }
  return {
    swapped: Array.from(correction.swapped, (v) => v === 1),
    collapsed: correction.collapsed,
    swappedFrameCount,
    collapsedFrameCount
  };
}

function runAnalysis(series: LandmarkSeries, opts: AnalyzeGaitOptions): GaitAnalysis {
  // Stages 1–3: the person, the timeline, the passes.
  const span = findDetectionSpan(series);
  const { tracks, sampleRateHz } = span;
  const prep = prepareTimeline(span);
  const { clean, sourceFrame } = prep;
  const plan = findPasses(span, prep, opts.view);
  const measures = measureClip(series, span, prep, plan);
  const { clip, posture, legLengthPx: legPx } = measures;

  // Stages 4–5: events and cycles per pass, pooled; what is not steady walking; running.
  const results = analysePasses(plan, clip);
  const screened = screenSteps(
    results.flatMap((r) => r.steps),
    results.flatMap((r) => r.strides),
    passEnds(plan)
  );
  const activity = detectRunning(
    results
      .filter((r) => r.spec.view === 'side')
      .map((r) => ({
        strikes: r.timelineEvents.strikes,
        trailingToeMinima: r.timelineEvents.trailingToeMinima
      }))
  );
  const segments = describeTimelineSegments(plan, results, prep, activity);
  const { steps, strides } = screened;
  const counted = steps.filter((s) => s.excludedReason === null);

  // Stages 6–7: quality, then the metrics it caps.
  const legCorrection = legCorrectionOf(prep.correction);
  const sourceFps = series.source?.fpsHz;
  const quality = assessQuality({
    stepsUsed: activity.kind === 'running' ? 0 : counted.length,
    detectionRate: span.detectedFrames / tracks.length,
    meanVisibility: span.meanLegVisibility,
    fpsHz: sourceFps !== undefined && Number.isFinite(sourceFps) && sourceFps > 0 ? sourceFps : sampleRateHz,
    durationS: (tracks.tMs[tracks.length - 1] - tracks.tMs[0]) / 1000 + 1 / sampleRateHz,
    view: plan.viewInfo,
    swappedFrames: legCorrection.swappedFrameCount,
    detectedFrames: span.detectedFrames,
    longGaps: span.longGaps,
    cutoffHz: clean.cutoffHz,
    segmentSummary: describeSegments(segments),
    partsLeftOut: segments.some((s) => !s.used),
    activity
  });
  const ctx: MetricContext = {
    view: plan.view,
    cap: quality.confidence,
    timingNotes:
      sampleRateHz < LOW_FPS_HZ
        ? [
            `At ${sampleRateHz.toFixed(0)} fps each event is placed only to within about ${(1000 / sampleRateHz / 2).toFixed(0)} ms.`
          ]
        : [],
    sampleRateHz,
    steps: counted,
    strides: strides.filter((s) => s.excludedReason === null)
  };
  const metrics =
    activity.kind === 'running'
      ? runningMetrics(activity)
      : measureMetrics(ctx, posture, prep, tracks.tMs, legPx);

  const perLeg = (col: Float64Array) => toNullable(col.map((v) => v / legPx));
  return {
    version: 1,
    model: series.model,
    widthPx: series.widthPx,
    heightPx: series.heightPx,
    view: plan.viewInfo,
    timeline: {
      t0Ms: clean.t0Ms,
      sampleRateHz,
      length: clean.length,
      sourceFrame: Array.from(sourceFrame),
      cutoffHz: clean.cutoffHz
    },
    legLengthPx: legPx,
    torsoLengthPx: measures.torsoLengthPx,
    legCorrection,
    segments,
    activity,
    outliers: screened.outliers,
    events: results.flatMap((r) => r.events).sort((x, y) => x.tMs - y.tMs),
    steps,
    strides,
    traces: {
      trunkLeanDeg: toNullable(posture.trunkLeanDeg),
      neckAngleDeg: toNullable(posture.neckAngleDeg),
      lateralLeanDeg: toNullable(posture.lateralLeanDeg),
      heelMinusPelvisLeftPerLeg: perLeg(clip.heelForwardLeft),
      heelMinusPelvisRightPerLeg: perLeg(clip.heelForwardRight)
    },
    metrics,
    quality
  };
}
