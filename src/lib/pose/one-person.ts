/**
 * When may the model stop looking for a second person?
 *
 * In VIDEO mode MediaPipe runs its person detector on every frame in which it tracks fewer people
 * than `numPoses`. Following the walker needs `numPoses` ≥ 2 (see `follow-walker.ts`), but with
 * one person in view that means the detector runs on every frame: the bench's 10-s 960×540 clip
 * took lite 16.9–19.5 s end to end looking for 2 people throughout, 13.8–16.0 s with this rule.
 *
 * So a file is started with 2 and, after its first {@link SCOUT_MS} of video, continued with 1
 * when that opening showed exactly one person, who walks across the picture. The tracker then
 * stays on that person (it re-detects only when it loses them). Not when two people were seen,
 * nobody was, or the one person did not travel (a bystander waiting for the walker to come into
 * view): those clips keep 2. Leg crossings are not enough evidence here: the Sports2D acrobat's
 * jumping jacks and flips gave 3–10 "crossings" in 2 s (label swaps), against 0.2–0.5 torso
 * lengths of travel. So treadmill clips keep 2 people throughout (slower, never wrong).
 * Limitation: someone who first appears after the opening is not looked for while the walker is
 * tracked; if the tracker loses the walker and picks them up instead, the walker rule still
 * chooses between the two by their walking.
 */
import type { Pose } from '../analysis/series';
import { dedupePoses, linkTracks, walkingScore } from './follow-walker';

/** Length of the opening that decides, ms of video. */
export const SCOUT_MS = 2000;
/** The one person must be found in at least this fraction of the opening's frames. */
export const MIN_SEEN_FRACTION = 0.5;
/**
 * …and travel sideways at least this many torso lengths (walking at 0.5 m/s covers ≈ 2 in 2 s;
 * the Sports2D acrobat at most 0.5).
 */
export const MIN_SCOUT_PROGRESSION_TORSOS = 1.5;

/**
 * True when the frames seen so far (`candidates`, `tMs` from the start of the clip, covering
 * {@link SCOUT_MS}) show exactly one person, who walks across the picture.
 */
export function onePersonSuffices(candidates: Pose[][], tMs: number[]): boolean {
  if (candidates.length === 0) return false;
  if (candidates.some((c) => dedupePoses(c).length > 1)) return false;
  const seen = candidates.filter((c) => c.length > 0).length;
  if (seen < MIN_SEEN_FRACTION * candidates.length) return false;
  const tracks = linkTracks(candidates, tMs);
  if (tracks.length !== 1) return false;
  return walkingScore(tracks[0], tMs).progression >= MIN_SCOUT_PROGRESSION_TORSOS;
}
