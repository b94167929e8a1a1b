import { INITIATION_STRIKES, PLAUSIBLE_STEP_LENGTH_PER_LEG } from '../thresholds';
import type { OutlierRecord, StepRecord, StrideRecord } from './types';

/** How a pass begins and ends, as far as steady walking is concerned. */
export interface PassEnds {
  /** Index into the segments of the pass. */
  segment: number;
  /** The person stood still just before the pass (gait initiation inside it). */
  afterStanding: boolean;
  /** The person stands still just after it (gait termination inside it). */
  beforeStanding: boolean;
}

const STARTING = 'it is one of the first steps from standing still, which are not yet steady walking.';
const STOPPING = 'it is the last step before stopping, which is not steady walking.';

/**
 * Keep out of the steady-walking metrics what is not steady walking or cannot be a step
 * (docs/METHOD.md, "Outliers and gait initiation"):
 * - gait initiation and termination: in a pass that starts from standing still, the steps ending at its
 *   first `INITIATION_STRIKES` heel strikes; in a pass that ends standing still, its last step;
 * - a step length outside `PLAUSIBLE_STEP_LENGTH_PER_LEG` (≤ 0 when the feet were misread, or longer than a
 *   walker reaches): the length is left out with a reason (the step's timing still counts);
 * - a stride that contains a step left out is left out too, and its length when one of its lengths is.
 *
 * Pure: returns new records.
 */
export function screenSteps(
  steps: StepRecord[],
  strides: StrideRecord[],
  passes: PassEnds[]
): { steps: StepRecord[]; strides: StrideRecord[]; outliers: OutlierRecord[] } {
  const outliers: OutlierRecord[] = [];
  const [minLen, maxLen] = PLAUSIBLE_STEP_LENGTH_PER_LEG;
  const screened = steps.map((s) => ({ ...s }));
  for (const pass of passes) {
    const own = screened.filter((s) => s.segment === pass.segment);
    if (pass.afterStanding) {
      for (const s of own.slice(0, INITIATION_STRIKES)) s.excludedReason ??= STARTING;
    }
    if (pass.beforeStanding && own.length) own[own.length - 1].excludedReason ??= STOPPING;
  }
  for (const s of screened) {
    const len = s.stepLengthPerLeg;
    if (len === null || (len > minLen && len < maxLen)) continue;
    outliers.push({
      what: 'stepLength',
      value: len,
      side: s.side,
      tMs: s.heelStrikeTMs,
      frame: s.heelStrikeFrame,
      reason:
        len <= minLen
          ? `a walking step is longer than ${minLen} leg lengths; this one (${len.toFixed(2)}) was misread from the feet.`
          : `a walking step is shorter than ${maxLen} leg lengths; this one (${len.toFixed(2)}) was misread from the feet.`
    });
    s.stepLengthPerLeg = null;
  }
  const stepsOf = (st: StrideRecord) =>
    screened.filter(
      (s) => s.segment === st.segment && s.heelStrikeTMs > st.startTMs && s.heelStrikeTMs <= st.endTMs
    );
  const screenedStrides = strides.map((st) => {
    const own = stepsOf(st);
    const excluded = own.find((s) => s.excludedReason !== null);
    const lengthGone = own.some((s) => s.stepLengthPerLeg === null);
    return {
      ...st,
      strideLengthPerLeg: lengthGone ? null : st.strideLengthPerLeg,
      excludedReason: st.excludedReason ?? excluded?.excludedReason ?? null
    };
  });
  return { steps: screened, strides: screenedStrides, outliers };
}
