/**
 * PoseTeam's orchestration with stand-in workers: every frame of the clip once across the stretches, the
 * opening's verdict shared (later stretches posed again when it says "not one walker"), progress summed,
 * and cancel and the first error stopping every job.
 */
import { describe, expect, it, vi } from 'vitest';
import type { PoseFramesOptions, PosedStretch } from './pose-client';
import { SCOUT_MS } from '../pose/one-person';

const clip = vi.hoisted(() => ({ durationMs: 10_000, fps: 30 }));

vi.mock('./pose-client', () => ({ PoseClient: {} }));
vi.mock('../media/decode-video', () => ({
  openVideo: async () => ({ info: infoOf(), close: () => {} }),
  checkFramesRead: () => {}
}));

function infoOf() {
  return {
    container: 'mp4',
    codec: 'avc',
    rotationDeg: 0 as const,
    widthPx: 960,
    heightPx: 540,
    durationMs: clip.durationMs,
    frameCount: Math.round((clip.durationMs * clip.fps) / 1000)
  };
}

const { PoseTeam } = await import('./pose-team');

interface Job {
  opts: PoseFramesOptions;
  /** How the job ended: posed, or stopped by its signal. */
  outcome: 'posed' | 'aborted' | 'failed' | null;
}

/**
 * A stand-in pose worker: "poses" the frames of its stretch (every 1/fps s; nobody in them) after `delayMs`,
 * tells the opening's verdict at once when asked, or fails with `failWith`.
 */
function fakeWorker(opening: boolean, delayMs: number, failWith?: Error) {
  const jobs: Job[] = [];
  const worker = {
    variant: 'lite',
    gpuProblem: null,
    async poseFrames(_file: Blob, opts: PoseFramesOptions): Promise<PosedStretch> {
      const job: Job = { opts, outcome: null };
      jobs.push(job);
      opts.onOpening?.(opening);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, delayMs);
        opts.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          job.outcome = 'aborted';
          reject(new DOMException('stopped', 'AbortError'));
        });
      });
      if (failWith) {
        job.outcome = 'failed';
        throw failWith;
      }
      const from = Math.max(0, opts.segment?.keepFromMs ?? 0);
      const to = Math.min(opts.segment?.keepToMs ?? Infinity, clip.durationMs);
      const tMs: number[] = [];
      for (let i = 0; (i * 1000) / clip.fps < to; i++)
        if ((i * 1000) / clip.fps >= from) tMs.push((i * 1000) / clip.fps);
      opts.onProgress?.({ framesDone: tMs.length, framesTotal: null, fps: 30, etaMs: 0 });
      job.outcome = 'posed';
      return { info: infoOf(), widthPx: 960, heightPx: 540, tMs, candidates: tMs.map(() => []) };
    }
  };
  return { worker, jobs };
}

const file = new Blob(['not read by the stand-ins']);
const teamOf = (...workers: ReturnType<typeof fakeWorker>[]) =>
  // The stand-ins have what PoseTeam calls of a PoseClient.
  new PoseTeam(workers.map((w) => w.worker) as never);

describe('PoseTeam', () => {
  it('poses every frame of the clip once over two stretches, and sums their progress', async () => {
    const [a, b] = [fakeWorker(true, 5), fakeWorker(true, 5)];
    const progress: number[] = [];
    const series = await teamOf(a, b).processFile(file, { onProgress: (p) => progress.push(p.framesDone) });
    expect(series.frames).toHaveLength(300);
    series.frames.forEach((f, i) => expect(f.tMs).toBeCloseTo((i * 1000) / 30, 6));
    expect(a.jobs[0].opts.segment?.keepToMs).toBe(b.jobs[0].opts.segment?.keepFromMs);
    expect(Math.max(...progress)).toBe(300);
  });

  it('keeps a later stretch posed for one walker when the opening found one', async () => {
    const [a, b] = [fakeWorker(true, 5), fakeWorker(true, 20)];
    await teamOf(a, b).processFile(file);
    expect(b.jobs.map((j) => [j.opts.onePersonAfterMs, j.outcome])).toEqual([[SCOUT_MS, 'posed']]);
    expect(a.jobs[0].opts.onOpening).toBeTypeOf('function');
  });

  it('poses a later stretch again looking for two people when the opening did not find one walker', async () => {
    const [a, b] = [fakeWorker(false, 5), fakeWorker(false, 20)];
    const series = await teamOf(a, b).processFile(file);
    expect(b.jobs.map((j) => [j.opts.onePersonAfterMs, j.outcome])).toEqual([
      [SCOUT_MS, 'aborted'],
      [undefined, 'posed']
    ]);
    expect(series.frames).toHaveLength(300);
  });

  it('looks for two people throughout when asked to', async () => {
    const [a, b] = [fakeWorker(true, 5), fakeWorker(true, 5)];
    await teamOf(a, b).processFile(file, { onePersonAfterOpening: false });
    expect(a.jobs[0].opts.onOpening).toBeUndefined();
    expect(b.jobs.map((j) => j.opts.onePersonAfterMs)).toEqual([undefined]);
  });

  it('reports the first failure and stops the other jobs', async () => {
    const broken = new Error('decoder gave up');
    const [a, b] = [fakeWorker(true, 200), fakeWorker(true, 5, broken)];
    await expect(teamOf(a, b).processFile(file)).rejects.toBe(broken);
    expect(a.jobs[0].outcome).toBe('aborted');
  });

  it('stops every job when the caller cancels', async () => {
    const [a, b] = [fakeWorker(true, 200), fakeWorker(true, 200)];
    const cancel = new AbortController();
    const run = teamOf(a, b).processFile(file, { signal: cancel.signal });
    setTimeout(() => cancel.abort(new DOMException('cancelled', 'AbortError')), 20);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect([a.jobs[0].outcome, b.jobs.at(-1)?.outcome]).toEqual(['aborted', 'aborted']);
  });

  it('reads a short clip in one stretch on one worker', async () => {
    clip.durationMs = 3_000;
    const [a, b] = [fakeWorker(true, 5), fakeWorker(true, 5)];
    const series = await teamOf(a, b).processFile(file);
    clip.durationMs = 10_000;
    expect(series.frames).toHaveLength(90);
    expect([a.jobs.length, b.jobs.length]).toEqual([1, 0]);
    expect(a.jobs[0].opts.segment).toBeUndefined();
  });
});
