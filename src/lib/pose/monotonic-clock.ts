/**
 * Strictly increasing timestamps for MediaPipe's VIDEO mode.
 *
 * `detectForVideo(frame, timestampMs)` needs strictly increasing timestamps in WHOLE milliseconds:
 * an equal or earlier one throws and leaves the landmarker permanently broken. (Measured with
 * tasks-vision 1.1 on a clip with repeated frame times: stamps 1 µs apart fail with "Packet
 * timestamp mismatch … minimum expected timestamp is 1 but received 0".) One landmarker lives as long
 * as its worker and sees several clips (each starting at 0 ms) and live sessions, so every
 * frame's own time is mapped onto one landmarker timeline:
 * `landmarkerMs = offsetMs + frameMs`, where a new segment (clip) starts `gapMs` after the last
 * stamp, each stamp is rounded to a whole millisecond, and one that would not advance by at least
 * 1 ms is nudged forward (a shift of ≤ 1 ms per repeated time, far below a frame interval).
 */
export class MonotonicClock {
  /** Minimum advance between two stamps, ms (MediaPipe's resolution). */
  static readonly STEP_MS = 1;
  #lastMs = -Infinity;
  #offsetMs = 0;
  readonly #gapMs: number;

  /** @param gapMs Landmarker-time gap inserted between segments, ms. @default 1000 */
  constructor(gapMs = 1000) {
    if (!(gapMs > 0)) throw new RangeError(`gapMs must be > 0, got ${gapMs}`);
    this.#gapMs = gapMs;
  }

  /** Starts a new segment whose first frame time may be anything (e.g. 0 for a new clip). */
  startSegment(firstFrameMs: number): void {
    const start = Number.isFinite(this.#lastMs) ? this.#lastMs + this.#gapMs : 0;
    this.#offsetMs = start - firstFrameMs;
  }

  /** The landmarker timestamp (ms) for a frame at `frameMs` in the current segment. */
  stamp(frameMs: number): number {
    // Whole milliseconds, so that the comparison MediaPipe makes is the one we make.
    let t = Math.round(this.#offsetMs + frameMs);
    if (!(t >= this.#lastMs + MonotonicClock.STEP_MS)) t = this.#lastMs + MonotonicClock.STEP_MS;
    this.#lastMs = t;
    return t;
  }
}
