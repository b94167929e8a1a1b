import { LEG_PARTS, sideIndex, type Side } from '../landmarks';
import {
  COLLAPSE_MAX_CHAIN_DISTANCE_PER_LEG,
  SWAP_LABEL_PRIOR_COST_PER_LEG,
  SWAP_POINT_COST_CAP_PER_LEG
} from '../thresholds';
import type { LandmarkTracks } from './extract-landmark-tracks';

/** The result of {@link correctLegSwaps}. */
export interface LegSwapCorrection {
  /** Per frame: 1 where the left and right leg chains were exchanged. */
  swapped: Uint8Array;
  /** Per frame: the side treated as missing because both chains sat on the other leg; null = no collapse. */
  collapsed: (Side | null)[];
  /** A corrected copy of the tracks (leg chains exchanged / blanked); the input is not modified. */
  tracks: LandmarkTracks;
}

const LEFT = LEG_PARTS.map((p) => sideIndex('left', p));
const RIGHT = LEG_PARTS.map((p) => sideIndex('right', p));
/** Euclidean length of (dx, dy); `Math.hypot` is several times slower in V8's hot loops. */
const dist = (dx: number, dy: number) => Math.sqrt(dx * dx + dy * dy);

/** Points compared between frames: knee, ankle, heel, toe (the hips of a side view nearly coincide). */
const COST_PARTS = [1, 2, 3, 4];

/**
 * Mean distance between corresponding knee/ankle/heel/toe of the two chains in frame `i`, px; `NaN` when
 * fewer than two of those points are placed on both chains.
 */
function chainSeparationPx(t: LandmarkTracks, i: number): number {
  let sum = 0;
  let count = 0;
  for (const k of COST_PARTS) {
    const d = dist(t.rawX[LEFT[k]][i] - t.rawX[RIGHT[k]][i], t.rawY[LEFT[k]][i] - t.rawY[RIGHT[k]][i]);
    if (Number.isFinite(d)) {
      sum += d;
      count++;
    }
  }
  return count >= 2 ? sum / count : NaN;
}

/**
 * Continuity cost of going from frame `j` to frame `i`: summed distances of knee/ankle/heel/toe of both
 * chains, with `cross` = false comparing left with left and right with right, and `cross` = true
 * comparing left with right (one of the two frames relabelled). Only points placed in both frames on
 * both chains count, so the two hypotheses are compared on the same points. Returns [straight, cross].
 */
function transitionCostsPx(t: LandmarkTracks, j: number, i: number): [number, number] {
  let straight = 0;
  let cross = 0;
  const X = t.rawX;
  const Y = t.rawY;
  for (const k of COST_PARTS) {
    const l = LEFT[k];
    const r = RIGHT[k];
    const s = dist(X[l][i] - X[l][j], Y[l][i] - Y[l][j]) + dist(X[r][i] - X[r][j], Y[r][i] - Y[r][j]);
    const c = dist(X[l][i] - X[r][j], Y[l][i] - Y[r][j]) + dist(X[r][i] - X[l][j], Y[r][i] - Y[l][j]);
    if (Number.isFinite(s) && Number.isFinite(c)) {
      straight += s;
      cross += c;
    }
  }
  return [straight, cross];
}

/**
 * Fix the pose model's left/right leg confusions (docs/METHOD.md §3).
 *
 * In side views the model exchanges the leg labels in short bursts (typically 3–5 frames just after the near
 * leg's heel strike), and sometimes puts both leg chains on the same (near) leg. The correction:
 *
 * 1. **Collapse detection.** A frame whose two chains lie within `COLLAPSE_MAX_CHAIN_DISTANCE_PER_LEG` leg
 *    lengths of each other (mean over knee, ankle, heel, toe) shows one leg twice. It takes no part in the
 *    continuity search; afterwards the doubled chain is given to the side whose neighbouring frames it
 *    continues, and the other side is marked missing in that frame (it is interpolated later if the gap is
 *    short, or left out).
 * 2. **Continuity (jump-discontinuity re-swap).** Every frame is either kept or relabelled so as to minimise,
 *    over the whole clip, how far both chains (knee, ankle, heel, toe; in leg lengths) land from where constant
 *    velocity over the two frames before predicts them, plus `SWAP_LABEL_PRIOR_COST_PER_LEG` per relabelled
 *    frame. This is an exact Viterbi search over pairs of frame states (see `viterbiStretch`). A burst of swapped labels makes two large jumps (in and out) that relabelling removes, while
 *    the small prior keeps the model's own labels where the legs are close together (mid-swing) and nothing
 *    tells them apart. Gaps longer than `maxGapMs` break the chain (each stretch is solved on its own).
 *
 * Alternation of heel strikes and "the striking foot is the forward one" are enforced later, at the event
 * stage (`detectSagittalEvents`), where they apply.
 *
 * Uses the model's positions regardless of visibility (a hidden far leg is still placed, and its label is
 * what is being fixed). Coordinates in px, y down.
 *
 * @param tracks - original-frame tracks (read only).
 * @param legLengthPx - leg length, px (makes the costs scale-free).
 * @param maxGapMs - frames further apart than this are not linked by continuity.
 */
export function correctLegSwaps(
  tracks: LandmarkTracks,
  legLengthPx: number,
  maxGapMs: number
): LegSwapCorrection {
  const n = tracks.length;
  const swapped = new Uint8Array(n);
  const collapsed: (Side | null)[] = new Array<Side | null>(n).fill(null);
  const isCollapsed = new Uint8Array(n);
  const valid = new Uint8Array(n);
  const scale = Number.isFinite(legLengthPx) && legLengthPx > 0 ? legLengthPx : NaN;
  const collapseLimit = COLLAPSE_MAX_CHAIN_DISTANCE_PER_LEG;
  for (let i = 0; i < n; i++) {
    if (!tracks.detected[i]) continue;
    const sep = chainSeparationPx(tracks, i) / scale;
    if (sep < collapseLimit) isCollapsed[i] = 1;
    else if (Number.isFinite(sep)) valid[i] = 1;
  }

  // Split the valid frames into stretches linked by continuity, and solve each one on its own.
  let stretch: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!valid[i]) continue;
    const last = stretch[stretch.length - 1];
    if (last !== undefined && tracks.tMs[i] - tracks.tMs[last] > maxGapMs) {
      viterbiStretch(tracks, stretch, scale, swapped);
      stretch = [];
    }
    stretch.push(i);
  }
  if (stretch.length) viterbiStretch(tracks, stretch, scale, swapped);

  const out = exchangeChains(tracks, swapped);
  assignCollapsed(out, isCollapsed, valid, collapsed);
  return { swapped, collapsed, tracks: out };
}

/**
 * Second-order continuity cost of frame `f2` given frames `f0`, `f1`, px: each leg's knee, ankle, heel and toe
 * at `f2` against where constant velocity from `f0`→`f1` predicts it. `a`, `b`, `c` are the label states of
 * the three frames (1 = exchanged). Only points placed on both chains in all three frames count.
 */
function predictionCostPx(
  t: LandmarkTracks,
  f0: number,
  f1: number,
  f2: number,
  a: number,
  b: number,
  c: number,
  capPx: number
): number {
  const ratio = (t.tMs[f2] - t.tMs[f1]) / (t.tMs[f1] - t.tMs[f0]);
  const X = t.rawX;
  const Y = t.rawY;
  let cost = 0;
  for (const k of COST_PARTS) {
    const chain = [LEFT[k], RIGHT[k]];
    let sum = 0;
    for (let side = 0; side < 2; side++) {
      const i0 = chain[side ^ a];
      const i1 = chain[side ^ b];
      const i2 = chain[side ^ c];
      const px = X[i1][f1] + (X[i1][f1] - X[i0][f0]) * ratio;
      const py = Y[i1][f1] + (Y[i1][f1] - Y[i0][f0]) * ratio;
      sum += Math.min(capPx, dist(X[i2][f2] - px, Y[i2][f2] - py));
    }
    if (Number.isFinite(sum)) cost += sum;
  }
  return cost;
}

/**
 * Exact Viterbi search over one stretch of frames for the label states (1 = exchange this frame's labels)
 * minimising the summed continuity cost, in leg lengths, plus the label prior per exchanged frame. The
 * continuity cost is second order: each frame against the constant-velocity prediction from the two frames
 * before it (a pair-state search). Second order matters where the feet pass each other: over the few frames
 * in which the two legs overlap, a first-order (position-only) cost cannot tell "the legs crossed" from "the
 * labels swapped", while the swinging foot's velocity can. Writes the states into `swapped`.
 */
function viterbiStretch(tracks: LandmarkTracks, frames: number[], scale: number, swapped: Uint8Array): void {
  const prior = SWAP_LABEL_PRIOR_COST_PER_LEG;
  const capPx = SWAP_POINT_COST_CAP_PER_LEG * scale;
  const m = frames.length;
  if (m === 1) {
    swapped[frames[0]] = 0;
    return;
  }
  // cost[2a + b]: best total with states a (frame k − 1) and b (frame k).
  const [s01, c01] = transitionCostsPx(tracks, frames[0], frames[1]);
  let cost = [s01 / scale, c01 / scale + prior, c01 / scale + prior, s01 / scale + 2 * prior];
  const back = new Uint8Array(4 * m); // back[4k + 2b + c] = best state a of frame k − 2
  for (let k = 2; k < m; k++) {
    const next = [Infinity, Infinity, Infinity, Infinity];
    for (let b = 0; b < 2; b++) {
      for (let c = 0; c < 2; c++) {
        for (let a = 0; a < 2; a++) {
          const total =
            cost[2 * a + b] +
            predictionCostPx(tracks, frames[k - 2], frames[k - 1], frames[k], a, b, c, capPx) / scale +
            c * prior;
          if (total < next[2 * b + c]) {
            next[2 * b + c] = total;
            back[4 * k + 2 * b + c] = a;
          }
        }
      }
    }
    cost = next;
  }
  let best = 0;
  for (let s = 1; s < 4; s++) if (cost[s] < cost[best]) best = s;
  let b = best >> 1;
  let c = best & 1;
  swapped[frames[m - 1]] = c;
  swapped[frames[m - 2]] = b;
  for (let k = m - 1; k >= 2; k--) {
    const a = back[4 * k + 2 * b + c];
    swapped[frames[k - 2]] = a;
    c = b;
    b = a;
  }
}

/**
 * Copy of the tracks with the two leg chains exchanged in every frame where `swapped` is 1 (positions; the
 * visibility columns are shared with the input, which is not modified).
 */
function exchangeChains(tracks: LandmarkTracks, swapped: Uint8Array): LandmarkTracks {
  const out: LandmarkTracks = {
    ...tracks,
    x: tracks.x.slice(),
    y: tracks.y.slice(),
    rawX: tracks.rawX.slice(),
    rawY: tracks.rawY.slice()
  };
  for (const key of ['x', 'y', 'rawX', 'rawY'] as const) {
    const cols = out[key];
    for (let k = 0; k < LEFT.length; k++) {
      const l = tracks[key][LEFT[k]];
      const r = tracks[key][RIGHT[k]];
      const nl = Float64Array.from(l);
      const nr = Float64Array.from(r);
      for (let i = 0; i < tracks.length; i++) {
        if (swapped[i]) {
          nl[i] = r[i];
          nr[i] = l[i];
        }
      }
      cols[LEFT[k]] = nl;
      cols[RIGHT[k]] = nr;
    }
  }
  return out;
}

/**
 * Give each collapsed frame's doubled chain to the side whose nearest valid frames (before and after) it is
 * closest to, and blank the other side's leg in that frame (in place on the corrected copy).
 */
function assignCollapsed(
  t: LandmarkTracks,
  isCollapsed: Uint8Array,
  valid: Uint8Array,
  collapsed: (Side | null)[]
): void {
  const n = t.length;
  const prevValid = new Int32Array(n).fill(-1);
  const nextValid = new Int32Array(n).fill(-1);
  for (let i = 0, last = -1; i < n; i++) {
    prevValid[i] = last;
    if (valid[i]) last = i;
  }
  for (let i = n - 1, last = -1; i >= 0; i--) {
    nextValid[i] = last;
    if (valid[i]) last = i;
  }
  for (let i = 0; i < n; i++) {
    if (!isCollapsed[i]) continue;
    let dLeft = 0;
    let dRight = 0;
    for (const j of [prevValid[i], nextValid[i]]) {
      if (j < 0) continue;
      for (const k of COST_PARTS) {
        const cx = (t.rawX[LEFT[k]][i] + t.rawX[RIGHT[k]][i]) / 2;
        const cy = (t.rawY[LEFT[k]][i] + t.rawY[RIGHT[k]][i]) / 2;
        const dl = Math.hypot(cx - t.rawX[LEFT[k]][j], cy - t.rawY[LEFT[k]][j]);
        const dr = Math.hypot(cx - t.rawX[RIGHT[k]][j], cy - t.rawY[RIGHT[k]][j]);
        if (Number.isFinite(dl) && Number.isFinite(dr)) {
          dLeft += dl;
          dRight += dr;
        }
      }
    }
    const missing: Side = dLeft <= dRight ? 'right' : 'left';
    collapsed[i] = missing;
    for (const idx of missing === 'left' ? LEFT : RIGHT) {
      t.x[idx][i] = NaN;
      t.y[idx][i] = NaN;
    }
  }
}
