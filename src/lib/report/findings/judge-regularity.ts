import type { GaitAnalysis } from '$lib/analysis/gait/types';
import { STRIDE_TIME_CV_FLAG_PCT } from '$lib/analysis/thresholds';
import { capLevel, describeMeasured, hedge, measured, notMeasurableReason, weakest } from './metric-text';
import type { Finding, FindingLevel } from './types';

const ARTICLE_POINT =
  'The article describes a smooth, even walking pattern as the one that spreads forces well through the body.';

/**
 * Rhythm: stride-time coefficient of variation. Above STRIDE_TIME_CV_FLAG_PCT is `watch` (irregular
 * strides have many harmless causes: turning, slowing, a short clip); fine otherwise.
 */
export function judgeRegularity(analysis: GaitAnalysis): Finding {
  const base = { id: 'regularity', topic: 'Steady rhythm', articlePoint: ARTICLE_POINT } as const;
  const cv = measured(analysis, 'strideTimeVariability');
  if (!cv) {
    return {
      ...base,
      level: 'not-checked',
      confidence: null,
      headline: `We couldn't judge how steady your rhythm is, because ${notMeasurableReason(analysis, 'strideTimeVariability')}.`,
      evidence: [],
      advice: []
    };
  }
  const confidence = weakest(cv.confidence, analysis.quality.confidence);
  let level: FindingLevel = cv.value > STRIDE_TIME_CV_FLAG_PCT ? 'watch' : 'fine';
  level = capLevel(level, confidence);
  const headline =
    level === 'fine'
      ? `Your strides keep a steady rhythm (they vary by ${cv.value.toFixed(1)} %).`
      : hedge(confidence) +
        `Your stride timing varies by ${cv.value.toFixed(1)} %, more than the ${STRIDE_TIME_CV_FLAG_PCT} % of a steady walk.`;
  const advice =
    level === 'fine'
      ? ['Keep a relaxed, even rhythm.']
      : [
          'Film again on a straight, clear path at a comfortable pace: turning or slowing down also makes strides uneven.',
          'If your rhythm stays uneven, or one step feels hesitant or painful, mention it to a physiotherapist.'
        ];
  return {
    ...base,
    level,
    confidence,
    headline,
    evidence: [{ text: describeMeasured(cv), metricId: 'strideTimeVariability', frames: [] }],
    advice
  };
}
