/**
 * Time to report in the BUILT app (`npm run bench -- report`): the path a person takes. Open `/upload`,
 * choose the file, click "Analyse this walk" as soon as it shows, and wait until the report page
 * (`/report/<id>`, its `data-testid="report"` article) is drawn. Timed in the page from the click (a capture
 * listener), with a MutationObserver marking the first progress ("Frame n"), each phase of the job and the
 * report, so polling adds nothing to the figures.
 *
 * Clips (ffmpeg, like the pose bench's): 4 s and 10 s at 30 fps 960×540, and 10 s at 60 fps 1920×1080; the
 * app's default settings (nothing stored, so the model is DEFAULT_SETTINGS.analysisModel). Every run has
 * its own browser context, so IndexedDB starts empty. "Returning": the context first visits the app and
 * waits until the service worker has stored it (the first-visit download), then opens /upload again, as a
 * person coming back would (the page, wasm and models come from the service worker's cache).
 * "First visit": nothing cached, the first-visit download running alongside (10-s 960×540 clip only).
 *
 * Serves the user build `build/` (BENCH_APP_BUILD_DIR to use another), made with `npm run build` when
 * missing, on BENCH_PORT + 1 (default 4400).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { median } from '../../src/lib/analysis/signal/median';
import { DEFAULT_SETTINGS } from '../../src/lib/state/settings-data';
import {
  addSummary,
  benchReps,
  ensureBuild,
  f1,
  hasFfmpeg,
  interleaved,
  launchChromium,
  loadAverage,
  makeClip,
  ROOT,
  serveBuild,
  type Summary
} from './common';

const APP_BUILD_DIR = resolve(ROOT, process.env.BENCH_APP_BUILD_DIR ?? 'build');
const PORT = Number(process.env.BENCH_PORT ?? 4399) + 1;
const RUN_TIMEOUT_MS = 10 * 60_000;

interface Clip {
  label: string;
  file: string;
  seconds: number;
  /** The target for click → report ÷ clip length, if it sets one. */
  target?: number;
}

/**
 * Phases of the job as the status line names them (PHASE_LABELS in analysis-job.svelte.ts). "Measuring your
 * gait" is never drawn: the gait analysis runs in the same task that then enters "Saving", so "Saving" first
 * shown marks the end of pose and gait analysis.
 */
const PHASES = {
  loading: 'Loading the pose model',
  detecting: 'Finding the body',
  saving: 'Saving the session',
  done: 'Done'
} as const;

/**
 * Installs the timing probe in the page: `window.__bench.t` gets performance.now() of the click on
 * "Analyse this walk", of each phase first shown, of the first "Frame n" progress, of the report drawn
 * (the frame after the report article appears on /report/<id>), or of an error; `last` the last progress text.
 */
function installProbe(phases: Record<string, string>): void {
  const b = { t: {} as Record<string, number>, last: '', reportSeen: false };
  (window as unknown as { __bench: typeof b }).__bench = b;
  const mark = (k: string) => {
    b.t[k] ??= performance.now();
  };
  document.addEventListener(
    'click',
    (e) => {
      const button = (e.target as Element | null)?.closest?.('button');
      if (button?.textContent?.includes('Analyse this walk')) mark('click');
    },
    true
  );
  const check = () => {
    if (b.t.click === undefined) return;
    const phase = document.querySelector('[data-testid="job-phase"]')?.textContent ?? '';
    for (const [key, text] of Object.entries(phases)) if (phase.includes(text)) mark(key);
    const progress = document.querySelector('[data-testid="job-progress"]')?.textContent?.trim() ?? '';
    if (/Frame [1-9]/.test(progress)) {
      mark('firstFrame');
      b.last = progress;
    }
    if (document.querySelector('[data-testid="job-error"]')) mark('error');
    if (
      !b.reportSeen &&
      /\/report\/[^/]+$/.test(location.pathname) &&
      document.querySelector('[data-testid="report"]')
    ) {
      b.reportSeen = true;
      requestAnimationFrame(() => mark('report'));
    }
  };
  new MutationObserver(check).observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true
  });
}

/** One run in a new browser context: returns ms from the click to each mark, and the run's circumstances. */
async function timeToReport(
  browser: Browser,
  base: string,
  clip: Clip,
  returning: boolean
): Promise<Summary> {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    let warmupMs = 0;
    if (returning) {
      const t0 = Date.now();
      await page.goto(`${base}/upload`);
      await page.getByTestId('offline-ready').waitFor({ timeout: 120_000 });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      warmupMs = Date.now() - t0;
    }
    await page.goto(`${base}/upload`);
    await page.getByRole('heading', { level: 1, name: /upload a video/i }).waitFor();
    if (returning && !(await page.evaluate(() => navigator.serviceWorker.controller !== null)))
      throw new Error('report bench: /upload was not served by the service worker on the second visit');
    // tsx keeps function names by wrapping named inner functions in `__name(…)`: give the page one.
    await page.evaluate('globalThis.__name ??= (f) => f');
    await page.evaluate(installProbe, PHASES);

    const load = loadAverage().split(' ')[0];
    const tPick = Date.now();
    await page.getByLabel('Choose a video…').setInputFiles(clip.file);
    const analyse = page.getByRole('button', { name: 'Analyse this walk' });
    await analyse.waitFor({ timeout: 60_000 });
    const model = (await page.getByText(/model:/).textContent())?.match(/model:\s*(\w+)/)?.[1] ?? '?';
    const pickToClickMs = Date.now() - tPick;
    await analyse.click();
    await page.waitForFunction(
      () => {
        const t = (window as unknown as { __bench: { t: Record<string, number> } }).__bench.t;
        return t.report !== undefined || t.error !== undefined;
      },
      undefined,
      { timeout: RUN_TIMEOUT_MS, polling: 250 }
    );
    const probe = await page.evaluate(
      () => (window as unknown as { __bench: { t: Record<string, number>; last: string } }).__bench
    );
    if (probe.t.error !== undefined) {
      const text = await page.getByTestId('job-error').innerText();
      throw new Error(`report bench: ${clip.label} (${returning ? 'returning' : 'first visit'}): ${text}`);
    }
    if (!/\/report\/[0-9a-f-]{36}$/.test(page.url()))
      throw new Error(`report bench: unexpected page ${page.url()}`);
    await page.getByTestId('report').waitFor({ state: 'visible' });
    const since = (k: string) => (probe.t[k] === undefined ? Number.NaN : probe.t[k] - probe.t.click);
    return {
      reportMs: since('report'),
      firstFrameMs: since('firstFrame'),
      detectingMs: since('detecting'),
      savingMs: since('saving'),
      pickToClickMs,
      warmupMs,
      frames: Number(probe.last.match(/Frame (\d+)/)?.[1] ?? Number.NaN),
      progress: probe.last,
      model,
      load
    };
  } finally {
    await context.close();
  }
}

export async function benchReport(): Promise<void> {
  if (!hasFfmpeg()) {
    console.log('report bench: skipped (ffmpeg is not installed)');
    return;
  }
  ensureBuild(APP_BUILD_DIR, 'build', { GAITLENS_BUILD_DIR: APP_BUILD_DIR });
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-bench-report-'));
  try {
    console.log('report bench: making clips…');
    const clips: Clip[] = [
      { label: '4-s 30-fps 960×540', file: makeClip(dir, 'walk-4s-960x540.mp4', 4, 960, 540), seconds: 4 },
      {
        label: '10-s 30-fps 960×540',
        file: makeClip(dir, 'walk-10s-960x540.mp4', 10, 960, 540),
        seconds: 10,
        target: 1.0
      },
      {
        label: '10-s 60-fps 1920×1080',
        file: makeClip(dir, 'walk-10s-60fps-1920x1080.mp4', 10, 1920, 1080, 60),
        seconds: 10,
        target: 1.2
      }
    ];
    const server = await serveBuild(APP_BUILD_DIR, PORT);
    const inRepo = relative(ROOT, APP_BUILD_DIR);
    const where = inRepo.startsWith('..') ? APP_BUILD_DIR : `${inRepo}/`;
    const browser = await launchChromium();
    try {
      console.log(
        `report bench: built app ${where} in headless Chromium (CPU), /upload → choose the file →` +
          ` click "Analyse this walk" as soon as it shows → /report/<id> drawn; default settings (model ${DEFAULT_SETTINGS.analysisModel});` +
          ` a new browser context per run (IndexedDB empty). "Returning": the service worker installed and its download` +
          ` complete on a first visit, then /upload opened again; "first visit": nothing cached.` +
          ` Medians of ${benchReps()} interleaved runs; load average now ${loadAverage()}`
      );
      const cold = clips[1];
      const runs = await interleaved([
        ...clips.map((clip) => () => timeToReport(browser, server.base, clip, true)),
        () => timeToReport(browser, server.base, cold, false)
      ]);
      for (const [k, clip] of [...clips, cold].entries()) print(clip, runs[k], k < clips.length);
    } finally {
      await browser.close();
      server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(clip: Clip, runs: Summary[], returning: boolean): void {
  const med = (key: string) => median(runs.map((r) => Number(r[key])));
  const s = (ms: number) => `${f1(ms / 1000)} s`;
  const ratio = med('reportMs') / 1000 / clip.seconds;
  const target = clip.target === undefined ? '' : ` (target ≤ ${clip.target.toFixed(1)}×)`;
  const visit = returning ? 'returning' : 'first visit';
  console.log(
    `  ${clip.label}, ${runs[0].model}, ${visit}: click → report ${s(med('reportMs'))} = ${ratio.toFixed(2)}× the clip${target};` +
      ` click → model ready ${s(med('detectingMs'))}, → first progress ${s(med('firstFrameMs'))},` +
      ` → pose and gait analysis done ${s(med('savingMs'))}` +
      ` (saving and drawing the report ${s(med('reportMs') - med('savingMs'))})` +
      ` (last progress "${runs[0].progress}"; pick → click ${s(med('pickToClickMs'))})` +
      ` | runs ${runs.map((r) => f1(Number(r.reportMs) / 1000)).join(', ')} s at load ${runs.map((r) => r.load).join(', ')}`
  );
  addSummary(
    `click → report, ${clip.label}, ${runs[0].model}, ${visit}`,
    `${s(med('reportMs'))} = ${ratio.toFixed(2)}× (first progress ${s(med('firstFrameMs'))})`,
    clip.target === undefined ? '' : `≤ ${clip.target.toFixed(1)}×`,
    runs.map((r) => r.load).join(', ')
  );
}
