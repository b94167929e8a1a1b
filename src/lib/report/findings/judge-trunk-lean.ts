import { weakestConfidence } from '$lib/analysis/metric';
import type { GaitAnalysis } from '$lib/analysis/gait/types';
import {
  TRUNK_LEAN_BACKWARD_FLAG_DEG,
  TRUNK_LEAN_FORWARD_FLAG_DEG,
  TRUNK_LEAN_FORWARD_WATCH_DEG
} from './thresholds';
import { capLevel, describeMeasured, hedge, measured, notMeasurableReason } from './metric-text';
import type { Finding, FindingLevel } from './types';

const ARTICLE_POINT =
  'The article ties leaning forward or slouching to extra pressure on the discs of the lower back, and an upright trunk with loose shoulders and a level pelvis to smoother shock absorption.';

/**
 * Upright trunk (sagittal trunk lean, side view). Work on: median lean forward above
 * TRUNK_LEAN_FORWARD_FLAG_DEG; watch: above TRUNK_LEAN_FORWARD_WATCH_DEG, or leaning back below
 * TRUNK_LEAN_BACKWARD_FLAG_DEG; fine otherwise. Low confidence caps the level at watch.
 */
export function judgeTrunkLean(analysis: GaitAnalysis): Finding {
  const base = { id: 'trunk-lean', topic: 'Upright trunk', articlePoint: ARTICLE_POINT } as const;
  const metric = measured(analysis, 'trunkLean');
  if (!metric) {
    return {
      ...base,
      level: 'not-checked',
      confidence: null,
      headline: `We couldn't check how upright your trunk is, because ${notMeasurableReason(analysis, 'trunkLean')}.`,
      evidence: [],
      advice: []
    };
  }
  const confidence = weakestConfidence(metric.confidence, analysis.quality.confidence);
  const lean = metric.value;
  let level: FindingLevel = 'fine';
  let headline = `You walk with your trunk close to upright (${lean.toFixed(0)}° from vertical).`;
  if (lean > TRUNK_LEAN_FORWARD_FLAG_DEG) {
    level = 'work-on';
    headline = `Your trunk leans forward by about ${lean.toFixed(0)}° while you walk, more than the ${TRUNK_LEAN_FORWARD_FLAG_DEG}° we treat as upright.`;
  } else if (lean > TRUNK_LEAN_FORWARD_WATCH_DEG) {
    level = 'watch';
    headline = `Your trunk tips a little forward (about ${lean.toFixed(0)}°): not much, but more than a few degrees.`;
  } else if (lean < TRUNK_LEAN_BACKWARD_FLAG_DEG) {
    level = 'watch';
    headline = `Your trunk leans back by about ${Math.abs(lean).toFixed(0)}° while you walk.`;
  }
  level = capLevel(level, confidence);
  if (level !== 'fine') headline = hedge(confidence) + headline;
  const counted = analysis.strides.filter((s) => (s.excludedReason ?? null) === null);
  const leaningStrides = counted.filter(
    (s) =>
      s.trunkLeanDeg !== null &&
      (s.trunkLeanDeg > TRUNK_LEAN_FORWARD_FLAG_DEG || s.trunkLeanDeg < TRUNK_LEAN_BACKWARD_FLAG_DEG)
  );
  const evidence = [
    { text: describeMeasured(metric), metricId: 'trunkLean' as const, frames: [] as number[] }
  ];
  if (leaningStrides.length > 0) {
    evidence.push({
      text: `${leaningStrides.length} of ${counted.length} strides were outside the upright band.`,
      metricId: 'trunkLean',
      frames: leaningStrides.map((s) => s.startFrame)
    });
  }
  const advice =
    level === 'fine'
      ? ['Keep it up: stay tall with relaxed shoulders, especially as you tire towards the end of a walk.']
      : lean < 0
        ? [
            'Let your body stack up straight over your feet rather than leaning back; a slight forward tilt from the ankles is natural.',
            'Lightly firm up your tummy muscles to hold the pelvis level, without holding your breath.'
          ]
        : [
            'Walk tall: imagine the top of your head being drawn up, with your shoulders loose and your chest open, rather than folding forward at the hips.',
            'Lightly firm up your tummy muscles to support the lower back, without holding your breath or going rigid.',
            'Check your posture every few minutes, for example at each street corner; forward lean often creeps in with tiredness.'
          ];
  return { ...base, level, confidence, headline, evidence, advice };
}
