import type { Confidence, MetricSample } from '../metric';
import { metricInfo } from './metric-registry';
import type { CameraView, MetricId, StepRecord, StrideRecord } from './types';

/** What every metric computation needs to know about the clip. */
export interface MetricContext {
  view: CameraView;
  /** Highest confidence the clip's quality allows. */
  cap: Confidence;
  /** Notes that apply to every timing metric (e.g. a low frame rate). */
  timingNotes: string[];
  /** Rate of the uniform timeline the events are placed on, Hz. */
  sampleRateHz: number;
  steps: StepRecord[];
  strides: StrideRecord[];
}

/**
 * Why a metric cannot be measured in this view (completing "Not measurable here, because …"), or null when
 * the view supports it (its requirement comes from the metric registry).
 */
export function viewBlocker(id: MetricId, view: CameraView): string | null {
  const need = metricInfo(id).view;
  if (need === 'side-or-front') return null;
  if (need === 'side' && view === 'front')
    return 'it needs a side view, and this clip was filmed from the front or back.';
  if (need === 'side' && view === 'oblique') {
    return 'it needs a side view, and the camera was at an angle to the walking direction.';
  }
  if (need === 'front' && view !== 'front')
    return 'it is measured from the front, and this clip was filmed from the side.';
  return null;
}

/** A per-step sample at the step's heel strike. */
export function stepSample(step: StepRecord, value: number | null): MetricSample {
  return { value: value ?? NaN, side: step.side, tMs: step.heelStrikeTMs, frame: step.heelStrikeFrame };
}

/** A per-stride sample at the stride's first heel strike. */
export function strideSample(stride: StrideRecord, value: number | null): MetricSample {
  return { value: value ?? NaN, side: stride.side, tMs: stride.startTMs, frame: stride.startFrame };
}

/** Median of the finite sample values of one side (NaN when none). */
export function sideMedian(samples: MetricSample[], side: 'left' | 'right'): number {
  const v = samples
    .filter((s) => s.side === side && Number.isFinite(s.value))
    .map((s) => s.value)
    .sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
