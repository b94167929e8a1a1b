/**
 * Strictly increasing timestamps for MediaPipe's VIDEO mode.
 *
 * `detectForVideo(frame, timestampMs)` compares timestamps at microsecond resolution; an equal or
 * earlier one throws and leaves the landmarker permanently broken. One landmarker lives as long
 * as its worker and sees several clips (each starting at 0 ms) and live sessions, so every
 * frame's own time is mapped onto one landmarker timeline:
 * `landmarkerMs = offsetMs + frameMs`, where a new segment (clip) starts `gapMs` after the last
 * stamp, and any stamp that would not advance by at least 1 µs is nudged forward.
 */
export class MonotonicClock {
  /** Minimum advance between two stamps, ms (1 µs, MediaPipe's resolution). */
  static readonly STEP_MS = 0.001;
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
    let t = this.#offsetMs + frameMs;
    // Round to whole microseconds so that the comparison MediaPipe makes is the one we make.
    t = Math.round(t * 1000) / 1000;
    if (!(t >= this.#lastMs + MonotonicClock.STEP_MS))
      t = Math.round((this.#lastMs + MonotonicClock.STEP_MS) * 1000) / 1000;
    this.#lastMs = t;
    return t;
  }
}
