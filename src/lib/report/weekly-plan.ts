/**
 * A week of walking adapted from the source article's sample week (short easy walks building up,
 * rest and stretching days in between, a brisk walk only if tolerated), with the day-by-day focus
 * taken from this walk's findings. Wording is ours.
 */
import type { Finding, FindingId } from './findings/types';

export interface PlanDay {
  day: 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';
  /** What to do, e.g. "Walk 10 minutes at an easy pace". */
  activity: string;
  /** Add-ons and focus for the day. */
  notes: string[];
}

/** One short focus cue per finding topic, used on walking days when that topic needs work. */
const FOCUS_CUE: Partial<Record<FindingId, string>> = {
  'trunk-lean': 'Focus: walk tall, shoulders loose; check your posture at every corner.',
  'head-posture': 'Focus: eyes on the path a few metres ahead, chin level.',
  overstride: 'Focus: shorter, quicker steps that land softly under you, heel then toes.',
  asymmetry: 'Focus: feel both feet land and push off the same way; notice if one side works harder.',
  regularity: 'Focus: a relaxed, even rhythm on a straight path.'
};

/** Topics that need attention, in the order of the findings (work on before watch). */
function focusTopics(findings: readonly Finding[]): FindingId[] {
  return findings.filter((f) => f.level === 'work-on' || f.level === 'watch').map((f) => f.id);
}

/**
 * The week. With a `work-on` finding, Friday stays at a moderate pace until the new habit feels
 * natural (changing technique and speeding up at once is too much); with an asymmetry to work on,
 * the stretching days add even strength work for both legs.
 */
export function buildWeeklyPlan(findings: readonly Finding[]): PlanDay[] {
  const cues = focusTopics(findings)
    .map((id) => FOCUS_CUE[id])
    .filter((c): c is string => c !== undefined);
  const cueFor = (i: number): string[] => (cues.length > 0 ? [cues[i % cues.length]] : []);
  const hasWorkOn = findings.some((f) => f.level === 'work-on');
  const unevenSides = findings.some(
    (f) => f.id === 'asymmetry' && (f.level === 'work-on' || f.level === 'watch')
  );
  const strength = unevenSides
    ? ['Add a few bridges and side-lying leg lifts, the same number on each side.']
    : [];

  return [
    {
      day: 'Monday',
      activity: 'Walk 10 minutes at an easy pace',
      notes: [
        'Warm up first: slow hip circles and pelvic tilts, then gently tighten your tummy muscles a few times.',
        ...cueFor(0)
      ]
    },
    {
      day: 'Tuesday',
      activity: 'Rest, or gentle stretching only',
      notes: [
        'Stretch the backs of your thighs (hamstrings) and the fronts of your hips (hip flexors).',
        ...strength
      ]
    },
    {
      day: 'Wednesday',
      activity: 'Walk 15 minutes at a moderate pace',
      notes: [
        'Wear supportive, cushioned shoes and keep your back in its natural, upright line.',
        ...cueFor(1)
      ]
    },
    {
      day: 'Thursday',
      activity: 'Rest',
      notes: ['If anything is sore, a cold pack on the sore spot after activity can help.']
    },
    {
      day: 'Friday',
      activity: hasWorkOn
        ? 'Walk 20 minutes at a moderate pace; go brisk only once the new habit feels natural'
        : 'Walk 20 minutes at a brisk pace, if your back is happy with it',
      notes: ['Do pelvic tilts before and after the walk.', ...cueFor(2)]
    },
    {
      day: 'Saturday',
      activity: 'Light activity: stretching or gentle yoga',
      notes: [...strength]
    },
    {
      day: 'Sunday',
      activity: 'Optional: an easy 10–15 minute stroll',
      notes: ['Stop straight away if you feel sharp pain.']
    }
  ];
}

/** Advice that applies to everyone, whatever the findings (paraphrasing the article's general points). */
export const GENERAL_ADVICE: readonly string[] = [
  'Warm up for a few minutes before you set off: slow hip circles and pelvic tilts loosen the hips and lower back.',
  'Build up gradually: start with short walks at a comfortable pace and add a few minutes at a time over the weeks, rather than doing a lot at once.',
  'Shoes matter: choose a pair with good arch support and cushioning that suits your feet.',
  'Gently firm up your tummy muscles as you walk to support your lower back, but keep breathing freely.',
  'Sharp pain is a signal to stop, not to push through. Mild achiness after a walk is common; sharp or shooting pain is not.',
  'If walking keeps causing back pain, or you have a known back condition such as a disc problem, sciatica or spinal stenosis, see a doctor or physiotherapist rather than working it out alone.'
];

/** Shown on every report and export. */
export const DISCLAIMER =
  'GaitLens is for education and self-observation only. It is not a medical device and does not diagnose anything. Measurements from a single video are estimates. If you have pain, numbness or weakness, or a known back condition, ask a doctor or physiotherapist.';
