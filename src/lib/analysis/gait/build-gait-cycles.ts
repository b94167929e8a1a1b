import { sideIndex, type Side } from '../landmarks';
import { median } from '../signal';
import { STEP_TIME_OUTLIER_FACTOR } from '../thresholds';
import type { CleanTracks } from './clean-tracks';
import type { TimelineEvents } from './gait-events';
import { angleFromDownwardDeg, jointFlexionDeg } from './geometry';
import { nearestFrame, sampleToMs, valueAt } from './timeline-mapping';
import type { GaitEvent, StepRecord, StrideRecord } from './types';

/** What {@link buildGaitCycles} needs besides the events. */
export interface CycleContext {
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
}

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');

/**
 * Turn timeline events into gait events, steps and strides (GAIT_METHODS.md, "Metrics").
 *
 * - Step time: this heel strike minus the previous (contralateral) one within the same run; intervals more
 *   than `STEP_TIME_OUTLIER_FACTOR` from the median step time are treated as a missed or extra strike (null).
 * - Step length (side view): horizontal distance of the leading heel ahead of the trailing heel at the strike,
 *   ÷ leg length. Read label-free from the two heel signals (the leading heel is the larger one).
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
  const { clean, frameTMs, legLengthPx, direction } = ctx;
  const rate = clean.sampleRateHz;
  const toMs = (p: number) => sampleToMs(p, clean.t0Ms, rate);
  const toFrame = (p: number) => nearestFrame(frameTMs, toMs(p));
  const { strikes, toeOffAfter } = events;

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
  gaitEvents.sort((a, b) => a.tMs - b.tMs);

  // Step times with outlier rejection against the median in-run interval.
  const rawStep = strikes.map((hs, k) =>
    k > 0 && strikes[k - 1].run === hs.run ? (hs.sample - strikes[k - 1].sample) / rate : NaN
  );
  const typical = median(rawStep);
  const stepTimes = rawStep.map((t) =>
    Number.isFinite(t) && t <= typical * STEP_TIME_OUTLIER_FACTOR && t >= typical / STEP_TIME_OUTLIER_FACTOR
      ? t
      : null
  );

  const steps: StepRecord[] = strikes.map((hs, k) => {
    const rec: StepRecord = {
      side: hs.side,
      heelStrikeTMs: toMs(hs.sample),
      heelStrikeFrame: toFrame(hs.sample),
      stepTimeS: stepTimes[k],
      stepLengthPerLeg: null,
      heelAheadOfHipPerLeg: null,
      shankAngleDeg: null,
      kneeFlexionDeg: null
    };
    if (!ctx.spatial) return rec;
    const l = valueAt(ctx.heelForwardLeft, hs.sample);
    const r = valueAt(ctx.heelForwardRight, hs.sample);
    if (Number.isFinite(l) && Number.isFinite(r)) rec.stepLengthPerLeg = Math.abs(l - r) / legLengthPx;
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
      trunkLeanDeg: lean
    });
  }
  return { events: gaitEvents, steps, strides };
}
