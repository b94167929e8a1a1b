export { StorageError, toStorageError, type StorageErrorCode } from './storage-error';
export {
  createSessionStore,
  saveSession,
  getSession,
  listSessions,
  deleteSession,
  type SessionStore
} from './session-store';
export { summarizeSession } from './summarize-session';
export type { StoredSession, SessionSummary, SessionHeadline, SessionSettings } from './types';
