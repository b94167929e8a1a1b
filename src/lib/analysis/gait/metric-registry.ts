/**
 * The metric registry: label, unit, one-line definition, method text, view requirement and reference for
 * every {@link MetricId}. The report, the CSV and the JSON export all read metric metadata from here, so a
 * metric is described once.
 */
import type { MetricId } from './types';

/** Which camera view a metric needs. */
export type ViewRequirement = 'side' | 'side-or-front' | 'front';

/** Grouping for the report. */
export type MetricGroup = 'temporal' | 'spatial' | 'overstriding' | 'posture' | 'asymmetry' | 'variability';

export interface MetricInfo {
  id: MetricId;
  group: MetricGroup;
  /** Short display label, e.g. "Step length". */
  label: string;
  /** Unit symbol for display, e.g. "steps/min", "°", "× leg length". */
  unit: string;
  /** One plain-language sentence: what it is. */
  definition: string;
  /** How GaitLens computes it, from which landmarks. */
  method: string;
  view: ViewRequirement;
  /** Where the definition or method comes from. */
  reference: string;
  /** Decimal places for display. */
  decimals: number;
}

const ZENI = 'Zeni, Richards, Higginson 2008, Gait & Posture 27:710';
const ROBINSON = 'Robinson et al. 1987 (symmetry index); Patterson et al. 2010, Gait & Posture';
const HOF = 'Hof 1996, Gait & Posture (dimensionless gait measures)';
const SI_METHOD =
  'SI = |R − L| / (0.5·(R + L)) × 100 from the per-side medians; 0 % is perfect symmetry. Needs at least two clean steps per side.';

const entries: MetricInfo[] = [
  {
    id: 'cadence',
    group: 'temporal',
    label: 'Cadence',
    unit: 'steps/min',
    definition: 'How many steps you take per minute.',
    method: `60 / mean step time; heel strikes are the peaks of the leading heel's distance ahead of the hip midpoint (side view), or of the vertical separation of the heels (front view).`,
    view: 'side-or-front',
    reference: `${ZENI}; Tudor-Locke et al. 2011, 2019 (norms)`,
    decimals: 0
  },
  {
    id: 'stepTime',
    group: 'temporal',
    label: 'Step time',
    unit: 's',
    definition: 'Time from one foot landing to the other foot landing.',
    method: 'Heel strike to the next heel strike of the other foot; attributed to the foot that lands.',
    view: 'side-or-front',
    reference: ZENI,
    decimals: 2
  },
  {
    id: 'strideTime',
    group: 'temporal',
    label: 'Stride time',
    unit: 's',
    definition: 'Time from one foot landing to the same foot landing again.',
    method: 'Heel strike to the next heel strike of the same foot.',
    view: 'side-or-front',
    reference: ZENI,
    decimals: 2
  },
  {
    id: 'stancePct',
    group: 'temporal',
    label: 'Stance',
    unit: '% of stride',
    definition: 'Share of each stride that the foot is on the ground (normally about 60 %).',
    method: `Heel strike to toe off of the same foot, ÷ stride time. Toe off is the minimum of the trailing toe's distance ahead of the hip midpoint.`,
    view: 'side',
    reference: ZENI,
    decimals: 0
  },
  {
    id: 'swingPct',
    group: 'temporal',
    label: 'Swing',
    unit: '% of stride',
    definition: 'Share of each stride that the foot is in the air (normally about 40 %).',
    method: 'Stride time minus stance time, ÷ stride time.',
    view: 'side',
    reference: ZENI,
    decimals: 0
  },
  {
    id: 'doubleSupportPct',
    group: 'temporal',
    label: 'Double support',
    unit: '% of stride',
    definition: 'Share of each stride with both feet on the ground (normally about 20–25 %).',
    method:
      'Sum of the two periods from a heel strike to the other foot’s toe off within a stride, ÷ stride time.',
    view: 'side',
    reference: ZENI,
    decimals: 0
  },
  {
    id: 'stepLength',
    group: 'spatial',
    label: 'Step length',
    unit: '× leg length',
    definition: 'How far the landing heel is ahead of the other heel, in leg lengths.',
    method:
      'Horizontal distance between the leading and the trailing heel at heel strike, ÷ leg length (median of |hip−knee| + |knee−ankle| over visible frames).',
    view: 'side',
    reference: `${HOF}; Stenum et al. 2021, PLOS Comp Biol 17:e1008935`,
    decimals: 2
  },
  {
    id: 'strideLength',
    group: 'spatial',
    label: 'Stride length',
    unit: '× leg length',
    definition: 'Distance covered by two consecutive steps, in leg lengths.',
    method: 'Sum of two consecutive step lengths, ÷ leg length.',
    view: 'side',
    reference: HOF,
    decimals: 2
  },
  {
    id: 'heelAheadOfHip',
    group: 'overstriding',
    label: 'Heel ahead of hips at landing',
    unit: '× leg length',
    definition: 'How far in front of your hips the heel lands, in leg lengths.',
    method:
      'Horizontal distance of the striking heel ahead of the hip midpoint at heel strike, ÷ leg length.',
    view: 'side',
    reference:
      'docs/METHOD.md §7 (hip flexion 20–30° at contact ≈ 0.34–0.42 leg lengths at the joint centres; our measurement reads 0.21–0.34 on normal walkers); Napier et al. (running)',
    decimals: 2
  },
  {
    id: 'shankAngleAtStrike',
    group: 'overstriding',
    label: 'Shin angle at landing',
    unit: '°',
    definition: 'How far the shin tilts forward when the heel lands.',
    method:
      'Angle of the knee→ankle line against vertical at heel strike, positive when the ankle is ahead of the knee.',
    view: 'side',
    reference: 'Napier et al. 2019 (overstriding definitions, running)',
    decimals: 0
  },
  {
    id: 'kneeFlexionAtStrike',
    group: 'overstriding',
    label: 'Knee bend at landing',
    unit: '°',
    definition: 'How bent the knee is when the heel lands (0° = straight).',
    method: 'Angle between the hip→knee and knee→ankle lines of the striking leg at heel strike.',
    view: 'side',
    reference: 'Winter 2009; Stenum et al. 2021 (knee MAE ≈5.6° from 2D video)',
    decimals: 0
  },
  {
    id: 'trunkLean',
    group: 'posture',
    label: 'Trunk lean',
    unit: '°',
    definition: 'How far your trunk leans forward while walking.',
    method:
      'Angle of the hip-midpoint → shoulder-midpoint line against vertical, positive when the shoulders are ahead in the walking direction; median over strides.',
    view: 'side',
    reference: 'docs/METHOD.md §7; Tanaka et al. 2025',
    decimals: 1
  },
  {
    id: 'neckAngle',
    group: 'posture',
    label: 'Head and neck tilt',
    unit: '°',
    definition: 'How far your head and neck tip forward of your shoulders.',
    method:
      'Angle of the shoulder-midpoint → ear-midpoint line against vertical, positive forward; median over strides. A craniovertebral-angle proxy.',
    view: 'side',
    reference: 'docs/METHOD.md §7 (a craniovertebral-angle proxy)',
    decimals: 1
  },
  {
    id: 'headForward',
    group: 'posture',
    label: 'Head forward',
    unit: '× torso length',
    definition: 'How far your ear is ahead of your shoulder, in torso lengths.',
    method:
      'Horizontal offset of the ear midpoint ahead of the shoulder midpoint, ÷ torso length; median over strides.',
    view: 'side',
    reference: 'docs/METHOD.md §7',
    decimals: 2
  },
  {
    id: 'lateralTrunkLean',
    group: 'posture',
    label: 'Sideways trunk lean',
    unit: '°',
    definition: 'How far your trunk leans to one side, seen from the front.',
    method:
      'Angle of the hip-midpoint → shoulder-midpoint line against vertical in a front view, positive toward your right; median, with the left/right excursion in the spread.',
    view: 'front',
    reference: 'docs/METHOD.md §7',
    decimals: 1
  },
  {
    id: 'armSwing',
    group: 'posture',
    label: 'Arm swing',
    unit: '°',
    definition: 'How far each arm swings forward and back.',
    method:
      'Range of the shoulder→wrist angle against vertical over each stride, per arm; only frames where the wrist is visible.',
    view: 'side',
    reference: 'docs/METHOD.md §7',
    decimals: 0
  },
  {
    id: 'stepLengthSymmetry',
    group: 'asymmetry',
    label: 'Step length symmetry',
    unit: '% SI',
    definition: 'How different your left and right steps are in length (0 % = identical).',
    method: SI_METHOD,
    view: 'side',
    reference: ROBINSON,
    decimals: 0
  },
  {
    id: 'stepTimeSymmetry',
    group: 'asymmetry',
    label: 'Step time symmetry',
    unit: '% SI',
    definition: 'How different your left and right steps are in duration (0 % = identical).',
    method: SI_METHOD,
    view: 'side-or-front',
    reference: ROBINSON,
    decimals: 0
  },
  {
    id: 'stanceTimeSymmetry',
    group: 'asymmetry',
    label: 'Stance time symmetry',
    unit: '% SI',
    definition: 'How different the time each foot spends on the ground is (0 % = identical).',
    method: SI_METHOD,
    view: 'side',
    reference: ROBINSON,
    decimals: 0
  },
  {
    id: 'armSwingSymmetry',
    group: 'asymmetry',
    label: 'Arm swing symmetry',
    unit: '% SI',
    definition: 'How different your left and right arm swings are (0 % = identical).',
    method: SI_METHOD,
    view: 'side',
    reference: ROBINSON,
    decimals: 0
  },
  {
    id: 'strideTimeVariability',
    group: 'variability',
    label: 'Stride time variability',
    unit: '% CV',
    definition: 'How much the duration of your strides varies (coefficient of variation).',
    method:
      'Sample standard deviation of stride times ÷ their mean × 100; the samples are each stride as a percentage of the mean stride.',
    view: 'side-or-front',
    reference: 'Hausdorff 2005 (gait variability); docs/METHOD.md §7',
    decimals: 1
  }
];

/** Registry of every metric, keyed by id. */
export const METRIC_REGISTRY: { readonly [K in MetricId]: MetricInfo & { id: K } } = Object.fromEntries(
  entries.map((e) => [e.id, e])
) as { readonly [K in MetricId]: MetricInfo & { id: K } };

/** Metadata of one metric. */
export function metricInfo(id: MetricId): MetricInfo {
  return METRIC_REGISTRY[id];
}
