import type { MetricResult, MetricSample } from '../metric';
import { MAX_PLAUSIBLE_SI_PCT, MIN_STEPS_PER_SIDE_FOR_SYMMETRY } from '../thresholds';
import { mean } from '../signal';
import { stepSample, strideSample, viewBlocker, type MetricContext } from './metric-context';
import { notMeasurable, summarizeMetric } from './summarize-metric';
import { symmetryIndexPct } from './symmetry-index';

type SymmetryId = 'stepLengthSymmetry' | 'stepTimeSymmetry' | 'stanceTimeSymmetry' | 'armSwingSymmetry';

/**
 * One symmetry index from per-side samples (Robinson 1987): the value is the SI of the per-side means (the
 * inputs are already outlier-screened; a mean halves the timing jitter of a median over few steps);
 * the samples are the SIs of consecutive left/right pairs (for the spread). Needs
 * `MIN_STEPS_PER_SIDE_FOR_SYMMETRY` finite values on each side. An SI beyond `MAX_PLAUSIBLE_SI_PCT` is not
 * a body's asymmetry but misread steps: not measurable, with the reason.
 */
export function symmetryFromSamples<Id extends SymmetryId>(
  id: Id,
  sided: MetricSample[],
  ctx: MetricContext,
  what: string
): MetricResult<Id> {
  const blocked = viewBlocker(id, ctx.view);
  if (blocked) return notMeasurable(id, blocked);
  const ok = sided.filter((s) => Number.isFinite(s.value) && s.side);
  const nLeft = ok.filter((s) => s.side === 'left').length;
  const nRight = ok.length - nLeft;
  if (nLeft < MIN_STEPS_PER_SIDE_FOR_SYMMETRY || nRight < MIN_STEPS_PER_SIDE_FOR_SYMMETRY) {
    return notMeasurable(
      id,
      `comparing sides needs at least ${MIN_STEPS_PER_SIDE_FOR_SYMMETRY} clean ${what} on each side, and ${nLeft} left and ${nRight} right were found.`
    );
  }
  const sideMean = (side: 'left' | 'right') => mean(ok.filter((s) => s.side === side).map((s) => s.value));
  const left = sideMean('left');
  const right = sideMean('right');
  const pairs: MetricSample[] = [];
  for (let k = 1; k < ok.length; k++) {
    const a = ok[k - 1];
    const b = ok[k];
    if (a.side === b.side) continue;
    const [l, r] = a.side === 'left' ? [a.value, b.value] : [b.value, a.value];
    pairs.push({ value: symmetryIndexPct(r, l), tMs: b.tMs, frame: b.frame });
  }
  const fmt = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
  const si = symmetryIndexPct(right, left);
  if (Math.abs(si) > MAX_PLAUSIBLE_SI_PCT) {
    return notMeasurable(
      id,
      `the two sides came out ${Math.abs(si).toFixed(0)} % apart (mean left ${fmt(left)}, right ${fmt(right)}), more than a walking body does; the ${what} were most likely misread.`
    );
  }
  return summarizeMetric(id, pairs, {
    value: si,
    cap: ctx.cap,
    notes: [`Mean left ${fmt(left)}, right ${fmt(right)}.`],
    tooFewReason: `no consecutive left/right pair of clean ${what} was found.`
  });
}

/**
 * Symmetry indices for step length, step time, stance time and arm-swing amplitude (docs/METHOD.md §7,
 * "Left/right symmetry"). Stance time, s = stance % × stride time.
 *
 * @param armSwing - per-stride, per-side arm-swing amplitudes (the `armSwing` metric's samples), or [].
 */
export function symmetryMetrics(
  ctx: MetricContext,
  armSwing: MetricSample[]
): { [K in SymmetryId]: MetricResult<K> } {
  return {
    stepLengthSymmetry: symmetryFromSamples(
      'stepLengthSymmetry',
      ctx.steps.map((s) => stepSample(s, s.stepLengthPerLeg)),
      ctx,
      'steps'
    ),
    stepTimeSymmetry: symmetryFromSamples(
      'stepTimeSymmetry',
      ctx.steps.map((s) => stepSample(s, s.stepTimeS)),
      ctx,
      'steps'
    ),
    stanceTimeSymmetry: symmetryFromSamples(
      'stanceTimeSymmetry',
      ctx.strides.map((s) =>
        strideSample(s, s.stancePct === null ? null : (s.stancePct / 100) * s.strideTimeS)
      ),
      ctx,
      'strides'
    ),
    armSwingSymmetry: symmetryFromSamples('armSwingSymmetry', armSwing, ctx, 'arm swings')
  };
}
