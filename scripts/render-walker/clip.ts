/**
 * A clip is a list of segments. Each segment drives the body with one gait from clip time `from` on, through a
 * time warp (clip time t -> gait time τ, so the gait can stand still, start or stop smoothly) and optionally a
 * turn on the spot (the whole body rotates about the vertical through the pelvis while the gait is frozen).
 * Everything here is exact and JSON-serialisable (the spec travels from node into the page).
 */
import { smoothstep } from '../../tests/synthetic/normative-gait-curves';
import { makeGait, type Gait, type GaitParams } from './gait';
import type { Side } from './human';

/** Gait-time rate knots [clip time s, rate]: smoothstep between knots, constant outside. */
export type RateKnots = [number, number][];

export interface SegmentSpec {
  /** free text for the truth file, e.g. 'walk left→right' */
  label: string;
  gait: Partial<GaitParams>;
  /** clip time (s) from which this segment drives the body (until the next segment's `from`) */
  from: number;
  /** gait time at `from` */
  tau0: number;
  /** world x of the pelvis at `from` (sets the gait's startX); default: the gait's own startX */
  x0?: number;
  /** rate of gait time over clip time; default 1 throughout */
  rate?: RateKnots;
  /** turn on the spot: yaw (deg, about +y) rises smoothly from 0 to `yawDeg` over [start, end] clip time */
  turn?: { start: number; end: number; yawDeg: number };
}

export interface CameraSpec {
  /** distance from the walking line, m */
  dist: number;
  height: number;
  /** vertical field of view, deg */
  fov: number;
  lookY: number;
  /** x the camera stands at (and, unless `lookX` is given, looks at) */
  x: number;
  /**
   * x of the point on the walking line the camera looks at, if not `x`: with `dist` 0 and `x` far along the
   * line, the camera stands on the walking line and sees the walker from the front (or back)
   */
  lookX?: number;
}

export interface ClipSpec {
  name: string;
  about: string;
  W: number;
  H: number;
  fps: number;
  frames: number;
  camera: CameraSpec;
  appearance: 'casual' | 'shorts' | 'lowcontrast';
  /** VP9 target bitrate, bits/s */
  bitrate: number;
  segments: SegmentSpec[];
}

export interface Segment {
  spec: SegmentSpec;
  gait: Gait;
  from: number;
  to: number;
  /** clip time -> gait time */
  tau(t: number): number;
  /** gait time -> first clip time that reaches it (within [from, to]), or null */
  tInv(tau: number): number | null;
  /** turn at clip time t, or null */
  turn(t: number): { yaw: number; pivot: { x: number; z: number } } | null;
  /** world x, z of a point given in the gait's path frame (z along the path from the τ = 0 pelvis) */
  world(pathZ: number, t: number): { x: number; z: number };
}

const DT = 0.0005;

function rateAt(knots: RateKnots | undefined, t: number): number {
  if (!knots?.length) return 1;
  if (t <= knots[0][0]) return knots[0][1];
  for (let i = 1; i < knots.length; i++) {
    const [t1, r1] = knots[i];
    if (t <= t1) {
      const [t0, r0] = knots[i - 1];
      return r0 + (r1 - r0) * smoothstep((t - t0) / (t1 - t0));
    }
  }
  return knots[knots.length - 1][1];
}

export function buildSegments(clip: ClipSpec): Segment[] {
  const duration = clip.frames / clip.fps;
  return clip.segments.map((spec, i) => {
    const from = spec.from;
    const to = clip.segments[i + 1]?.from ?? duration;
    // gait time on a fine grid (trapezoidal integral of the rate)
    const n = Math.ceil((to - from) / DT) + 2;
    const taus = new Float64Array(n);
    taus[0] = spec.tau0;
    for (let k = 1; k < n; k++) {
      const ta = from + (k - 1) * DT;
      taus[k] = taus[k - 1] + 0.5 * DT * (rateAt(spec.rate, ta) + rateAt(spec.rate, ta + DT));
    }
    const tau = (t: number) => {
      const x = (t - from) / DT;
      const k = Math.max(0, Math.min(n - 2, Math.floor(x)));
      const u = x - k;
      return taus[k] * (1 - u) + taus[k + 1] * u;
    };
    const tInv = (target: number) => {
      if (target < taus[0] || target > tau(to)) return null;
      let lo = 0;
      let hi = n - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (taus[mid] < target) lo = mid;
        else hi = mid;
      }
      const u = taus[hi] > taus[lo] ? (target - taus[lo]) / (taus[hi] - taus[lo]) : 0;
      return Math.min(to, from + (lo + u) * DT);
    };
    const gait = makeGait({ ...spec.gait, duration: Math.max(tau(to), spec.tau0) + 1 });
    const P = gait.P;
    if (spec.x0 !== undefined) P.startX = spec.x0 - (P.treadmill ? 0 : P.dir * gait.travel(spec.tau0));
    const pathToWorld = (pathZ: number) => ({ x: P.treadmill ? P.startX : P.startX + P.dir * pathZ, z: P.z });
    const pivot = spec.turn ? pathToWorld(gait.travel(tau(spec.turn.start))) : { x: 0, z: 0 };
    const turn = (t: number) => {
      if (!spec.turn) return null;
      const yaw =
        ((spec.turn.yawDeg * Math.PI) / 180) *
        smoothstep((t - spec.turn.start) / (spec.turn.end - spec.turn.start));
      return { yaw, pivot };
    };
    const world = (pathZ: number, t: number) => {
      const p = pathToWorld(pathZ);
      const tr = turn(t);
      if (!tr) return p;
      const c = Math.cos(tr.yaw);
      const s = Math.sin(tr.yaw);
      const dx = p.x - pivot.x;
      const dz = p.z - pivot.z;
      return { x: pivot.x + c * dx + s * dz, z: pivot.z - s * dx + c * dz };
    };
    return { spec, gait, from, to, tau, tInv, turn, world };
  });
}

export const segmentAt = (segs: Segment[], t: number): Segment =>
  segs.reduce((cur, s) => (s.from <= t + 1e-9 ? s : cur), segs[0]);

export interface TruthEvent {
  kind: 'heelStrike' | 'toeOff';
  foot: Side;
  /** clip time, s */
  t: number;
  /** t · fps (fractional: the event falls between frames) */
  frame: number;
  segment: number;
  /** world x (m) of the foot's ankle when flat on that footprint (the treadmill's belt frame is fixed) */
  footprintX: number;
}

/** Every heel strike and toe off of the clip in clip time, from each segment's gait. */
export function truthEvents(clip: ClipSpec, segs: Segment[]): TruthEvent[] {
  const out: TruthEvent[] = [];
  segs.forEach((s, si) => {
    for (const e of s.gait.events(s.tau(s.from), s.tau(s.to))) {
      const t = s.tInv(e.tau);
      if (t === null || t < s.from || t >= s.to) continue;
      out.push({
        kind: e.kind,
        foot: e.foot,
        t,
        frame: t * clip.fps,
        segment: si,
        footprintX: s.world(e.footprintZ, t).x
      });
    }
  });
  return out.sort((a, b) => a.t - b.t);
}
