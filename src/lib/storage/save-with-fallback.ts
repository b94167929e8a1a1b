/**
 * Saving that degrades instead of failing. When the browser's storage is full, a session is saved
 * again with less in it, in this order:
 * 1. as asked (with the video when the person chose to keep it);
 * 2. without the video;
 * 3. landmarks and analysis only: also without the world landmarks (metres, hip-centred), which
 *    the report does not draw; this about halves the landmarks' size.
 * Only a full storage (`quota`) leads to the next step: any other failure would fail the same way.
 * The outcome says what was left out, so the person can be told.
 */
import type { LandmarkSeries } from '$lib/analysis/series';
import { StorageError } from './storage-error';
import type { StoredSession } from './types';

/** What a save kept: `leftOut` is `null` when everything asked for was saved. */
export interface SaveOutcome {
  leftOut: StoredSession['leftOut'];
}

/** The series with every pose's world landmarks removed. */
function imageLandmarksOnly(series: LandmarkSeries): LandmarkSeries {
  return {
    ...series,
    frames: series.frames.map((f) => (f.pose ? { ...f, pose: { image: f.pose.image, world: [] } } : f))
  };
}

/** The session as saved at each step, from the fullest to the smallest. */
function fallbacks(session: StoredSession): StoredSession[] {
  const steps: StoredSession[] = [{ ...session, leftOut: null }];
  if (session.video !== null) steps.push({ ...session, video: null, leftOut: 'video' });
  steps.push({
    ...session,
    video: null,
    series: imageLandmarksOnly(session.series),
    leftOut: 'video-and-world-landmarks'
  });
  return steps;
}

/**
 * Saves `session` with `save`, leaving out what it must (see the module comment) when storage is
 * full. Rejects with the last {@link StorageError} when even the smallest form does not fit, or at
 * once with any other error.
 */
export async function saveWithFallback(
  session: StoredSession,
  save: (session: StoredSession) => Promise<void>
): Promise<SaveOutcome> {
  const steps = fallbacks(session);
  for (let i = 0; ; i++) {
    try {
      await save(steps[i]);
      return { leftOut: steps[i].leftOut };
    } catch (error) {
      const last = i === steps.length - 1;
      if (last || !(error instanceof StorageError && error.code === 'quota')) throw error;
    }
  }
}

/** A sentence telling the person what a save kept, or null when everything asked for was saved. */
export function describeSaveOutcome(outcome: SaveOutcome): string | null {
  switch (outcome.leftOut) {
    case null:
      return null;
    case 'video':
      return 'Your browser’s storage is nearly full, so this walk was saved without its video. The landmarks and results are kept; delete older walks in History to make room.';
    case 'video-and-world-landmarks':
      return 'Your browser’s storage is nearly full, so only the landmarks and results of this walk were saved (no video, and the skeleton in image coordinates only). Delete older walks in History to make room.';
  }
}
