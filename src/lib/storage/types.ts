import type { GaitAnalysis } from '$lib/analysis/gait/types';
import type { LandmarkSeries, ModelVariant } from '$lib/analysis/series';

/** Settings in force when a session was analysed. */
export interface SessionSettings {
  /** Pose model variant used. */
  model: ModelVariant;
  /** The person's height in cm if they gave it (turns leg-length units into metres), else `null`. */
  heightCm: number | null;
}

/** One analysed walk as kept in IndexedDB: everything the report needs to be rebuilt. */
export interface StoredSession {
  /** Unique id (also the report URL segment). */
  id: string;
  /** ISO 8601 time the session was analysed. */
  createdAt: string;
  /** Display title, e.g. the file name or "Webcam walk". */
  title: string;
  series: LandmarkSeries;
  analysis: GaitAnalysis;
  settings: SessionSettings;
  /** The video, only when the person chose to keep it on this device. */
  video: Blob | null;
  /**
   * What the save had to leave out to fit in the browser's storage (see `save-with-fallback.ts`):
   * `null` = nothing; `'video'`; `'video-and-world-landmarks'` (the report draws image landmarks only).
   */
  leftOut: null | 'video' | 'video-and-world-landmarks';
  /** Schema version of this record (see `session-schema.ts`). */
  schemaVersion: 3;
}

/** The few headline numbers shown in the history list and used to compare sessions. */
export interface SessionHeadline {
  /** Steps per minute, or `null` when not measurable. */
  cadenceSpm: number | null;
  /** Median step length ÷ leg length (the `stepLength` metric), or `null`. */
  stepLengthPerLeg: number | null;
  /** Median trunk lean, degrees (positive = forward), or `null`. */
  trunkLeanDeg: number | null;
  /** Step-length symmetry index, %, or `null`. */
  stepLengthSymmetryPct: number | null;
}

/** A light row per session, read by the history list without loading landmarks or video. */
export interface SessionSummary {
  /** Schema version of this row (see `session-schema.ts`); rows saved before version 3 carry none. */
  schemaVersion: 3;
  id: string;
  createdAt: string;
  title: string;
  hasVideo: boolean;
  headline: SessionHeadline;
}
