/**
 * Parallel landmarkers over time segments: how many pose workers a device gets, how a clip is cut into
 * one stretch per worker, and how their frames are put back together into one clip.
 *
 * One landmarker keeps one core busy (the model is the cost; decoding and conversion take ≈ 10 ms a
 * frame in their own worker), so a clip is cut into equal stretches posed side by side. A stretch after
 * the first is decoded from {@link SEAM_OVERLAP_MS} before its start: MediaPipe's tracker and landmark
 * smoothing begin afresh there, and by the seam they follow the body as the worker on the stretch before
 * does (measured in `tests/e2e/parallel-pose.spec.ts`). The overlap's poses are dropped. The walker is then
 * chosen once over the stitched clip (`pose/follow-walker.ts`), so the rule never sees a seam.
 *
 * Measured on this 2-core machine (docs/SPEED.md): two landmarkers pose a 10-s clip 1.74× (lite) and
 * 1.84× (full) faster than one; a third adds nothing.
 */
import { SCOUT_MS } from '../pose/one-person';
import type { PoseCandidates } from './pose-types';

/** Most pose workers started, until more is measured on a bigger machine (each holds ≈ 100–150 MB). */
export const MAX_POSE_WORKERS = 4;

/** Device memory (GB, as `navigator.deviceMemory` reports it, 0.25–8) per pose worker. */
export const GB_PER_POSE_WORKER = 2;

/** Shortest stretch worth its own worker, ms of media time (its overlap costs ≈ 1/3 of that again). */
export const MIN_SEGMENT_MS = 1500;

/**
 * The first stretch is at least this long, ms: the opening that decides whether one person is looked
 * for ({@link SCOUT_MS}) ends inside it, with a few frames to spare.
 */
export const OPENING_STRETCH_MS = SCOUT_MS + 150;

/**
 * Media time posed before a stretch's start and then dropped, ms: the tracker and MediaPipe's landmark
 * smoothing start afresh there. Longer does not buy sameness: on the rendered limp walker a 1-s overlap gave
 * landmarks identical to one worker's for one seam and up to 51 px apart for another (two trackers with
 * different histories; tests/e2e/parallel-pose.spec.ts, docs/SPEED.md), as 0.5 s did.
 */
export const SEAM_OVERLAP_MS = 500;

/** One worker's stretch: frames with `keepFromMs` ≤ time < `keepToMs` are kept. */
export interface TimeSegment {
  /** Decoding and posing start here (the key frame at or before it, then the frames from it on), ms. */
  decodeFromMs: number;
  keepFromMs: number;
  keepToMs: number;
}

/**
 * Pose workers for a device with `cores` logical cores (`navigator.hardwareConcurrency`) and
 * `memoryGb` of memory (`navigator.deviceMemory`, unknown outside Chromium): one per core, at most
 * {@link MAX_POSE_WORKERS}, and one per {@link GB_PER_POSE_WORKER} of memory when that is known.
 */
export function poseWorkerCount(cores: number | undefined, memoryGb: number | undefined): number {
  const byCores = cores && cores > 0 ? Math.floor(cores) : 1;
  const byMemory = memoryGb && memoryGb > 0 ? Math.floor(memoryGb / GB_PER_POSE_WORKER) : MAX_POSE_WORKERS;
  return Math.max(1, Math.min(byCores, byMemory, MAX_POSE_WORKERS));
}

/**
 * The stretches of a clip of `durationMs` for at most `workers` workers, for equal work: every later
 * stretch is {@link SEAM_OVERLAP_MS} shorter than the first, since it poses that overlap too; the first is
 * at least {@link OPENING_STRETCH_MS} long (it holds the opening that decides how many people are looked
 * for), the others each at least {@link MIN_SEGMENT_MS}. The first starts at the clip's start and the last is
 * open-ended (a container's duration can be short of the last frame). Fewer workers when the clip is too
 * short for them all; one stretch covering everything when the duration is unknown.
 */
export function segmentsOf(durationMs: number, workers: number): TimeSegment[] {
  const whole = [{ decodeFromMs: 0, keepFromMs: -Infinity, keepToMs: Infinity }];
  if (!(Number.isFinite(durationMs) && durationMs > 0)) return whole;
  for (let n = Math.min(workers, MAX_POSE_WORKERS); n > 1; n--) {
    const firstMs = Math.max((durationMs - SEAM_OVERLAP_MS) / n + SEAM_OVERLAP_MS, OPENING_STRETCH_MS);
    const restMs = (durationMs - firstMs) / (n - 1);
    if (restMs < MIN_SEGMENT_MS) continue;
    const bounds = [-Infinity, ...Array.from({ length: n - 1 }, (_, k) => firstMs + k * restMs), Infinity];
    return bounds.slice(0, -1).map((keepFromMs, k) => ({
      decodeFromMs: k === 0 ? 0 : keepFromMs - SEAM_OVERLAP_MS,
      keepFromMs,
      keepToMs: bounds[k + 1]
    }));
  }
  return whole;
}

/**
 * The stretches' frames as one clip, in order. Each stretch kept only its own frames, so nothing should
 * repeat; a frame at or before the previous one's time is dropped all the same, so that times stay
 * strictly increasing whatever a decoder did at a seam.
 */
export function stitchSegments(parts: PoseCandidates[]): PoseCandidates {
  const sized = parts.find((p) => p.tMs.length > 0) ?? parts[0];
  const tMs: number[] = [];
  const candidates: PoseCandidates['candidates'] = [];
  for (const part of parts) {
    part.tMs.forEach((t, i) => {
      if (tMs.length && t <= tMs[tMs.length - 1]) return;
      tMs.push(t);
      candidates.push(part.candidates[i]);
    });
  }
  return { widthPx: sized?.widthPx ?? 0, heightPx: sized?.heightPx ?? 0, tMs, candidates };
}
