/**
 * Persistent storage and how much is used. Without persistence a browser may evict everything
 * GaitLens saved when space runs low (Safari: after 7 days without a visit). Persistence is asked
 * for once per page load, at the first save, when the walk is worth keeping; browsers remember
 * the answer.
 */

/** What the browser says about this site's storage. */
export interface StorageStatus {
  /** Bytes used by this site, or null when the browser does not tell. */
  usedBytes: number | null;
  /** Bytes this site may use, or null when the browser does not tell. */
  quotaBytes: number | null;
  /** True when the browser will not evict this site's data; null when it cannot say. */
  persisted: boolean | null;
}

/** The `navigator.storage` of this browser, or undefined where there is none (Node, old browsers). */
type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;

const storageManager = (): StorageManagerLike | undefined =>
  typeof navigator === 'undefined' ? undefined : navigator.storage;

let asked: Promise<boolean | null> | null = null;

/**
 * Asks the browser once per page load to keep this site's data (`navigator.storage.persist()`).
 * Resolves to whether it is persisted (null where the API is missing); never rejects.
 */
export function requestPersistentStorage(manager = storageManager()): Promise<boolean | null> {
  asked ??= (async () => {
    if (!manager?.persist) return null;
    try {
      return (await manager.persisted()) || (await manager.persist());
    } catch {
      return null;
    }
  })();
  return asked;
}

/** Storage used, quota and persistence state, as far as the browser tells; never rejects. */
export async function storageStatus(manager = storageManager()): Promise<StorageStatus> {
  const [estimate, persisted] = await Promise.all([
    manager?.estimate?.().catch(() => null) ?? null,
    manager?.persisted?.().catch(() => null) ?? null
  ]);
  return {
    usedBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
    persisted
  };
}

/** Bytes as a short figure: "820 kB", "12.3 MB", "2.1 GB" (SI units, as browsers show them). */
function bytesText(bytes: number): string {
  if (bytes < 1e6) return `${Math.round(bytes / 1e3)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** One or two sentences on storage for the History page. */
export function describeStorageStatus(s: StorageStatus): string {
  const used =
    s.usedBytes === null
      ? ''
      : `Saved walks and the app use ${bytesText(s.usedBytes)}${s.quotaBytes === null ? '' : ` of the ${bytesText(s.quotaBytes)} this browser allows`}. `;
  const kept =
    s.persisted === true
      ? 'The browser keeps them until you delete them (persistent storage is on).'
      : s.persisted === false
        ? 'The browser may delete them if it runs short of space or you do not visit for a while (persistent storage is off; it is asked for when you save a walk).'
        : 'This browser does not say whether it keeps them.';
  return used + kept;
}
