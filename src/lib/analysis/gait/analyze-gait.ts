import { LM, sideIndex } from '../landmarks';
import type { LandmarkSeries } from '../series';
import { LOW_FPS_HZ, MAX_DEPTH_SCALE_CORRECTION, MAX_GAP_FILL_S } from '../thresholds';
import { analysePass, type ClipTimeline, type PassResult, type PassSpec } from './analyse-pass';
import { assessQuality } from './assess-quality';
import { classifyView } from './classify-view';
import { cleanTracks, type CleanTracks } from './clean-tracks';
import { correctLegSwaps, type LegSwapCorrection } from './correct-leg-swaps';
import { describeSegments } from './describe-segments';
import { findDetectionSpan, type DetectionSpan } from './detection-span';
import { detectRunning } from './detect-running';
import { AnalysisFailedError, GaitAnalysisError } from './errors';
import { sliceTracks, type LandmarkTracks } from './extract-landmark-tracks';
import { midpointColumn } from './geometry';
import { legLengthsBySidePx } from './leg-length';
import type { MetricContext } from './metric-context';
import { postureMetrics, postureWindows, type PostureTraces } from './posture-metrics';
import { postureTraces } from './posture-traces';
import { screenSteps, type PassEnds } from './screen-steps';
import { activitySignals, segmentWalk, type TimelineSegment } from './segment-walk';
import { spatialMetrics } from './spatial-metrics';
import { notMeasurable } from './summarize-metric';
import { symmetryMetrics } from './symmetry-metrics';
import { temporalMetrics } from './temporal-metrics';
import { nearestFrame, sampleToMs } from './timeline-mapping';
import {
  METRIC_IDS,
  type ActivityInfo,
  type CameraView,
  type GaitAnalysis,
  type GaitMetrics,
  type SegmentKind,
  type ViewInfo,
  type WalkSegment
} from './types';
import { walkingDirection } from './walking-direction';

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
 *    walking direction;
 * 4. {@link analysePass} per pass: heel strikes, toe offs, steps, strides; pooled over passes;
 * 5. {@link screenSteps} and {@link detectRunning}: gait initiation, impossible values, running;
 * 6. {@link measureMetrics}: every metric from the pooled steps, strides and posture;
 * 7. `assessQuality`: confidence and plain-language issues.
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

/** The corrected, cleaned timeline of the whole clip (stage 2). */
interface PreparedTimeline {
  correction: LegSwapCorrection;
  clean: CleanTracks;
  /** Nearest original frame of every sample. */
  sourceFrame: Int32Array;
}

/** Stage 2: left/right correction on the original frames, then resample, fill and filter. */
function prepareTimeline(span: DetectionSpan): PreparedTimeline {
  const correction = correctLegSwaps(span.tracks, span.legLengthPx, MAX_GAP_FILL_S * 1000);
  const clean = cleanTracks(correction.tracks, span.sampleRateHz);
  const sourceFrame = Int32Array.from({ length: clean.length }, (_, i) =>
    nearestFrame(span.tracks.tMs, sampleToMs(i, clean.t0Ms, clean.sampleRateHz))
  );
  return { correction, clean, sourceFrame };
}

/**
 * Perspective scale of each leg's depth plane in a side view: the factor mid / side of the two legs' lengths
 * (the hip midpoint lies halfway between their planes), limited to 1 ± `MAX_DEPTH_SCALE_CORRECTION`; 1 when a
 * leg is never seen whole. Per pass: which leg is near depends on the direction.
 */
function planeScaleOf(corrected: LandmarkTracks): { left: number; right: number } {
  const { left, right } = legLengthsBySidePx(corrected);
  if (!(left > 0) || !(right > 0)) return { left: 1, right: 1 };
  const mid = (left + right) / 2;
  const clamp = (f: number) =>
    Math.min(1 + MAX_DEPTH_SCALE_CORRECTION, Math.max(1 - MAX_DEPTH_SCALE_CORRECTION, f));
  return { left: clamp(mid / left), right: clamp(mid / right) };
}

/** Leg length in the hip-midpoint plane: the mean of the two legs' medians (side view), else pooled. */
function hipPlaneLegLengthPx(corrected: LandmarkTracks, pooledPx: number, view: CameraView): number {
  if (view !== 'side') return pooledPx;
  const { left, right } = legLengthsBySidePx(corrected);
  return left > 0 && right > 0 ? (left + right) / 2 : pooledPx;
}

/** Why a stretch of each kind is left out (completing "Left out because …"). */
const LEFT_OUT: Record<SegmentKind, string> = {
  pass: 'no steps were found in it.',
  turn: 'you were turning; steps while turning are not straight walking.',
  standing: 'you were standing still.',
  'toward-camera': 'you walked toward the camera; step length, overstriding and posture need a side view.',
  'away-from-camera':
    'you walked away from the camera; step length, overstriding and posture need a side view.',
  oblique: 'you walked at an angle to the camera, which distorts side-view measures.',
  'out-of-view': 'you (or your hips and feet) were out of view.',
  partial: 'this pass was too short to hold a full stride, or your legs were hidden.'
};

/** The passes to analyse, and the segments as the report shows them (stage 3). */
interface PassPlan {
  specs: PassSpec[];
  segments: TimelineSegment[];
  /** The view the metrics are judged in: 'side' when any pass across the view was found. */
  view: CameraView;
  viewInfo: ViewInfo;
}

/**
 * Stage 3: split the clip into segments ({@link segmentWalk}) and choose the passes: every pass across the
 * view, each with its own direction (a treadmill pass: the way the feet point). When there is none, the
 * whole clip is analysed in its classified view (front: timing and sideways lean; oblique: timing), as one
 * stretch; a view forced by the caller does the same.
 */
function findPasses(
  span: DetectionSpan,
  prep: PreparedTimeline,
  forcedView: CameraView | undefined
): PassPlan {
  const { tracks } = span;
  const { clean, sourceFrame } = prep;
  const n = clean.length;
  const present = new Uint8Array(n);
  const hip = midpointColumn(clean.x[LM.left_hip], clean.x[LM.right_hip], true);
  const lh = clean.x[sideIndex('left', 'heel')];
  const rh = clean.x[sideIndex('right', 'heel')];
  for (let i = 0; i < n; i++) {
    present[i] = Number.isFinite(hip[i]) && (Number.isFinite(lh[i]) || Number.isFinite(rh[i])) ? 1 : 0;
  }
  const signals = activitySignals(tracks, clean, sourceFrame, span.legLengthPx);
  const found = forcedView ? [] : segmentWalk(signals, present, clean.sampleRateHz);
  const framesOf = (s: { start: number; end: number }) =>
    sliceTracks(prep.correction.tracks, sourceFrame[s.start], sourceFrame[s.end]);
  const passes = found.map((s, segment) => ({ s, segment })).filter(({ s }) => s.kind === 'pass');

  if (passes.length) {
    const specs: PassSpec[] = passes.map(({ s, segment }) => {
      const frames = framesOf(s);
      const dir = s.direction ?? walkingDirection(frames, 'side', span.legLengthPx).direction;
      s.direction = dir;
      return {
        segment,
        start: s.start,
        end: s.end,
        direction: dir,
        treadmill: s.treadmill,
        view: 'side',
        towardCamera: false,
        planeScale: planeScaleOf(frames)
      };
    });
    const longest = passes.reduce((a, b) => (b.s.end - b.s.start > a.s.end - a.s.start ? b : a));
    const cls = classifyView(framesOf(longest.s));
    const direction = longest.s.direction ?? 1;
    return {
      specs,
      segments: found,
      view: 'side',
      viewInfo: {
        view: 'side',
        widthToTorsoRatio: cls.widthToTorsoRatio,
        viewFit: cls.viewFit,
        direction,
        towardCamera: null,
        treadmill: specs.every((p) => p.treadmill),
        nearSide: direction > 0 ? 'right' : 'left'
      }
    };
  }

  // No pass across the view: the whole clip as one stretch, in its classified (or forced) view.
  const cls = classifyView(tracks);
  const view = forcedView ?? cls.view;
  const dir = walkingDirection(tracks, view, span.legLengthPx);
  const kind: SegmentKind =
    view === 'side'
      ? 'pass'
      : view === 'oblique'
        ? 'oblique'
        : dir.towardCamera
          ? 'toward-camera'
          : 'away-from-camera';
  return {
    specs: [
      {
        segment: 0,
        start: 0,
        end: n - 1,
        direction: dir.direction,
        treadmill: dir.treadmill,
        view,
        towardCamera: dir.towardCamera === true,
        planeScale: view === 'side' ? planeScaleOf(prep.correction.tracks) : { left: 1, right: 1 }
      }
    ],
    segments: [
      {
        kind,
        start: 0,
        end: n - 1,
        direction: view === 'front' ? null : dir.direction,
        treadmill: dir.treadmill
      }
    ],
    view,
    viewInfo: {
      view,
      widthToTorsoRatio: cls.widthToTorsoRatio,
      viewFit: forcedView ? 1 : cls.viewFit,
      direction: dir.direction,
      towardCamera: view === 'front' ? dir.towardCamera : null,
      treadmill: dir.treadmill,
      nearSide: view === 'side' ? (dir.direction > 0 ? 'right' : 'left') : null
    }
  };
}

/** Per sample: the walking direction of the pass it belongs to (0 outside the passes). */
function directionPerSample(n: number, specs: PassSpec[]): Int8Array {
  const out = new Int8Array(n);
  for (const p of specs) out.fill(p.direction, p.start, p.end + 1);
  return out;
}

/** The report's segments: times, frames, used or why left out, strikes found. */
function describeTimelineSegments(
  plan: PassPlan,
  results: PassResult[],
  prep: PreparedTimeline,
  activity: ActivityInfo
): WalkSegment[] {
  const { clean, sourceFrame } = prep;
  return plan.segments.map((s, k) => {
    const result = results.find((r) => r.spec.segment === k);
    const used = result !== undefined;
    const reason = !used
      ? LEFT_OUT[s.kind]
      : activity.kind === 'running'
        ? 'this is running, and GaitLens measures walking.'
        : null;
    return {
      kind: s.kind,
      startMs: sampleToMs(s.start, clean.t0Ms, clean.sampleRateHz),
      endMs: sampleToMs(s.end, clean.t0Ms, clean.sampleRateHz),
      startFrame: sourceFrame[s.start],
      endFrame: sourceFrame[s.end],
      direction: s.direction,
      treadmill: s.treadmill,
      used: used && activity.kind === 'walking',
      reason,
      strikes: result ? result.timelineEvents.strikes.length : 0
    };
  });
}

/** How each pass begins and ends (standing still next to it means gait initiation or termination). */
function passEnds(plan: PassPlan): PassEnds[] {
  return plan.specs.map((p) => ({
    segment: p.segment,
    afterStanding: plan.segments[p.segment - 1]?.kind === 'standing',
    beforeStanding: plan.segments[p.segment + 1]?.kind === 'standing'
  }));
}

/** Every metric "not measurable" because the clip shows running. */
function runningMetrics(activity: ActivityInfo): GaitMetrics {
  const reason = `GaitLens measures walking, and ${activity.evidence}`;
  return Object.fromEntries(METRIC_IDS.map((id) => [id, notMeasurable(id, reason)])) as GaitMetrics;
}

/** Stage 6: every metric from the steps and strides that count, and the posture over their strides. */
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

function runAnalysis(series: LandmarkSeries, opts: AnalyzeGaitOptions): GaitAnalysis {
  const span = findDetectionSpan(series);
  const { tracks, sampleRateHz } = span;
  const prep = prepareTimeline(span);
  const { clean, correction, sourceFrame } = prep;
  const n = clean.length;

  const plan = findPasses(span, prep, opts.view);
  const sideView = plan.view !== 'front';
  const legPx = hipPlaneLegLengthPx(correction.tracks, span.legLengthPx, plan.view);
  const directionAt = directionPerSample(n, plan.specs);
  const torsoPx = classifyView(tracks).torsoLengthPx;
  const posture = postureTraces(
    clean,
    directionAt,
    plan.viewInfo.towardCamera ? -1 : 1, // facing the camera, the person's right is the image's left
    sideView,
    torsoPx
  );
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

  // Stage 4: events and cycles per pass, pooled.
  const results: PassResult[] = [];
  let runs = 0;
  for (const spec of plan.specs) {
    const r = analysePass(spec, clip, runs);
    runs += r.timelineEvents.strikes.length + 1;
    results.push(r);
  }
  // Stage 5: what is not steady walking, impossible values, running.
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
  const steps = screened.steps;
  const strides = screened.strides;
  const counted = steps.filter((s) => s.excludedReason === null);

  let swappedFrames = 0;
  let collapsedFrames = 0;
  for (let i = 0; i < tracks.length; i++) {
    swappedFrames += correction.swapped[i];
    if (correction.collapsed[i]) collapsedFrames++;
  }
  const lastT = tracks.tMs[tracks.length - 1];
  const quality = assessQuality({
    stepsUsed: activity.kind === 'running' ? 0 : counted.length,
    detectionRate: span.detectedFrames / tracks.length,
    meanVisibility: span.meanLegVisibility,
    fpsHz:
      series.source && Number.isFinite(series.source.fpsHz) && series.source.fpsHz > 0
        ? series.source.fpsHz
        : sampleRateHz,
    durationS: (lastT - tracks.tMs[0]) / 1000 + 1 / sampleRateHz,
    view: plan.viewInfo,
    swappedFrames,
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
      length: n,
      sourceFrame: Array.from(sourceFrame),
      cutoffHz: clean.cutoffHz
    },
    legLengthPx: legPx,
    torsoLengthPx: torsoPx,
    legCorrection: {
      swapped: Array.from(correction.swapped, (v) => v === 1),
      collapsed: correction.collapsed,
      swappedFrameCount: swappedFrames,
      collapsedFrameCount: collapsedFrames
    },
    segments,
    activity,
    outliers: screened.outliers,
    events: results.flatMap((r) => r.events).sort((a, b) => a.tMs - b.tMs),
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
