import { weakestConfidence } from '$lib/analysis/metric';
import type { GaitAnalysis } from '$lib/analysis/gait/types';
import { HEAD_FORWARD_FLAG_PER_TORSO, NECK_FORWARD_FLAG_DEG, NECK_FORWARD_WATCH_DEG } from './thresholds';
import { capLevel, describeMeasured, hedge, measured, notMeasurableReason } from './metric-text';
import type { Finding, FindingEvidence, FindingLevel } from './types';

const ARTICLE_POINT =
  'The article asks for a neutral spine with the head up and the eyes looking ahead, rather than slouching.';

/**
 * Head up, eyes forward (shoulder → ear line against vertical, side view). Work on: median tilt above
 * NECK_FORWARD_FLAG_DEG; watch: above NECK_FORWARD_WATCH_DEG, or the ear more than
 * HEAD_FORWARD_FLAG_PER_TORSO torso lengths ahead of the shoulder; fine otherwise. Low confidence caps at watch.
 */
export function judgeHeadPosture(analysis: GaitAnalysis): Finding {
  const base = { id: 'head-posture', topic: 'Head up, eyes forward', articlePoint: ARTICLE_POINT } as const;
  const neck = measured(analysis, 'neckAngle');
  const forward = measured(analysis, 'headForward');
  if (!neck) {
    return {
      ...base,
      level: 'not-checked',
      confidence: null,
      headline: `We couldn't check your head and neck posture, because ${notMeasurableReason(analysis, 'neckAngle')}.`,
      evidence: [],
      advice: []
    };
  }
  const confidence = weakestConfidence(neck.confidence, analysis.quality.confidence);
  const tilt = neck.value;
  let level: FindingLevel = 'fine';
  let headline = `You carry your head well over your shoulders (neck line ${tilt.toFixed(0)}° from vertical).`;
  if (tilt > NECK_FORWARD_FLAG_DEG) {
    level = 'work-on';
    headline = `Your head and neck reach forward of your shoulders (about ${tilt.toFixed(0)}° from vertical), the way they do when looking down or slouching.`;
  } else if (
    tilt > NECK_FORWARD_WATCH_DEG ||
    (forward !== null && forward.value > HEAD_FORWARD_FLAG_PER_TORSO)
  ) {
    level = 'watch';
    headline = `Your head sits a little forward of your shoulders (neck line about ${tilt.toFixed(0)}° from vertical).`;
  }
  level = capLevel(level, confidence);
  if (level !== 'fine') headline = hedge(confidence) + headline;
  const evidence: FindingEvidence[] = [{ text: describeMeasured(neck), metricId: 'neckAngle', frames: [] }];
  if (forward) evidence.push({ text: describeMeasured(forward), metricId: 'headForward', frames: [] });
  const advice =
    level === 'fine'
      ? ['Keep looking ahead along your path rather than down at your feet.']
      : [
          'Rest your gaze on the path a few metres ahead instead of at the ground just in front of you.',
          'Keep your chin level and let your head float back over your shoulders; your phone can wait until you stop.',
          'If your neck feels stiff, slow shoulder rolls before you set off can help.'
        ];
  return { ...base, level, confidence, headline, evidence, advice };
}
