import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeAnalysis } from '../../../tests/helpers/make-analysis';
import { makeSeries, makeStoredSession } from '../../../tests/helpers/make-session';
import { saveSession } from '$lib/storage';
import { loadReportSession } from './load-report-session';
import { putTransientSession } from './transient-session';

const series = makeSeries();
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
    await saveSession(makeStoredSession({ id: 'kept', title: 'Kept walk' }));
    const loaded = await loadReportSession('kept');
    expect(loaded).toMatchObject({
      status: 'found',
      source: 'storage',
      session: { title: 'Kept walk', video: null }
    });
    expect(await loadReportSession('never-saved')).toEqual({ status: 'not-found' });
  });
});
