import type { MetricResult } from '../metric';
import { mean } from '../signal';
import { MIN_STRIDES_FOR_VARIABILITY, WALKING_CADENCE_RANGE_SPM } from '../thresholds';
import { sideMedian, stepSample, strideSample, viewBlocker, type MetricContext } from './metric-context';
import { notMeasurable, summarizeMetric } from './summarize-metric';
import { timingNoiseCv } from './timing-noise-cv';
import type { MetricId } from './types';

type TemporalId =
  | 'cadence'
  | 'stepTime'
  | 'strideTime'
  | 'stancePct'
  | 'swingPct'
  | 'doubleSupportPct'
  | 'strideTimeVariability';

const FEW_STEPS = 'fewer than two clean steps were found in the clip.';
const FEW_STRIDES = 'fewer than two complete strides (heel strike to the same heel strike) were found.';
const NO_TOE_OFF = 'toe offs could not be found in enough strides to time the stance.';

/**
 * Timing metrics from heel strikes and toe offs (docs/METHOD.md §7):
 * - cadence = 60 / mean step time, steps/min; samples are the per-step cadences 60 / step time; outside
 *   `WALKING_CADENCE_RANGE_SPM` it is not a walking cadence and is not measurable;
 * - step time (s), stride time (s), per side medians in `left`/`right`;
 * - stance, swing and double support, % of the stride (side view only: toe off needs the toe's horizontal path);
 * - stride-time variability: coefficient of variation, % (needs `MIN_STRIDES_FOR_VARIABILITY` strides);
 *   its samples are the strides as % of the mean stride, so their SD is the CV. A note states the CV that
 *   event-timing error alone gives ({@link timingNoiseCv}); the rhythm finding judges only the excess.
 */
export function temporalMetrics(ctx: MetricContext): { [K in TemporalId]: MetricResult<K> } {
  const { steps, strides, cap, timingNotes: notes } = ctx;
  const stepSamples = steps.filter((s) => s.stepTimeS !== null).map((s) => stepSample(s, s.stepTimeS));
  const stepTimes = stepSamples.map((s) => s.value);
  const strideSamples = strides.map((s) => strideSample(s, s.strideTimeS));

  const withSides = (id: MetricId) => ({
    left: sideMedian(stepSamples, 'left'),
    right: sideMedian(stepSamples, 'right'),
    id
  });
  const strideBased = <K extends 'stancePct' | 'swingPct' | 'doubleSupportPct'>(
    id: K,
    pick: (s: (typeof strides)[number]) => number | null
  ): MetricResult<K> => {
    const blocked = viewBlocker(id, ctx.view);
    if (blocked) return notMeasurable(id, blocked);
    const samples = strides.map((s) => strideSample(s, pick(s)));
    return summarizeMetric(id, samples, {
      cap,
      notes,
      left: sideMedian(samples, 'left'),
      right: sideMedian(samples, 'right'),
      tooFewReason: strides.length >= 2 ? NO_TOE_OFF : FEW_STRIDES
    });
  };

  const meanStride = mean(strideSamples.map((s) => s.value));
  const variability: MetricResult<'strideTimeVariability'> =
    strideSamples.length < MIN_STRIDES_FOR_VARIABILITY
      ? notMeasurable(
          'strideTimeVariability',
          `variability needs at least ${MIN_STRIDES_FOR_VARIABILITY} complete strides, and ${strideSamples.length} were found.`
        )
      : (() => {
          const samples = strideSamples.map((s) => ({ ...s, value: (s.value / meanStride) * 100 }));
          const noise = timingNoiseCv(meanStride, ctx.sampleRateHz);
          const noiseNote = Number.isFinite(noise.cvPct)
            ? [
                `Timing each heel strike from video is uncertain by about ${(noise.eventSdS * 1000).toFixed(0)} ms, which alone makes strides vary by about ${noise.cvPct.toFixed(1)} %.`
              ]
            : [];
          const cv = summarizeMetric('strideTimeVariability', samples, {
            cap,
            notes: [...notes, ...noiseNote],
            tooFewReason: FEW_STRIDES
          });
          return cv.status === 'measured' ? { ...cv, value: cv.spread.sd } : cv;
        })();

  const cadenceSpm = 60 / mean(stepTimes);
  const [slowest, fastest] = WALKING_CADENCE_RANGE_SPM;
  return {
    cadence:
      cadenceSpm < slowest || cadenceSpm > fastest
        ? notMeasurable(
            'cadence',
            `the steps found come to ${cadenceSpm.toFixed(0)} steps/min, outside walking (${slowest}–${fastest}); they were most likely misread.`
          )
        : summarizeMetric(
            'cadence',
            stepSamples.map((s) => ({ ...s, value: 60 / s.value })),
            { cap, notes, value: cadenceSpm, tooFewReason: FEW_STEPS }
          ),
    stepTime: summarizeMetric('stepTime', stepSamples, {
      ...withSides('stepTime'),
      cap,
      notes,
      tooFewReason: FEW_STEPS
    }),
    strideTime: summarizeMetric('strideTime', strideSamples, {
      cap,
      notes,
      left: sideMedian(strideSamples, 'left'),
      right: sideMedian(strideSamples, 'right'),
      tooFewReason: FEW_STRIDES
    }),
    stancePct: strideBased('stancePct', (s) => s.stancePct),
    swingPct: strideBased('swingPct', (s) => s.swingPct),
    doubleSupportPct: strideBased('doubleSupportPct', (s) => s.doubleSupportPct),
    strideTimeVariability: variability
  };
}
