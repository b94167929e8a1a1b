import { RUNNING_STEP_SHARE, RUNNING_TOE_OFF_PHASE } from '../thresholds';
import type { StrikeEvent } from './gait-events';
import type { ActivityInfo } from './types';

/** One pass's heel strikes and trailing-toe minima (toe offs, whichever foot), on the timeline. */
export interface PassToeOffs {
  strikes: StrikeEvent[];
  trailingToeMinima: number[];
}

/**
 * Walking or running (docs/METHOD.md, "Running"). Walking has double support: after a heel strike the other
 * foot stays on the ground a little longer, so the trailing toe leaves the ground early in the step (phase
 * ≈0.1–0.4 of the step from this strike to the next). Running has a flight phase instead: the trailing
 * (stance) foot leaves the ground before the next foot lands, late in the step (phase ≈0.6–0.9). The phase
 * is label-free: strikes are on the leading heel, toe offs on the trailing toe, whatever the model's legs.
 *
 * A step is a running step when its toe off falls after `RUNNING_TOE_OFF_PHASE`; the clip is running when at
 * least `RUNNING_STEP_SHARE` of the steps with a toe off are.
 */
export function detectRunning(passes: PassToeOffs[]): ActivityInfo {
  let steps = 0;
  let running = 0;
  for (const { strikes, trailingToeMinima } of passes) {
    for (let k = 0; k + 1 < strikes.length; k++) {
      const a = strikes[k];
      const b = strikes[k + 1];
      if (a.run !== b.run) continue;
      const inStep = trailingToeMinima.filter((m) => m > a.sample && m < b.sample);
      if (inStep.length !== 1) continue;
      steps++;
      if ((inStep[0] - a.sample) / (b.sample - a.sample) > RUNNING_TOE_OFF_PHASE) running++;
    }
  }
  if (steps > 0 && running >= RUNNING_STEP_SHARE * steps) {
    return {
      kind: 'running',
      evidence: `both feet were off the ground before the next landing in ${running} of ${steps} steps (a flight phase), which is running, not walking.`
    };
  }
  return {
    kind: 'walking',
    evidence:
      steps > 0
        ? `one foot was still on the ground when the other landed in ${steps - running} of ${steps} steps (double support).`
        : 'no step with a clear toe off was found, so walking is assumed.'
  };
}
