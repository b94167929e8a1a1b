/**
 * Shared helpers of the pose-engine e2e tests: where the shared fixtures are, how to make clips
 * with ffmpeg at test time, and how to drive the diagnostics page `/dev/pose` of the built app.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import type { LandmarkSeries, ModelVariant } from '../../src/lib/analysis/series';
import type { PoseCandidates } from '../../src/lib/workers/pose-types';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The team's shared fixtures (`../shared/fixtures` next to the repository), or null when absent. */
export const FIXTURES = ((): string | null => {
  const dir = resolve(repoRoot, '../shared/fixtures');
  return existsSync(dir) ? dir : null;
})();

export const FIXTURES_MISSING = 'shared fixtures (../shared/fixtures) are absent in this checkout';

export const fixture = (name: string): string => join(FIXTURES ?? '/nonexistent', name);

/** True when an ffmpeg binary is on PATH. */
export const HAS_FFMPEG = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
export const FFMPEG_MISSING = 'ffmpeg is not installed, so test clips cannot be made';

/** A fresh temporary directory for clips made by a test. */
export const tmpDir = (): string => mkdtempSync(join(tmpdir(), 'gaitlens-pose-'));

/** Runs ffmpeg quietly with the given arguments (output file last); throws on failure. */
export function ffmpeg(...args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'pipe' });
}

export type RunMode = 'run' | 'decode' | 'pose-only' | 'candidates' | 'conversion' | 'parallel';

export interface RunOutcome {
  summary: Record<string, number | string> | null;
  error: { code: string; name: string; message: string } | null;
}

/** Opens the diagnostics page, runs one file through the pose worker and returns what it showed. */
export async function runOnDevPage(
  page: Page,
  filePath: string,
  opts: {
    variant?: ModelVariant;
    mode?: RunMode;
    numPoses?: 1 | 2 | 3;
    maxSide?: 0 | 640 | 960;
    /** Frames analysed per second at most; 0 = every frame. */
    maxFps?: 0 | 30;
    /** Pose workers of the 'parallel' mode. */
    workers?: 1 | 2 | 3 | 4;
    /** Where the model runs (the summary's `delegate` says where it did). @default 'CPU' */
    delegate?: 'CPU' | 'GPU';
    /** Test hook of the diagnostics worker: a GPU start fails as a broken driver would. */
    failGpuStart?: boolean;
    timeoutMs?: number;
    navigate?: boolean;
  } = {}
): Promise<RunOutcome> {
  if (opts.navigate !== false) await page.goto('/dev/pose');
  await page.getByTestId('variant').selectOption(opts.variant ?? 'lite');
  await page.getByTestId('mode').selectOption(opts.mode ?? 'run');
  await page.getByTestId('num-poses').selectOption(String(opts.numPoses ?? 2));
  await page.getByTestId('max-side').selectOption(String(opts.maxSide ?? 960));
  await page.getByTestId('max-fps').selectOption(String(opts.maxFps ?? 30));
  await page.getByTestId('workers').selectOption(String(opts.workers ?? 1));
  await page.getByTestId('delegate').selectOption(opts.delegate ?? 'CPU');
  await page.getByTestId('fail-gpu-start').setChecked(!!opts.failGpuStart);
  await page.getByTestId('file').setInputFiles(filePath);
  await page.getByTestId('run').click();
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-state', /done|error/, { timeout: opts.timeoutMs ?? 90_000 });
  if ((await status.getAttribute('data-state')) === 'error') {
    const el = page.getByTestId('error');
    return {
      summary: null,
      error: {
        code: (await el.getAttribute('data-code')) ?? '',
        name: (await el.getAttribute('data-name')) ?? '',
        message: (await el.textContent()) ?? ''
      }
    };
  }
  const json = await page.getByTestId('summary').getAttribute('data-json');
  return { summary: JSON.parse(json ?? 'null'), error: null };
}

/** What the diagnostics page publishes on `window` after a run (see `routes/dev/pose`). */
type Published = { gaitlensDevPose?: { series?: LandmarkSeries; candidates?: PoseCandidates } };

/** The landmark series the page holds after a successful run. */
export async function readSeries(page: Page): Promise<LandmarkSeries> {
  const series = await page.evaluate(() => (globalThis as Published).gaitlensDevPose?.series);
  if (!series) throw new Error('the diagnostics page holds no landmark series');
  return series;
}

/** Every person in every frame, after a run in the 'candidates' mode. */
export async function readCandidates(page: Page): Promise<PoseCandidates> {
  const candidates = await page.evaluate(() => (globalThis as Published).gaitlensDevPose?.candidates);
  if (!candidates) throw new Error('the diagnostics page holds no candidates');
  return candidates;
}
