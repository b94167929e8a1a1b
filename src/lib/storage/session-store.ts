/**
 * IndexedDB session store: a small wrapper over the raw API.
 *
 * Layout (database `gaitlens`, IndexedDB version 1; the records' own schema version is in `session-schema.ts`):
 * - `sessions`: the full {@link StoredSession} (landmarks, analysis, optional video), keyed by `id`;
 * - `summaries`: a light {@link SessionSummary} per session, so the history list never loads landmarks or video.
 *
 * Every write touches both stores in ONE transaction: if anything fails (quota, a value that cannot
 * be cloned), IndexedDB aborts the whole transaction and what was saved before stays exactly as it was.
 * Every failure is a {@link StorageError} with a sentence a person can read. Records are checked
 * and migrated on read (`session-schema.ts`). A connection the browser closes (storage cleared,
 * another tab upgrading) is dropped and opened again on the next call.
 */
import { StorageError, storageErrorMessage, toStorageError } from './storage-error';
import { parseStoredSession, parseSummary } from './session-schema';
import { summarizeSession } from './summarize-session';
import type { SessionSummary, StoredSession } from './types';

const DB_VERSION = 1;
const SESSIONS = 'sessions';
const SUMMARIES = 'summaries';

export interface SessionStore {
  /** Save (or replace) a session. Rejects with a StorageError; never loses what was saved before. */
  saveSession(session: StoredSession): Promise<void>;
  /** The session with this id, or `null` when there is none. */
  getSession(id: string): Promise<StoredSession | null>;
  /** Every saved session's summary, newest first. */
  listSessions(): Promise<SessionSummary[]>;
  /** Delete a session; rejects with code `not-found` when there is none. */
  deleteSession(id: string): Promise<void>;
}

/** Wrap an IDBRequest in a promise. */
function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(toStorageError(request.error));
  });
}

/** Resolve when the transaction commits; reject with the reason it aborted. */
function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(toStorageError(tx.error));
    tx.onerror = (event) => {
      // Let onabort report it; stop the error from also surfacing as an uncaught event.
      event.preventDefault();
    };
  });
}

/**
 * A session store on the given IndexedDB factory (`globalThis.indexedDB` in the app, a
 * `fake-indexeddb` factory in tests). `undefined` means IndexedDB is missing: every call
 * rejects with code `unavailable`.
 */
export function createSessionStore(factory: IDBFactory | undefined, dbName = 'gaitlens'): SessionStore {
  let dbPromise: Promise<IDBDatabase> | null = null;
  let current: IDBDatabase | null = null;

  /** Drops the cached connection if it is `db`, so that the next call opens a new one. */
  function forget(db: IDBDatabase): void {
    if (current !== db) return;
    current = null;
    dbPromise = null;
  }

  function openDb(): Promise<IDBDatabase> {
    if (!factory) return Promise.reject(new StorageError('unavailable', storageErrorMessage('unavailable')));
    dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
      let request: IDBOpenDBRequest;
      try {
        request = factory.open(dbName, DB_VERSION);
      } catch (error) {
        reject(new StorageError('unavailable', storageErrorMessage('unavailable'), { cause: error }));
        return;
      }
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(SESSIONS)) db.createObjectStore(SESSIONS, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(SUMMARIES)) db.createObjectStore(SUMMARIES, { keyPath: 'id' });
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrading the schema: close so it can proceed; the next call reopens.
        db.onversionchange = () => {
          db.close();
          forget(db);
        };
        // Closed by the browser (storage cleared, disk error): the next call reopens.
        db.onclose = () => forget(db);
        resolve(db);
      };
      request.onerror = () => {
        const detail = request.error?.message;
        reject(
          new StorageError('unavailable', storageErrorMessage('unavailable', detail), {
            cause: request.error
          })
        );
      };
    }).then(
      (db) => (current = db),
      (error: unknown) => {
        dbPromise = null;
        throw error;
      }
    );
    return dbPromise;
  }

  /**
   * A transaction on an open connection. A connection closed without notice (`close()` elsewhere,
   * or a browser that fires no `close` event) makes `transaction()` throw InvalidStateError: the
   * connection is then dropped and opened once more.
   */
  async function transaction(stores: string | string[], mode: IDBTransactionMode): Promise<IDBTransaction> {
    const db = await openDb();
    try {
      return db.transaction(stores, mode);
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw toStorageError(error);
      forget(db);
      return (await openDb()).transaction(stores, mode);
    }
  }

  return {
    async saveSession(session) {
      const parsed = parseStoredSession(session);
      if (!parsed.ok) {
        throw new StorageError(
          'corrupt',
          storageErrorMessage('corrupt', `the session to save is incomplete: ${parsed.problem}`)
        );
      }
      const summary = summarizeSession(session);
      const tx = await transaction([SESSIONS, SUMMARIES], 'readwrite');
      const done = transactionDone(tx);
      try {
        tx.objectStore(SESSIONS).put(session);
        tx.objectStore(SUMMARIES).put(summary);
      } catch (error) {
        // e.g. DataCloneError: put() throws synchronously. Abort so nothing is half-written.
        tx.abort();
        await done.catch(() => undefined);
        throw toStorageError(error);
      }
      await done;
    },

    async getSession(id) {
      const tx = await transaction(SESSIONS, 'readonly');
      const value: unknown = await requestResult(tx.objectStore(SESSIONS).get(id));
      if (value === undefined) return null;
      const parsed = parseStoredSession(value);
      if (!parsed.ok) {
        throw new StorageError('corrupt', storageErrorMessage('corrupt', parsed.problem), { raw: value });
      }
      return parsed.session;
    },

    async listSessions() {
      const tx = await transaction(SUMMARIES, 'readonly');
      const rows = (await requestResult(tx.objectStore(SUMMARIES).getAll())) as unknown[];
      return rows
        .map(parseSummary)
        .filter((row): row is SessionSummary => row !== null)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    async deleteSession(id) {
      const tx = await transaction([SESSIONS, SUMMARIES], 'readwrite');
      const done = transactionDone(tx);
      let missing = false;
      // Check and delete inside the same request callback so the transaction stays active.
      const countRequest = tx.objectStore(SESSIONS).count(id);
      countRequest.onsuccess = () => {
        if (countRequest.result === 0) {
          missing = true;
          tx.abort();
          return;
        }
        tx.objectStore(SESSIONS).delete(id);
        tx.objectStore(SUMMARIES).delete(id);
      };
      try {
        await done;
      } catch (error) {
        if (missing) throw new StorageError('not-found', storageErrorMessage('not-found'));
        throw error;
      }
    }
  };
}

let defaultStore: SessionStore | null = null;

/** The app's store on `globalThis.indexedDB` (created on first use). */
function appStore(): SessionStore {
  defaultStore ??= createSessionStore(typeof indexedDB === 'undefined' ? undefined : indexedDB);
  return defaultStore;
}

export const saveSession = (session: StoredSession) => appStore().saveSession(session);
export const getSession = (id: string) => appStore().getSession(id);
export const listSessions = () => appStore().listSessions();
export const deleteSession = (id: string) => appStore().deleteSession(id);
