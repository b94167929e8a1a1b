/**
 * The one error type the session store throws. `message` is a sentence a person can read;
 * `code` lets the UI choose what to offer (e.g. "free some space" for `quota`).
 */
export type StorageErrorCode = 'quota' | 'unavailable' | 'not-found' | 'corrupt';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  /** For `corrupt` records read back: the record as stored, so that its data can still be downloaded. */
  readonly raw: unknown;
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown; raw?: unknown }
  ) {
    super(message, options);
    this.raw = options?.raw;
  }
}

const MESSAGES: Record<StorageErrorCode, string> = {
  quota:
    'Your browser has no room left to save this session, even without its video. Nothing already saved was changed. You can still read and export this report now; delete older sessions in History to make room.',
  unavailable:
    'This browser does not let GaitLens save sessions (private browsing, or storage is turned off). You can still read and export this report now, but it will be gone after you leave the page.',
  'not-found': 'There is no saved session with this id. It may have been deleted.',
  corrupt:
    'A saved session could not be read or written: its data is damaged or not in a form GaitLens understands.'
};

/** The user-facing sentence for a code, optionally followed by a technical detail. */
export function storageErrorMessage(code: StorageErrorCode, detail?: string): string {
  return detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code];
}

/**
 * Map whatever IndexedDB threw or reported (a `DOMException`, usually) to a {@link StorageError}.
 * QuotaExceededError → `quota`; SecurityError / InvalidStateError / missing API → `unavailable`;
 * DataCloneError / DataError / anything else → `corrupt`.
 */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const detail = error instanceof Error ? error.message : undefined;
  let code: StorageErrorCode = 'corrupt';
  if (name === 'QuotaExceededError') code = 'quota';
  else if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'UnknownError')
    code = 'unavailable';
  return new StorageError(code, storageErrorMessage(code, detail), { cause: error });
}
