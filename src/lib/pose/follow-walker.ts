/**
 * Which of several detected people is the walker? MediaPipe returns up to `numPoses` people per
 * frame in no stable order, so "the first pose" can jump between a walker and a bystander (in
 * the Sports2D demo clip: a person doing jumping jacks and back flips on a roof, who later jumps
 * down and walks off).
 *
 * Method (offline, whole clip known):
 * 1. Per frame, near-duplicate detections of one person are merged (centres closer than
 *    {@link DUPLICATE_TORSOS} torso lengths; the more visible one is kept).
 * 2. Detections are linked into tracks by their mid-hip centre. Each track predicts where it
 *    will be (constant velocity from its recent detections); a detection joins it if it lies
 *    within {@link GATE_TORSOS} torso lengths of the prediction, plus
 *    {@link GATE_GROWTH_TORSOS_PER_S} for every second the track went unseen, and if its torso
 *    is within a factor {@link MAX_TORSO_RATIO} of the track's. A track survives
 *    gaps up to {@link MAX_GAP_MS} (occlusion behind a tree). The gate grows with time, not per
 *    missed frame, so a track left stale cannot reach across the picture to another person.
 * 3. Each track gets a walking score:
 *    - progression: net horizontal travel of the mid-hip, in torso lengths, summed over
 *      frame-to-frame moves made while upright (torso within {@link UPRIGHT_DEG} of vertical)
 *      and mostly sideways (|dx| ≥ |dy|), so falling, jumping and flipping do not count;
 *    - leg crossings: the signed left−right ankle separation changing sign (with hysteresis)
 *      while upright.
 *    Walking across the picture gives progression; a treadmill walker gives crossings only. So
 *    tracks are ranked by progression when any track progressed at least
 *    {@link MIN_PROGRESSION_TORSOS}, else by crossings. (Crossings alone cannot rank people who
 *    travel: label swaps and flips give a jumping person as many crossings as a walker.)
 * 4. Tracks are taken greedily by score; a track joins the walker unless it overlaps in time with
 *    one already taken (the walker is one person, so it is never in two places at once) or scores
 *    below {@link MIN_RELATIVE_SCORE} of the best. Each frame's pose is the taken track's pose, or
 *    `null` where none is present. Limitation: a second person who walks through the picture
 *    only after the walker has left would be taken too.
 *
 * All distances are image pixels, normalised by the torso length (mid-shoulder to mid-hip), so the
 * rule does not depend on resolution or distance to the camera.
 */
import { LM } from '../analysis/landmarks';
import type { Pose } from '../analysis/series';

/** Two detections closer than this many torso lengths are the same person. */
export const DUPLICATE_TORSOS = 0.35;
/** Gate for linking a detection to a track: torso lengths around the track's predicted centre… */
export const GATE_TORSOS = 1.0;
/** …plus this many per second unseen: the uncertainty of the constant-velocity prediction. */
export const GATE_GROWTH_TORSOS_PER_S = 1.5;
/** A detection whose torso is more than this many times longer or shorter than the track's is someone else. */
export const MAX_TORSO_RATIO = 1.5;
/** Longest gap a track survives (e.g. walking behind a tree), ms. */
export const MAX_GAP_MS = 1500;
/** The velocity used for prediction is measured over this much of a track's recent past, ms. */
export const VELOCITY_SPAN_MS = 300;
/** Ankle separation must pass ±this many torso lengths to count as a leg crossing. */
export const CROSSING_HYSTERESIS_TORSOS = 0.15;
/** A pose is upright when its hip→shoulder line is within this many degrees of vertical. */
export const UPRIGHT_DEG = 30;
/** Moves between detections further apart than this (ms) do not count towards progression. */
export const PROGRESSION_MAX_STEP_MS = 250;
/** Progression (torso lengths) from which someone counts as walking across the picture. */
export const MIN_PROGRESSION_TORSOS = 2;
/** Tracks scoring below this fraction of the best one are never taken as the walker. */
export const MIN_RELATIVE_SCORE = 0.25;
/** Frames two tracks may share and still count as one person (hand-over at occlusions). */
export const OVERLAP_TOLERANCE_FRAMES = 2;

interface Point {
  x: number;
  y: number;
}

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** Mid-hip centre of a pose, px. */
export function hipCentre(pose: Pose): Point {
  return mid(pose.image[LM.left_hip], pose.image[LM.right_hip]);
}

/** Torso length (mid-shoulder to mid-hip), px; never below 1 px. */
export function torsoLengthPx(pose: Pose): number {
  const s = mid(pose.image[LM.left_shoulder], pose.image[LM.right_shoulder]);
  const h = hipCentre(pose);
  return Math.max(1, Math.hypot(s.x - h.x, s.y - h.y));
}

const meanVisibility = (pose: Pose): number =>
  pose.image.reduce((s, p) => s + p.visibility, 0) / pose.image.length;

/** Drops near-duplicate detections of one person within a frame, keeping the more visible one. */
export function dedupePoses(poses: Pose[]): Pose[] {
  const sorted = [...poses].sort((a, b) => meanVisibility(b) - meanVisibility(a));
  const kept: Pose[] = [];
  for (const p of sorted) {
    const c = hipCentre(p);
    const dup = kept.some((k) => {
      const d = hipCentre(k);
      return (
        Math.hypot(c.x - d.x, c.y - d.y) < DUPLICATE_TORSOS * Math.max(torsoLengthPx(k), torsoLengthPx(p))
      );
    });
    if (!dup) kept.push(p);
  }
  return kept;
}

interface Track {
  /** frame index → pose */
  poses: Map<number, Pose>;
  /** Recent detections (time, centre), oldest first, spanning about {@link VELOCITY_SPAN_MS}. */
  recent: { tMs: number; c: Point }[];
  lastTorsoPx: number;
}

const lastOf = (t: Track) => t.recent[t.recent.length - 1];

/** Where the track's mid-hip should be at `tMs`: constant velocity over its recent detections. */
function predictCentre(t: Track, tMs: number): Point {
  const last = lastOf(t);
  const first = t.recent[0];
  const span = last.tMs - first.tMs;
  if (span <= 0) return last.c;
  const dt = tMs - last.tMs;
  return {
    x: last.c.x + ((last.c.x - first.c.x) / span) * dt,
    y: last.c.y + ((last.c.y - first.c.y) / span) * dt
  };
}

function extend(t: Track, i: number, tMs: number, pose: Pose, c: Point, torso: number): void {
  t.poses.set(i, pose);
  t.recent.push({ tMs, c });
  while (t.recent.length > 2 && tMs - t.recent[1].tMs >= VELOCITY_SPAN_MS) t.recent.shift();
  t.lastTorsoPx = torso;
}

/** Links per-frame detections into tracks (step 2). Exposed for tests. */
export function linkTracks(candidates: Pose[][], tMs: number[]): Map<number, Pose>[] {
  if (candidates.length !== tMs.length) throw new RangeError('candidates and tMs must have the same length');
  const live: Track[] = [];
  const done: Track[] = [];
  candidates.forEach((frame, i) => {
    for (let k = live.length - 1; k >= 0; k--) {
      if (tMs[i] - lastOf(live[k]).tMs > MAX_GAP_MS) done.push(...live.splice(k, 1));
    }
    const dets = dedupePoses(frame).map((pose) => ({ pose, c: hipCentre(pose), torso: torsoLengthPx(pose) }));
    // All (track, detection) pairs inside the gate, nearest first (greedy assignment).
    const pairs: { t: Track; d: number; cost: number }[] = [];
    live.forEach((t) => {
      const unseenS = (tMs[i] - lastOf(t).tMs) / 1000;
      const p = predictCentre(t, tMs[i]);
      dets.forEach((det, d) => {
        const gate = (GATE_TORSOS + GATE_GROWTH_TORSOS_PER_S * unseenS) * t.lastTorsoPx;
        const dist = Math.hypot(det.c.x - p.x, det.c.y - p.y);
        const ratio = det.torso / t.lastTorsoPx;
        const sameSize = ratio <= MAX_TORSO_RATIO && ratio >= 1 / MAX_TORSO_RATIO;
        if (dist <= gate && sameSize) pairs.push({ t, d, cost: dist / det.torso });
      });
    });
    pairs.sort((a, b) => a.cost - b.cost);
    const usedTracks = new Set<Track>();
    const usedDets = new Set<number>();
    for (const { t, d } of pairs) {
      if (usedTracks.has(t) || usedDets.has(d)) continue;
      usedTracks.add(t);
      usedDets.add(d);
      extend(t, i, tMs[i], dets[d].pose, dets[d].c, dets[d].torso);
    }
    dets.forEach((det, d) => {
      if (usedDets.has(d)) return;
      const t: Track = { poses: new Map(), recent: [], lastTorsoPx: det.torso };
      extend(t, i, tMs[i], det.pose, det.c, det.torso);
      live.push(t);
    });
  });
  return [...done, ...live].map((t) => t.poses);
}

/** True when the hip→shoulder line is within {@link UPRIGHT_DEG} of vertical, shoulders on top. */
export function isUpright(pose: Pose): boolean {
  const s = mid(pose.image[LM.left_shoulder], pose.image[LM.right_shoulder]);
  const h = hipCentre(pose);
  const up = h.y - s.y; // image y grows downwards
  return up > 0 && Math.atan2(Math.abs(s.x - h.x), up) <= (UPRIGHT_DEG * Math.PI) / 180;
}

/** The evidence of walking in one track (step 3). */
export interface WalkingScore {
  /** Net sideways travel made upright, torso lengths. */
  progression: number;
  /** Leg crossings made upright. */
  crossings: number;
}

/** Walking evidence of one track (step 3); `tMs` gives each frame's time. */
export function walkingScore(track: Map<number, Pose>, tMs: readonly number[]): WalkingScore {
  const frames = [...track.keys()].sort((a, b) => a - b);
  if (frames.length === 0) return { progression: 0, crossings: 0 };
  const poses = frames.map((f) => track.get(f) as Pose);
  const torsos = poses.map(torsoLengthPx).sort((a, b) => a - b);
  const torso = torsos[Math.floor(torsos.length / 2)];
  const upright = poses.map(isUpright);
  let travel = 0;
  let crossings = 0;
  let side = 0;
  poses.forEach((p, k) => {
    if (!upright[k]) return;
    if (k > 0 && upright[k - 1] && tMs[frames[k]] - tMs[frames[k - 1]] <= PROGRESSION_MAX_STEP_MS) {
      const a = hipCentre(poses[k - 1]);
      const b = hipCentre(p);
      if (Math.abs(b.x - a.x) >= Math.abs(b.y - a.y)) travel += b.x - a.x;
    }
    const sep = (p.image[LM.left_ankle].x - p.image[LM.right_ankle].x) / torso;
    const now = sep > CROSSING_HYSTERESIS_TORSOS ? 1 : sep < -CROSSING_HYSTERESIS_TORSOS ? -1 : 0;
    if (now !== 0) {
      if (side !== 0 && now !== side) crossings++;
      side = now;
    }
  });
  return { progression: Math.abs(travel) / torso, crossings };
}

/**
 * The walker's pose in every frame (step 4), `null` where the walker was not detected.
 * @param candidates every frame's detected poses, in pixels
 * @param tMs every frame's time, ms, increasing
 */
export function followWalker(candidates: Pose[][], tMs: number[]): (Pose | null)[] {
  const scored = linkTracks(candidates, tMs).map((poses) => ({
    poses,
    evidence: walkingScore(poses, tMs),
    frames: [...poses.keys()]
  }));
  const byProgression = scored.some((t) => t.evidence.progression >= MIN_PROGRESSION_TORSOS);
  const tracks = scored
    .map((t) => ({ ...t, score: byProgression ? t.evidence.progression : t.evidence.crossings }))
    .sort((a, b) => b.score - a.score || b.frames.length - a.frames.length);
  const out: (Pose | null)[] = candidates.map(() => null);
  if (tracks.length === 0) return out;
  const best = tracks[0].score;
  const owner = new Int32Array(candidates.length).fill(-1);
  tracks.forEach((t, k) => {
    if (k > 0 && t.score < MIN_RELATIVE_SCORE * best) return;
    const shared = t.frames.filter((f) => owner[f] !== -1).length;
    if (shared > OVERLAP_TOLERANCE_FRAMES) return;
    for (const f of t.frames) {
      if (owner[f] !== -1) continue;
      owner[f] = k;
      out[f] = t.poses.get(f) as Pose;
    }
  });
  return out;
}

/**
 * Live (causal) choice: the detection nearest to the previous pick within the gate, else the
 * largest person in view. Used for the webcam preview, where the future is unknown.
 */
export function pickContinuous(previous: Pose | null, candidates: Pose[]): Pose | null {
  if (candidates.length === 0) return null;
  if (previous) {
    const c = hipCentre(previous);
    const gate = GATE_TORSOS * torsoLengthPx(previous);
    let bestPose: Pose | null = null;
    let bestDist = Infinity;
    for (const p of candidates) {
      const d = hipCentre(p);
      const dist = Math.hypot(d.x - c.x, d.y - c.y);
      if (dist <= gate && dist < bestDist) [bestPose, bestDist] = [p, dist];
    }
    if (bestPose) return bestPose;
  }
  return candidates.reduce((a, b) => (torsoLengthPx(b) > torsoLengthPx(a) ? b : a));
}
