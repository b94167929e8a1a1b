/**
 * The just-analysed session, kept in memory (never persisted) so the report can show it
 * right after analysis: with its video even when the person chose not to keep the video,
 * and even when saving to IndexedDB failed (private mode, quota).
 *
 * Only the few most recent sessions are kept; object URLs are owned by the page that makes them.
 */
import type { GaitAnalysis } from '$lib/analysis/gait/types';
import type { LandmarkSeries } from '$lib/analysis/series';
import type { SessionSettings } from '$lib/storage/types';

export interface TransientSession {
  id: string;
  series: LandmarkSeries;
  analysis: GaitAnalysis;
  /** The analysed video, in memory only. */
  video: Blob | null;
  settings: SessionSettings;
  /** Display title, e.g. the file name. */
  title?: string;
  /** ISO time of analysis; defaults to when it was put here. */
  createdAt?: string;
}

/** How many recent sessions stay in memory (each may hold a video blob). */
const MAX_KEPT = 2;

const sessions = new Map<string, TransientSession>();

/** Keep a just-analysed session in memory (replacing one with the same id; the oldest beyond MAX_KEPT goes). */
export function putTransientSession(session: TransientSession): void {
  sessions.delete(session.id);
  sessions.set(session.id, { ...session, createdAt: session.createdAt ?? new Date().toISOString() });
  while (sessions.size > MAX_KEPT) {
    const oldest = sessions.keys().next().value;
    if (oldest === undefined) break;
    sessions.delete(oldest);
  }
}

/** The in-memory session with this id, or `null`. */
export function getTransientSession(id: string): TransientSession | null {
  return sessions.get(id) ?? null;
}
