import { metricInfo } from '$lib/analysis/gait/metric-registry';
import type { GaitAnalysis, MetricId } from '$lib/analysis/gait/types';
import type { MeasuredMetric } from '$lib/analysis/metric';
import { SYMMETRY_INDEX_FLAG_PCT, SYMMETRY_INDEX_WATCH_PCT } from '$lib/analysis/thresholds';
import { capLevel, hedge, measured, notMeasurableReason, weakest } from './metric-text';
import type { Finding, FindingEvidence, FindingLevel } from './types';

const ARTICLE_POINT =
  'The article points to uneven weight between the two sides as a source of one-sided strain in the lower back, and to supportive footwear and balanced muscle strength as the remedy.';

/** The symmetry metrics and the per-side metric each one compares. */
const PAIRS = [
  { si: 'stepLengthSymmetry', perSide: 'stepLength', what: 'step length' },
  { si: 'stepTimeSymmetry', perSide: 'stepTime', what: 'step time' },
  { si: 'stanceTimeSymmetry', perSide: 'stancePct', what: 'time on the ground' }
] as const satisfies readonly { si: MetricId; perSide: MetricId; what: string }[];

/**
 * Left/right evenness: the largest Robinson symmetry index among step length, step time and stance time.
 * Work on: above SYMMETRY_INDEX_FLAG_PCT; watch: above SYMMETRY_INDEX_WATCH_PCT; fine otherwise.
 * Not checked when none of them could be measured. Low confidence caps at watch.
 */
export function judgeAsymmetry(analysis: GaitAnalysis): Finding {
  const base = { id: 'asymmetry', topic: 'Left and right even', articlePoint: ARTICLE_POINT } as const;
  const found = PAIRS.map((p) => ({ ...p, metric: measured(analysis, p.si) })).filter(
    (p): p is typeof p & { metric: MeasuredMetric } => p.metric !== null
  );
  if (found.length === 0) {
    return {
      ...base,
      level: 'not-checked',
      confidence: null,
      headline: `We couldn't compare your left and right sides, because ${notMeasurableReason(analysis, 'stepLengthSymmetry')}.`,
      evidence: [],
      advice: []
    };
  }
  const worst = found.reduce((a, b) => (b.metric.value > a.metric.value ? b : a));
  const confidence = weakest(worst.metric.confidence, analysis.quality.confidence);
  let level: FindingLevel = 'fine';
  let headline = `Your left and right sides are even (largest difference ${worst.metric.value.toFixed(0)} %, in ${worst.what}).`;
  const side = longerSide(analysis, worst.perSide);
  const sideText = side ? `, longer on the ${side}` : '';
  if (worst.metric.value > SYMMETRY_INDEX_FLAG_PCT) {
    level = 'work-on';
    headline = `Your two sides differ in ${worst.what} by ${worst.metric.value.toFixed(0)} %${sideText}, more than the ${SYMMETRY_INDEX_FLAG_PCT} % we treat as even.`;
  } else if (worst.metric.value > SYMMETRY_INDEX_WATCH_PCT) {
    level = 'watch';
    headline = `Your two sides differ a little in ${worst.what} (${worst.metric.value.toFixed(0)} %${sideText}).`;
  }
  level = capLevel(level, confidence);
  if (level !== 'fine') headline = hedge(confidence) + headline;

  const evidence: FindingEvidence[] = found.map((p) => {
    const perSide = measured(analysis, p.perSide);
    const info = metricInfo(p.perSide);
    const sides =
      perSide?.left !== undefined && perSide.right !== undefined
        ? `: left ${perSide.left.toFixed(info.decimals)}, right ${perSide.right.toFixed(info.decimals)} ${info.unit}`
        : '';
    return {
      text: `${metricInfo(p.si).label} ${p.metric.value.toFixed(0)} % (0 % = identical)${sides}; from ${p.metric.n} values, ${p.metric.confidence} confidence.`,
      metricId: p.si,
      frames: []
    };
  });
  const advice =
    level === 'fine'
      ? ['Both legs share the work evenly. Supportive shoes and regular strength work help keep it that way.']
      : [
          'Look at your shoes: uneven wear or worn-out cushioning on one side can tip the load; well-fitting shoes with good support and cushioning help.',
          'Strengthen both sides evenly with simple exercises such as bridges, side-lying leg lifts and sit-to-stands, giving the weaker side the same number of repetitions as the stronger one.',
          'A physiotherapist can work out which side needs the work, especially if one side hurts or feels stiff.'
        ];
  return { ...base, level, confidence, headline, evidence, advice };
}

/** Which side has the larger per-side median of a metric, or null when unknown or equal. */
function longerSide(analysis: GaitAnalysis, id: MetricId): 'left' | 'right' | null {
  const m = measured(analysis, id);
  if (!m || m.left === undefined || m.right === undefined || m.left === m.right) return null;
  return m.left > m.right ? 'left' : 'right';
}
