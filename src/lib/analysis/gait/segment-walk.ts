import { LM, sideIndex } from '../landmarks';
import { slidingMedian } from '../signal';
import {
  FRONT_VIEW_MIN_WIDTH_RATIO,
  MAX_TURN_S,
  MIN_PASS_S,
  MIN_SEGMENT_S,
  MIN_TREADMILL_PASS_S,
  OBLIQUE_MIN_SCALE_RATE_PER_S,
  SEGMENT_WINDOW_S,
  STEPPING_MIN_HEEL_RANGE_PER_LEG,
  TREADMILL_MAX_HIP_SPEED_PER_LEG_S
} from '../thresholds';
import type { CleanTracks } from './clean-tracks';
import type { LandmarkTracks } from './extract-landmark-tracks';
import { bodyProportions } from './classify-view';
import { midpointColumn } from './geometry';
import type { SegmentKind } from './types';

/** A stretch of the uniform timeline with one activity, samples [start, end] inclusive. */
export interface TimelineSegment {
  kind: SegmentKind;
  start: number;
  end: number;
  /** Image walking direction of a pass: +1 toward image right, −1 toward image left; null otherwise. */
  direction: 1 | -1 | null;
  /** A pass whose hips stay put while the legs cycle (treadmill, walking on the spot). */
  treadmill: boolean;
}

/** Per-sample measures the segmentation reads, on the uniform timeline (`NaN` = not known). */
export interface ActivitySignals {
  /** Hip-midpoint horizontal speed, leg lengths per second, + toward image right (centred window slope). */
  hipSpeedPerLegS: Float64Array;
  /** Range of the horizontal heel separation over a centred window, leg lengths: large while stepping. */
  heelRangePerLeg: Float64Array;
  /** (shoulder width + hip width) / 2 ÷ torso length, median over a centred window (0 side-on, ≈0.6 facing). */
  widthRatio: Float64Array;
  /** Rate of change of log torso length, per second (+ = the body grows: coming toward the camera). */
  scaleRatePerS: Float64Array;
  /** 1 where the hips and at least one heel are seen (else the sample is out of view). */
  present: Uint8Array;
}

/**
 * Least-squares slopes of `v` against the sample index over sliding windows, in O(1) per window from running
 * sums over the present samples: `slope(a, b)` over samples [a, b], NaN with fewer than 60 % present.
 */
function windowSlopes(v: ArrayLike<number>): (a: number, b: number) => number {
  const n = v.length;
  // cumulative count, Σi, Σv, Σi·v, Σi² over present samples, index k = samples before k
  const c = new Float64Array(n + 1);
  const si = new Float64Array(n + 1);
  const sv = new Float64Array(n + 1);
  const siv = new Float64Array(n + 1);
  const sii = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const ok = Number.isFinite(v[i]);
    c[i + 1] = c[i] + (ok ? 1 : 0);
    si[i + 1] = si[i] + (ok ? i : 0);
    sv[i + 1] = sv[i] + (ok ? v[i] : 0);
    siv[i + 1] = siv[i] + (ok ? i * v[i] : 0);
    sii[i + 1] = sii[i] + (ok ? i * i : 0);
  }
  return (a, b) => {
    const m = c[b + 1] - c[a];
    if (m < 2 || m < 0.6 * (b - a + 1)) return NaN;
    const sumI = si[b + 1] - si[a];
    const sumV = sv[b + 1] - sv[a];
    const num = siv[b + 1] - siv[a] - (sumI * sumV) / m;
    const den = sii[b + 1] - sii[a] - (sumI * sumI) / m;
    return den > 0 ? num / den : NaN;
  };
}

/**
 * The per-sample signals of {@link segmentWalk}, each over a centred window of `SEGMENT_WINDOW_S`.
 *
 * @param tracks - original-frame tracks (raw positions give body widths whatever the visibility).
 * @param clean - the cleaned timeline (hips, heels, shoulders).
 * @param sourceFrame - nearest original frame of every sample.
 * @param legLengthPx - leg length, px.
 */
export function activitySignals(
  tracks: LandmarkTracks,
  clean: CleanTracks,
  sourceFrame: Int32Array,
  legLengthPx: number
): ActivitySignals {
  const n = clean.length;
  const rate = clean.sampleRateHz;
  const half = Math.max(1, Math.round((SEGMENT_WINDOW_S * rate) / 2));
  const hipX = midpointColumn(clean.x[LM.left_hip], clean.x[LM.right_hip], true);
  const lh = sideIndex('left', 'heel');
  const rh = sideIndex('right', 'heel');
  const heelGap = new Float64Array(n);
  const present = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    heelGap[i] = clean.x[lh][i] - clean.x[rh][i];
    const heelSeen = Number.isFinite(clean.x[lh][i]) || Number.isFinite(clean.x[rh][i]);
    present[i] = Number.isFinite(hipX[i]) && heelSeen ? 1 : 0;
  }

  const frameRatio = new Float64Array(tracks.length).fill(NaN);
  const frameLogTorso = new Float64Array(tracks.length).fill(NaN);
  for (let f = 0; f < tracks.length; f++) {
    const body = bodyProportions(tracks, f);
    if (!body) continue;
    frameRatio[f] = body.widthRatio;
    frameLogTorso[f] = Math.log(body.torsoPx);
  }
  const ratioAt = Float64Array.from(sourceFrame, (f) => frameRatio[f]);
  const logTorsoAt = Float64Array.from(sourceFrame, (f) => frameLogTorso[f]);
  const widthRatio = slidingMedian(ratioAt, half);

  const out: ActivitySignals = {
    hipSpeedPerLegS: new Float64Array(n),
    heelRangePerLeg: new Float64Array(n),
    widthRatio,
    scaleRatePerS: new Float64Array(n),
    present
  };
  const hipSlope = windowSlopes(hipX);
  const scaleSlope = windowSlopes(logTorsoAt);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - half);
    const b = Math.min(n - 1, i + half);
    out.hipSpeedPerLegS[i] = (hipSlope(a, b) * rate) / legLengthPx;
    out.scaleRatePerS[i] = scaleSlope(a, b) * rate;
    let lo = Infinity;
    let hi = -Infinity;
    let present = 0;
    for (let k = a; k <= b; k++) {
      if (!Number.isFinite(heelGap[k])) continue;
      present++;
      lo = Math.min(lo, heelGap[k]);
      hi = Math.max(hi, heelGap[k]);
    }
    out.heelRangePerLeg[i] = present >= 0.6 * (b - a + 1) ? (hi - lo) / legLengthPx : NaN;
  }
  return out;
}

/** Raw per-sample label before smoothing. */
type RawLabel = 'out-of-view' | 'standing' | 'stepping-in-place' | 'pass+' | 'pass-' | SegmentKind;

function rawLabel(s: ActivitySignals, i: number, present: boolean): RawLabel {
  if (!present) return 'out-of-view';
  const v = s.hipSpeedPerLegS[i];
  const stepping = s.heelRangePerLeg[i] >= STEPPING_MIN_HEEL_RANGE_PER_LEG;
  const moving = Math.abs(v) >= TREADMILL_MAX_HIP_SPEED_PER_LEG_S;
  const scaleRate = s.scaleRatePerS[i];
  const approaching = Math.abs(scaleRate) >= OBLIQUE_MIN_SCALE_RATE_PER_S;
  if (s.widthRatio[i] >= FRONT_VIEW_MIN_WIDTH_RATIO) {
    if (!approaching) return 'turn';
    return scaleRate > 0 ? 'toward-camera' : 'away-from-camera';
  }
  if (approaching && (moving || stepping)) return 'oblique';
  if (moving) return v > 0 ? 'pass+' : 'pass-';
  return stepping ? 'stepping-in-place' : 'standing';
}

interface Run {
  label: RawLabel;
  start: number;
  end: number;
}

function runsOf(labels: RawLabel[]): Run[] {
  const runs: Run[] = [];
  labels.forEach((label, i) => {
    const last = runs[runs.length - 1];
    if (last && last.label === label) last.end = i;
    else runs.push({ label, start: i, end: i });
  });
  return runs;
}

const lengthOf = (r: Run) => r.end - r.start + 1;

/** Merge neighbours that carry the same label. */
function coalesce(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.label === r.label) last.end = r.end;
    else out.push({ ...r });
  }
  return out;
}

/**
 * Split a clip into what the person is doing over time (docs/METHOD.md, "Passes"): straight passes across
 * the view (each with its own walking direction), turns, standing, walking toward or away from the camera,
 * oblique walking, and stretches out of view.
 *
 * Per sample (centred windows of `SEGMENT_WINDOW_S`): out of view when the hips or heels are missing; a
 * body as wide as `FRONT_VIEW_MIN_WIDTH_RATIO` faces the camera: walking toward or away when its image
 * scale changes by `OBLIQUE_MIN_SCALE_RATE_PER_S` or more, else turning; a narrower body whose scale
 * changes that fast while it moves or steps walks at an angle (oblique); otherwise, hips travelling faster than
 * `TREADMILL_MAX_HIP_SPEED_PER_LEG_S` leg lengths/s is a pass in the sign of travel, heels separating by
 * at least `STEPPING_MIN_HEEL_RANGE_PER_LEG` without travel is stepping in place, neither is standing.
 *
 * Then, on runs of equal labels: runs shorter than `MIN_SEGMENT_S` join the longer neighbour; stepping in
 * place for at least `MIN_TREADMILL_PASS_S` is a treadmill pass (else it joins what surrounds it: a slow
 * spell at a turn, or the start of a walk); anything up to `MAX_TURN_S` long between two passes of
 * opposite directions is a turn; passes shorter than `MIN_PASS_S` are left out as partial.
 */
export function segmentWalk(signals: ActivitySignals, sampleRateHz: number): TimelineSegment[] {
  const { present } = signals;
  const labels: RawLabel[] = Array.from({ length: present.length }, (_, i) =>
    rawLabel(signals, i, present[i] === 1)
  );
  let runs = runsOf(labels);

  // Short runs (label flicker at a boundary) join the longer neighbour.
  const minRun = Math.max(1, Math.round(MIN_SEGMENT_S * sampleRateHz));
  for (let changed = true; changed && runs.length > 1;) {
    changed = false;
    let shortest = -1;
    for (let k = 0; k < runs.length; k++) {
      if (lengthOf(runs[k]) < minRun && (shortest < 0 || lengthOf(runs[k]) < lengthOf(runs[shortest])))
        shortest = k;
    }
    if (shortest < 0) break;
    const prev = runs[shortest - 1];
    const next = runs[shortest + 1];
    const into = !prev ? next : !next ? prev : lengthOf(prev) >= lengthOf(next) ? prev : next;
    runs[shortest].label = into.label;
    runs = coalesce(runs);
    changed = true;
  }

  // Stepping in place: a treadmill pass when long, else part of the walk around it.
  const minTreadmill = Math.round(MIN_TREADMILL_PASS_S * sampleRateHz);
  runs = coalesce(
    runs.map((r) => {
      if (r.label !== 'stepping-in-place' || lengthOf(r) >= minTreadmill) return r;
      return { ...r, label: 'standing' };
    })
  );

  const isPass = (r: Run | undefined) => r?.label === 'pass+' || r?.label === 'pass-';
  const maxTurn = Math.round(MAX_TURN_S * sampleRateHz);
  const segments: TimelineSegment[] = runs.map((r, k) => {
    const base = { start: r.start, end: r.end, direction: null, treadmill: false };
    if (r.label === 'pass+' || r.label === 'pass-') {
      return { ...base, kind: 'pass', direction: r.label === 'pass+' ? 1 : -1 };
    }
    if (r.label === 'stepping-in-place') return { ...base, kind: 'pass', treadmill: true };
    const prev = runs[k - 1];
    const next = runs[k + 1];
    const between =
      isPass(prev) &&
      isPass(next) &&
      prev.label !== next.label &&
      lengthOf(r) <= maxTurn &&
      r.label !== 'out-of-view';
    if (between) return { ...base, kind: 'turn' };
    return { ...base, kind: r.label as SegmentKind };
  });
  const minPass = Math.round(MIN_PASS_S * sampleRateHz);
  return segments.map((s) =>
    s.kind === 'pass' && s.end - s.start + 1 < minPass ? { ...s, kind: 'partial' } : s
  );
}
