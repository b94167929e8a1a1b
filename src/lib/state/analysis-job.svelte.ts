/**
 * The one analysis path, shared by /upload and /record: a video blob → pose landmarks (in a
 * worker, with progress and cancel) → gait analysis → kept in memory → saved on the device →
 * the report page. Errors become a sentence on `error`; cancelling leaves the job ready again.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { analyzeGait } from '$lib/analysis/gait';
import type { ModelVariant } from '$lib/analysis/series';
import { describeError, isAbort, type ErrorMessage } from '$lib/capture/describe-error';
import { saveSession } from '$lib/storage';
import { putTransientSession } from '$lib/state/transient-session';
import { PoseClient, type PoseProgress } from '$lib/workers/pose-client';
import { notice } from './notice.svelte';

/** The current time as an ISO 8601 string (a plain value, not reactive state). */
const isoNow = (): string => new Date().toISOString();

export type JobPhase = 'idle' | 'loading-model' | 'detecting' | 'analysing' | 'saving' | 'done' | 'error';

/** What to analyse and how. */
export interface JobInput {
  video: Blob;
  /** Shown as the session title, e.g. the file name or "Webcam walk". */
  title: string;
  model: ModelVariant;
  heightCm: number | null;
  /** Save the video with the session on this device. */
  keepVideo: boolean;
}

/** Plain-language name of each phase, for the status line. */
export const PHASE_LABELS: Record<JobPhase, string> = {
  idle: '',
  'loading-model': 'Loading the pose model…',
  detecting: 'Finding the body in every frame…',
  analysing: 'Measuring your gait…',
  saving: 'Saving the session on this device…',
  done: 'Done: opening the report…',
  error: ''
};

export class AnalysisJob {
  phase = $state<JobPhase>('idle');
  progress = $state.raw<PoseProgress | null>(null);
  error = $state.raw<ErrorMessage | null>(null);
  /** Set after a cancel, until the next run. */
  cancelled = $state(false);
  #abort: AbortController | null = null;

  /** True while a run is in progress. */
  get busy(): boolean {
    return this.phase !== 'idle' && this.phase !== 'done' && this.phase !== 'error';
  }

  /** Fraction done, 0–1, or `null` when the frame total is unknown. */
  get fractionDone(): number | null {
    const p = this.progress;
    return p && p.framesTotal ? Math.min(1, p.framesDone / p.framesTotal) : null;
  }

  /**
   * Runs the whole path and opens the report. Resolves when the report opens, or when the run
   * failed (see `error`) or was cancelled (see `cancelled`); never rejects.
   */
  async run(input: JobInput): Promise<void> {
    if (this.busy) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.error = null;
    this.cancelled = false;
    this.progress = null;
    notice.dismiss(); // a note about an earlier session would be mistaken for one about this run
    let client: PoseClient | null = null;
    try {
      this.phase = 'loading-model';
      client = await PoseClient.create(input.model);
      abort.signal.throwIfAborted();
      this.phase = 'detecting';
      const series = await client.processFile(input.video, {
        signal: abort.signal,
        fileName: input.title,
        onProgress: (p) => {
          if (!abort.signal.aborted) this.progress = p;
        }
      });
      client.dispose();
      client = null;
      this.phase = 'analysing';
      const analysis = analyzeGait(series);
      const id = crypto.randomUUID();
      const createdAt = isoNow();
      const settings = { model: input.model, heightCm: input.heightCm };
      putTransientSession({
        id,
        series,
        analysis,
        video: input.video,
        settings,
        title: input.title,
        createdAt
      });
      this.phase = 'saving';
      try {
        await saveSession({
          id,
          createdAt,
          title: input.title,
          series,
          analysis,
          settings,
          video: input.keepVideo ? input.video : null,
          schemaVersion: 1
        });
      } catch (e) {
        // The report still opens from memory; the layout shows why it was not saved.
        notice.show(describeError(e).text, 'warning');
      }
      this.phase = 'done';
      await goto(resolve('/report/[id]', { id }));
    } catch (e) {
      if (isAbort(e)) {
        this.cancelled = true;
        this.phase = 'idle';
      } else {
        this.error = describeError(e);
        this.phase = 'error';
      }
    } finally {
      client?.dispose();
      if (this.#abort === abort) this.#abort = null;
      this.progress = null;
    }
  }

  /** Cancels the run in progress (the worker is stopped and disposed); the job is ready again. */
  cancel(): void {
    this.#abort?.abort();
  }

  /** Clears a shown error or cancel note. */
  reset(): void {
    if (this.busy) return;
    this.phase = 'idle';
    this.error = null;
    this.cancelled = false;
  }
}
