import { LANDMARK_COUNT, LEG_PARTS, LM, sideIndex } from '../landmarks';
import type { LandmarkSeries } from '../series';
import { MIN_LANDMARK_VISIBILITY } from '../thresholds';
import { InvalidSeriesError } from './errors';

/** Landmarks the analysis uses: both leg chains, shoulders, ears, wrists, nose. */
export const TRACKED_LANDMARKS: readonly number[] = [
  ...(['left', 'right'] as const).flatMap((s) => LEG_PARTS.map((p) => sideIndex(s, p))),
  LM.left_shoulder,
  LM.right_shoulder,
  LM.left_ear,
  LM.right_ear,
  LM.left_wrist,
  LM.right_wrist,
  LM.nose
];

/**
 * The landmarks of a series as per-landmark columns over the ORIGINAL frames: the working form of
 * the analysis (typed arrays, `NaN` = missing). Positions are image pixels (y down).
 */
export interface LandmarkTracks {
  /** Number of frames (= `series.frames.length`). */
  length: number;
  /** Frame times, ms, strictly increasing. */
  tMs: Float64Array;
  /** 1 where the model found a person in the frame. */
  detected: Uint8Array;
  /**
   * Per landmark index (0–32): x px, `NaN` when missing or visibility < threshold. Only landmarks in
   * {@link TRACKED_LANDMARKS} have data; the others are empty arrays (the same holds for every column below).
   */
  x: Float64Array[];
  /** Per landmark index: y px (down), `NaN` when missing or visibility < threshold. */
  y: Float64Array[];
  /** Per landmark index: x px as the model gave it, regardless of visibility (`NaN` only without a pose). */
  rawX: Float64Array[];
  /** Per landmark index: y px as the model gave it, regardless of visibility. */
  rawY: Float64Array[];
  /** Per landmark index: visibility 0–1, 0 without a pose. */
  visibility: Float64Array[];
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Landmarks the analysis reads: both leg chains, shoulders, ears, wrists, nose (1 = tracked). */
const TRACKED: Uint8Array = (() => {
  const t = new Uint8Array(LANDMARK_COUNT);
  for (const k of TRACKED_LANDMARKS) t[k] = 1;
  return t;
})();

/**
 * Check a `LandmarkSeries` against its contract and turn it into {@link LandmarkTracks}.
 *
 * A landmark counts as missing when its visibility is below `MIN_LANDMARK_VISIBILITY` (0.5) or its
 * coordinates are not finite (docs/METHOD.md §1). Frames with `pose: null` are explicit gaps.
 *
 * @throws InvalidSeriesError when the frame size is not positive and finite, a time is not finite or
 *   not strictly increasing, or a pose does not have 33 image landmarks.
 */
export function extractLandmarkTracks(series: LandmarkSeries): LandmarkTracks {
  if (series === null || typeof series !== 'object' || !Array.isArray(series.frames)) {
    throw new InvalidSeriesError('the series has no frame list');
  }
  if (!finite(series.widthPx) || !finite(series.heightPx) || series.widthPx <= 0 || series.heightPx <= 0) {
    throw new InvalidSeriesError(`bad frame size ${series.widthPx}×${series.heightPx}`);
  }
  const n = series.frames.length;
  // One buffer for all columns (4 position columns + visibility per tracked landmark): one allocation.
  const empty = new Float64Array(0);
  const buffer = new Float64Array(5 * TRACKED_LANDMARKS.length * n);
  buffer.fill(NaN, 0, 4 * TRACKED_LANDMARKS.length * n);
  let next = 0;
  const take = () => buffer.subarray(next * n, ++next * n);
  const col = () => Array.from({ length: LANDMARK_COUNT }, (_, k) => (TRACKED[k] ? take() : empty));
  const tracks: LandmarkTracks = {
    length: n,
    tMs: new Float64Array(n),
    detected: new Uint8Array(n),
    x: col(),
    y: col(),
    rawX: col(),
    rawY: col(),
    visibility: col()
  };
  const minVisibility = MIN_LANDMARK_VISIBILITY;
  const { x, y, rawX, rawY, visibility } = tracks;
  for (let i = 0; i < n; i++) {
    const frame = series.frames[i];
    if (frame === null || typeof frame !== 'object' || !finite(frame.tMs)) {
      throw new InvalidSeriesError(`frame ${i} has no valid time`);
    }
    if (i > 0 && !(frame.tMs > tracks.tMs[i - 1])) {
      throw new InvalidSeriesError(`frame times are not strictly increasing at frame ${i}`);
    }
    tracks.tMs[i] = frame.tMs;
    const pose = frame.pose;
    if (pose === null || pose === undefined) continue;
    if (!Array.isArray(pose.image) || pose.image.length !== LANDMARK_COUNT) {
      throw new InvalidSeriesError(`frame ${i} does not have ${LANDMARK_COUNT} image landmarks`);
    }
    let any = false;
    for (let j = 0; j < TRACKED_LANDMARKS.length; j++) {
      const k = TRACKED_LANDMARKS[j];
      const p = pose.image[k];
      if (!p) continue;
      const px = p.x;
      const py = p.y;
      // Non-numbers and ±Infinity/NaN all fail this test (NaN - NaN is NaN).
      if (typeof px !== 'number' || typeof py !== 'number' || !(px - px === 0) || !(py - py === 0)) continue;
      any = true;
      const vis = typeof p.visibility === 'number' && p.visibility - p.visibility === 0 ? p.visibility : 0;
      rawX[k][i] = px;
      rawY[k][i] = py;
      visibility[k][i] = vis;
      if (vis >= minVisibility) {
        x[k][i] = px;
        y[k][i] = py;
      }
    }
    tracks.detected[i] = any ? 1 : 0;
  }
  return tracks;
}

/** The frames [from, to] (inclusive) of `tracks`, as views on the same buffers (no copy). */
export function sliceTracks(tracks: LandmarkTracks, from: number, to: number): LandmarkTracks {
  const cut = (cols: Float64Array[]) => cols.map((c) => (c.length ? c.subarray(from, to + 1) : c));
  return {
    length: to - from + 1,
    tMs: tracks.tMs.subarray(from, to + 1),
    detected: tracks.detected.subarray(from, to + 1),
    x: cut(tracks.x),
    y: cut(tracks.y),
    rawX: cut(tracks.rawX),
    rawY: cut(tracks.rawY),
    visibility: cut(tracks.visibility)
  };
}
