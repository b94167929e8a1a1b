/**
 * Makes the project's landmark fixtures: runs the BUILT app's pose engine (diagnostics page `/dev/pose`, the
 * same worker and models as uploads) in Chromium over the shared fixture clips, and writes
 * - each resulting `LandmarkSeries` to `tests/fixtures/landmarks/<clip>.<variant>.json`, rounded (px to 0.1,
 *   visibility and world metres to 3 decimals) to stay small; the gait tests pin their analysis;
 * - for the multi-person clip, every person found in every frame (before the walker is chosen) to
 *   `tests/fixtures/candidates/<clip>.<variant>-<input side>.json` (see `tests/fixtures/pose-candidates.ts`);
 *   the walker tracker's tests replay them, at both input sizes the diagnostics page offers;
 * - for the rendered walker clips of `scripts/render-walker` (rendered first into `GAITLENS_RENDERED_DIR`,
 *   default `tests/.tmp/rendered`; missing ones are skipped), the series to
 *   `tests/fixtures/rendered/<clip>.<variant>.json`, next to the truth the renderer wrote there; those of the
 *   findings clips (`rendered/findings/…`) compact (see `roundSeries`).
 * These are derived data made by our own pipeline.
 *
 * Usage (after a diagnostics build, which has /dev/pose: `GAITLENS_DIAGNOSTICS=1 GAITLENS_BUILD_DIR=<dir>
 *   GAITLENS_KIT_DIR=<another dir> npx vite build`):
 *   GAITLENS_BUILD_DIR=<dir> npx tsx scripts/make-landmark-fixtures.ts [port=4199] [clip-filter] [numPoses=2] [outDir]
 * e.g. clip-filter `rendered/` for only the rendered clips, `rendered/limp` for one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { ImageLandmark, LandmarkSeries, ModelVariant, WorldLandmark } from '../src/lib/analysis/series';
import { chromiumArgs } from '../playwright.config';
import { fixture, FIXTURES, readCandidates, readSeries, runOnDevPage } from '../tests/e2e/pose-helpers';
import { compactCandidates } from '../tests/fixtures/pose-candidates';
import { FINDINGS, VARIANTS as RENDERED } from './render-walker/variants';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = process.env.GAITLENS_BUILD_DIR ?? join(root, 'build');
const port = Number(process.argv[2] ?? 4199);
const only = process.argv[3] ?? '';
const numPoses = Number(process.argv[4] ?? 2) as 1 | 2 | 3;
const outDir = process.argv[5] ?? join(root, 'tests/fixtures/landmarks');
const renderedDir = process.env.GAITLENS_RENDERED_DIR ?? join(root, 'tests/.tmp/rendered');
const renderedOutDir = join(root, 'tests/fixtures/rendered');

/**
 * `series: false` = only the candidates files; a `rendered/` clip comes from `scripts/render-walker`;
 * `compact` = the series is written compact (see `roundSeries`).
 */
const JOBS: {
  clip: string;
  variant: ModelVariant;
  series?: false;
  candidatesAt?: (640 | 960)[];
  compact?: true;
}[] = [
  { clip: 'synthetic-side-walk.webm', variant: 'lite' },
  { clip: 'synthetic-side-walk.webm', variant: 'full' },
  { clip: 'synthetic-side-walk.webm', variant: 'heavy' },
  { clip: 'sports2d-demo.mp4', variant: 'full', candidatesAt: [640, 960] },
  { clip: 'sports2d-demo.mp4', variant: 'lite', series: false, candidatesAt: [640, 960] },
  ...RENDERED.flatMap(({ name }) =>
    (['lite', 'full'] as const).map((variant) => ({ clip: `rendered/${name}.webm`, variant }))
  ),
  ...FINDINGS.flatMap(({ name }) =>
    (['lite', 'full'] as const).map((variant) => ({
      clip: `rendered/${name}.webm`,
      variant,
      compact: true as const
    }))
  )
];

const isRendered = (clip: string) => clip.startsWith('rendered/');
const clipPath = (clip: string) =>
  isRendered(clip) ? join(renderedDir, clip.slice('rendered/'.length)) : fixture(clip);

const round = (v: number, digits: number) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v);

/** One landmark with x, y, z to `xyzDigits` decimals and visibility/presence to `visDigits`. */
const roundLandmark = <L extends ImageLandmark | WorldLandmark>(
  l: L,
  xyzDigits: number,
  visDigits = 3
): L => ({
  ...l,
  x: round(l.x, xyzDigits),
  y: round(l.y, xyzDigits),
  z: round(l.z, xyzDigits),
  visibility: round(l.visibility, visDigits),
  presence: round(l.presence, visDigits)
});

/**
 * The series with coordinates rounded: image px to 0.1, visibility/presence and world metres to 0.001.
 * `compact`: no world landmarks (`world: []`; the analysis reads only `pose.image`) and visibility/presence to
 * 0.01, for about a third of the size.
 */
export function roundSeries(s: LandmarkSeries, { compact = false } = {}): LandmarkSeries {
  return {
    ...s,
    frames: s.frames.map((f) => ({
      tMs: round(f.tMs, 3),
      pose: f.pose && {
        image: f.pose.image.map((l) => roundLandmark(l, 1, compact ? 2 : 3)),
        world: compact ? [] : f.pose.world.map((l) => roundLandmark(l, 3))
      }
    }))
  };
}

async function main() {
  const jobs = JOBS.filter((j) => j.clip.includes(only));
  if (!FIXTURES && jobs.some((j) => !isRendered(j.clip)))
    throw new Error('shared fixtures (../shared/fixtures) are absent');
  if (!existsSync(join(buildDir, 'models'))) throw new Error(`no built app with models in ${buildDir}`);
  mkdirSync(outDir, { recursive: true });
  const server = spawn('npx', ['tsx', join(root, 'scripts/serve-static.ts'), buildDir, String(port)], {
    stdio: 'ignore'
  });
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const browser = await chromium.launch({
      executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
      args: chromiumArgs
    });
    for (const job of jobs) {
      const { clip, variant } = job;
      if (!existsSync(clipPath(clip))) {
        console.log(
          `${clip}: skipped, ${clipPath(clip)} is missing (npx tsx scripts/render-walker/render.ts)`
        );
        continue;
      }
      const page = await browser.newPage({ baseURL: `http://127.0.0.1:${port}` });
      if (job.series !== false) {
        const t0 = Date.now();
        // Every frame, also of the 60-fps rendered clips: series frame i is truth frame i (the app's default
        // of ≤ 30 frames per second is scored from these by decimation: scripts/frame-rate-cost.ts).
        const outcome = await runOnDevPage(page, clipPath(clip), {
          variant,
          numPoses,
          maxFps: 0,
          timeoutMs: 600_000
        });
        if (outcome.error)
          throw new Error(`${clip} ${variant}: ${outcome.error.code} ${outcome.error.message}`);
        const series = roundSeries(await readSeries(page), { compact: job.compact });
        const name = clip.replace(/^rendered\//, '').replace(/\.[^.]+$/, '');
        const file = join(isRendered(clip) ? renderedOutDir : outDir, `${name}.${variant}.json`);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(series));
        const posed = series.frames.filter((f) => f.pose).length;
        console.log(
          `${clip} ${variant}: ${posed}/${series.frames.length} frames with a pose, ${((Date.now() - t0) / 1000).toFixed(0)} s → ${file}`
        );
      }
      for (const side of job.candidatesAt ?? []) {
        const run = await runOnDevPage(page, clipPath(clip), {
          variant,
          numPoses,
          maxSide: side,
          mode: 'candidates',
          timeoutMs: 600_000
        });
        if (run.error) throw new Error(`${clip} ${variant} candidates: ${run.error.message}`);
        const compact = compactCandidates(await readCandidates(page), {
          clip,
          model: variant,
          inputSidePx: side
        });
        const dir = join(outDir, '../candidates');
        mkdirSync(dir, { recursive: true });
        const out = join(dir, `${clip.replace(/\.[^.]+$/, '')}.${variant}-${side}.json`);
        writeFileSync(out, JSON.stringify(compact));
        console.log(
          `${clip} ${variant} at ${side} px: every person in ${compact.tMs.length} frames → ${out}`
        );
      }
      await page.close();
    }
    await browser.close();
  } finally {
    server.kill();
  }
}

await main();
