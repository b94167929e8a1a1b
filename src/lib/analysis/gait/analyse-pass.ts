import { LM } from '../landmarks';
import { buildGaitCycles } from './build-gait-cycles';
import type { CleanTracks } from './clean-tracks';
import { detectFrontalEvents } from './detect-frontal-events';
import { detectSagittalEvents } from './detect-sagittal-events';
import type { TimelineEvents } from './gait-events';
import type { CameraView, GaitEvent, StepRecord, StrideRecord } from './types';

/** What every pass reads from the whole clip's timeline. */
export interface ClipTimeline {
  clean: CleanTracks;
  /** Original frame times, ms. */
  frameTMs: Float64Array;
  /** Hip-midpoint image x per sample, px. */
  hipX: Float64Array;
  /** (heel x − hip-midpoint x) · the sample's walking direction, px (0 direction → `NaN`). */
  heelForwardLeft: Float64Array;
  heelForwardRight: Float64Array;
  /** Sagittal trunk lean per sample (+ forward), or null outside a side view. */
  trunkLeanDeg: Float64Array | null;
  /** Per sample: 1 where the nearest frame's leg labels were fixed. */
  labelFixed: Uint8Array;
  /** Per original frame: raw heel x of each chain and 1 where its labels were fixed (see `CycleContext`). */
  frameHeelX: { left: Float64Array; right: Float64Array; labelFixed: Uint8Array };
  legLengthPx: number;
  /** Image width, px (the principal point is its centre). */
  widthPx: number;
}

/** One pass to analyse: samples [start, end] of the timeline, walked in one direction. */
export interface PassSpec {
  /** Index into the clip's segments. */
  segment: number;
  start: number;
  end: number;
  direction: 1 | -1;
  treadmill: boolean;
  /** 'side' for a pass across the view; the view of the whole clip when no pass was found. */
  view: CameraView;
  /** Front view: walking toward the camera. */
  towardCamera: boolean;
  /** Perspective scale of each leg's depth plane to the hip plane (1 = none). */
  planeScale: { left: number; right: number };
}

/** Events and cycles of one pass, on the clip's timeline. */
export interface PassResult {
  spec: PassSpec;
  timelineEvents: TimelineEvents;
  events: GaitEvent[];
  steps: StepRecord[];
  strides: StrideRecord[];
}

/** Shift events found on a slice starting at `offset` to the clip's timeline, runs numbered from `firstRun`. */
function shiftEvents(ev: TimelineEvents, offset: number, firstRun: number): TimelineEvents {
  return {
    strikes: ev.strikes.map((s) => ({ ...s, sample: s.sample + offset, run: s.run + firstRun })),
    toeOffAfter: ev.toeOffAfter.map((t) => (t === null ? null : t + offset)),
    groundForwardPerSample: ev.groundForwardPerSample,
    trailingToeMinima: ev.trailingToeMinima.map((m) => m + offset)
  };
}

/**
 * Stage 3 of the analysis: heel strikes, toe offs, steps and strides of one pass, with that pass's walking
 * direction (side view: `detectSagittalEvents`; front view: `detectFrontalEvents`; then `buildGaitCycles`).
 * Runs of strikes are numbered from `firstRun`, so that runs of different passes never join.
 */
export function analysePass(spec: PassSpec, clip: ClipTimeline, firstRun: number): PassResult {
  const { clean } = clip;
  const { start, end, direction: d } = spec;
  const cut = (col: Float64Array) => col.subarray(start, end + 1);
  const { x, y } = clean;
  const sagittal = spec.view !== 'front';
  const found = sagittal
    ? detectSagittalEvents(
        {
          heelLeft: cut(clip.heelForwardLeft),
          heelRight: cut(clip.heelForwardRight),
          toeLeft: cut(x[LM.left_foot_index]).map((v, i) => d * (v - clip.hipX[start + i])),
          toeRight: cut(x[LM.right_foot_index]).map((v, i) => d * (v - clip.hipX[start + i])),
          pelvisForward: cut(clip.hipX).map((v) => d * v),
          treadmill: spec.treadmill,
          toeFilled: clean.filled[LM.left_foot_index]
            .subarray(start, end + 1)
            .map((v, i) => v | clean.filled[LM.right_foot_index][start + i])
        },
        clip.legLengthPx,
        clean.sampleRateHz
      )
    : detectFrontalEvents(
        cut(x[LM.left_heel]).map(
          (_, i) => (spec.towardCamera ? 1 : -1) * (y[LM.left_heel][start + i] - y[LM.right_heel][start + i])
        ),
        clip.legLengthPx,
        clean.sampleRateHz
      );
  const timelineEvents = shiftEvents(found, start, firstRun);
  const cycles = buildGaitCycles(timelineEvents, {
    segment: spec.segment,
    clean,
    frameTMs: clip.frameTMs,
    heelForwardLeft: clip.heelForwardLeft,
    heelForwardRight: clip.heelForwardRight,
    trunkLeanDeg: spec.view === 'side' ? clip.trunkLeanDeg : null,
    direction: d,
    legLengthPx: clip.legLengthPx,
    spatial: spec.view === 'side',
    planeScale: spec.planeScale,
    principalXPx: clip.widthPx / 2,
    groundXPerSample: d * timelineEvents.groundForwardPerSample,
    labelFixed: clip.labelFixed,
    frameHeelX: clip.frameHeelX
  });
  return { spec, timelineEvents, ...cycles };
}
