import type { GaitAnalysis } from '$lib/analysis/gait/types';
import {
  HEEL_AHEAD_TYPICAL_RANGE_PER_LEG,
  NEAR_STRAIGHT_KNEE_MAX_DEG,
  OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG,
  OVERSTRIDE_STEP_SHARE_WATCH,
  REACHING_SHANK_MIN_DEG,
  STEP_LENGTH_TYPICAL_RANGE_PER_LEG
} from './thresholds';
import {
  capLevel,
  describeMeasured,
  hedge,
  listNumbers,
  measured,
  notMeasurableReason,
  stepCounts,
  stepsWhere,
  weakest
} from './metric-text';
import type { Finding, FindingEvidence, FindingLevel } from './types';

const ARTICLE_POINT =
  'The article warns that steps that are too long send jolts up through the spine, and suggests shorter steps that land gently, heel first, rolling through to the toes.';

/**
 * Overstriding (side view): where the heel lands relative to the hips.
 * Work on: median heel-ahead-of-hip above OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG, or the "reaching" pattern
 * (long steps with a near-straight knee and a forward-reaching shin, all by median).
 * Watch: median above the typical range, or at least OVERSTRIDE_STEP_SHARE_WATCH of the steps past the flag.
 * Fine otherwise. Low confidence caps at watch.
 */
export function judgeOverstride(analysis: GaitAnalysis): Finding {
  const base = { id: 'overstride', topic: 'Step length and landing', articlePoint: ARTICLE_POINT } as const;
  const heel = measured(analysis, 'heelAheadOfHip');
  if (!heel) {
    return {
      ...base,
      level: 'not-checked',
      confidence: null,
      headline: `We couldn't check where your feet land, because ${notMeasurableReason(analysis, 'heelAheadOfHip')}.`,
      evidence: [],
      advice: []
    };
  }
  const step = measured(analysis, 'stepLength');
  const knee = measured(analysis, 'kneeFlexionAtStrike');
  const shank = measured(analysis, 'shankAngleAtStrike');
  const confidence = weakest(heel.confidence, analysis.quality.confidence);
  const over = stepsWhere(
    analysis,
    (s) => s.heelAheadOfHipPerLeg !== null && s.heelAheadOfHipPerLeg > OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG
  );
  const judged = analysis.steps.filter((s) => stepCounts(s) && s.heelAheadOfHipPerLeg !== null).length;
  const share = judged > 0 ? over.numbers.length / judged : 0;
  const reaching =
    step !== null &&
    knee !== null &&
    shank !== null &&
    step.value > STEP_LENGTH_TYPICAL_RANGE_PER_LEG[1] &&
    knee.value < NEAR_STRAIGHT_KNEE_MAX_DEG &&
    shank.value > REACHING_SHANK_MIN_DEG;

  const d = heel.value.toFixed(2);
  let level: FindingLevel = 'fine';
  let headline = `Your heels land a normal distance in front of your hips (${d} leg lengths).`;
  if (heel.value > OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG || reaching) {
    level = 'work-on';
    headline = reaching
      ? `You reach forward with a nearly straight knee on long steps: a sign of overstriding.`
      : `Your heels land far in front of your hips (${d} leg lengths; about ${HEEL_AHEAD_TYPICAL_RANGE_PER_LEG[0]}–${HEEL_AHEAD_TYPICAL_RANGE_PER_LEG[1]} is usual): a sign of overstriding.`;
  } else if (heel.value > HEEL_AHEAD_TYPICAL_RANGE_PER_LEG[1] || share >= OVERSTRIDE_STEP_SHARE_WATCH) {
    level = 'watch';
    headline =
      share >= OVERSTRIDE_STEP_SHARE_WATCH
        ? `Most steps land normally, but ${over.numbers.length} of ${judged} reach well ahead of your hips.`
        : `Your heels land a little further ahead of your hips than usual (${d} leg lengths).`;
  }
  level = capLevel(level, confidence);
  if (level !== 'fine') headline = hedge(confidence) + headline;

  const evidence: FindingEvidence[] = [
    { text: describeMeasured(heel), metricId: 'heelAheadOfHip', frames: [] }
  ];
  if (over.numbers.length > 0) {
    evidence.push({
      text: `Step${over.numbers.length > 1 ? 's' : ''} ${listNumbers(over.numbers)} landed more than ${OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG} leg lengths ahead of the hips.`,
      metricId: 'heelAheadOfHip',
      frames: over.frames
    });
  }
  if (step) evidence.push({ text: describeMeasured(step), metricId: 'stepLength', frames: [] });
  if (knee) evidence.push({ text: describeMeasured(knee), metricId: 'kneeFlexionAtStrike', frames: [] });

  const advice =
    level === 'fine'
      ? [
          'Your step length looks comfortable. Keep landing softly, heel first, and rolling through to the toes.'
        ]
      : [
          'Take slightly shorter, quicker steps so that each foot lands closer to underneath you.',
          'Let the heel touch down softly and roll through the foot to push off from the toes, rather than planting a straight leg out in front.',
          'A walk should feel quiet: if you can hear your heels slap, shorten the step a little.'
        ];
  return { ...base, level, confidence, headline, evidence, advice };
}
