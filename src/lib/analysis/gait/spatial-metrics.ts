import type { MetricResult, MetricSample } from '../metric';
import { sideMedian, stepSample, strideSample, viewBlocker, type MetricContext } from './metric-context';
import { notMeasurable, summarizeMetric } from './summarize-metric';
import type { StepRecord } from './types';

type SpatialId =
  'stepLength' | 'strideLength' | 'heelAheadOfHip' | 'shankAngleAtStrike' | 'kneeFlexionAtStrike';

const FEW_STEPS = 'fewer than two heel strikes with both feet visible were found.';
const FEW_STRIDES = 'fewer than two complete strides with both feet visible were found.';

/**
 * Step length, stride length and the overstriding measures (side view only), each per step (per stride for
 * stride length) with per-side medians; definitions in `buildGaitCycles` and the metric registry. All lengths
 * are ÷ leg length (Hof 1996), angles in degrees.
 */
export function spatialMetrics(
  ctx: MetricContext,
  legLengthPx: number
): { [K in SpatialId]: MetricResult<K> } {
  const { steps, strides, cap } = ctx;
  const noLeg = 'the leg was never fully visible, so there is no leg length to scale by.';
  const perStep = <K extends Exclude<SpatialId, 'strideLength'>>(
    id: K,
    pick: (s: StepRecord) => number | null,
    needsLeg: boolean
  ): MetricResult<K> => {
    const blocked = viewBlocker(id, ctx.view);
    if (blocked) return notMeasurable(id, blocked);
    if (needsLeg && !(legLengthPx > 0)) return notMeasurable(id, noLeg);
    const samples: MetricSample[] = steps.map((s) => stepSample(s, pick(s)));
    return summarizeMetric(id, samples, {
      cap,
      left: sideMedian(samples, 'left'),
      right: sideMedian(samples, 'right'),
      tooFewReason: FEW_STEPS
    });
  };
  const strideBlocked = viewBlocker('strideLength', ctx.view);
  const strideSamples = strides.map((s) => strideSample(s, s.strideLengthPerLeg));
  return {
    stepLength: perStep('stepLength', (s) => s.stepLengthPerLeg, true),
    strideLength: strideBlocked
      ? notMeasurable('strideLength', strideBlocked)
      : !(legLengthPx > 0)
        ? notMeasurable('strideLength', noLeg)
        : summarizeMetric('strideLength', strideSamples, {
            cap,
            left: sideMedian(strideSamples, 'left'),
            right: sideMedian(strideSamples, 'right'),
            tooFewReason: FEW_STRIDES
          }),
    heelAheadOfHip: perStep('heelAheadOfHip', (s) => s.heelAheadOfHipPerLeg, true),
    shankAngleAtStrike: perStep('shankAngleAtStrike', (s) => s.shankAngleDeg, false),
    kneeFlexionAtStrike: perStep('kneeFlexionAtStrike', (s) => s.kneeFlexionDeg, false)
  };
}
