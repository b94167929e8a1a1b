/**
 * The one analysis path, with the pose worker, the store and navigation replaced by recorders:
 * what reaches storage, what the person sees on failure or cancel, and where they are sent; that
 * Cancel returns to idle within its deadline in every phase, and that a phase that hangs ends in
 * a stall message.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LandmarkSeries } from '$lib/analysis/series';

const calls = vi.hoisted(() => ({
  goto: [] as string[],
  saved: [] as { id: string; video: Blob | null; title: string }[],
  transient: [] as { id: string; video: Blob | null }[],
  disposed: 0,
  /** Models of the pose workers started, in order. */
  created: [] as string[],
  /** The delegate asked of each pose team started, in order. */
  delegates: [] as (string | undefined)[],
  /** What the teams report as the GPU's start failure (they then run on the CPU). */
  gpuProblem: null as string | null,
  processFile: null as null | ((signal: AbortSignal | undefined) => Promise<unknown>),
  /** When set, PoseTeam.create waits for this instead of loading at once (a model that never loads). */
  create: null as null | (() => Promise<void>),
  onProgress: null as null | ((p: unknown) => void),
  /** When set, saving waits for this (a database that never answers). */
  save: null as null | (() => Promise<void>),
  saveError: null as null | Error,
  /** When set, a save fails with quota unless this accepts the session (a storage that only fits smaller forms). */
  quotaUnless: null as null | ((s: { video: Blob | null; leftOut: unknown }) => boolean),
  analyzeError: null as null | Error
}));

vi.mock('$app/navigation', () => ({ goto: async (url: string) => void calls.goto.push(url) }));
vi.mock('$app/paths', () => ({ resolve: (route: string, p: { id: string }) => route.replace('[id]', p.id) }));
vi.mock('$lib/workers/pose-team', () => ({
  PoseTeam: {
    create: async (variant: string, options: { delegate?: string }, signal?: AbortSignal) => {
      calls.created.push(variant);
      calls.delegates.push(options.delegate);
      if (calls.create) {
        await Promise.race([
          calls.create(),
          new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason)))
        ]);
      }
      return team();
    }
  }
}));
const team = () => ({
  processFile: (_file: Blob, opts: { signal?: AbortSignal; onProgress?: (p: unknown) => void }) => {
    opts.onProgress?.({ framesDone: 10, framesTotal: 100, fps: 20, etaMs: 4500 });
    calls.onProgress = opts.onProgress ?? null;
    return calls.processFile!(opts.signal);
  },
  gpuProblem: calls.gpuProblem,
  close: async () => void calls.disposed++,
  dispose: () => void calls.disposed++
});
vi.mock('$lib/analysis/gait', () => ({
  analyzeGait: (series: LandmarkSeries) => {
    if (calls.analyzeError) throw calls.analyzeError;
    return { version: 1, frames: series.frames.length };
  }
}));
vi.mock('$lib/storage', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/storage')>()),
  requestPersistentStorage: async () => null,
  saveSession: async (s: { id: string; video: Blob | null; title: string; leftOut: unknown }) => {
    if (calls.save) await calls.save();
    if (calls.saveError) throw calls.saveError;
    if (calls.quotaUnless && !calls.quotaUnless(s))
      throw new StorageError('quota', storageErrorMessage('quota'));
    calls.saved.push(s);
  }
}));
vi.mock('$lib/state/transient-session', () => ({
  putTransientSession: (s: { id: string; video: Blob | null }) => void calls.transient.push(s)
}));

const { AnalysisJob } = await import('./analysis-job.svelte');
const { settings } = await import('./settings.svelte');
const { PoseInferenceError } = await import('$lib/pose/errors');
const { notice } = await import('./notice.svelte');
const { NoPersonError } = await import('$lib/analysis/gait/errors');
const { UnsupportedCodecError } = await import('$lib/media/errors');
const { StorageError, storageErrorMessage } = await import('$lib/storage/storage-error');
const { CANCEL_DEADLINE_MS, MODEL_LOAD_TIMEOUT_MS, NO_PROGRESS_TIMEOUT_MS, SAVE_TIMEOUT_MS } =
  await import('$lib/capture/limits');

const series = { version: 1, frames: [{ tMs: 0, pose: null }] } as unknown as LandmarkSeries;
const video = new Blob(['fake video bytes'], { type: 'video/webm' });
const input = (keepVideo: boolean) => ({
  video,
  title: 'walk.webm',
  model: 'lite' as const,
  heightCm: 170,
  keepVideo
});

beforeEach(() => {
  calls.goto = [];
  calls.saved = [];
  calls.transient = [];
  calls.disposed = 0;
  calls.created = [];
  calls.delegates = [];
  calls.gpuProblem = null;
  calls.processFile = async () => series;
  calls.saveError = null;
  calls.analyzeError = null;
  calls.create = null;
  calls.save = null;
  calls.quotaUnless = null;
  notice.dismiss();
  vi.useRealTimers();
});

/** A promise that never settles: a worker or database that never answers. */
const never = () => new Promise<never>(() => {});

describe('AnalysisJob', () => {
  describe('pose engine', () => {
    const gpuTrial = {
      delegate: 'GPU',
      cpuMs: 52,
      gpuMs: 38,
      reason: 'r',
      at: '2026-11-30T07:00:00.000Z'
    } as const;

    it('poses on the delegate the device chose, and on the CPU when it is forced', async () => {
      settings.poseTrial = gpuTrial;
      await new AnalysisJob().run(input(false));
      settings.poseEngine = 'cpu';
      await new AnalysisJob().run(input(false));
      settings.poseEngine = 'auto';
      settings.poseTrial = null;
      await new AnalysisJob().run(input(false));
      expect(calls.delegates).toEqual(['GPU', 'CPU', 'CPU']);
    });

    it('poses the clip again on the CPU when the GPU fails mid-clip, and keeps the CPU for the device', async () => {
      settings.poseTrial = gpuTrial;
      let failures = 0;
      calls.processFile = async () => {
        if (failures++ === 0) throw new PoseInferenceError('context lost', 'GPU');
        return series;
      };
      const job = new AnalysisJob();
      await job.run(input(false));
      expect(job.error).toBeNull();
      expect(calls.goto).toHaveLength(1);
      expect(calls.delegates).toEqual(['GPU', 'CPU']);
      expect(calls.disposed).toBe(2);
      expect(settings.poseTrial?.delegate).toBe('CPU');
      expect(settings.poseTrial?.gpuMs).toBe(38);
      expect(settings.poseTrial?.reason).toMatch(/GPU failed during an analysis/);
      settings.poseTrial = null;
    });

    it('records a GPU that could not start, so that the next runs do not try it again', async () => {
      settings.poseTrial = gpuTrial;
      calls.gpuProblem = 'no WebGL2 for the GPU delegate';
      await new AnalysisJob().run(input(false));
      expect(calls.goto).toHaveLength(1);
      expect(settings.poseTrial?.delegate).toBe('CPU');
      expect(settings.poseTrial?.reason).toMatch(/GPU could not start \(no WebGL2/);
      calls.gpuProblem = null;
      await new AnalysisJob().run(input(false));
      expect(calls.delegates).toEqual(['GPU', 'CPU']);
      settings.poseTrial = null;
    });

    it('reports a failure on the CPU as it is, without a second try', async () => {
      calls.processFile = async () => {
        throw new PoseInferenceError('bad frame', 'CPU');
      };
      const job = new AnalysisJob();
      await job.run(input(false));
      expect(job.error?.text).toMatch(/Pose detection failed/);
      expect(calls.delegates).toEqual(['CPU']);
    });
  });

  it('runs on the worker prepared while the file was checked, without loading a second one', async () => {
    const job = new AnalysisJob();
    job.prepare('lite');
    job.prepare('lite');
    await job.run(input(false));
    expect(calls.created).toEqual(['lite']);
    expect(calls.goto).toHaveLength(1);
    expect(calls.disposed).toBe(1);
  });

  it('drops a worker prepared for another model and loads the one asked for', async () => {
    const job = new AnalysisJob();
    job.prepare('full');
    await job.run(input(false));
    expect(calls.created).toEqual(['full', 'lite']);
    expect(calls.disposed).toBe(2);
  });

  it('stops the prepared worker on cancel, even before any run', async () => {
    const job = new AnalysisJob();
    job.prepare('lite');
    job.cancel();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.disposed).toBe(1);
  });

  it('runs with a worker of its own when the prepared one failed to load', async () => {
    calls.create = async () => {
      if (calls.created.length === 1) throw new Error('no model');
    };
    const job = new AnalysisJob();
    job.prepare('lite');
    await job.run(input(false));
    expect(calls.created).toEqual(['lite', 'lite']);
    expect(job.error).toBeNull();
  });

  it('keeps the session in memory with its video, saves it without the video by default, and opens its report', async () => {
    const job = new AnalysisJob();
    await job.run(input(false));
    expect(calls.transient).toHaveLength(1);
    expect(calls.transient[0].video).toBe(video);
    expect(calls.saved).toHaveLength(1);
    expect(calls.saved[0]).toMatchObject({ id: calls.transient[0].id, video: null, title: 'walk.webm' });
    expect(calls.goto).toEqual([`/report/${calls.transient[0].id}`]);
    expect(calls.disposed).toBe(1);
    expect(job.error).toBeNull();
  });

  it('saves the video when the person chose to keep it', async () => {
    await new AnalysisJob().run(input(true));
    expect(calls.saved[0].video).toBe(video);
  });

  it('still opens the report from memory when saving fails, and says why it was not saved', async () => {
    calls.saveError = new StorageError('quota', storageErrorMessage('quota'));
    await new AnalysisJob().run(input(false));
    expect(calls.goto).toHaveLength(1);
    expect(notice.message).toMatch(/no room left/);
    expect(notice.kind).toBe('warning');
  });

  it('turns a codec error into its sentence and stays on the page', async () => {
    calls.processFile = async () => {
      throw new UnsupportedCodecError('hevc');
    };
    const job = new AnalysisJob();
    await job.run(input(false));
    expect(job.phase).toBe('error');
    expect(job.error?.text).toContain('HEVC');
    expect(calls.goto).toEqual([]);
    expect(calls.disposed).toBe(1);
  });

  it('turns an analysis error (nobody in the clip) into its sentence', async () => {
    calls.analyzeError = new NoPersonError('0 frames');
    const job = new AnalysisJob();
    await job.run(input(false));
    expect(job.error?.text).toMatch(/^No person could be followed/);
    expect(calls.saved).toEqual([]);
  });

  it('cancelling stops the run without an error, frees the worker, and lets the next run go through', async () => {
    calls.processFile = (signal) =>
      new Promise((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')))
      );
    const job = new AnalysisJob();
    const running = job.run(input(false));
    await vi.waitFor(() => expect(job.phase).toBe('detecting'));
    expect(job.busy).toBe(true);
    expect(job.fractionDone).toBeCloseTo(0.1, 6);
    job.cancel();
    await running;
    expect(job).toMatchObject({ phase: 'idle', cancelled: true, error: null, busy: false });
    expect(calls.disposed).toBe(1);
    calls.processFile = async () => series;
    await job.run(input(false));
    expect(calls.goto).toHaveLength(1);
    expect(job.cancelled).toBe(false);
  });

  it('says what was kept when the save only fits without the video, then without world landmarks', async () => {
    calls.quotaUnless = (s) => s.video === null;
    await new AnalysisJob().run(input(true));
    expect(calls.saved[0]).toMatchObject({ video: null, leftOut: 'video' });
    expect(notice.message).toMatch(/saved without its video/);

    calls.saved = [];
    calls.quotaUnless = (s) => s.leftOut === 'video-and-world-landmarks';
    await new AnalysisJob().run(input(true));
    expect(calls.saved[0]).toMatchObject({ video: null, leftOut: 'video-and-world-landmarks' });
    expect(notice.message).toMatch(/only the landmarks and results/);
    expect(calls.goto).toHaveLength(2);
  });

  it('keeps the input of a failed run to retry it', async () => {
    calls.processFile = async () => {
      throw new UnsupportedCodecError('hevc');
    };
    const job = new AnalysisJob();
    await job.run(input(false));
    expect(job.failed?.video).toBe(video);
    calls.processFile = async () => series;
    await job.retry();
    expect(calls.goto).toHaveLength(1);
    expect(job.failed).toBeNull();
  });

  describe.each([
    ['loading-model', () => (calls.create = never)],
    ['detecting', () => (calls.processFile = never)],
    ['saving', () => (calls.save = never)]
  ] as const)('while %s, with nothing answering', (phase, hang) => {
    it(`Cancel returns to idle within ${CANCEL_DEADLINE_MS} ms`, async () => {
      hang();
      const job = new AnalysisJob();
      const running = job.run(input(false));
      await vi.waitFor(() => expect(job.phase).toBe(phase));
      const t0 = performance.now();
      job.cancel();
      await running;
      expect(performance.now() - t0).toBeLessThan(CANCEL_DEADLINE_MS);
      expect(job).toMatchObject({ phase: 'idle', cancelled: true, busy: false });
      expect(calls.goto).toEqual([]);
    });

    it('the watchdog ends it with a stall message', async () => {
      vi.useFakeTimers();
      hang();
      const job = new AnalysisJob();
      const running = job.run(input(false));
      await vi.waitFor(() => expect(job.phase).toBe(phase));
      await vi.advanceTimersByTimeAsync(
        Math.max(MODEL_LOAD_TIMEOUT_MS, NO_PROGRESS_TIMEOUT_MS, SAVE_TIMEOUT_MS)
      );
      await running;
      expect(job.phase).toBe('error');
      expect(job.error?.text).toMatch(/nothing happened for \d+ s while/);
      expect(calls.goto).toEqual([]);
    });
  });

  it('progress keeps the watchdog quiet: a long analysis that moves is not a stall', async () => {
    vi.useFakeTimers();
    let finish: ((s: LandmarkSeries) => void) | undefined;
    calls.processFile = () => new Promise((resolve) => (finish = resolve));
    const job = new AnalysisJob();
    const running = job.run(input(false));
    await vi.waitFor(() => expect(job.phase).toBe('detecting'));
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(NO_PROGRESS_TIMEOUT_MS - 1000);
      calls.onProgress?.({ framesDone: i, framesTotal: 100, fps: 1, etaMs: null });
    }
    finish?.(series);
    await running;
    expect(job.error).toBeNull();
  });
});
