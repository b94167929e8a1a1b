/**
 * Time limits of the capture and analysis path (the main-thread side: /upload, /record and the
 * analysis job). Limits on the clip itself (length, size) are in `analysis/thresholds.ts`.
 *
 * The watchdog limits are generous: they exist so that a worker that fails silently or a decoder
 * that stalls ends in a message instead of a page that is busy for ever, not to hurry a slow device.
 */

/**
 * Loading the pose model (worker start, wasm compile, model read from this site), ms. Measured
 * here: 1–4 s for lite to heavy; a phone with a cold cache may take ten times that.
 */
export const MODEL_LOAD_TIMEOUT_MS = 60_000;

/**
 * While finding the body in the frames: the longest wait for the next progress report, ms. Reports
 * come every 250 ms while frames are posed; the first comes once the file is open and the first
 * frames are decoded (a few seconds for a large phone MP4).
 */
export const NO_PROGRESS_TIMEOUT_MS = 30_000;

/** Saving a session in IndexedDB, ms (normally well under a second, a few seconds with a large video). */
export const SAVE_TIMEOUT_MS = 30_000;

/** Cancel must bring the analysis back to idle within this time in every phase, ms. */
export const CANCEL_DEADLINE_MS = 1_000;
