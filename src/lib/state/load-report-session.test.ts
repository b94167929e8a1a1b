import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeAnalysis } from '../../../tests/helpers/make-analysis';
import type { LandmarkSeries } from '$lib/analysis/series';
import { SESSION_SCHEMA_VERSION, saveSession } from '$lib/storage';
import { loadReportSession } from './load-report-session';
import { putTransientSession } from './transient-session';

const series: LandmarkSeries = {
  version: 1,
  widthPx: 960,
  heightPx: 540,
  model: 'full',
  source: { container: 'webm', codec: 'vp9', fpsHz: 30, durationMs: 1000, rotationDeg: 0 },
  frames: [{ tMs: 0, pose: null }]
};
const settings = { model: 'full' as const, heightCm: null };

describe('loadReportSession', () => {
  it('prefers the in-memory session (with its unkept video) right after analysis', async () => {
    const video = new Blob(['v']);
    putTransientSession({ id: 'fresh', series, analysis: makeAnalysis(), video, settings, title: 'Walk' });
    const loaded = await loadReportSession('fresh');
    expect(loaded.status).toBe('found');
    if (loaded.status === 'found') {
      expect(loaded.source).toBe('memory');
      expect(loaded.session.video).toBe(video);
    }
  });
  it('falls back to IndexedDB, and says not-found for an unknown id', async () => {
    await saveSession({
      id: 'kept',
      createdAt: '2026-01-01T00:00:00.000Z',
      title: 'Kept walk',
      series,
      analysis: makeAnalysis(),
      settings,
      video: null,
      leftOut: null,
      schemaVersion: SESSION_SCHEMA_VERSION
    });
    const loaded = await loadReportSession('kept');
    expect(loaded).toMatchObject({
      status: 'found',
      source: 'storage',
      session: { title: 'Kept walk', video: null }
    });
    expect(await loadReportSession('never-saved')).toEqual({ status: 'not-found' });
  });
});
