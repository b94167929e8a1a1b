import type { StepRow } from './report-model';
import { toCsv } from './to-csv';

/** Header of the per-step CSV; units are in the column names. */
export const STEP_CSV_HEADER = [
  'step',
  'side',
  'heel_strike_t_ms',
  'heel_strike_frame',
  'step_time_s',
  'step_length_per_leg_length',
  'step_length_m',
  'heel_ahead_of_hip_per_leg_length',
  'shank_angle_deg',
  'knee_flexion_deg',
  'segment',
  'counted',
  'left_out_reason'
] as const;

/**
 * The per-step CSV: one row per detected step (heel strike), empty cells where a value is unavailable.
 * Steps kept out of the metrics are listed too, with `counted` = `no` and the reason; a value left out as
 * impossible (an outlier) has an empty cell and its measured value and reason in `left_out_reason`.
 */
export function stepsCsv(steps: readonly StepRow[]): string {
  return toCsv(
    STEP_CSV_HEADER,
    steps.map((s) => [
      s.number,
      s.side,
      Math.round(s.heelStrikeTMs),
      s.heelStrikeFrame,
      s.stepTimeS,
      s.stepLengthPerLeg,
      s.stepLengthM,
      s.heelAheadOfHipPerLeg,
      s.shankAngleDeg,
      s.kneeFlexionDeg,
      s.segment,
      s.counted ? 'yes' : 'no',
      s.leftOutReasons.join('; ')
    ])
  );
}
