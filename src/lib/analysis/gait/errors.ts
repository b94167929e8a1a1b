/**
 * The typed error family of the gait analysis. `analyzeGait` throws only these, and only when there is
 * nothing to analyse at all; a clip that has a person but too little walking gives a result whose metrics
 * are "not measurable" instead (see `analyze-gait.ts`). Each error carries a `userMessage` that the UI can
 * show as is.
 */

/** Base class: every error `analyzeGait` throws is one of these. */
export class GaitAnalysisError extends Error {
  /** Stable code for the UI and tests. */
  readonly code: 'invalid-series' | 'no-person' | 'too-short' | 'analysis-failed';
  /** One sentence a person understands. */
  readonly userMessage: string;

  constructor(code: GaitAnalysisError['code'], userMessage: string, detail?: string) {
    super(detail ? `${userMessage} (${detail})` : userMessage);
    this.name = new.target.name;
    this.code = code;
    this.userMessage = userMessage;
  }
}

/** The landmark series is malformed (bad frame size, times not increasing, wrong landmark count). */
export class InvalidSeriesError extends GaitAnalysisError {
  constructor(detail: string) {
    super('invalid-series', 'The pose data of this clip is damaged, so it cannot be analysed.', detail);
  }
}

/**
 * No person (or hardly any usable landmarks) was found in the clip. `seenBriefly`: a person was found, but
 * only in a few frames of a clip that is long enough (often a false detection in an empty scene).
 */
export class NoPersonError extends GaitAnalysisError {
  constructor(detail?: string, opts: { seenBriefly?: boolean } = {}) {
    super(
      'no-person',
      opts.seenBriefly
        ? 'No person was found in most of this clip. Check the framing: the whole body, from head to feet, should stay in view, in good light.'
        : 'No person could be followed in this clip. Film the whole body, from head to feet, in good light.',
      detail
    );
  }
}

/** The clip has too few frames with a person to say anything. */
export class TooShortError extends GaitAnalysisError {
  constructor(detail?: string) {
    super(
      'too-short',
      'The clip is too short to analyse. Record at least 5 seconds of walking, ideally 10 or more.',
      detail
    );
  }
}

/**
 * An unexpected internal failure while analysing (a bug, not bad data). Wraps the original error as `cause`
 * so that nothing leaves `analyzeGait` untyped.
 */
export class AnalysisFailedError extends GaitAnalysisError {
  constructor(cause: unknown) {
    super(
      'analysis-failed',
      'Something went wrong while analysing this clip. Please try again, or try another recording.',
      cause instanceof Error ? cause.message : String(cause)
    );
    this.cause = cause;
  }
}
