/**
 * Every judgement constant of the capture layer: live framing cues, the recording length and the time
 * limits of the capture and analysis path (the main-thread side: /upload, /record and the analysis job).
 * Limits on the clip itself (length, size), which the workers enforce too, are in `media/clip-limits.ts`.
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

// ───────────────────────────── live framing cues ─────────────────────────────

/**
 * A landmark closer than this fraction of the frame size to an edge counts as out of view in the live
 * framing cue (the model extrapolates points past the edge). **Provisional.**
 */
export const FRAMING_EDGE_MARGIN_FRACTION = 0.01;

/**
 * Live cue "too far": the body (head top to lowest foot point) spans less than this fraction of the frame
 * height. At 3–5 m a phone's usual field of view gives ≈0.5–0.7; smaller bodies give coarse landmarks.
 * **Provisional.**
 */
export const FRAMING_MIN_BODY_HEIGHT_FRACTION = 0.35;

/** Live cue "too close": the body spans more than this fraction of the frame height. **Provisional.** */
export const FRAMING_MAX_BODY_HEIGHT_FRACTION = 0.9;

/**
 * Live cue "too dark": mean Rec. 601 luma (0–255) of the frame below this. Dim rooms make cameras drop
 * their frame rate and the model lose the feet. **Provisional.**
 */
export const FRAMING_MIN_MEAN_LUMA = 50;

/** A webcam recording stops by itself after this long, s (≈15–20 steps at a normal cadence). **Provisional.** */
export const MAX_RECORDING_S = 20;
