import { weakestConfidence } from '$lib/analysis/metric';
import type { GaitAnalysis } from '$lib/analysis/gait/types';
import {
  HEEL_AHEAD_TYPICAL_RANGE_PER_LEG,
  NEAR_STRAIGHT_KNEE_MAX_DEG,
  OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG,
  OVERSTRIDE_STEP_SHARE_WATCH,
  REACHING_SHANK_MIN_DEG,
  WALK_RATIO_MIN_CADENCE_SPM,
  WALK_RATIO_USUAL_PER_LEG,
  WALK_RATIO_WORK_ON_PER_LEG
} from './thresholds';
import { stepWalkRatio, walkRatio } from './walk-ratio';
import {
  capLevel,
  describeMeasured,
  hedge,
  listNumbers,
  measured,
  notMeasurableReason,
  stepCounts,
  stepsWhere
} from './metric-text';
import type { Finding, FindingEvidence, FindingLevel } from './types';

const ARTICLE_POINT =
  'The article warns that steps that are too long send jolts up through the spine, and suggests shorter steps that land gently, heel first, rolling through to the toes.';

/**
 * Overstriding as the article means it: steps too long for your pace, landing well ahead of you (side view).
 *
 * - **Long for the pace**: the walk ratio (step length ÷ cadence, in leg lengths; {@link walkRatio}) above
 *   the usual band `WALK_RATIO_USUAL_PER_LEG`. People who walk faster lengthen their steps AND quicken them,
 *   so their walk ratio stays usual: a brisk walker with long steps is not overstriding by this rule.
 * - **Landing ahead**: the heel lands further ahead of the hips than usual (median heel-ahead-of-hip above
 *   `HEEL_AHEAD_TYPICAL_RANGE_PER_LEG`), or the "reaching" pattern (near-straight knee and a forward-reaching
 *   shin at contact, by median).
 *
 * Work on: walk ratio above `WALK_RATIO_WORK_ON_PER_LEG` with a landing sign. Watch: walk ratio above the
 * usual band with a landing sign; or, per step, at least `OVERSTRIDE_STEP_SHARE_WATCH` of the counted steps
 * both too long for their own pace and landing past `OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG`; or, when no walk
 * ratio can be formed, the heel landing past that flag. Below `WALK_RATIO_MIN_CADENCE_SPM` the walk ratio
 * rises naturally, so at most watch. A landing sign alone, with a usual walk ratio, is fine. Low confidence
 * caps at watch.
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
  const cadence = measured(analysis, 'cadence');
  const ratio = walkRatio(analysis);
  const confidence = weakestConfidence(heel.confidence, analysis.quality.confidence);
  const reaching =
    knee !== null &&
    shank !== null &&
    knee.value < NEAR_STRAIGHT_KNEE_MAX_DEG &&
    shank.value > REACHING_SHANK_MIN_DEG;
  const landsAhead = heel.value > HEEL_AHEAD_TYPICAL_RANGE_PER_LEG[1] || reaching;
  const over = stepsWhere(analysis, (s) => {
    const wr = stepWalkRatio(s);
    const far =
      s.heelAheadOfHipPerLeg !== null && s.heelAheadOfHipPerLeg > OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG;
    return far && (wr === null || wr > WALK_RATIO_WORK_ON_PER_LEG);
  });
  const judged = analysis.steps.filter((s) => stepCounts(s) && s.heelAheadOfHipPerLeg !== null).length;
  const share = judged > 0 ? over.numbers.length / judged : 0;
  const slow = cadence !== null && cadence.value < WALK_RATIO_MIN_CADENCE_SPM;
  const usualMid = (WALK_RATIO_USUAL_PER_LEG[0] + WALK_RATIO_USUAL_PER_LEG[1]) / 2;
  const longer = ratio ? Math.round((ratio.median / usualMid - 1) * 100) : 0;
  const pace = cadence ? ` at ${cadence.value.toFixed(0)} steps per minute` : '';

  const d = heel.value.toFixed(2);
  let level: FindingLevel = 'fine';
  let headline = ratio
    ? `Your steps suit your pace, and your heels land a usual distance in front of your hips (${d} leg lengths).`
    : `Your heels land a usual distance in front of your hips (${d} leg lengths).`;
  if (ratio && ratio.median > WALK_RATIO_USUAL_PER_LEG[1] && landsAhead) {
    level = ratio.median > WALK_RATIO_WORK_ON_PER_LEG && !slow ? 'work-on' : 'watch';
    headline = `Your steps are long for your pace (about ${longer} % longer than usual${pace}) and ${reaching ? 'you reach forward with a nearly straight knee' : `your heels land well in front of your hips (${d} leg lengths)`}: a sign of overstriding.`;
  } else if (share >= OVERSTRIDE_STEP_SHARE_WATCH && over.numbers.length >= 2) {
    level = 'watch';
    headline = `Most steps land normally, but ${over.numbers.length} of ${judged} are long for your pace and land well ahead of your hips.`;
  } else if (!ratio && heel.value > OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG) {
    level = 'watch';
    headline = `Your heels land well in front of your hips (${d} leg lengths); this clip has too few timed steps to tell whether your steps are long for your pace.`;
  }
  level = capLevel(level, confidence);
  if (level !== 'fine') headline = hedge(confidence) + headline;

  const evidence: FindingEvidence[] = [];
  if (ratio) {
    const [u0, u1] = WALK_RATIO_USUAL_PER_LEG.map((v) => (v * 1000).toFixed(1));
    evidence.push({
      text: `Walk ratio (step length ÷ cadence) ${(ratio.median * 1000).toFixed(1)} thousandths of a leg length per step/min (middle half ${(ratio.iqr[0] * 1000).toFixed(1)}–${(ratio.iqr[1] * 1000).toFixed(1)}, from ${ratio.n} steps); usual ${u0}–${u1}.`,
      metricId: 'stepLength',
      frames: []
    });
  }
  evidence.push({ text: describeMeasured(heel), metricId: 'heelAheadOfHip', frames: [] });
  if (over.numbers.length > 0) {
    evidence.push({
      text: `Step${over.numbers.length > 1 ? 's' : ''} ${listNumbers(over.numbers)} ${over.numbers.length > 1 ? 'were' : 'was'} long for ${over.numbers.length > 1 ? 'their' : 'its'} pace and landed more than ${OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG} leg lengths ahead of the hips.`,
      metricId: 'heelAheadOfHip',
      frames: over.frames
    });
  }
  if (step) evidence.push({ text: describeMeasured(step), metricId: 'stepLength', frames: [] });
  if (cadence) evidence.push({ text: describeMeasured(cadence), metricId: 'cadence', frames: [] });
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
