/**
 * Find the session a report URL names: first the in-memory session of a just-finished analysis
 * (which also holds the video even when it was not kept), then IndexedDB.
 */
import type { GaitAnalysis } from '$lib/analysis/gait/types';
import type { LandmarkSeries } from '$lib/analysis/series';
import { getSession, toStorageError, type SessionSettings, type StorageError } from '$lib/storage';
import { getTransientSession } from './transient-session';

export interface ReportSession {
  id: string;
  title: string;
  createdAt: string;
  series: LandmarkSeries;
  analysis: GaitAnalysis;
  settings: SessionSettings;
  video: Blob | null;
}

export type LoadedReport =
  | { status: 'found'; session: ReportSession; source: 'memory' | 'storage' }
  | { status: 'not-found' }
  | { status: 'error'; error: StorageError };

/** Never rejects: a failure to read comes back as `status: 'error'` with a readable message. */
export async function loadReportSession(id: string): Promise<LoadedReport> {
  const transient = getTransientSession(id);
  if (transient) {
    return {
      status: 'found',
      source: 'memory',
      session: {
        id,
        title: transient.title ?? 'Walk',
        createdAt: transient.createdAt ?? new Date().toISOString(),
        series: transient.series,
        analysis: transient.analysis,
        settings: transient.settings,
        video: transient.video
      }
    };
  }
  try {
    const stored = await getSession(id);
    if (!stored) return { status: 'not-found' };
    return { status: 'found', source: 'storage', session: stored };
  } catch (error) {
    // Whatever went wrong becomes a message on the page, never a report stuck on "Opening…".
    return { status: 'error', error: toStorageError(error) };
  }
}
