import { MAX_GAP_FILL_S } from '../thresholds';
import { cleanTracks, type CleanTracks } from './clean-tracks';
import { correctLegSwaps, type LegSwapCorrection } from './correct-leg-swaps';
import type { DetectionSpan } from './detection-span';
import { nearestFrame, sampleToMs } from './timeline-mapping';

/** The corrected, cleaned timeline of the whole clip (stage 2). */
export interface PreparedTimeline {
  correction: LegSwapCorrection;
  clean: CleanTracks;
  /** Nearest original frame of every sample. */
  sourceFrame: Int32Array;
}

/** Stage 2: left/right correction on the original frames, then resample, fill and filter. */
export function prepareTimeline(span: DetectionSpan): PreparedTimeline {
  const correction = correctLegSwaps(span.tracks, span.legLengthPx, MAX_GAP_FILL_S * 1000);
  const clean = cleanTracks(correction.tracks, span.sampleRateHz);
  const sourceFrame = Int32Array.from({ length: clean.length }, (_, i) =>
    nearestFrame(span.tracks.tMs, sampleToMs(i, clean.t0Ms, clean.sampleRateHz))
  );
  return { correction, clean, sourceFrame };
}
