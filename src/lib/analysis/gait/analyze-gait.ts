import { LEG_PARTS, LM, sideIndex, type Side } from '../landmarks';
import type { LandmarkSeries } from '../series';
import {
  LOW_FPS_HZ,
  MAX_DEPTH_SCALE_CORRECTION,
  MAX_GAP_FILL_S,
  MIN_ANALYSABLE_DURATION_S,
  MIN_PERSON_FRAME_FRACTION
} from '../thresholds';
import { assessQuality } from './assess-quality';
import { buildGaitCycles } from './build-gait-cycles';
import { classifyView } from './classify-view';
import { cleanTracks, medianFrameRateHz } from './clean-tracks';
import { correctLegSwaps } from './correct-leg-swaps';
import { detectFrontalEvents } from './detect-frontal-events';
import { detectSagittalEvents } from './detect-sagittal-events';
import { AnalysisFailedError, GaitAnalysisError, NoPersonError, TooShortError } from './errors';
import { extractLandmarkTracks, type LandmarkTracks } from './extract-landmark-tracks';
import { angleFromDownwardDeg, angleFromVerticalDeg, midpointColumn } from './geometry';
import { legLengthPx, legLengthsBySidePx } from './leg-length';
import type { MetricContext } from './metric-context';
import { postureMetrics, postureWindows, type PostureTraces } from './posture-metrics';
import { spatialMetrics } from './spatial-metrics';
import { symmetryMetrics } from './symmetry-metrics';
import { temporalMetrics } from './temporal-metrics';
import { nearestFrame, sampleToMs } from './timeline-mapping';
import type { CameraView, GaitAnalysis, GaitMetrics, ViewInfo } from './types';
import { walkingDirection } from './walking-direction';

/** Options of {@link analyzeGait}. */
export interface AnalyzeGaitOptions {
  /** Use this camera view instead of classifying it from body widths. @default classified automatically */
  view?: CameraView;
}

/**
 * Analyse one walking clip: clean → view and direction → left/right correction → filter → events → metrics →
 * quality (GAIT_METHODS.md; each stage documents its own method and reference).
 *
 * Conventions: image pixels with y down; "forward" = the walking direction; lengths ÷ leg length; angles in
 * degrees; frame indices refer to `series.frames`.
 *
 * What throws and what does not:
 * - Throws only {@link GaitAnalysisError}s, and only when there is nothing to analyse:
 *   `InvalidSeriesError` (malformed series: bad frame size, times not strictly increasing, a pose without 33
 *   landmarks), `TooShortError` (no frames, or a clip shorter than `MIN_ANALYSABLE_DURATION_S`),
 *   `NoPersonError` (no person in any frame, the legs never visible, or a clip long enough in which a person
 *   is seen for less than `MIN_ANALYSABLE_DURATION_S` or in fewer than `MIN_PERSON_FRAME_FRACTION` of the frames). Any unexpected internal failure is
 *   wrapped in `AnalysisFailedError`.
 * - Everything else gives a result: too few steps, a front or oblique view, poor visibility or a low frame rate
 *   make the affected metrics "not measurable" with a reason, lower the confidence, and add quality issues.
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

function countLongGaps(tracks: LandmarkTracks): number {
  let gaps = 0;
  let last = -1;
  for (let i = 0; i < tracks.length; i++) {
    if (!tracks.detected[i]) continue;
    if (last >= 0 && tracks.tMs[i] - tracks.tMs[last] > MAX_GAP_FILL_S * 1000) gaps++;
    last = i;
  }
  return gaps;
}

/** Mean, over frames with a person, of the visibility of the better-seen leg chain. */
function meanLegVisibility(tracks: LandmarkTracks): number {
  const [left, right] = (['left', 'right'] as const).map((side: Side) =>
    LEG_PARTS.map((p) => tracks.visibility[sideIndex(side, p)])
  );
  let sum = 0;
  let count = 0;
  for (let i = 0; i < tracks.length; i++) {
    if (!tracks.detected[i]) continue;
    let l = 0;
    let r = 0;
    for (let k = 0; k < left.length; k++) {
      l += left[k][i];
      r += right[k][i];
    }
    sum += Math.max(l, r) / left.length;
    count++;
  }
  return count ? sum / count : 0;
}

/**
 * Leg length in the hip-midpoint plane and the perspective scale of each leg's plane (side view): the mean
 * of the two legs' lengths (the hip midpoint lies halfway between their depth planes), and for each side the
 * factor mid / side, limited to 1 ± `MAX_DEPTH_SCALE_CORRECTION`. Other views, or a leg never seen whole:
 * the pooled leg length and no correction.
 */
function depthPlanes(
  corrected: LandmarkTracks,
  pooledPx: number,
  view: CameraView
): { legLengthPx: number; planeScale: { left: number; right: number } } {
  const none = { legLengthPx: pooledPx, planeScale: { left: 1, right: 1 } };
  if (view !== 'side') return none;
  const { left, right } = legLengthsBySidePx(corrected);
  if (!(left > 0) || !(right > 0)) return none;
  const mid = (left + right) / 2;
  const clamp = (f: number) =>
    Math.min(1 + MAX_DEPTH_SCALE_CORRECTION, Math.max(1 - MAX_DEPTH_SCALE_CORRECTION, f));
  return { legLengthPx: mid, planeScale: { left: clamp(mid / left), right: clamp(mid / right) } };
}

/**
 * Throws when a person is seen too little to analyse. The time with a person is both the span from the first
 * to the last frame with a pose and the count of those frames × the frame interval (two stray detections far
 * apart span a long time but show nobody walking). Too little of it in a clip that is itself shorter than
 * `MIN_ANALYSABLE_DURATION_S` → `TooShortError`; in a clip long enough, or a person in fewer than
 * `MIN_PERSON_FRAME_FRACTION` of the frames → `NoPersonError` (the clip is fine, the person is missing).
 */
function checkPersonSeenLongEnough(
  tMs: Float64Array,
  detectedFrames: number,
  firstDetected: number,
  lastDetected: number,
  sampleRateHz: number
): void {
  const frameS = 1 / sampleRateHz;
  const clipS = (tMs[tMs.length - 1] - tMs[0]) / 1000 + frameS;
  const spanS = (tMs[lastDetected] - tMs[firstDetected]) / 1000 + frameS;
  const seenS = Math.min(spanS, detectedFrames * frameS);
  const fraction = detectedFrames / tMs.length;
  const detail = `a person is seen in ${detectedFrames} of ${tMs.length} frames (${seenS.toFixed(2)} s of a ${clipS.toFixed(2)}-s clip)`;
  if (seenS >= MIN_ANALYSABLE_DURATION_S && fraction >= MIN_PERSON_FRAME_FRACTION) return;
  if (clipS < MIN_ANALYSABLE_DURATION_S) throw new TooShortError(detail);
  throw new NoPersonError(detail, { seenBriefly: true });
}

const toNullable = (x: Float64Array): (number | null)[] =>
  Array.from(x, (v) => (Number.isFinite(v) ? v : null));

function runAnalysis(series: LandmarkSeries, opts: AnalyzeGaitOptions): GaitAnalysis {
  const tracks = extractLandmarkTracks(series);
  if (tracks.length === 0) throw new TooShortError('the clip has no frames');
  let detectedFrames = 0;
  let firstDetected = -1;
  let lastDetected = -1;
  for (let i = 0; i < tracks.length; i++) {
    if (!tracks.detected[i]) continue;
    detectedFrames++;
    if (firstDetected < 0) firstDetected = i;
    lastDetected = i;
  }
  if (detectedFrames === 0) throw new NoPersonError('no frame has a pose');
  const sampleRateHz = medianFrameRateHz(tracks.tMs);
  if (!Number.isFinite(sampleRateHz) || sampleRateHz <= 0) throw new TooShortError('no frame interval');
  checkPersonSeenLongEnough(tracks.tMs, detectedFrames, firstDetected, lastDetected, sampleRateHz);
  const legPx0 = legLengthPx(tracks);
  if (!(legPx0 > 0)) throw new NoPersonError('the legs are never visible');

  // View, direction, treadmill.
  const viewCls = classifyView(tracks);
  const view = opts.view ?? viewCls.view;
  const dir = walkingDirection(tracks, view, legPx0);
  const viewInfo: ViewInfo = {
    view,
    widthToTorsoRatio: viewCls.widthToTorsoRatio,
    viewFit: opts.view ? 1 : viewCls.viewFit,
    direction: dir.direction,
    towardCamera: view === 'front' ? dir.towardCamera : null,
    treadmill: dir.treadmill,
    nearSide: view === 'side' ? (dir.direction > 0 ? 'right' : 'left') : null
  };

  // Left/right correction on the original frames, then resample, fill and filter.
  const correction = correctLegSwaps(tracks, legPx0, MAX_GAP_FILL_S * 1000);
  const planes = depthPlanes(correction.tracks, legPx0, view);
  const legPx = planes.legLengthPx;
  const clean = cleanTracks(correction.tracks, sampleRateHz);
  const n = clean.length;
  const sideView = view !== 'front';
  const { x, y } = clean;
  const hipMidX = midpointColumn(x[LM.left_hip], x[LM.right_hip], sideView);
  const hipMidY = midpointColumn(y[LM.left_hip], y[LM.right_hip], sideView);
  const shMidX = midpointColumn(x[LM.left_shoulder], x[LM.right_shoulder], sideView);
  const shMidY = midpointColumn(y[LM.left_shoulder], y[LM.right_shoulder], sideView);
  const earMidX = midpointColumn(x[LM.left_ear], x[LM.right_ear], sideView);
  const earMidY = midpointColumn(y[LM.left_ear], y[LM.right_ear], sideView);
  const d = dir.direction;
  const forward = (col: Float64Array) => col.map((v, i) => d * (v - hipMidX[i]));
  const heelForwardLeft = forward(x[LM.left_heel]);
  const heelForwardRight = forward(x[LM.right_heel]);
  const torsoPx = viewCls.torsoLengthPx;

  const lateralSign = dir.towardCamera ? -1 : 1; // facing the camera, the person's right is the image's left
  const posture: PostureTraces = {
    trunkLeanDeg: new Float64Array(n),
    neckAngleDeg: new Float64Array(n),
    headForwardPerTorso: new Float64Array(n),
    lateralLeanDeg: new Float64Array(n),
    armAngleLeftDeg: new Float64Array(n),
    armAngleRightDeg: new Float64Array(n)
  };
  const arms = (['left', 'right'] as const).map((side) => ({
    sx: x[sideIndex(side, 'shoulder')],
    sy: y[sideIndex(side, 'shoulder')],
    wx: x[sideIndex(side, 'wrist')],
    wy: y[sideIndex(side, 'wrist')],
    out: side === 'left' ? posture.armAngleLeftDeg : posture.armAngleRightDeg
  }));
  for (let i = 0; i < n; i++) {
    posture.trunkLeanDeg[i] = angleFromVerticalDeg(hipMidX[i], hipMidY[i], shMidX[i], shMidY[i], d);
    posture.neckAngleDeg[i] = angleFromVerticalDeg(shMidX[i], shMidY[i], earMidX[i], earMidY[i], d);
    posture.headForwardPerTorso[i] = (d * (earMidX[i] - shMidX[i])) / torsoPx;
    posture.lateralLeanDeg[i] = angleFromVerticalDeg(
      hipMidX[i],
      hipMidY[i],
      shMidX[i],
      shMidY[i],
      lateralSign
    );
    for (const arm of arms) arm.out[i] = angleFromDownwardDeg(arm.sx[i], arm.sy[i], arm.wx[i], arm.wy[i], d);
  }

  const sourceFrame = Int32Array.from({ length: n }, (_, i) =>
    nearestFrame(tracks.tMs, sampleToMs(i, clean.t0Ms, sampleRateHz))
  );

  // Events.
  const timelineEvents =
    view === 'front'
      ? detectFrontalEvents(
          x[LM.left_heel].map(
            (_, i) => (dir.towardCamera ? 1 : -1) * (y[LM.left_heel][i] - y[LM.right_heel][i])
          ),
          legPx,
          sampleRateHz
        )
      : detectSagittalEvents(
          {
            heelLeft: heelForwardLeft,
            heelRight: heelForwardRight,
            toeLeft: forward(x[LM.left_foot_index]),
            toeRight: forward(x[LM.right_foot_index]),
            pelvisForward: hipMidX.map((v) => d * v),
            treadmill: dir.treadmill,
            toeFilled: clean.filled[LM.left_foot_index].map(
              (v, i) => v | clean.filled[LM.right_foot_index][i]
            )
          },
          legPx,
          sampleRateHz
        );
  const cycles = buildGaitCycles(timelineEvents, {
    clean,
    frameTMs: tracks.tMs,
    heelForwardLeft,
    heelForwardRight,
    trunkLeanDeg: view === 'side' ? posture.trunkLeanDeg : null,
    direction: d,
    legLengthPx: legPx,
    spatial: view === 'side',
    planeScale: planes.planeScale,
    principalXPx: series.widthPx / 2,
    groundXPerSample: d * timelineEvents.groundForwardPerSample,
    labelFixed: Uint8Array.from(sourceFrame, (f) =>
      correction.swapped[f] || correction.collapsed[f] ? 1 : 0
    ),
    frameHeelX: {
      left: tracks.x[LM.left_heel],
      right: tracks.x[LM.right_heel],
      labelFixed: Uint8Array.from(tracks.detected, (_, f) =>
        correction.swapped[f] || correction.collapsed[f] ? 1 : 0
      )
    }
  });

  const firstT = tracks.tMs[0];
  const lastT = tracks.tMs[tracks.length - 1];
  let swappedFrames = 0;
  let collapsedFrames = 0;
  for (let i = 0; i < tracks.length; i++) {
    swappedFrames += correction.swapped[i];
    if (correction.collapsed[i]) collapsedFrames++;
  }
  const quality = assessQuality({
    stepsUsed: cycles.steps.length,
    detectionRate: detectedFrames / tracks.length,
    meanVisibility: meanLegVisibility(tracks),
    fpsHz:
      series.source && Number.isFinite(series.source.fpsHz) && series.source.fpsHz > 0
        ? series.source.fpsHz
        : sampleRateHz,
    durationS: (lastT - firstT) / 1000 + 1 / sampleRateHz,
    view: viewInfo,
    swappedFrames,
    detectedFrames,
    longGaps: countLongGaps(tracks),
    cutoffHz: clean.cutoffHz
  });

  const timingNotes =
    sampleRateHz < LOW_FPS_HZ
      ? [
          `At ${sampleRateHz.toFixed(0)} fps each event is placed only to within about ${(1000 / sampleRateHz / 2).toFixed(0)} ms.`
        ]
      : [];
  const ctx: MetricContext = {
    view,
    cap: quality.confidence,
    timingNotes,
    sampleRateHz,
    steps: cycles.steps,
    strides: cycles.strides
  };
  const windows = postureWindows(cycles.strides, clean.t0Ms, sampleRateHz, n, tracks.tMs);
  const postureResults = postureMetrics(ctx, posture, windows);
  const armSamples = postureResults.armSwing.status === 'measured' ? postureResults.armSwing.samples : [];
  const metrics: GaitMetrics = {
    ...temporalMetrics(ctx),
    ...spatialMetrics(ctx, legPx),
    ...postureResults,
    ...symmetryMetrics(ctx, armSamples)
  };

  const perLeg = (col: Float64Array) => toNullable(col.map((v) => v / legPx));
  return {
    version: 1,
    model: series.model,
    widthPx: series.widthPx,
    heightPx: series.heightPx,
    view: viewInfo,
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
    events: cycles.events,
    steps: cycles.steps,
    strides: cycles.strides,
    traces: {
      trunkLeanDeg: toNullable(posture.trunkLeanDeg),
      neckAngleDeg: toNullable(posture.neckAngleDeg),
      lateralLeanDeg: toNullable(posture.lateralLeanDeg),
      heelMinusPelvisLeftPerLeg: perLeg(heelForwardLeft),
      heelMinusPelvisRightPerLeg: perLeg(heelForwardRight)
    },
    metrics,
    quality
  };
}
