import { weakestConfidence } from '$lib/analysis/metric';
import { timingNoiseCv } from '$lib/analysis/gait/timing-noise-cv';
import { median } from '$lib/analysis/signal';
import type { GaitAnalysis } from '$lib/analysis/gait/types';
import { VIDEO_EVENT_TIME_MAE_S } from '$lib/analysis/thresholds';
import { STRIDE_TIME_CV_FLAG_PCT } from './thresholds';
import { capLevel, describeMeasured, hedge, measured, notMeasurableReason } from './metric-text';
import type { Finding, FindingEvidence, FindingLevel } from './types';

const ARTICLE_POINT =
  'The article describes a smooth, even walking pattern as the one that spreads forces well through the body.';

/** Typical stride time, s: the stride-time metric, else two steps at the measured cadence, else NaN. */
function typicalStrideS(analysis: GaitAnalysis): number {
  const stride = measured(analysis, 'strideTime');
  if (stride) return stride.value;
  const cadence = measured(analysis, 'cadence');
  return cadence ? 120 / cadence.value : NaN;
}

/** 1.4826 × the median absolute deviation: the SD of normal data, unmoved by one or two outliers. */
function robustSdPct(values: number[]): number {
  const m = median(values);
  return 1.4826 * median(values.map((v) => Math.abs(v - m)));
}

/**
 * Rhythm: stride-time coefficient of variation (CV), judged only beyond what event-timing error alone makes,
 * and on the median-based spread (1.4826 × MAD of the strides as % of the mean, when smaller than the SD):
 * one mistimed strike makes two odd strides, which move the SD but not the MAD.
 *
 * Each heel strike found in video is off by a few tens of ms ({@link timingNoiseCv}: 0.02 s, Stenum 2021, plus
 * half a frame), which alone gives a steady walk a CV of CV_noise ≈ √2·σ_t ÷ stride time (≈4.8 % at 30 fps).
 * Independent errors add in variance, so the walker's own variability is estimated as
 * √(CV² − CV_noise²), and only that is compared with `STRIDE_TIME_CV_FLAG_PCT`: above it is `watch`
 * (irregular strides have many harmless causes: turning, slowing, a short clip), fine otherwise. The evidence
 * states the noise share.
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
  const confidence = weakestConfidence(cv.confidence, analysis.quality.confidence);
  const noise = timingNoiseCv(typicalStrideS(analysis), analysis.timeline.sampleRateHz);
  const noiseKnown = Number.isFinite(noise.cvPct);
  // Judged on the median-based spread, so that one mistimed strike (two odd strides) cannot raise it.
  const spreadPct = Math.min(cv.value, robustSdPct(cv.samples.map((s) => s.value)));
  const ownCvPct = noiseKnown ? Math.sqrt(Math.max(0, spreadPct ** 2 - noise.cvPct ** 2)) : spreadPct;
  let level: FindingLevel = ownCvPct > STRIDE_TIME_CV_FLAG_PCT ? 'watch' : 'fine';
  level = capLevel(level, confidence);
  const mostlyNoise = noiseKnown && spreadPct > STRIDE_TIME_CV_FLAG_PCT;
  const headline =
    level === 'fine'
      ? mostlyNoise
        ? `Your strides keep a steady rhythm: they vary by ${cv.value.toFixed(1)} %, much of it the timing error of video itself.`
        : `Your strides keep a steady rhythm (they vary by ${cv.value.toFixed(1)} %).`
      : hedge(confidence) +
        `Your stride timing varies by ${cv.value.toFixed(1)} %; beyond what video timing error explains, that is about ${ownCvPct.toFixed(1)} %, more than the ${STRIDE_TIME_CV_FLAG_PCT} % of a steady walk.`;
  const advice =
    level === 'fine'
      ? ['Keep a relaxed, even rhythm.']
      : [
          'Film again on a straight, clear path at a comfortable pace: turning or slowing down also makes strides uneven.',
          'If your rhythm stays uneven, or one step feels hesitant or painful, mention it to a physiotherapist.'
        ];
  const evidence: FindingEvidence[] = [
    { text: describeMeasured(cv), metricId: 'strideTimeVariability', frames: [] }
  ];
  if (noiseKnown) {
    evidence.push({
      text:
        `Timing one heel strike from video is uncertain by about ${(noise.eventSdS * 1000).toFixed(0)} ms ` +
        `(${VIDEO_EVENT_TIME_MAE_S} s for single-camera video plus half a frame at ${analysis.timeline.sampleRateHz.toFixed(0)} fps), ` +
        `which alone makes a steady walk's strides vary by about ${noise.cvPct.toFixed(1)} %. ` +
        `Judged on the median-based spread of the strides (${spreadPct.toFixed(1)} %, so that one mistimed strike cannot raise it) and allowing for that error, your own variation is about ${ownCvPct.toFixed(1)} % (flagged above ${STRIDE_TIME_CV_FLAG_PCT} %).`,
      metricId: 'strideTimeVariability',
      frames: []
    });
  }
  return { ...base, level, confidence, headline, evidence, advice };
}
