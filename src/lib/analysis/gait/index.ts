/**
 * The gait analysis core: `analyzeGait(series)` → `GaitAnalysis`. Pure TypeScript, no DOM, no Svelte, no
 * MediaPipe; runs in Node, a worker or the main thread.
 */
export { analyzeGait, type AnalyzeGaitOptions } from './analyze-gait';
export { describeSegments } from './describe-segments';
export {
  AnalysisFailedError,
  GaitAnalysisError,
  InvalidSeriesError,
  NoPersonError,
  TooShortError
} from './errors';
export {
  METRIC_REGISTRY,
  metricInfo,
  type MetricGroup,
  type MetricInfo,
  type ViewRequirement
} from './metric-registry';
export { symmetryIndexPct } from './symmetry-index';
export * from './types';
