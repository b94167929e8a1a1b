import { weakestConfidence } from '$lib/analysis/metric';
import { metricInfo } from '$lib/analysis/gait/metric-registry';
import { symmetryIndexPct } from '$lib/analysis/gait/symmetry-index';
import type { GaitAnalysis, MetricId } from '$lib/analysis/gait/types';
import type { Confidence, MeasuredMetric } from '$lib/analysis/metric';
import { VIDEO_EVENT_TIME_MAE_S, VIDEO_STEP_LENGTH_MAE_PER_LEG } from '$lib/analysis/thresholds';
import {
  ASYMMETRY_MIN_STANDARD_ERRORS,
  ASYMMETRY_MIN_VALUES_PER_SIDE,
  SIDE_DIFFERENCE_OF_MODEL,
  PATTERSON_SYMMETRY_RATIO,
  SYMMETRY_INDEX_FLAG_PCT
} from './thresholds';
import { capLevel, hedge, measured, notMeasurableReason } from './metric-text';
import type { Finding, FindingEvidence, FindingLevel } from './types';

const ARTICLE_POINT =
  'The article points to uneven weight between the two sides as a source of one-sided strain in the lower back, and to supportive footwear and balanced muscle strength as the remedy.';

/**
 * The symmetry index equivalent of a larger/smaller ratio r: SI = 2(r − 1)/(r + 1) × 100 %
 * (e.g. Patterson's step-length ratio 1.08 ≈ 7.7 % SI).
 */
export function ratioToSymmetryIndexPct(ratio: number): number {
  return ((2 * (ratio - 1)) / (ratio + 1)) * 100;
}

/**
 * The symmetry metrics, the per-side metric each compares, and its "watch" line: Patterson et al. 2010's
 * normal-variability ratio (step time has none there; the swing ratio, the closest timing ratio, is used).
 */
const PAIRS = [
  {
    si: 'stepLengthSymmetry',
    perSide: 'stepLength',
    what: 'step length',
    watchRatio: PATTERSON_SYMMETRY_RATIO.stepLength
  },
  {
    si: 'stepTimeSymmetry',
    perSide: 'stepTime',
    what: 'step time',
    watchRatio: PATTERSON_SYMMETRY_RATIO.swing
  },
  {
    si: 'stanceTimeSymmetry',
    perSide: 'stancePct',
    what: 'time on the ground',
    watchRatio: PATTERSON_SYMMETRY_RATIO.stance
  }
] as const satisfies readonly { si: MetricId; perSide: MetricId; what: string; watchRatio: number }[];

type Pair = (typeof PAIRS)[number];

interface Judged {
  pair: Pair;
  metric: MeasuredMetric;
  level: FindingLevel;
  evidence: FindingEvidence;
}

const RANK: Record<FindingLevel, number> = { fine: 0, watch: 1, 'work-on': 2 };

/**
 * Left − right difference of a timing pair in seconds, or null when it is not a timing pair or a
 * side is missing. Stance is a % of the stride, turned into seconds with the median stride time.
 */
function timingDifferenceS(analysis: GaitAnalysis, pair: Pair): number | null {
  const perSide = measured(analysis, pair.perSide);
  if (!perSide || perSide.left === undefined || perSide.right === undefined) return null;
  if (pair.perSide === 'stepTime') return Math.abs(perSide.left - perSide.right);
  if (pair.perSide === 'stancePct') {
    const stride = measured(analysis, 'strideTime');
    return stride ? (Math.abs(perSide.left - perSide.right) / 100) * stride.value : null;
  }
  return null;
}

function judgePair(analysis: GaitAnalysis, pair: Pair, metric: MeasuredMetric): Judged {
  const si = metric.value;
  let level: FindingLevel =
    si > SYMMETRY_INDEX_FLAG_PCT
      ? 'work-on'
      : si > ratioToSymmetryIndexPct(pair.watchRatio)
        ? 'watch'
        : 'fine';
  const perSide = measured(analysis, pair.perSide);
  const info = metricInfo(pair.perSide);
  const sides =
    perSide?.left !== undefined && perSide.right !== undefined
      ? `: left ${perSide.left.toFixed(info.decimals)}, right ${perSide.right.toFixed(info.decimals)} ${info.unit}`
      : '';
  let text = `${metricInfo(pair.si).label} ${si.toFixed(0)} % (0 % = identical)${sides}; from ${metric.n} values, ${metric.confidence} confidence.`;
  if (level !== 'fine') {
    // A timing difference shorter than one video frame cannot be told apart from an even walk.
    const diffS = timingDifferenceS(analysis, pair);
    const frameS = 1 / analysis.quality.fpsHz;
    const se = sideDifferenceStandardError(analysis, pair.perSide);
    const allowance = SIDE_DIFFERENCE_OF_MODEL[analysis.model]?.[pair.perSide];
    const diff = pair.perSide === 'stepLength' ? lengthDifference(perSide) : diffS;
    const unit = (v: number) =>
      pair.perSide === 'stepLength' ? `${v.toFixed(2)} leg lengths` : `${(v * 1000).toFixed(0)} ms`;
    if (diffS !== null && Number.isFinite(frameS) && diffS < frameS) {
      level = 'fine';
      text += ` The difference (${(diffS * 1000).toFixed(0)} ms) is shorter than one video frame (${(frameS * 1000).toFixed(0)} ms), so this video cannot tell it from even.`;
    } else if (diff !== null && allowance !== undefined && diff <= allowance) {
      level = 'fine';
      text += ` The difference (${unit(diff)}) is within what the ${analysis.model} pose model makes on even walkers (up to ${unit(allowance)}), so it cannot be told from even.`;
    } else if (se !== null && perSide?.left !== undefined && perSide.right !== undefined) {
      const diff = Math.abs(perSide.left - perSide.right);
      if (diff <= ASYMMETRY_MIN_STANDARD_ERRORS * se) {
        level = 'fine';
        text += ` Given how much single steps vary and how precisely one video can measure them (±${(ASYMMETRY_MIN_STANDARD_ERRORS * se).toFixed(info.decimals + 1)} ${info.unit} for this many steps), this difference could be chance; it cannot be told from even.`;
      }
    }
    const perSideCounts = perSide ? sideCounts(perSide) : null;
    const sided = perSideCounts !== null && perSideCounts[0] + perSideCounts[1] > 0;
    if (level !== 'fine' && sided && Math.min(...perSideCounts) < ASYMMETRY_MIN_VALUES_PER_SIDE) {
      level = 'fine';
      text += ` Calling the sides uneven needs at least ${ASYMMETRY_MIN_VALUES_PER_SIDE} values on each side, and this clip has ${perSideCounts[0]} left and ${perSideCounts[1]} right.`;
    } else if (
      level !== 'fine' &&
      perSide &&
      !survivesOneStrike(perSide, ratioToSymmetryIndexPct(pair.watchRatio))
    ) {
      level = 'fine';
      text +=
        ' Leaving out any single heel strike (one mistimed landing) would make the difference usual, so it rests on one step and is not called uneven.';
    }
  }
  return { pair, metric, level, evidence: { text, metricId: pair.si, frames: [] } };
}

/** |left − right| of a per-side metric's side summaries, or null without both. */
function lengthDifference(m: MeasuredMetric | null): number | null {
  return m && m.left !== undefined && m.right !== undefined ? Math.abs(m.left - m.right) : null;
}

/** How many values of a per-side metric each side has: [left, right]. */
function sideCounts(m: MeasuredMetric): [number, number] {
  const left = m.samples.filter((v) => v.side === 'left').length;
  return [left, m.samples.filter((v) => v.side === 'right').length];
}

/**
 * Whether a left/right difference survives leaving out any one heel strike: a strike ends one step and
 * starts the next, so each pair of consecutive values (in time order) is dropped in turn, and the symmetry
 * index of the remaining per-side means must stay above `watchPct` every time. One mistimed strike then
 * cannot raise a flag on its own.
 */
export function survivesOneStrike(m: MeasuredMetric, watchPct: number): boolean {
  const values = [...m.samples]
    .filter((v) => v.side && Number.isFinite(v.value))
    .sort((a, b) => a.tMs - b.tMs);
  const sideMean = (kept: typeof values, side: 'left' | 'right') => {
    const own = kept.filter((v) => v.side === side);
    return own.length ? own.reduce((a, v) => a + v.value, 0) / own.length : NaN;
  };
  for (let k = 0; k + 1 < values.length; k++) {
    const kept = values.filter((_, i) => i !== k && i !== k + 1);
    const si = symmetryIndexPct(sideMean(kept, 'right'), sideMean(kept, 'left'));
    if (!(si > watchPct)) return false;
  }
  return true;
}

/** Standard deviation of a normal error whose mean absolute value is 1: √(π/2). */
const MAE_TO_SD = Math.sqrt(Math.PI / 2);

/**
 * Measurement error (SD) of one step's value from a single video, in the per-side metric's unit
 * (Stenum et al. 2021): step length directly; step time and stance are differences of two event
 * times (×√2), stance expressed as % of the median stride. Null when it cannot be stated.
 */
function perStepErrorSd(analysis: GaitAnalysis, id: MetricId): number | null {
  const eventPairSdS = Math.SQRT2 * MAE_TO_SD * VIDEO_EVENT_TIME_MAE_S;
  if (id === 'stepLength') return MAE_TO_SD * VIDEO_STEP_LENGTH_MAE_PER_LEG;
  if (id === 'stepTime') return eventPairSdS;
  if (id === 'stancePct') {
    const stride = measured(analysis, 'strideTime');
    return stride && stride.value > 0 ? (eventPairSdS / stride.value) * 100 : null;
  }
  return null;
}

/**
 * Standard error of the left − right difference of a per-side metric (Welch): each side's variance is
 * the larger of its steps' own scatter and the video's per-step error (so two or three steps that happen
 * to agree do not look more certain than the method is). Null without a sample on each side.
 */
export function sideDifferenceStandardError(analysis: GaitAnalysis, id: MetricId): number | null {
  const m = measured(analysis, id);
  if (!m) return null;
  const floorSd = perStepErrorSd(analysis, id) ?? 0;
  const variance = (values: number[]): number => {
    if (values.length < 2) return floorSd ** 2;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sample = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    return Math.max(sample, floorSd ** 2);
  };
  const left = m.samples.filter((s) => s.side === 'left').map((s) => s.value);
  const right = m.samples.filter((s) => s.side === 'right').map((s) => s.value);
  if (left.length === 0 || right.length === 0) return null;
  const se = Math.sqrt(variance(left) / left.length + variance(right) / right.length);
  return se > 0 ? se : null;
}

/** Which side has the larger per-side median of a metric, or null when unknown or equal. */
function longerSide(analysis: GaitAnalysis, id: MetricId): 'left' | 'right' | null {
  const m = measured(analysis, id);
  if (!m || m.left === undefined || m.right === undefined || m.left === m.right) return null;
  return m.left > m.right ? 'left' : 'right';
}

/**
 * Left/right evenness from the Robinson symmetry index of step length, step time and stance time.
 * Each is `work-on` above SYMMETRY_INDEX_FLAG_PCT and `watch` above its Patterson ratio (as an SI);
 * a timing difference shorter than one video frame is `fine` (below the video's resolution), and so is a
 * difference of the per-side medians within ASYMMETRY_MIN_STANDARD_ERRORS standard errors (chance, given
 * how much the steps vary and the per-step accuracy of single-camera video, Stenum et al. 2021).
 * The finding takes the worst of them. Not checked when none could be measured. Low confidence caps at watch.
 */
export function judgeAsymmetry(analysis: GaitAnalysis): Finding {
  const base = { id: 'asymmetry', topic: 'Left and right even', articlePoint: ARTICLE_POINT } as const;
  const judged: Judged[] = [];
  for (const pair of PAIRS) {
    const metric = measured(analysis, pair.si);
    if (metric) judged.push(judgePair(analysis, pair, metric));
  }
  if (judged.length === 0) {
    return {
      ...base,
      level: 'not-checked',
      confidence: null,
      headline: `We couldn't compare your left and right sides, because ${notMeasurableReason(analysis, 'stepLengthSymmetry')}.`,
      evidence: [],
      advice: []
    };
  }
  const worst = judged.reduce((a, b) =>
    RANK[b.level] > RANK[a.level] || (RANK[b.level] === RANK[a.level] && b.metric.value > a.metric.value)
      ? b
      : a
  );
  const confidence: Confidence = weakestConfidence(worst.metric.confidence, analysis.quality.confidence);
  const level = capLevel(worst.level, confidence);
  const pct = worst.metric.value.toFixed(0);
  const side = longerSide(analysis, worst.pair.perSide);
  const sideText = side ? `, longer on the ${side}` : '';
  let headline: string;
  if (level === 'fine') {
    headline = 'Your left and right sides are even, within what this video can measure.';
  } else if (worst.level === 'work-on') {
    headline =
      hedge(confidence) +
      `Your two sides differ in ${worst.pair.what} by ${pct} %${sideText}, more than the ${SYMMETRY_INDEX_FLAG_PCT} % we treat as even.`;
  } else {
    headline =
      hedge(confidence) + `Your two sides differ a little in ${worst.pair.what} (${pct} %${sideText}).`;
  }
  const advice =
    level === 'fine'
      ? ['Both legs share the work evenly. Supportive shoes and regular strength work help keep it that way.']
      : [
          'Look at your shoes: uneven wear or worn-out cushioning on one side can tip the load; well-fitting shoes with good support and cushioning help.',
          'Strengthen both sides evenly with simple exercises such as bridges, side-lying leg lifts and sit-to-stands, giving the weaker side the same number of repetitions as the stronger one.',
          'A physiotherapist can work out which side needs the work, especially if one side hurts or feels stiff.'
        ];
  return { ...base, level, confidence, headline, evidence: judged.map((j) => j.evidence), advice };
}
