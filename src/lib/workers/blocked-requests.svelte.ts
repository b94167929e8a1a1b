/**
 * Off-site requests that the pose workers' fetch guard answered locally during this visit (the
 * usage log tasks-vision sends when a landmarker closes). Settings shows them, so a person can see
 * that nothing was sent; the end-to-end privacy test reads the same count.
 */
class BlockedRequests {
  /** URLs answered locally, in order (repeats included). */
  urls = $state.raw<string[]>([]);

  /** Adds what one worker's guard answered (its whole list, given when the worker closes). */
  record(urls: readonly string[]): void {
    if (urls.length) this.urls = [...this.urls, ...urls];
  }
}

/** This visit's record. */
export const blockedRequests = new BlockedRequests();

/** Adds what one worker's guard answered to {@link blockedRequests}. */
export const recordBlockedRequests = (urls: readonly string[]): void => blockedRequests.record(urls);
