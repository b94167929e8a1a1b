/**
 * The one analysis path, shared by /upload and /record: a video blob → pose landmarks (in a
 * worker, with progress and cancel) → gait analysis → kept in memory → saved on the device →
 * the report page. Errors become a sentence on `error`; cancelling leaves the job ready again.
 *
 * Nothing hangs: a watchdog ends a phase in which nothing moves for longer than its limit
 * (`capture/limits.ts`) with a `StalledError`, and Cancel returns to idle at once in every phase
 * (the workers are terminated; a save already handed to the database may still complete).
 * A save that does not fit is retried with less in it (`storage/save-with-fallback.ts`), and the
 * person is told what was kept. After a failure the input stays in `failed`, to retry or download.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { analyzeGait } from '$lib/analysis/gait';
import type { LandmarkSeries, ModelVariant } from '$lib/analysis/series';
import { describeError, isAbort, type ErrorMessage } from '$lib/errors/describe-error';
import { MODEL_LOAD_TIMEOUT_MS, NO_PROGRESS_TIMEOUT_MS, SAVE_TIMEOUT_MS } from '$lib/capture/limits';
import { PoseInferenceError, StalledError } from '$lib/pose/errors';
import {
  describeSaveOutcome,
  requestPersistentStorage,
  saveSession,
  saveWithFallback,
  SESSION_SCHEMA_VERSION
} from '$lib/storage';
import { putTransientSession } from '$lib/state/transient-session';
import type { PoseDelegate, PoseProgress } from '$lib/workers/pose-types';
import { PoseTeam } from '$lib/workers/pose-team';
import { notice } from './notice.svelte';
import { settings as deviceSettings } from './settings.svelte';

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
  /** Analyse every frame of a clip above 40 fps (default: at most 30 per second; see `media/frame-rate.ts`). */
  everyFrame?: boolean;
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

/** What each watched phase is doing, for the stall message, and how long it may stay still, ms. */
const WATCHED: Partial<Record<JobPhase, { during: string; limitMs: number }>> = {
  'loading-model': { during: 'loading the pose model', limitMs: MODEL_LOAD_TIMEOUT_MS },
  detecting: { during: 'reading the video frames', limitMs: NO_PROGRESS_TIMEOUT_MS },
  saving: { during: 'saving the session', limitMs: SAVE_TIMEOUT_MS }
};

export class AnalysisJob {
  phase = $state<JobPhase>('idle');
  progress = $state.raw<PoseProgress | null>(null);
  error = $state.raw<ErrorMessage | null>(null);
  /** Set after a cancel, until the next run. */
  cancelled = $state(false);
  /** The input of the last run that failed, kept so that it can be retried or its video downloaded. */
  failed = $state.raw<JobInput | null>(null);
  #abort: AbortController | null = null;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  /** Pose workers started ahead of the run (see {@link prepare}). */
  #prepared: {
    model: ModelVariant;
    delegate: PoseDelegate;
    abort: AbortController;
    team: Promise<PoseTeam | null>;
  } | null = null;

  /**
   * Starts the pose workers and loads `model` ahead of {@link run}, e.g. while a chosen file is being
   * checked, so that the click finds the model loaded and warmed up. The run takes them when its model
   * matches; they are dropped otherwise, and by {@link cancel}. Workers that fail to load are forgotten:
   * the run then loads its own and reports the failure.
   */
  prepare(model: ModelVariant): void {
    const delegate = deviceSettings.poseDelegate;
    if (this.busy || (this.#prepared?.model === model && this.#prepared.delegate === delegate)) return;
    this.#dropPrepared();
    const abort = new AbortController();
    this.#prepared = {
      model,
      delegate,
      abort,
      team: PoseTeam.create(model, { delegate }, abort.signal).catch(() => null)
    };
  }

  /** Stops the prepared workers, if any. */
  #dropPrepared(prepared = this.#prepared): void {
    if (prepared === this.#prepared) this.#prepared = null;
    if (!prepared) return;
    prepared.abort.abort();
    void prepared.team.then((t) => t?.dispose());
  }

  /** The prepared team when it is for `model` and loaded; null when there is none (the run loads its own). */
  async #takePrepared(model: ModelVariant, signal: AbortSignal): Promise<PoseTeam | null> {
    const prepared = this.#prepared;
    this.#prepared = null;
    if (!prepared) return null;
    if (prepared.model !== model || prepared.delegate !== deviceSettings.poseDelegate) {
      this.#dropPrepared(prepared);
      return null;
    }
    const onAbort = () => this.#dropPrepared(prepared);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.#untilAborted(prepared.team, signal);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** True while a run is in progress. */
  get busy(): boolean {
    return this.phase !== 'idle' && this.phase !== 'done' && this.phase !== 'error';
  }

  /** Fraction done, 0–1, or `null` when the frame total is unknown. */
  get fractionDone(): number | null {
    const p = this.progress;
    return p && p.framesTotal ? Math.min(1, p.framesDone / p.framesTotal) : null;
  }

  /** Enters `phase` and (re)arms the watchdog for it. */
  #enter(phase: JobPhase, abort: AbortController): void {
    this.phase = phase;
    this.#feed(abort);
  }

  /** Restarts the current phase's watchdog: called on entering it and on every sign of progress. */
  #feed(abort: AbortController): void {
    clearTimeout(this.#watchdog);
    const watched = WATCHED[this.phase];
    if (!watched) return;
    this.#watchdog = setTimeout(
      () => abort.abort(new StalledError(watched.during, Math.round(watched.limitMs / 1000))),
      watched.limitMs
    );
  }

  /** `promise`, or the abort reason as soon as the run is cancelled or stalls. */
  #untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
    return Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => {
        signal.throwIfAborted();
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      })
    ]);
  }

  /**
   * Runs the whole path and opens the report. Resolves when the report opens, or when the run
   * failed (see `error`) or was cancelled (see `cancelled`); never rejects.
   */
  async run(input: JobInput): Promise<void> {
    if (this.busy) return;
    const abort = new AbortController();
    const { signal } = abort;
    this.#abort = abort;
    this.error = null;
    this.failed = null;
    this.cancelled = false;
    this.progress = null;
    notice.dismiss(); // a note about an earlier session would be mistaken for one about this run
    let team: PoseTeam | null = null;
    try {
      this.#enter('loading-model', abort);
      team =
        (await this.#takePrepared(input.model, signal)) ??
        (await PoseTeam.create(input.model, { delegate: deviceSettings.poseDelegate }, signal));
      // A GPU that could not start is not tried again at every run.
      if (team.gpuProblem) deviceSettings.noteGpuFailure(team.gpuProblem, 'start');
      this.#enter('detecting', abort);
      const poseWith = (t: PoseTeam) =>
        this.#untilAborted(
          t.processFile(input.video, {
            signal,
            fileName: input.title,
            ...(input.everyFrame ? { maxFps: 0 } : {}),
            onProgress: (p) => {
              if (signal.aborted) return;
              this.progress = p;
              this.#feed(abort);
            }
          }),
          signal
        );
      let series: LandmarkSeries;
      try {
        series = await poseWith(team);
      } catch (e) {
        // The GPU failed mid-clip: the device uses the CPU from now on, and this clip is posed again on it.
        if (signal.aborted || !(e instanceof PoseInferenceError && e.delegate === 'GPU')) throw e;
        deviceSettings.noteGpuFailure(e.message);
        team.dispose();
        team = null;
        this.progress = null;
        this.#enter('loading-model', abort);
        team = await PoseTeam.create(input.model, { delegate: 'CPU' }, signal);
        this.#enter('detecting', abort);
        series = await poseWith(team);
      }
      // Closing flushes the pose library's usage log into the fetch guard (never sent).
      await this.#untilAborted(team.close(), signal);
      team = null;
      this.#enter('analysing', abort);
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
      this.#enter('saving', abort);
      void requestPersistentStorage();
      try {
        const outcome = await this.#untilAborted(
          saveWithFallback(
            {
              id,
              createdAt,
              title: input.title,
              series,
              analysis,
              settings,
              video: input.keepVideo ? input.video : null,
              leftOut: null,
              schemaVersion: SESSION_SCHEMA_VERSION
            },
            saveSession
          ),
          signal
        );
        const kept = describeSaveOutcome(outcome);
        if (kept) notice.show(kept, 'warning');
      } catch (e) {
        if (signal.aborted) throw e;
        // The report still opens from memory; the layout shows why it was not saved.
        notice.show(describeError(e).text, 'warning');
      }
      this.#enter('done', abort);
      await goto(resolve('/report/[id]', { id }));
    } catch (e) {
      const reason: unknown = signal.aborted ? signal.reason : e;
      if (isAbort(reason)) {
        this.cancelled = true;
        this.phase = 'idle';
      } else {
        this.error = describeError(reason);
        this.failed = input;
        this.phase = 'error';
      }
    } finally {
      clearTimeout(this.#watchdog);
      team?.dispose();
      if (this.#abort === abort) this.#abort = null;
      this.progress = null;
    }
  }

  /**
   * Cancels the run in progress: the job is idle again within a task, whatever it was waiting for
   * (the workers are terminated as the run unwinds).
   */
  cancel(): void {
    this.#abort?.abort();
    this.#dropPrepared();
  }

  /** Runs the last failed input again. */
  retry(): Promise<void> {
    const input = this.failed;
    return input ? this.run(input) : Promise.resolve();
  }

  /** Clears a shown error or cancel note. */
  reset(): void {
    if (this.busy) return;
    this.phase = 'idle';
    this.error = null;
    this.failed = null;
    this.cancelled = false;
  }
}
