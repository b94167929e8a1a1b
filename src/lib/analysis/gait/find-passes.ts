import { MAX_DEPTH_SCALE_CORRECTION } from '../thresholds';
import type { PassResult, PassSpec } from './analyse-pass';
import { classifyView } from './classify-view';
import type { DetectionSpan } from './detection-span';
import { sliceTracks, type LandmarkTracks } from './extract-landmark-tracks';
import { legLengthsBySidePx } from './leg-length';
import type { PreparedTimeline } from './prepare-timeline';
import type { PassEnds } from './screen-steps';
import { activitySignals, segmentWalk, type TimelineSegment } from './segment-walk';
import { sampleToMs } from './timeline-mapping';
import type { ActivityInfo, CameraView, SegmentKind, ViewInfo, WalkSegment } from './types';
import { walkingDirection } from './walking-direction';

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
export function hipPlaneLegLengthPx(corrected: LandmarkTracks, pooledPx: number, view: CameraView): number {
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
export interface PassPlan {
  specs: PassSpec[];
  segments: TimelineSegment[];
  /** The view the metrics are judged in: 'side' when any pass across the view was found. */
  view: CameraView;
  /** Median torso length over the whole clip, px (scales head forward). */
  torsoLengthPx: number;
  viewInfo: ViewInfo;
}

/**
 * Stage 3: split the clip into segments ({@link segmentWalk}) and choose the passes: every pass across the
 * view, each with its own direction (a treadmill pass: the way the feet point). When there is none, the
 * whole clip is analysed in its classified view (front: timing and sideways lean; oblique: timing), as one
 * stretch; a view forced by the caller does the same.
 */
export function findPasses(
  span: DetectionSpan,
  prep: PreparedTimeline,
  forcedView: CameraView | undefined
): PassPlan {
  const { tracks } = span;
  const { clean, sourceFrame } = prep;
  const n = clean.length;
  const whole = classifyView(tracks);
  const found = forcedView
    ? []
    : segmentWalk(activitySignals(tracks, clean, sourceFrame, span.legLengthPx), clean.sampleRateHz);
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
      torsoLengthPx: whole.torsoLengthPx,
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
  const view = forcedView ?? whole.view;
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
    torsoLengthPx: whole.torsoLengthPx,
    viewInfo: {
      view,
      widthToTorsoRatio: whole.widthToTorsoRatio,
      viewFit: forcedView ? 1 : whole.viewFit,
      direction: dir.direction,
      towardCamera: view === 'front' ? dir.towardCamera : null,
      treadmill: dir.treadmill,
      nearSide: view === 'side' ? (dir.direction > 0 ? 'right' : 'left') : null
    }
  };
}

/** Per sample: the walking direction of the pass it belongs to (0 outside the passes). */
export function directionPerSample(n: number, specs: PassSpec[]): Int8Array {
  const out = new Int8Array(n);
  for (const p of specs) out.fill(p.direction, p.start, p.end + 1);
  return out;
}

/** The report's segments: times, frames, used or why left out, strikes found. */
export function describeTimelineSegments(
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
export function passEnds(plan: PassPlan): PassEnds[] {
  return plan.specs.map((p) => ({
    segment: p.segment,
    afterStanding: plan.segments[p.segment - 1]?.kind === 'standing',
    beforeStanding: plan.segments[p.segment + 1]?.kind === 'standing'
  }));
}
