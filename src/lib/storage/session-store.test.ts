import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeStoredSession } from '../../../tests/helpers/make-session';
import type { StoredSession } from './types';
import { createSessionStore } from './session-store';
import { StorageError, toStorageError } from './storage-error';

/** A complete session; the analysis content is irrelevant to storage. */
function session(id: string, createdAt: string, extra: Partial<StoredSession> = {}): StoredSession {
  return makeStoredSession({ id, createdAt, title: `Walk ${id}`, ...extra });
}

describe('session store', () => {
  it('saves, reads back, lists newest first and deletes', async () => {
    const store = createSessionStore(new IDBFactory());
    await store.saveSession(session('a', '2026-01-01T10:00:00.000Z'));
    await store.saveSession(
      session('b', '2026-01-02T10:00:00.000Z', { video: new Blob(['x'], { type: 'video/webm' }) })
    );

    const a = await store.getSession('a');
    expect(a?.title).toBe('Walk a');
    expect(a?.series.widthPx).toBe(960);

    const list = await store.listSessions();
    expect(list.map((s) => s.id)).toEqual(['b', 'a']);
    expect(list[0].hasVideo).toBe(true);
    expect(list[1].hasVideo).toBe(false);

    await store.deleteSession('a');
    expect(await store.getSession('a')).toBeNull();
    expect((await store.listSessions()).map((s) => s.id)).toEqual(['b']);
  });

  it('survives reopening the database (a page reload)', async () => {
    const factory = new IDBFactory();
    await createSessionStore(factory).saveSession(session('keep', '2026-01-01T10:00:00.000Z'));
    const reopened = createSessionStore(factory);
    expect((await reopened.getSession('keep'))?.id).toBe('keep');
  });

  it('returns null for an unknown id and rejects deleting it with not-found', async () => {
    const store = createSessionStore(new IDBFactory());
    expect(await store.getSession('nope')).toBeNull();
    await expect(store.deleteSession('nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('a failed save leaves the earlier saved version untouched', async () => {
    const store = createSessionStore(new IDBFactory());
    await store.saveSession(session('x', '2026-01-01T10:00:00.000Z'));
    // A function cannot be stored: put() throws DataCloneError, the transaction must abort.
    const broken = session('x', '2026-02-01T10:00:00.000Z', { title: 'replacement' });
    (broken.analysis as unknown as Record<string, unknown>).oops = () => 1;
    await expect(store.saveSession(broken)).rejects.toBeInstanceOf(StorageError);
    const kept = await store.getSession('x');
    expect(kept?.title).toBe('Walk x');
    expect((await store.listSessions())[0].createdAt).toBe('2026-01-01T10:00:00.000Z');
  });

  it('rejects with unavailable and a readable message when IndexedDB is missing', async () => {
    const store = createSessionStore(undefined);
    const error = await store.listSessions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('unavailable');
    expect((error as StorageError).message).toMatch(/private browsing/);
  });

  it('refuses to save an incomplete session as corrupt', async () => {
    const store = createSessionStore(new IDBFactory());
    const bad = { ...session('y', '2026-01-01T10:00:00.000Z'), title: undefined } as unknown as StoredSession;
    await expect(store.saveSession(bad)).rejects.toMatchObject({ code: 'corrupt' });
  });
});

describe('a lost database connection', () => {
  /** A factory that hands every connection it opens to `opened`, so a test can close it under the store. */
  function watchedFactory(opened: IDBDatabase[]): IDBFactory {
    const factory = new IDBFactory();
    return new Proxy(factory, {
      get(target, key) {
        if (key !== 'open') return Reflect.get(target, key, target) as unknown;
        return (name: string, version?: number) => {
          const request = target.open(name, version);
          request.addEventListener('success', () => opened.push(request.result));
          return request;
        };
      }
    });
  }

  it('is opened again when the browser closes it (close event)', async () => {
    const opened: IDBDatabase[] = [];
    const store = createSessionStore(watchedFactory(opened));
    await store.saveSession(session('a', '2026-01-01T10:00:00.000Z'));
    opened[0].close();
    opened[0].onclose?.call(opened[0], new Event('close'));
    expect((await store.getSession('a'))?.id).toBe('a');
    expect(opened).toHaveLength(2);
  });

  it('is opened again when it was closed without a close event', async () => {
    const opened: IDBDatabase[] = [];
    const store = createSessionStore(watchedFactory(opened));
    await store.saveSession(session('a', '2026-01-01T10:00:00.000Z'));
    opened[0].close();
    expect((await store.listSessions()).map((s) => s.id)).toEqual(['a']);
    await store.saveSession(session('b', '2026-01-02T10:00:00.000Z'));
    expect((await store.getSession('b'))?.id).toBe('b');
  });

  it('after another tab asks for a new version, the connection is closed and later reopened', async () => {
    const opened: IDBDatabase[] = [];
    const store = createSessionStore(watchedFactory(opened));
    await store.saveSession(session('a', '2026-01-01T10:00:00.000Z'));
    opened[0].onversionchange?.call(opened[0], new Event('versionchange') as IDBVersionChangeEvent);
    expect((await store.getSession('a'))?.id).toBe('a');
    expect(opened).toHaveLength(2);
  });
});

describe('toStorageError', () => {
  it('maps a quota error to quota, saying nothing saved was changed', () => {
    const e = toStorageError(new DOMException('full', 'QuotaExceededError'));
    expect(e.code).toBe('quota');
    expect(e.message).toMatch(/Nothing already saved was changed/);
  });
  it('maps security errors to unavailable and unknown errors to corrupt', () => {
    expect(toStorageError(new DOMException('no', 'SecurityError')).code).toBe('unavailable');
    expect(toStorageError(new Error('weird')).code).toBe('corrupt');
  });
});
