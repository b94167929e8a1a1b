/**
 * A small but structurally complete landmark series and stored session for unit tests of storage, the report
 * page's loader and the exports; a test overrides only the fields it is about.
 */
import type { LandmarkSeries } from '../../src/lib/analysis/series';
import { SESSION_SCHEMA_VERSION } from '../../src/lib/storage/session-schema';
import type { StoredSession } from '../../src/lib/storage/types';
import { makeAnalysis } from './make-analysis';

/** A 960×540, 30-fps WebM series of `durationMs` with one frame and no pose in it. */
export function makeSeries(durationMs = 1000): LandmarkSeries {
  return {
    version: 1,
    widthPx: 960,
    heightPx: 540,
    model: 'full',
    source: { container: 'webm', codec: 'vp9', fpsHz: 30, durationMs, rotationDeg: 0 },
    frames: [{ tMs: 0, pose: null }]
  };
}

/** A session as this build saves it: full model, no height, no video, nothing left out. */
export function makeStoredSession(overrides: Partial<StoredSession> = {}): StoredSession {
  return {
    id: 'walk',
    createdAt: '2026-01-01T00:00:00.000Z',
    title: 'Walk',
    series: makeSeries(),
    analysis: makeAnalysis(),
    settings: { model: 'full', heightCm: null },
    video: null,
    leftOut: null,
    schemaVersion: SESSION_SCHEMA_VERSION,
    ...overrides
  };
}
