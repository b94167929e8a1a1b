/**
 * Signal processing for landmark series: pure functions, no DOM, no hidden state; inputs are
 * never mutated.
 *
 * Missing data: one rule everywhere: a sample is missing when it is not finite (`NaN`,
 * `±Infinity`; see `isMissing`). Outputs mark missing samples as `NaN`; statistics skip them;
 * filters and peak search work per contiguous stretch of present samples.
 *
 * Bad parameters throw `RangeError` with a message naming the parameter; bad data (empty,
 * all-missing) never throws, it yields empty or `NaN` results.
 */
export { butterworthLowpass, type SecondOrderSection, type SosFilter } from './butterworth';
export { contiguousRuns, type IndexRun } from './contiguous-runs';
export { fillGaps } from './fill-gaps';
export { filtfilt, type FiltfiltOptions } from './filtfilt';
export { findPeaks, type FindPeaksOptions } from './find-peaks';
export { isMissing } from './is-missing';
export { lowpass } from './lowpass';
export { mean } from './mean';
export { median } from './median';
export { presentValues } from './present-values';
export { quantile } from './quantile';
export { resampleUniform, type UniformSeries } from './resample-uniform';
export { sampleSd } from './sample-sd';
export { slidingMedian } from './sliding-median';
