import type { GaitAnalysis } from '$lib/analysis/gait/types';
import { judgeAsymmetry } from './judge-asymmetry';
import { judgeCadence } from './judge-cadence';
import { judgeHeadPosture } from './judge-head-posture';
import { judgeOverstride } from './judge-overstride';
import { judgeRegularity } from './judge-regularity';
import { judgeTrunkLean } from './judge-trunk-lean';
import type { Finding } from './types';

const ORDER: Record<Finding['level'], number> = { 'work-on': 0, watch: 1, fine: 2, 'not-checked': 3 };

/**
 * Every finding for one analysis, most important first (work on, watch, fine, not checked; ties keep
 * the article's order: posture, head, steps, evenness, pace, rhythm).
 * None for a clip that shows running: every finding and its advice is about walking (the report says
 * instead that GaitLens measures walking, with the evidence).
 */
export function buildFindings(analysis: GaitAnalysis): Finding[] {
  if (analysis.activity?.kind === 'running') return [];
  const findings = [
    judgeTrunkLean(analysis),
    judgeHeadPosture(analysis),
    judgeOverstride(analysis),
    judgeAsymmetry(analysis),
    judgeCadence(analysis),
    judgeRegularity(analysis)
  ];
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.level] - ORDER[b.f.level] || a.i - b.i)
    .map(({ f }) => f);
}
