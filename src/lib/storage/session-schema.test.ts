/**
 * Stored records of every earlier version, and damaged or unknown ones, read back through the real
 * store: each opens in the current shape, or is refused with a reason and its raw data kept.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeAnalysis } from '../../../tests/helpers/make-analysis';
import { buildReportModel } from '$lib/report/report-model';
import { createSessionStore } from './session-store';
import { parseStoredSession, parseSummary, SESSION_SCHEMA_VERSION } from './session-schema';
import { StorageError } from './storage-error';

const landmark = { x: 10, y: 20, z: 0, visibility: 0.9, presence: 0.9 };
const pose = {
  image: Array.from({ length: 33 }, () => landmark),
  world: Array.from({ length: 33 }, () => landmark)
};

/**
 * A version-1 record as the first release saved it: an analysis from before passes (no segments,
 * activity or outliers), here also with one metric missing.
 */
function v1Record(id: string): Record<string, unknown> {
  const { segments: _s, activity: _a, outliers: _o, ...analysis } = makeAnalysis();
  delete (analysis.metrics as Partial<typeof analysis.metrics>).cadence;
  return {
    id,
    createdAt: '2025-06-01T10:00:00.000Z',
    title: 'First-release walk',
    series: {
      version: 1,
      widthPx: 960,
      heightPx: 540,
      model: 'full',
      source: { container: 'webm', codec: 'vp9', fpsHz: 30, durationMs: 100, rotationDeg: 0 },
      frames: [
        { tMs: 0, pose },
        { tMs: 33, pose: null }
      ]
    },
    analysis,
    settings: { model: 'full', heightCm: null },
    video: null,
    schemaVersion: 1
  };
}

/** Writes `record` into one of the database's stores as it is, bypassing the checks of saveSession. */
async function putRaw(
  factory: IDBFactory,
  record: Record<string, unknown>,
  into: 'sessions' | 'summaries' = 'sessions'
): Promise<void> {
  const store = createSessionStore(factory);
  await store.listSessions(); // creates the database and its stores
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = factory.open('gaitlens');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(into, 'readwrite');
    tx.objectStore(into).put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('stored sessions read back', () => {
  it('a version-1 record with a metric missing opens migrated, and the report model builds from it', async () => {
    const factory = new IDBFactory();
    await putRaw(factory, v1Record('old'));
    const session = await createSessionStore(factory).getSession('old');
    expect(session?.schemaVersion).toBe(SESSION_SCHEMA_VERSION);
    expect(session?.leftOut).toBeNull();
    expect(session?.analysis.metrics.cadence.status).toBe('not-measurable');
    expect(() => buildReportModel(session!.analysis, { heightCm: null, hasPose: () => true })).not.toThrow();
  });

  it('a version-2 record opens as the current version with what it said was left out', async () => {
    const factory = new IDBFactory();
    await putRaw(factory, { ...v1Record('v2'), leftOut: 'video', schemaVersion: 2 });
    const session = await createSessionStore(factory).getSession('v2');
    expect(session?.schemaVersion).toBe(SESSION_SCHEMA_VERSION);
    expect(session?.leftOut).toBe('video');
  });

  it('a history row saved before version 3 still shows its step length', async () => {
    const factory = new IDBFactory();
    const headline = { cadenceSpm: 104, trunkLeanDeg: 3.5, stepLengthSymmetryPct: 2.1 };
    await putRaw(
      factory,
      {
        id: 'old-row',
        createdAt: '2025-06-01T10:00:00.000Z',
        title: 'Version-2 walk',
        hasVideo: true,
        headline: { ...headline, stepLengthPerLegLength: 0.74 }
      },
      'summaries'
    );
    expect(await createSessionStore(factory).listSessions()).toEqual([
      {
        schemaVersion: SESSION_SCHEMA_VERSION,
        id: 'old-row',
        createdAt: '2025-06-01T10:00:00.000Z',
        title: 'Version-2 walk',
        hasVideo: true,
        headline: { ...headline, stepLengthPerLeg: 0.74 }
      }
    ]);
  });

  it.each([
    [
      'a made-up older shape (no schema version)',
      { id: 'odd', date: '2024', landmarks: [], result: {} },
      /no schema version/
    ],
    ['a record from a newer GaitLens', { ...v1Record('odd'), schemaVersion: 99 }, /newer version/],
    [
      'a record whose frames lost their times',
      { ...v1Record('odd'), series: { ...(v1Record('x').series as object), frames: [{ pose: null }] } },
      /no time/
    ],
    [
      'a record whose poses are short of landmarks',
      {
        ...v1Record('odd'),
        series: {
          ...(v1Record('x').series as object),
          frames: [{ tMs: 0, pose: { image: [landmark], world: [] } }]
        }
      },
      /1 landmarks/
    ],
    ['a record with no analysis', { ...v1Record('odd'), analysis: 'lost' }, /analysis is missing/]
  ])('%s is refused as corrupt with the reason and its raw data', async (_name, record, reason) => {
    const factory = new IDBFactory();
    await putRaw(factory, record);
    const error = await createSessionStore(factory)
      .getSession('odd')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('corrupt');
    expect((error as StorageError).message).toMatch(reason);
    expect((error as StorageError).raw).toEqual(record);
  });

  it('never throws, whatever it is given', () => {
    for (const raw of [
      null,
      1,
      'x',
      [],
      { schemaVersion: 1 },
      { schemaVersion: 1.5 },
      { schemaVersion: -3 }
    ]) {
      expect(parseStoredSession(raw).ok).toBe(false);
    }
  });

  it('a damaged history row is shown with neutral values, one without an id is left out', async () => {
    expect(parseSummary({ id: 'a', title: 3, headline: { cadenceSpm: 'fast', trunkLeanDeg: 4 } })).toEqual({
      schemaVersion: SESSION_SCHEMA_VERSION,
      id: 'a',
      createdAt: '',
      title: 'Untitled walk',
      hasVideo: false,
      headline: {
        cadenceSpm: null,
        stepLengthPerLeg: null,
        trunkLeanDeg: 4,
        stepLengthSymmetryPct: null
      }
    });
    expect(parseSummary({ title: 'no id' })).toBeNull();
  });
});
