/**
 * Which of several detected people is the walker? MediaPipe returns up to `numPoses` people per
 * frame in no stable order, so "the first pose" can jump between a walker and a bystander (in
 * the Sports2D demo clip: a person doing jumping jacks and a backflip on a roof).
 *
 * Method (offline, whole clip known):
 * 1. Per frame, near-duplicate detections of one person are merged (centres closer than
 *    {@link DUPLICATE_TORSOS} torso lengths; the more visible one is kept).
 * 2. Detections are linked into tracks by nearest mid-hip centre, gated by the person's torso
 *    length; a track survives gaps up to {@link MAX_GAP_MS} (occlusion behind a tree).
 * 3. Each track gets a walking score = net horizontal travel (torso lengths)
 *    + number of leg crossings (the signed left−right ankle separation changing sign, with
 *    hysteresis). Walking side-on gives both; jumping jacks facing the camera give neither sign
 *    changes nor travel; a treadmill walker gives crossings without travel.
 * 4. Tracks are taken greedily by score; a track joins the walker unless it overlaps in time with
 *    one already taken (the walker is one person, so it is never in two places at once) or scores
 *    below {@link MIN_RELATIVE_SCORE} of the best. Each frame's pose is the taken track's pose, or
 *    `null` where none is present.
 *
 * All distances are image pixels, normalised by the torso length (mid-shoulder to mid-hip), so the
 * rule does not depend on resolution or distance to the camera.
 */
import { LM } from '../analysis/landmarks';
import type { Pose } from '../analysis/series';

/** Two detections closer than this many torso lengths are the same person. */
export const DUPLICATE_TORSOS = 0.35;
/** Gate for linking a detection to a track: torso lengths, plus {@link GATE_GROWTH_TORSOS} per missed frame. */
export const GATE_TORSOS = 1.0;
export const GATE_GROWTH_TORSOS = 0.25;
/** Longest gap a track survives (e.g. walking behind a tree), ms. */
export const MAX_GAP_MS = 1500;
/** Ankle separation must pass ±this many torso lengths to count as a leg crossing. */
export const CROSSING_HYSTERESIS_TORSOS = 0.15;
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
  lastFrame: number;
  lastTMs: number;
  lastCentre: Point;
  lastTorsoPx: number;
}

/** Links per-frame detections into tracks (step 2). Exposed for tests. */
export function linkTracks(candidates: Pose[][], tMs: number[]): Map<number, Pose>[] {
  if (candidates.length !== tMs.length) throw new RangeError('candidates and tMs must have the same length');
  const live: Track[] = [];
  const done: Track[] = [];
  candidates.forEach((frame, i) => {
    for (let k = live.length - 1; k >= 0; k--) {
      if (tMs[i] - live[k].lastTMs > MAX_GAP_MS) done.push(...live.splice(k, 1));
    }
    const dets = dedupePoses(frame).map((pose) => ({ pose, c: hipCentre(pose), torso: torsoLengthPx(pose) }));
    // All (track, detection) pairs inside the gate, nearest first (greedy assignment).
    const pairs: { t: Track; d: number; cost: number }[] = [];
    live.forEach((t) =>
      dets.forEach((det, d) => {
        const missed = i - t.lastFrame - 1;
        const gate = (GATE_TORSOS + GATE_GROWTH_TORSOS * missed) * Math.max(t.lastTorsoPx, det.torso);
        const dist = Math.hypot(det.c.x - t.lastCentre.x, det.c.y - t.lastCentre.y);
        if (dist <= gate) pairs.push({ t, d, cost: dist / gate });
      })
    );
    pairs.sort((a, b) => a.cost - b.cost);
    const usedTracks = new Set<Track>();
    const usedDets = new Set<number>();
    for (const { t, d } of pairs) {
      if (usedTracks.has(t) || usedDets.has(d)) continue;
      usedTracks.add(t);
      usedDets.add(d);
      const det = dets[d];
      t.poses.set(i, det.pose);
      Object.assign(t, { lastFrame: i, lastTMs: tMs[i], lastCentre: det.c, lastTorsoPx: det.torso });
    }
    dets.forEach((det, d) => {
      if (usedDets.has(d)) return;
      live.push({
        poses: new Map([[i, det.pose]]),
        lastFrame: i,
        lastTMs: tMs[i],
        lastCentre: det.c,
        lastTorsoPx: det.torso
      });
    });
  });
  return [...done, ...live].map((t) => t.poses);
}

/** Walking score of one track (step 3): net horizontal travel in torso lengths + leg crossings. */
export function walkingScore(track: Map<number, Pose>): number {
  const frames = [...track.keys()].sort((a, b) => a - b);
  if (frames.length === 0) return 0;
  const poses = frames.map((f) => track.get(f) as Pose);
  const torsos = poses.map(torsoLengthPx).sort((a, b) => a - b);
  const torso = torsos[Math.floor(torsos.length / 2)];
  const travel = Math.abs(hipCentre(poses[poses.length - 1]).x - hipCentre(poses[0]).x) / torso;
  let crossings = 0;
  let side = 0;
  for (const p of poses) {
    const sep = (p.image[LM.left_ankle].x - p.image[LM.right_ankle].x) / torso;
    const now = sep > CROSSING_HYSTERESIS_TORSOS ? 1 : sep < -CROSSING_HYSTERESIS_TORSOS ? -1 : 0;
    if (now !== 0) {
      if (side !== 0 && now !== side) crossings++;
      side = now;
    }
  }
  return travel + crossings;
}

/**
 * The walker's pose in every frame (step 4), `null` where the walker was not detected.
 * @param candidates every frame's detected poses, in pixels
 * @param tMs every frame's time, ms, increasing
 */
export function followWalker(candidates: Pose[][], tMs: number[]): (Pose | null)[] {
  const tracks = linkTracks(candidates, tMs)
    .map((poses) => ({ poses, score: walkingScore(poses), frames: [...poses.keys()] }))
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
