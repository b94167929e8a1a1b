/** Messages the service worker (`src/service-worker.ts`) posts to the open pages. */
export type OfflineMessage =
  /** Precaching a version: bytes downloaded so far of `total` (from the files' sizes). */
  | { type: 'gaitlens:download'; version: string; loaded: number; total: number; files: number }
  /** Every precached file is stored: the app now opens and analyses offline. */
  | { type: 'gaitlens:ready'; version: string; bytes: number; ms: number }
  | { type: 'gaitlens:download-failed'; version: string; message: string };

/** Megabytes with one decimal, e.g. `28.4 MB`. */
export const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
