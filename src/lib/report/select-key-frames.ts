/**
 * Key frames: the moments of the walk that best show each finding, chosen from the analysis alone
 * (pure; the page draws them). Each key frame has one or two shots (a pair for asymmetry).
 */
import type { Side } from '$lib/analysis/landmarks';
import { sampleAtTime, sampleToMs } from '$lib/analysis/gait/timeline-mapping';
import type { GaitAnalysis } from '$lib/analysis/gait/types';

export type KeyFrameKind = 'overstride' | 'trunk-lean' | 'head-posture' | 'asymmetry';

/**
 * Whether an original frame holds a detected pose. A key frame is chosen only among such frames: an event
 * or a trace sample can fall on a frame without a pose (the analysis interpolates over short gaps), and a
 * picture of it would show no skeleton.
 */
export type HasPose = (frame: number) => boolean;

/** `hasPose` of a landmark series: frames whose `pose` is not null. */
export function framesWithPose(frames: readonly { pose: unknown }[]): HasPose {
  return (frame) => frames[frame]?.pose != null;
}

const ANY_FRAME: HasPose = () => true;

/** One picture: a frame of the clip and what to annotate on it. */
export interface KeyShot {
  /** Original frame index (into `LandmarkSeries.frames`). */
  frame: number;
  tMs: number;
  /** The landing leg, for heel-strike shots. */
  side?: Side;
  /** Striking heel ahead of the hip midpoint ÷ leg length, for heel-strike shots. */
  heelAheadOfHipPerLeg?: number | null;
  /** Step length ÷ leg length, for heel-strike shots. */
  stepLengthPerLeg?: number | null;
  /** Trunk lean at this frame, degrees (+ forward). */
  trunkLeanDeg: number | null;
  /** Neck angle at this frame, degrees (+ forward). */
  neckAngleDeg: number | null;
}

export interface KeyFrame {
  kind: KeyFrameKind;
  title: string;
  caption: string;
  shots: KeyShot[];
}

function traceAt(trace: (number | null)[], sample: number): number | null {
  return sample >= 0 && sample < trace.length ? trace[sample] : null;
}

/** Nearest timeline sample of an original frame (via `timeline.sourceFrame`), or -1. */
function sampleOfFrame(analysis: GaitAnalysis, frame: number): number {
  const src = analysis.timeline.sourceFrame;
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < src.length; i++) {
    const d = Math.abs(src[i] - frame);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

function shotAtFrame(
  analysis: GaitAnalysis,
  frame: number,
  tMs: number,
  extra: Partial<KeyShot> = {}
): KeyShot {
  const sample = sampleOfFrame(analysis, frame);
  return {
    frame,
    tMs,
    trunkLeanDeg: traceAt(analysis.traces.trunkLeanDeg, sample),
    neckAngleDeg: traceAt(analysis.traces.neckAngleDeg, sample),
    ...extra
  };
}

/** A step the metrics rest on (not left out, e.g. as a first step from standing still). */
function counts(step: GaitAnalysis['steps'][number]): boolean {
  return (step.excludedReason ?? null) === null;
}

/** The counted heel strike whose heel lands furthest ahead of the hips, on a frame with a pose. Null without a measured value. */
export function overstrideKeyFrame(analysis: GaitAnalysis, hasPose: HasPose = ANY_FRAME): KeyFrame | null {
  if (analysis.metrics.heelAheadOfHip.status !== 'measured') return null;
  let best: GaitAnalysis['steps'][number] | null = null;
  for (const s of analysis.steps) {
    if (s.heelAheadOfHipPerLeg === null || !counts(s) || !hasPose(s.heelStrikeFrame)) continue;
    if (best === null || s.heelAheadOfHipPerLeg > (best.heelAheadOfHipPerLeg ?? -Infinity)) best = s;
  }
  if (!best || best.heelAheadOfHipPerLeg === null) return null;
  return {
    kind: 'overstride',
    title: 'Furthest landing',
    caption: `The ${best.side} heel lands ${best.heelAheadOfHipPerLeg.toFixed(2)} leg lengths ahead of the hips: the longest reach in this clip.`,
    shots: [
      shotAtFrame(analysis, best.heelStrikeFrame, best.heelStrikeTMs, {
        side: best.side,
        heelAheadOfHipPerLeg: best.heelAheadOfHipPerLeg,
        stepLengthPerLeg: best.stepLengthPerLeg
      })
    ]
  };
}

/**
 * The timeline samples the posture metrics rest on: in each pass, from the start of its first counted
 * stride to the end of its last (the walk itself, not the entry and exit at the edges of the picture,
 * where angles drift, nor the turns between passes). The whole timeline when there are no strides.
 */
function strideSpans(analysis: GaitAnalysis): [number, number][] {
  const { timeline } = analysis;
  const strides = analysis.strides.filter((s) => (s.excludedReason ?? null) === null);
  if (strides.length === 0) return [[0, timeline.length - 1]];
  const toSample = (tMs: number) => sampleAtTime(timeline, tMs);
  const bySegment = new Map<number, [number, number]>();
  for (const s of strides) {
    const key = s.segment ?? 0;
    const span = bySegment.get(key);
    bySegment.set(
      key,
      span ? [Math.min(span[0], s.startTMs), Math.max(span[1], s.endTMs)] : [s.startTMs, s.endTMs]
    );
  }
  return [...bySegment.values()].map(([from, to]) => [toSample(from), toSample(to)]);
}

/**
 * The sample within the spans with the largest value of a trace whose source frame has a pose, or -1
 * when there is none.
 */
function argMax(
  trace: (number | null)[],
  spans: [number, number][],
  sourceFrame: number[],
  hasPose: HasPose
): number {
  let best = -1;
  for (const [from, to] of spans) {
    for (let i = Math.max(0, from); i <= Math.min(trace.length - 1, to); i++) {
      const v = trace[i];
      if (v === null || !hasPose(sourceFrame[i])) continue;
      if (best < 0 || v > (trace[best] as number)) best = i;
    }
  }
  return best;
}

function maxTraceKeyFrame(
  analysis: GaitAnalysis,
  trace: (number | null)[],
  kind: 'trunk-lean' | 'head-posture',
  title: string,
  describe: (deg: number) => string,
  hasPose: HasPose
): KeyFrame | null {
  const sample = argMax(trace, strideSpans(analysis), analysis.timeline.sourceFrame, hasPose);
  if (sample < 0) return null;
  const frame = analysis.timeline.sourceFrame[sample];
  const tMs = sampleToMs(sample, analysis.timeline.t0Ms, analysis.timeline.sampleRateHz);
  return {
    kind,
    title,
    caption: describe(trace[sample] as number),
    shots: [shotAtFrame(analysis, frame, tMs)]
  };
}

/** The frame with the most forward trunk lean during the strides. Null when trunk lean was not measurable. */
export function trunkLeanKeyFrame(analysis: GaitAnalysis, hasPose: HasPose = ANY_FRAME): KeyFrame | null {
  if (analysis.metrics.trunkLean.status !== 'measured') return null;
  return maxTraceKeyFrame(
    analysis,
    analysis.traces.trunkLeanDeg,
    'trunk-lean',
    'Most forward trunk',
    (deg) => `Your trunk at its most forward in this clip: ${deg.toFixed(0)}° from vertical.`,
    hasPose
  );
}

/** The frame with the most forward head and neck during the strides. Null when the neck angle was not measurable. */
export function headPostureKeyFrame(analysis: GaitAnalysis, hasPose: HasPose = ANY_FRAME): KeyFrame | null {
  if (analysis.metrics.neckAngle.status !== 'measured') return null;
  return maxTraceKeyFrame(
    analysis,
    analysis.traces.neckAngleDeg,
    'head-posture',
    'Most forward head',
    (deg) =>
      `Your head and neck at their most forward: the shoulder-to-ear line is ${deg.toFixed(0)}° from vertical.`,
    hasPose
  );
}

/**
 * The most uneven pair of consecutive steps (one left, one right): the largest relative difference
 * of step length, |a − b| / mean. Null without a measured step-length symmetry.
 */
export function asymmetryKeyFrame(analysis: GaitAnalysis, hasPose: HasPose = ANY_FRAME): KeyFrame | null {
  if (analysis.metrics.stepLengthSymmetry.status !== 'measured') return null;
  let bestIndex = -1;
  let bestDiff = -1;
  const steps = analysis.steps;
  for (let i = 0; i + 1 < steps.length; i++) {
    const [first, second] = [steps[i], steps[i + 1]];
    const a = first.stepLengthPerLeg;
    const b = second.stepLengthPerLeg;
    if (a === null || b === null || first.side === second.side || a + b <= 0) continue;
    if ((first.segment ?? 0) !== (second.segment ?? 0) || !counts(first) || !counts(second)) continue;
    if (!hasPose(first.heelStrikeFrame) || !hasPose(second.heelStrikeFrame)) continue;
    const diff = Math.abs(a - b) / ((a + b) / 2);
    if (diff > bestDiff) {
      bestDiff = diff;
      bestIndex = i;
    }
  }
  if (bestIndex < 0) return null;
  const pair = [steps[bestIndex], steps[bestIndex + 1]];
  return {
    kind: 'asymmetry',
    title: 'Most uneven pair of steps',
    caption: `Steps ${bestIndex + 1} and ${bestIndex + 2}: ${pair
      .map((s) => `${s.side} ${(s.stepLengthPerLeg as number).toFixed(2)}`)
      .join(' vs ')} leg lengths (${(bestDiff * 100).toFixed(0)} % apart).`,
    shots: pair.map((s) =>
      shotAtFrame(analysis, s.heelStrikeFrame, s.heelStrikeTMs, {
        side: s.side,
        heelAheadOfHipPerLeg: s.heelAheadOfHipPerLeg,
        stepLengthPerLeg: s.stepLengthPerLeg
      })
    )
  };
}

/**
 * All key frames that the analysis supports, in report order, each on frames for which `hasPose` is true
 * (pass {@link framesWithPose} of the series; without it every frame is taken to have a pose).
 */
export function selectKeyFrames(analysis: GaitAnalysis, hasPose: HasPose = ANY_FRAME): KeyFrame[] {
  return [
    overstrideKeyFrame(analysis, hasPose),
    trunkLeanKeyFrame(analysis, hasPose),
    headPostureKeyFrame(analysis, hasPose),
    asymmetryKeyFrame(analysis, hasPose)
  ].filter((k): k is KeyFrame => k !== null);
}
