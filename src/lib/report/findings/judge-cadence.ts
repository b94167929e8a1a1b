import { weakestConfidence } from '$lib/analysis/metric';
import type { GaitAnalysis } from '$lib/analysis/gait/types';
import { CADENCE_NORMAL_RANGE_SPM } from './thresholds';
import { capLevel, describeMeasured, hedge, measured, notMeasurableReason } from './metric-text';
import type { Finding, FindingLevel } from './types';

const ARTICLE_POINT =
  'The article recommends a comfortable pace at first, and a brisker one only once your body has got used to it.';

/**
 * Cadence against the usual adult range (CADENCE_NORMAL_RANGE_SPM, Tudor-Locke). Outside the range is at
 * most `watch`: pace alone is not a fault, but a slow cadence with long steps goes with overstriding.
 */
export function judgeCadence(analysis: GaitAnalysis): Finding {
  const base = { id: 'cadence', topic: 'Pace (cadence)', articlePoint: ARTICLE_POINT } as const;
  const cadence = measured(analysis, 'cadence');
  if (!cadence) {
    return {
      ...base,
      level: 'not-checked',
      confidence: null,
      headline: `We couldn't measure your cadence, because ${notMeasurableReason(analysis, 'cadence')}.`,
      evidence: [],
      advice: []
    };
  }
  const confidence = weakestConfidence(cadence.confidence, analysis.quality.confidence);
  const [lo, hi] = CADENCE_NORMAL_RANGE_SPM;
  const spm = cadence.value.toFixed(0);
  let level: FindingLevel = 'fine';
  let headline = `You walk at ${spm} steps per minute, within the usual ${lo}–${hi} for adults.`;
  let advice = ['Your pace is typical. Vary it with the weekly plan: easy days slower, brisk days quicker.'];
  if (cadence.value < lo) {
    level = 'watch';
    headline = `You walk at ${spm} steps per minute, slower than the usual ${lo}–${hi}.`;
    advice = [
      'A slow pace is fine for building up. If you want to speed up, take quicker, shorter steps rather than longer ones.'
    ];
  } else if (cadence.value > hi) {
    level = 'watch';
    headline = `You walk at ${spm} steps per minute, quicker than the usual ${lo}–${hi}.`;
    advice = [
      'A brisk pace is good exercise; keep easier days at a comfortable pace so your back can recover.'
    ];
  }
  level = capLevel(level, confidence);
  if (level !== 'fine') headline = hedge(confidence) + headline;
  return {
    ...base,
    level,
    confidence,
    headline,
    evidence: [{ text: describeMeasured(cadence), metricId: 'cadence', frames: [] }],
    advice
  };
}
