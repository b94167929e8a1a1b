import type { Side } from '../landmarks';
import type { MetricResult, MetricSample } from '../metric';
import { median } from '../signal';
import { MIN_ARM_SWING_COVERAGE, MIN_POSTURE_WINDOW_COVERAGE } from '../thresholds';
import { sideMedian, viewBlocker, type MetricContext } from './metric-context';
import { notMeasurable, summarizeMetric } from './summarize-metric';
import { msToSample, nearestFrame, sampleToMs } from './timeline-mapping';

type PostureId = 'trunkLean' | 'neckAngle' | 'headForward' | 'lateralTrunkLean' | 'armSwing';

/** A stretch of the timeline that yields one posture sample: a stride, or a 1-s window without strides. */
export interface PostureWindow {
  /** First and last sample (inclusive) on the timeline. */
  start: number;
  end: number;
  side?: Side;
  tMs: number;
  frame: number;
}

/** Per-sample posture signals on the timeline, `NaN` = missing. */
export interface PostureTraces {
  trunkLeanDeg: Float64Array;
  neckAngleDeg: Float64Array;
  headForwardPerTorso: Float64Array;
  lateralLeanDeg: Float64Array;
  /** Shoulder→wrist angle vs downward vertical, + forward, per arm. */
  armAngleLeftDeg: Float64Array;
  armAngleRightDeg: Float64Array;
}

/**
 * The windows posture is summarised over: the strides when there are at least two, otherwise consecutive
 * 1-s windows (posture needs no steps), so the median and range are "over strides" when possible.
 */
export function postureWindows(
  strides: { startTMs: number; endTMs: number; side: Side }[],
  t0Ms: number,
  sampleRateHz: number,
  length: number,
  frameTMs: Float64Array
): PostureWindow[] {
  const toSample = (tMs: number) => msToSample(tMs, t0Ms, sampleRateHz);
  if (strides.length >= 2) {
    return strides.map((s) => ({
      start: Math.ceil(toSample(s.startTMs)),
      end: Math.floor(toSample(s.endTMs)),
      side: s.side,
      tMs: s.startTMs,
      frame: nearestFrame(frameTMs, s.startTMs)
    }));
  }
  const width = Math.max(1, Math.round(sampleRateHz));
  const out: PostureWindow[] = [];
  for (let start = 0; start + width <= length; start += width) {
    const tMs = sampleToMs(start, t0Ms, sampleRateHz);
    out.push({ start, end: start + width - 1, tMs, frame: nearestFrame(frameTMs, tMs) });
  }
  return out;
}

function windowStat(x: Float64Array, w: PostureWindow, coverage: number, stat: 'median' | 'range'): number {
  const part = x.subarray(Math.max(0, w.start), Math.min(x.length, w.end + 1));
  let present = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of part) {
    if (!Number.isFinite(v)) continue;
    present++;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (part.length === 0 || present / part.length < coverage) return NaN;
  return stat === 'median' ? median(part) : hi - lo;
}

/**
 * Posture metrics (docs/METHOD.md §7, "Posture"), each a median over strides (or 1-s windows)
 * with the spread over them:
 * - trunk lean (side view), degrees, + forward;
 * - neck/head angle: shoulder-midpoint → ear-midpoint line vs vertical, + forward (side view). Real slouching
 *   shows here far more than in the hip→shoulder line;
 * - head forward: ear ahead of shoulder ÷ torso length (side view);
 * - lateral trunk lean (front view), degrees, + toward the person's right; the spread's min/max give the
 *   left/right excursion;
 * - arm swing: per stride, the range of each arm's shoulder→wrist angle, degrees, per side (side view).
 */
export function postureMetrics(
  ctx: MetricContext,
  traces: PostureTraces,
  windows: PostureWindow[]
): { [K in PostureId]: MetricResult<K> } {
  const { cap } = ctx;
  const perWindow = (x: Float64Array, side?: Side): MetricSample[] =>
    windows.map((w) => ({
      value: windowStat(x, w, MIN_POSTURE_WINDOW_COVERAGE, 'median'),
      tMs: w.tMs,
      frame: w.frame,
      ...((side ?? w.side) ? { side: side ?? w.side } : {})
    }));
  const unit = windows.length && windows[0].side ? 'stride' : 'second';
  const tooFew = `the landmarks needed were visible in fewer than two ${unit}s of the clip.`;
  const angleMetric = <K extends 'trunkLean' | 'neckAngle' | 'headForward' | 'lateralTrunkLean'>(
    id: K,
    trace: Float64Array,
    notes: string[]
  ): MetricResult<K> => {
    const blocked = viewBlocker(id, ctx.view);
    if (blocked) return notMeasurable(id, blocked);
    return summarizeMetric(id, perWindow(trace), { cap, notes, tooFewReason: tooFew });
  };
  const perspective =
    'Angles drift by a few degrees when you are near the edge of the picture; the middle of the frame is most trustworthy.';

  let armSwing: MetricResult<'armSwing'>;
  const armBlocked = viewBlocker('armSwing', ctx.view);
  if (armBlocked) armSwing = notMeasurable('armSwing', armBlocked);
  else {
    const strideWindows = windows.filter((w) => w.side);
    const samples: MetricSample[] = [];
    for (const w of strideWindows) {
      for (const [side, trace] of [
        ['left', traces.armAngleLeftDeg],
        ['right', traces.armAngleRightDeg]
      ] as const) {
        samples.push({
          value: windowStat(trace, w, MIN_ARM_SWING_COVERAGE, 'range'),
          side,
          tMs: w.tMs,
          frame: w.frame
        });
      }
    }
    armSwing = summarizeMetric('armSwing', samples, {
      cap,
      left: sideMedian(samples, 'left'),
      right: sideMedian(samples, 'right'),
      notes: [
        'The arm further from the camera is often hidden behind the body; only strides where an arm was seen throughout count.'
      ],
      tooFewReason: strideWindows.length
        ? 'no arm was visible through at least two whole strides.'
        : 'arm swing is measured per stride, and fewer than two strides were found.'
    });
  }
  return {
    trunkLean: angleMetric('trunkLean', traces.trunkLeanDeg, [perspective]),
    neckAngle: angleMetric('neckAngle', traces.neckAngleDeg, [perspective]),
    headForward: angleMetric('headForward', traces.headForwardPerTorso, []),
    lateralTrunkLean: angleMetric('lateralTrunkLean', traces.lateralLeanDeg, []),
    armSwing
  };
}
