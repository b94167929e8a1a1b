export { StorageError, toStorageError, type StorageErrorCode } from './storage-error';
export {
  createSessionStore,
  saveSession,
  getSession,
  listSessions,
  deleteSession,
  type SessionStore
} from './session-store';
export { SESSION_SCHEMA_VERSION, parseStoredSession } from './session-schema';
export { saveWithFallback, describeSaveOutcome, type SaveOutcome } from './save-with-fallback';
export {
  requestPersistentStorage,
  storageStatus,
  describeStorageStatus,
  type StorageStatus
} from './persistence';
export { summarizeSession } from './summarize-session';
export type { StoredSession, SessionSummary, SessionHeadline, SessionSettings } from './types';
