/**
 * Key frames: the moments of the walk that best show each finding, chosen from the analysis alone
 * (pure; the page draws them). Each key frame has one or two shots (a pair for asymmetry).
 */
import type { Side } from '$lib/analysis/landmarks';
import type { GaitAnalysis } from '$lib/analysis/gait/types';

export type KeyFrameKind = 'overstride' | 'trunk-lean' | 'head-posture' | 'asymmetry';

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

/** The heel strike whose heel lands furthest ahead of the hips. Null without a measured value. */
export function overstrideKeyFrame(analysis: GaitAnalysis): KeyFrame | null {
  if (analysis.metrics.heelAheadOfHip.status !== 'measured') return null;
  let best: GaitAnalysis['steps'][number] | null = null;
  for (const s of analysis.steps) {
    if (s.heelAheadOfHipPerLeg === null) continue;
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
 * The timeline samples the posture metrics rest on: from the start of the first stride to the end
 * of the last (the walk itself, not the entry and exit at the edges of the picture, where angles
 * drift). The whole timeline when there are no strides.
 */
function strideSpan(analysis: GaitAnalysis): [number, number] {
  const { strides, timeline } = analysis;
  if (strides.length === 0) return [0, timeline.length - 1];
  const toSample = (tMs: number) =>
    Math.min(
      timeline.length - 1,
      Math.max(0, Math.round(((tMs - timeline.t0Ms) * timeline.sampleRateHz) / 1000))
    );
  return [
    toSample(Math.min(...strides.map((s) => s.startTMs))),
    toSample(Math.max(...strides.map((s) => s.endTMs)))
  ];
}

/** The sample in [from, to] with the largest value of a trace, or -1 when there is none. */
function argMax(trace: (number | null)[], [from, to]: [number, number]): number {
  let best = -1;
  for (let i = Math.max(0, from); i <= Math.min(trace.length - 1, to); i++) {
    const v = trace[i];
    if (v !== null && (best < 0 || v > (trace[best] as number))) best = i;
  }
  return best;
}

function maxTraceKeyFrame(
  analysis: GaitAnalysis,
  trace: (number | null)[],
  kind: 'trunk-lean' | 'head-posture',
  title: string,
  describe: (deg: number) => string
): KeyFrame | null {
  const sample = argMax(trace, strideSpan(analysis));
  if (sample < 0) return null;
  const frame = analysis.timeline.sourceFrame[sample];
  const tMs = analysis.timeline.t0Ms + (sample * 1000) / analysis.timeline.sampleRateHz;
  return {
    kind,
    title,
    caption: describe(trace[sample] as number),
    shots: [shotAtFrame(analysis, frame, tMs)]
  };
}

/** The frame with the most forward trunk lean during the strides. Null when trunk lean was not measurable. */
export function trunkLeanKeyFrame(analysis: GaitAnalysis): KeyFrame | null {
  if (analysis.metrics.trunkLean.status !== 'measured') return null;
  return maxTraceKeyFrame(
    analysis,
    analysis.traces.trunkLeanDeg,
    'trunk-lean',
    'Most forward trunk',
    (deg) => `Your trunk at its most forward in this clip: ${deg.toFixed(0)}° from vertical.`
  );
}

/** The frame with the most forward head and neck during the strides. Null when the neck angle was not measurable. */
export function headPostureKeyFrame(analysis: GaitAnalysis): KeyFrame | null {
  if (analysis.metrics.neckAngle.status !== 'measured') return null;
  return maxTraceKeyFrame(
    analysis,
    analysis.traces.neckAngleDeg,
    'head-posture',
    'Most forward head',
    (deg) =>
      `Your head and neck at their most forward: the shoulder-to-ear line is ${deg.toFixed(0)}° from vertical.`
  );
}

/**
 * The most uneven pair of consecutive steps (one left, one right): the largest relative difference
 * of step length, |a − b| / mean. Null without a measured step-length symmetry.
 */
export function asymmetryKeyFrame(analysis: GaitAnalysis): KeyFrame | null {
  if (analysis.metrics.stepLengthSymmetry.status !== 'measured') return null;
  let bestIndex = -1;
  let bestDiff = -1;
  const steps = analysis.steps;
  for (let i = 0; i + 1 < steps.length; i++) {
    const a = steps[i].stepLengthPerLeg;
    const b = steps[i + 1].stepLengthPerLeg;
    if (a === null || b === null || steps[i].side === steps[i + 1].side || a + b <= 0) continue;
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

/** All key frames that the analysis supports, in report order. */
export function selectKeyFrames(analysis: GaitAnalysis): KeyFrame[] {
  return [
    overstrideKeyFrame(analysis),
    trunkLeanKeyFrame(analysis),
    headPostureKeyFrame(analysis),
    asymmetryKeyFrame(analysis)
  ].filter((k): k is KeyFrame => k !== null);
}
