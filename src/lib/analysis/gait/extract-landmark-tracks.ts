import { LANDMARK_COUNT } from '../landmarks';
import type { LandmarkSeries } from '../series';
import { MIN_LANDMARK_VISIBILITY } from '../thresholds';
import { InvalidSeriesError } from './errors';

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
  /** Per landmark index (0–32): x px, `NaN` when missing or visibility < threshold. */
  x: Float64Array[];
  /** Per landmark index: y px (down), `NaN` when missing or visibility < threshold. */
  y: Float64Array[];
  /** Per landmark index: x px as the model gave it, regardless of visibility (`NaN` only without a pose). */
  rawX: Float64Array[];
  /** Per landmark index: y px as the model gave it, regardless of visibility. */
  rawY: Float64Array[];
  /** Per landmark index: world z, m (smaller = nearer the camera), `NaN` when missing. */
  worldZ: Float64Array[];
  /** Per landmark index: visibility 0–1, 0 without a pose. */
  visibility: Float64Array[];
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Check a `LandmarkSeries` against its contract and turn it into {@link LandmarkTracks}.
 *
 * A landmark counts as missing when its visibility is below `MIN_LANDMARK_VISIBILITY` (0.5) or its
 * coordinates are not finite (GAIT_METHODS.md, "Gaps"). Frames with `pose: null` are explicit gaps.
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
  const col = () => Array.from({ length: LANDMARK_COUNT }, () => new Float64Array(n).fill(NaN));
  const tracks: LandmarkTracks = {
    length: n,
    tMs: new Float64Array(n),
    detected: new Uint8Array(n),
    x: col(),
    y: col(),
    rawX: col(),
    rawY: col(),
    worldZ: col(),
    visibility: Array.from({ length: LANDMARK_COUNT }, () => new Float64Array(n))
  };
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
    const world = Array.isArray(pose.world) && pose.world.length === LANDMARK_COUNT ? pose.world : null;
    let any = false;
    for (let k = 0; k < LANDMARK_COUNT; k++) {
      const p = pose.image[k];
      if (!p || !finite(p.x) || !finite(p.y)) continue;
      any = true;
      const vis = finite(p.visibility) ? p.visibility : 0;
      tracks.rawX[k][i] = p.x;
      tracks.rawY[k][i] = p.y;
      tracks.visibility[k][i] = vis;
      if (vis >= MIN_LANDMARK_VISIBILITY) {
        tracks.x[k][i] = p.x;
        tracks.y[k][i] = p.y;
      }
      const w = world?.[k];
      if (w && finite(w.z)) tracks.worldZ[k][i] = w.z;
    }
    tracks.detected[i] = any ? 1 : 0;
  }
  return tracks;
}
