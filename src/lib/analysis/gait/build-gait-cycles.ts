import { sideIndex, type Side } from '../landmarks';
import { median } from '../signal';
import { STEP_TIME_OUTLIER_FACTOR } from '../thresholds';
import type { CleanTracks } from './clean-tracks';
import { nearFilled, type StrikeEvent, type TimelineEvents } from './gait-events';
import { angleFromDownwardDeg, jointFlexionDeg } from './geometry';
import { msToSample, nearestFrame, sampleToMs, valueAt } from './timeline-mapping';
import type { GaitEvent, StepRecord, StrideRecord } from './types';

/** What {@link buildGaitCycles} needs besides the events. */
export interface CycleContext {
  /** Index of the pass (into the segments) the events belong to; carried into every step and stride. */
  segment: number;
  clean: CleanTracks;
  /** Original frame times, ms. */
  frameTMs: Float64Array;
  /** (heel x − hip-midpoint x)·direction per side, px, on the timeline. */
  heelForwardLeft: Float64Array;
  heelForwardRight: Float64Array;
  /** Sagittal trunk lean per sample, degrees (+ forward), or null outside a side view. */
  trunkLeanDeg: Float64Array | null;
  direction: 1 | -1;
  legLengthPx: number;
  /** Spatial and overstriding values are computed only in a side view. */
  spatial: boolean;
  /**
   * Perspective correction per side: image x of that side's foot is mapped to the hip-midpoint plane by
   * x' = principalXPx + (x − principalXPx) · planeScale[side] (1 = no correction).
   */
  planeScale: { left: number; right: number };
  /** Image x of the principal point (the image centre), px. */
  principalXPx: number;
  /**
   * Image x velocity of the ground, px per sample: 0 overground (a still camera is assumed), the belt's
   * velocity on a treadmill (from `detectSagittalEvents`).
   */
  groundXPerSample: number;
  /**
   * Per timeline sample: 1 where the nearest original frame had its leg labels fixed (relabelled or collapsed).
   * The model tends to misplace the feet in those frames too, so footprints avoid them when they can.
   */
  labelFixed: Uint8Array;
  /**
   * Per ORIGINAL frame: the unfiltered heel x of each leg chain as the model gave it (`NaN` = missing or
   * poorly seen), and 1 where that frame's labels were fixed. Footprints are read from these first: the
   * forward-most of two raw heels needs no labels, whereas the low-pass smears any label swap the
   * correction missed across both filtered heels.
   */
  frameHeelX: { left: Float64Array; right: Float64Array; labelFixed: Uint8Array };
}

/** Share of a step, from its heel strike, over which the striking heel is taken to be planted. */
const FOOTPRINT_WINDOW_OF_STEP = [0, 0.25] as const;

/** A candidate footprint position, px, and whether its frame needed a label fix. */
interface FootSample {
  p: number;
  fixed: boolean;
}

/** Median of the finite positions, preferring frames without a label fix; NaN when there are none. */
function plantedPosition(samples: FootSample[]): number {
  const finite = samples.filter((s) => Number.isFinite(s.p));
  const trusted = finite.filter((s) => !s.fixed);
  return median((trusted.length ? trusted : finite).map((s) => s.p));
}

/**
 * Footprint of every strike, image x px in the ground's frame at time 0 (see `buildGaitCycles`); NaN when
 * the heels are not both seen in the window. Read from the original frames in the window (the forward-most
 * raw heel, unfiltered), else from the filtered timeline when no frame there has both heels.
 */
function footprintsPx(strikes: StrikeEvent[], ctx: CycleContext): number[] {
  const { clean, direction: d } = ctx;
  const n = clean.length;
  const rate = clean.sampleRateHz;
  const forwardMost = (l: number, r: number, lf: number, rf: number) =>
    Number.isFinite(lf) && Number.isFinite(rf) ? (lf >= rf ? l : r) : NaN;
  const lx = clean.x[sideIndex('left', 'heel')];
  const rx = clean.x[sideIndex('right', 'heel')];
  const spans: number[] = [];
  for (let k = 1; k < strikes.length; k++) {
    if (strikes[k].run === strikes[k - 1].run) spans.push(strikes[k].sample - strikes[k - 1].sample);
  }
  const span = median(spans);
  if (!Number.isFinite(span)) return strikes.map(() => NaN);
  const cx = ctx.principalXPx;
  const ground = ctx.groundXPerSample;
  /** Image x of strike k's foot at timeline position `at`, mapped to the hip plane and the ground's frame. */
  const onGround = (k: number, x: number, at: number) =>
    cx + (x - cx) * ctx.planeScale[strikes[k].side] - ground * at;
  const { left: fl, right: fr, labelFixed: frameFixed } = ctx.frameHeelX;
  return strikes.map((hs, k) => {
    const from = hs.sample + FOOTPRINT_WINDOW_OF_STEP[0] * span;
    const to = Math.min(n - 1, hs.sample + FOOTPRINT_WINDOW_OF_STEP[1] * span);
    const fromFrames: FootSample[] = [];
    for (let f = 0; f < ctx.frameTMs.length; f++) {
      const at = msToSample(ctx.frameTMs[f], clean.t0Ms, rate);
      if (at < from || at > to) continue;
      const x = forwardMost(fl[f], fr[f], d * fl[f], d * fr[f]);
      fromFrames.push({ p: onGround(k, x, at), fixed: frameFixed[f] === 1 });
    }
    const raw = plantedPosition(fromFrames);
    if (Number.isFinite(raw)) return raw;
    const fromTimeline: FootSample[] = [];
    for (let i = Math.ceil(from); i <= Math.floor(to); i++) {
      const x = forwardMost(lx[i], rx[i], ctx.heelForwardLeft[i], ctx.heelForwardRight[i]);
      fromTimeline.push({ p: onGround(k, x, i), fixed: ctx.labelFixed[i] === 1 });
    }
    return plantedPosition(fromTimeline);
  });
}

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');

/**
 * Turn timeline events into gait events, steps and strides (docs/METHOD.md §7).
 *
 * - Step time: this heel strike minus the previous (contralateral) one within the same run; intervals more
 *   than `STEP_TIME_OUTLIER_FACTOR` from the median step time are treated as a missed or extra strike (null),
 *   and so are the intervals on either side of a strike where both heels were interpolated across a gap
 *   (`FILLED_GUARD_SAMPLES`: e.g. legs hidden behind furniture for a few frames).
 * - Step length (side view), ÷ leg length, footprint to footprint: each strike's footprint is the median
 *   position of the forward-most heel over the first `FOOTPRINT_WINDOW_OF_STEP` of the step after the strike
 *   (the heel is planted then; the forward-most heel is the striking one whatever the labels say; read from the
 *   unfiltered original frames, where a label swap the correction missed cannot pull it back, else from the
 *   filtered timeline; samples whose
 *   frame needed a label fix are left out when others remain, as the model misplaces feet there too), taken in
 *   the ground's frame: on a treadmill the belt's image velocity is removed (overground the ground is still: a
 *   still camera is assumed). Step length = (footprint −
 *   previous footprint) · direction. Each footprint is first mapped from its foot's depth plane to the
 *   hip-midpoint plane (`planeScale`, from the near/far leg-length ratio): without it, perspective makes
 *   left and right steps differ by up to ±0.15 leg lengths toward the frame edges. This avoids the bias of the heel-to-heel distance at the strike (the
 *   trailing heel has already risen and rolled forward by then) and any constant lag of the strike detector.
 * - Heel ahead of hips: the leading heel's (x − hip-midpoint x)·direction at the strike ÷ leg length.
 * - Shank angle and knee flexion: of the leg whose heel leads at the strike ("the striking foot is the forward
 *   one"); knee→ankle vs the downward vertical, + when the ankle is ahead of the knee.
 * - Stride: strike k to strike k + 2 (same foot), both steps clean. Stance = toe off of the same foot (after
 *   strike k + 1) − strike k; double support = (other toe off − strike k) + (same toe off − strike k + 1).
 *   Stride length = the sum of its two step lengths.
 */
export function buildGaitCycles(
  events: TimelineEvents,
  ctx: CycleContext
): { events: GaitEvent[]; steps: StepRecord[]; strides: StrideRecord[] } {
  const stepTimes = stepTimesOf(events.strikes, ctx);
  const steps = stepsOf(events.strikes, stepTimes, ctx);
  return {
    events: gaitEventsOf(events, ctx),
    steps,
    strides: stridesOf(events, stepTimes, steps, ctx)
  };
}

/** Time (ms) and nearest original frame of a timeline position. */
function locate(ctx: CycleContext): { toMs: (p: number) => number; toFrame: (p: number) => number } {
  const { clean, frameTMs } = ctx;
  const toMs = (p: number) => sampleToMs(p, clean.t0Ms, clean.sampleRateHz);
  return { toMs, toFrame: (p: number) => nearestFrame(frameTMs, toMs(p)) };
}

/** Heel strikes and toe offs as gait events, in time order (a toe off belongs to the other foot). */
function gaitEventsOf({ strikes, toeOffAfter }: TimelineEvents, ctx: CycleContext): GaitEvent[] {
  const { toMs, toFrame } = locate(ctx);
  const gaitEvents: GaitEvent[] = [];
  strikes.forEach((hs, k) => {
    gaitEvents.push({
      kind: 'heelStrike',
      side: hs.side,
      tMs: toMs(hs.sample),
      frame: toFrame(hs.sample),
      sample: Math.round(hs.sample)
    });
    const to = toeOffAfter[k];
    if (to !== null) {
      gaitEvents.push({
        kind: 'toeOff',
        side: other(hs.side),
        tMs: toMs(to),
        frame: toFrame(to),
        sample: Math.round(to)
      });
    }
  });
  return gaitEvents.sort((a, b) => a.tMs - b.tMs);
}

/**
 * Step time of every strike, s, or null: none for the first strike of a run, next to a strike where both
 * heels were interpolated across a gap (its time is a guess; one heel alone is a collapse, which the
 * leading-heel signal survives), or more than `STEP_TIME_OUTLIER_FACTOR` from the median in-run interval.
 */
function stepTimesOf(strikes: StrikeEvent[], ctx: CycleContext): (number | null)[] {
  const { clean } = ctx;
  const lf = clean.filled[sideIndex('left', 'heel')];
  const rf = clean.filled[sideIndex('right', 'heel')];
  const bothFilled = lf.map((v, i) => v & rf[i]);
  const guessed = strikes.map((hs) => nearFilled([bothFilled], hs.sample));
  const rawStep = strikes.map((hs, k) =>
    k > 0 && strikes[k - 1].run === hs.run && !guessed[k] && !guessed[k - 1]
      ? (hs.sample - strikes[k - 1].sample) / clean.sampleRateHz
      : NaN
  );
  const typical = median(rawStep);
  return rawStep.map((t) =>
    Number.isFinite(t) && t <= typical * STEP_TIME_OUTLIER_FACTOR && t >= typical / STEP_TIME_OUTLIER_FACTOR
      ? t
      : null
  );
}

/** One step per strike: its time, and in a side view its length and how the foot lands. */
function stepsOf(strikes: StrikeEvent[], stepTimes: (number | null)[], ctx: CycleContext): StepRecord[] {
  const { clean, legLengthPx, direction } = ctx;
  const { toMs, toFrame } = locate(ctx);
  const footprints = ctx.spatial ? footprintsPx(strikes, ctx) : [];
  return strikes.map((hs, k) => {
    const rec: StepRecord = {
      side: hs.side,
      heelStrikeTMs: toMs(hs.sample),
      heelStrikeFrame: toFrame(hs.sample),
      stepTimeS: stepTimes[k],
      stepLengthPerLeg: null,
      heelAheadOfHipPerLeg: null,
      shankAngleDeg: null,
      kneeFlexionDeg: null,
      segment: ctx.segment,
      excludedReason: null
    };
    if (!ctx.spatial) return rec;
    const l = valueAt(ctx.heelForwardLeft, hs.sample);
    const r = valueAt(ctx.heelForwardRight, hs.sample);
    if (stepTimes[k] !== null) {
      const step = direction * (footprints[k] - footprints[k - 1]);
      if (Number.isFinite(step)) rec.stepLengthPerLeg = step / legLengthPx;
    }
    const lead = Math.max(l, r);
    if (Number.isFinite(lead)) rec.heelAheadOfHipPerLeg = lead / legLengthPx;
    const striking: Side | null =
      Number.isFinite(l) && Number.isFinite(r) ? (l >= r ? 'left' : 'right') : null;
    if (striking) {
      const at = (part: 'hip' | 'knee' | 'ankle') => {
        const idx = sideIndex(striking, part);
        return [valueAt(clean.x[idx], hs.sample), valueAt(clean.y[idx], hs.sample)] as const;
      };
      const [hx, hy] = at('hip');
      const [kx, ky] = at('knee');
      const [ax, ay] = at('ankle');
      const shank = angleFromDownwardDeg(kx, ky, ax, ay, direction);
      const knee = jointFlexionDeg(hx, hy, kx, ky, ax, ay);
      rec.shankAngleDeg = Number.isFinite(shank) ? shank : null;
      rec.kneeFlexionDeg = Number.isFinite(knee) ? knee : null;
    }
    return rec;
  });
}

/** Strides: strike k to k + 2 in one run with both steps timed; stance and double support from toe offs. */
function stridesOf(
  { strikes, toeOffAfter }: TimelineEvents,
  stepTimes: (number | null)[],
  steps: StepRecord[],
  ctx: CycleContext
): StrideRecord[] {
  const rate = ctx.clean.sampleRateHz;
  const { toMs, toFrame } = locate(ctx);
  const strides: StrideRecord[] = [];
  for (let k = 0; k + 2 < strikes.length; k++) {
    const a = strikes[k];
    const b = strikes[k + 1];
    const c = strikes[k + 2];
    if (a.run !== c.run || stepTimes[k + 1] === null || stepTimes[k + 2] === null) continue;
    const strideS = (c.sample - a.sample) / rate;
    const toOther = toeOffAfter[k];
    const toSame = toeOffAfter[k + 1];
    const stancePct = toSame !== null ? ((toSame - a.sample) / (c.sample - a.sample)) * 100 : null;
    const dsPct =
      toOther !== null && toSame !== null
        ? ((toOther - a.sample + (toSame - b.sample)) / (c.sample - a.sample)) * 100
        : null;
    const l1 = steps[k + 1].stepLengthPerLeg;
    const l2 = steps[k + 2].stepLengthPerLeg;
    let lean: number | null = null;
    if (ctx.trunkLeanDeg) {
      const m = median(ctx.trunkLeanDeg.subarray(Math.ceil(a.sample), Math.floor(c.sample) + 1));
      lean = Number.isFinite(m) ? m : null;
    }
    strides.push({
      side: a.side,
      startTMs: toMs(a.sample),
      startFrame: toFrame(a.sample),
      endTMs: toMs(c.sample),
      endFrame: toFrame(c.sample),
      strideTimeS: strideS,
      stancePct,
      swingPct: stancePct === null ? null : 100 - stancePct,
      doubleSupportPct: dsPct,
      strideLengthPerLeg: l1 !== null && l2 !== null ? l1 + l2 : null,
      trunkLeanDeg: lean,
      segment: ctx.segment,
      excludedReason: null
    });
  }
  return strides;
}
