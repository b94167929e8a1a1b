/**
 * The raw data of a stored record that cannot be opened, as a JSON file the person can keep or
 * send for help. Blobs (a kept video) are offered as their own download and only described here;
 * numbers JSON cannot hold (NaN, ±Infinity) are written as strings so nothing is silently lost.
 */
export function rawRecordJson(raw: unknown): string {
  return JSON.stringify(
    raw,
    (_key, value: unknown) => {
      if (value instanceof Blob) return { blob: value.type || 'unknown type', bytes: value.size };
      if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
      return value;
    },
    2
  );
}

/** The video kept in a raw record, if there is one. */
export function rawRecordVideo(raw: unknown): Blob | null {
  const video = typeof raw === 'object' && raw !== null ? (raw as { video?: unknown }).video : null;
  return video instanceof Blob ? video : null;
}
