import { LEG_PARTS, sideIndex, type Side } from '../landmarks';
import type { LandmarkSeries } from '../series';
import { MAX_GAP_FILL_S, MIN_ANALYSABLE_DURATION_S, MIN_PERSON_FRAME_FRACTION } from '../thresholds';
import { medianFrameRateHz } from './clean-tracks';
import { NoPersonError, TooShortError } from './errors';
import { extractLandmarkTracks, type LandmarkTracks } from './extract-landmark-tracks';
import { legLengthPx } from './leg-length';

/** Where and how well a person was seen: the first stage of the analysis. */
export interface DetectionSpan {
  tracks: LandmarkTracks;
  /** Median frame rate, Hz: the rate of the uniform timeline. */
  sampleRateHz: number;
  /** Frames with a pose. */
  detectedFrames: number;
  /** Pooled leg length over every frame, px (before left/right correction; labels do not matter here). */
  legLengthPx: number;
  /** Gaps without a person longer than `MAX_GAP_FILL_S`. */
  longGaps: number;
  /** Mean, over frames with a person, of the visibility of the better-seen leg chain, 0–1. */
  meanLegVisibility: number;
}

function countLongGaps(tracks: LandmarkTracks): number {
  let gaps = 0;
  let last = -1;
  for (let i = 0; i < tracks.length; i++) {
    if (!tracks.detected[i]) continue;
    if (last >= 0 && tracks.tMs[i] - tracks.tMs[last] > MAX_GAP_FILL_S * 1000) gaps++;
    last = i;
  }
  return gaps;
}

function meanLegVisibility(tracks: LandmarkTracks): number {
  const [left, right] = (['left', 'right'] as const).map((side: Side) =>
    LEG_PARTS.map((p) => tracks.visibility[sideIndex(side, p)])
  );
  let sum = 0;
  let count = 0;
  for (let i = 0; i < tracks.length; i++) {
    if (!tracks.detected[i]) continue;
    let l = 0;
    let r = 0;
    for (let k = 0; k < left.length; k++) {
      l += left[k][i];
      r += right[k][i];
    }
    sum += Math.max(l, r) / left.length;
    count++;
  }
  return count ? sum / count : 0;
}

/**
 * Throws when a person is seen too little to analyse. The time with a person is both the span from the first
 * to the last frame with a pose and the count of those frames × the frame interval (two stray detections far
 * apart span a long time but show nobody walking). Too little of it in a clip that is itself shorter than
 * `MIN_ANALYSABLE_DURATION_S` → `TooShortError`; in a clip long enough, or a person in fewer than
 * `MIN_PERSON_FRAME_FRACTION` of the frames → `NoPersonError` (the clip is fine, the person is missing).
 */
function checkPersonSeenLongEnough(
  tracks: LandmarkTracks,
  detectedFrames: number,
  sampleRateHz: number
): void {
  const { tMs, detected } = tracks;
  const first = detected.indexOf(1);
  const last = detected.lastIndexOf(1);
  const frameS = 1 / sampleRateHz;
  const clipS = (tMs[tMs.length - 1] - tMs[0]) / 1000 + frameS;
  const spanS = (tMs[last] - tMs[first]) / 1000 + frameS;
  const seenS = Math.min(spanS, detectedFrames * frameS);
  const fraction = detectedFrames / tMs.length;
  const detail = `a person is seen in ${detectedFrames} of ${tMs.length} frames (${seenS.toFixed(2)} s of a ${clipS.toFixed(2)}-s clip)`;
  if (seenS >= MIN_ANALYSABLE_DURATION_S && fraction >= MIN_PERSON_FRAME_FRACTION) return;
  if (clipS < MIN_ANALYSABLE_DURATION_S) throw new TooShortError(detail);
  throw new NoPersonError(detail, { seenBriefly: true });
}

/**
 * Stage 1 of the analysis: check the series, find the frames with a person and refuse what cannot be
 * analysed at all.
 *
 * @throws InvalidSeriesError (malformed series), TooShortError (no frames, no frame interval, or a clip
 *   shorter than `MIN_ANALYSABLE_DURATION_S`), NoPersonError (nobody in any frame, legs never visible, or a
 *   person seen too briefly).
 */
export function findDetectionSpan(series: LandmarkSeries): DetectionSpan {
  const tracks = extractLandmarkTracks(series);
  if (tracks.length === 0) throw new TooShortError('the clip has no frames');
  let detectedFrames = 0;
  for (let i = 0; i < tracks.length; i++) detectedFrames += tracks.detected[i];
  if (detectedFrames === 0) throw new NoPersonError('no frame has a pose');
  const sampleRateHz = medianFrameRateHz(tracks.tMs);
  if (!Number.isFinite(sampleRateHz) || sampleRateHz <= 0) throw new TooShortError('no frame interval');
  checkPersonSeenLongEnough(tracks, detectedFrames, sampleRateHz);
  const legPx = legLengthPx(tracks);
  if (!(legPx > 0)) throw new NoPersonError('the legs are never visible');
  return {
    tracks,
    sampleRateHz,
    detectedFrames,
    legLengthPx: legPx,
    longGaps: countLongGaps(tracks),
    meanLegVisibility: meanLegVisibility(tracks)
  };
}
