/**
 * Benchmark of the pose engine in the BUILT app, in headless Chromium (Playwright), through the
 * diagnostics page `/dev/pose` (the same worker and client the app uses). Prints, for lite and full:
 * - pose-only ms/frame: the model alone on frames decoded beforehand (first 300 frames);
 * - decode-only fps: mediabunny + WebCodecs, no model;
 * - end-to-end ms/frame and fps (decode + convert + pose + walker tracking);
 * - the ratio end-to-end / pose-only throughput (target ≥ 0.9);
 * - the 10-s, 30-fps, 960×540 clip's end-to-end time with lite (target ≤ ~12 s);
 * - the conversion of decoded frames to RGB, ours against the browser's, at 960×540 and for
 *   1920×1080 frames halved to 960×540 (ms per frame, in the decode worker, nothing else running);
 * and heavy's pose-only ms/frame, and memory over a 60-s 1080p clip (Chromium's process RSS,
 * sampled every second, plus the page's JS heap), which must stay flat.
 *
 * Clips are made with ffmpeg in a temporary folder, from the shared synthetic walk when present
 * (so that the model sees a person), else from ffmpeg's `testsrc2` pattern.
 * Builds the diagnostics app (with /dev/pose) into `build-diagnostics/` first when it is missing. Env: BENCH_PORT (default 4399).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { median } from '../../src/lib/analysis/signal/median';
import {
  addSummary,
  benchReps,
  CHROMIUM,
  CHROMIUM_ARGS,
  ensureBuild,
  f1,
  ffmpeg,
  FIXTURE,
  hasFfmpeg,
  interleaved,
  launchChromium,
  loadAverage,
  makeClip,
  ROOT,
  serveBuild,
  type Summary
} from './common';

const BUILD_DIR = resolve(ROOT, process.env.GAITLENS_BUILD_DIR ?? 'build-diagnostics');
const PORT = Number(process.env.BENCH_PORT ?? 4399);

/** Drives /dev/pose once and returns the summary it shows. */
async function runPage(
  page: Page,
  file: string,
  variant: string,
  mode: 'run' | 'decode' | 'pose-only' | 'conversion' | 'parallel',
  {
    numPoses = 2,
    onePerson = true,
    fresh = false,
    prepareMs = -1,
    workers = 1,
    maxFps = 30
  }: {
    numPoses?: number;
    onePerson?: boolean;
    fresh?: boolean;
    prepareMs?: number;
    workers?: number;
    maxFps?: 0 | 30;
  } = {}
): Promise<Summary> {
  await page.getByTestId('variant').selectOption(variant);
  await page.getByTestId('mode').selectOption(mode);
  await page.getByTestId('num-poses').selectOption(String(numPoses));
  await page.getByTestId('one-person').setChecked(onePerson);
  await page.getByTestId('fresh-worker').setChecked(fresh);
  await page.getByTestId('workers').selectOption(String(workers));
  await page.getByTestId('max-fps').selectOption(String(maxFps));
  await page.getByTestId('prepare-on-pick').setChecked(prepareMs >= 0);
  // Picking the same file again must count as a pick.
  await page.getByTestId('file').setInputFiles([]);
  await page.getByTestId('file').setInputFiles(file);
  if (prepareMs > 0) await page.waitForTimeout(prepareMs);
  await page.getByTestId('run').click();
  await page.waitForFunction(
    () => /done|error/.test(document.querySelector('[data-testid=status]')?.getAttribute('data-state') ?? ''),
    undefined,
    { timeout: 30 * 60_000, polling: 500 }
  );
  const err = await page
    .getByTestId('error')
    .textContent({ timeout: 100 })
    .catch(() => null);
  if (err) throw new Error(`${variant} ${mode} ${file}: ${err}`);
  return JSON.parse((await page.getByTestId('summary').getAttribute('data-json')) ?? '{}') as Summary;
}

/** Total resident memory of every process of the browser using `profileDir`, MiB. */
function browserRssMiB(profileDir: string): number {
  const ps = spawnSync('ps', ['-eo', 'pid=,rss=,args='], { encoding: 'utf8' }).stdout;
  const rootPids = ps
    .split('\n')
    .filter((l) => l.includes(profileDir))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
  // Renderer and GPU processes don't carry the profile path: take the browser's whole process tree.
  const tree = new Set(rootPids);
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((r) => r.length === 3);
  for (let changed = true; changed;) {
    changed = false;
    for (const [pid, ppid] of rows) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        changed = true;
      }
    }
  }
  return rows.filter(([pid]) => tree.has(pid)).reduce((s, [, , rss]) => s + rss, 0) / 1024;
}

/** Parts of the pose benchmark; `npm run bench -- pose:throughput` runs one part only. */
export type PosePart = 'throughput' | 'memory' | 'start' | 'parallel' | 'live' | 'rate';

export async function benchPose(
  parts: readonly PosePart[] = ['start', 'live', 'throughput', 'rate', 'parallel', 'memory']
): Promise<void> {
  if (!hasFfmpeg()) {
    console.log('pose bench: skipped (ffmpeg is not installed)');
    return;
  }
  ensureBuild(BUILD_DIR, 'build:diagnostics');
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-bench-'));
  console.log('pose bench: making clips…');
  const clip10 = makeClip(dir, 'walk-10s-960x540.mp4', 10, 960, 540);

  const server = await serveBuild(BUILD_DIR, PORT).catch((e: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  const { base } = server;
  const profile = mkdtempSync(join(tmpdir(), 'gaitlens-bench-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}/dev/pose`);
    console.log(
      `pose bench: headless Chromium, CPU delegate, model input ≤ 960 px, medians of ${benchReps()} runs, load average ${loadAverage()}`
    );

    if (parts.includes('live')) await benchLive(base, dir);
    if (parts.includes('start')) await benchStart(base, makeClip(dir, 'walk-2s-960x540.mp4', 2, 960, 540));
    if (parts.includes('throughput')) {
      await benchConversion(page, [clip10, makeClip(dir, 'walk-2s-1920x1080.mp4', 2, 1920, 1080)]);
      await benchThroughput(page, clip10);
    }
    if (parts.includes('rate'))
      await benchFrameRate(page, makeClip(dir, 'walk-10s-60fps-1920x1080.mp4', 10, 1920, 1080, 60));
    if (parts.includes('parallel')) await benchParallel(page, clip10);
    if (parts.includes('memory'))
      await benchMemory(context, page, profile, makeClip(dir, 'walk-60s-1920x1080.mp4', 60, 1920, 1080));
    await context.close();
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Live pose rate: a fake 30-fps 640×360 camera playing the synthetic walk (Chromium's
 * --use-file-for-fake-video-capture), /dev/pose's live mode with lite and 1 person (as the record page),
 * the page's own pose-fps figure (results over the last second) read every second from 4 to 14 s.
 */
async function benchLive(base: string, dir: string): Promise<void> {
  if (!existsSync(FIXTURE)) return console.log('  live pose rate: skipped (no synthetic walk to play)');
  const camera = join(dir, 'walk.y4m');
  ffmpeg('-i', FIXTURE, '-vf', 'scale=640:360', '-r', '30', '-pix_fmt', 'yuv420p', camera);
  const browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${camera}`
  ]);
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/dev/pose`);
    await page.getByTestId('variant').selectOption('lite');
    await page.getByTestId('num-poses').selectOption('1');
    await page.getByTestId('live-start').click();
    const read = async () =>
      JSON.parse((await page.getByTestId('live').getAttribute('data-json', { timeout: 60_000 })) ?? '{}') as {
        poseFps: number;
        frames: number;
      };
    await read();
    await page.waitForTimeout(4000);
    const fps: number[] = [];
    const f0 = (await read()).frames;
    for (let s = 0; s < 10; s++) {
      await page.waitForTimeout(1000);
      fps.push((await read()).poseFps);
    }
    const frames = (await read()).frames - f0;
    await page.getByTestId('live-stop').click();
    addSummary('live pose fps, lite, 30-fps 640×360 camera', `${f1(median(fps))} fps`, '≥ 25');
    console.log(
      `  live pose rate, lite, fake 30-fps 640×360 camera: median ${f1(median(fps))} pose fps (${f1(frames / 10)} results/s over 10 s; target ≥ 25)`
    );
  } finally {
    await browser.close();
  }
}

/**
 * Click → first posed frame: Run on /dev/pose with a new pose worker each time, timed from the click to the
 * first frame the model has posed (the worker reports it at once), and the part of it spent creating the
 * worker and loading the model. "First visit": a new browser context (empty HTTP cache, the service worker
 * not yet installed); "again": the next run on the same page.
 */
async function benchStart(base: string, clip: string): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const variant of ['lite', 'full'] as const) {
      const first: Summary[] = [];
      const again: Summary[] = [];
      const atOnce: Summary[] = [];
      const later: Summary[] = [];
      for (let r = 0; r < benchReps(); r++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${base}/dev/pose`);
        first.push(await runPage(page, clip, variant, 'run', { fresh: true }));
        again.push(await runPage(page, clip, variant, 'run', { fresh: true }));
        atOnce.push(await runPage(page, clip, variant, 'run', { fresh: true, prepareMs: 0 }));
        later.push(await runPage(page, clip, variant, 'run', { fresh: true, prepareMs: 2000 }));
        await context.close();
      }
      const med = (runs: Summary[], key: string) => Math.round(median(runs.map((x) => Number(x[key]))));
      console.log(
        `  ${variant.padEnd(5)} click → first posed frame, new worker at the click: first visit ${med(first, 'firstFrameMs')} ms` +
          ` (model ready after ${med(first, 'createMs')} ms), again ${med(again, 'firstFrameMs')} ms (model ready after ${med(again, 'createMs')} ms);` +
          ` worker started when the file is picked (as the upload page does): click at once ${med(atOnce, 'firstFrameMs')} ms,` +
          ` click 2 s later ${med(later, 'firstFrameMs')} ms`
      );
      addSummary(
        `click → first posed frame, ${variant}, /dev/pose`,
        `first visit ${med(first, 'firstFrameMs')} ms, again ${med(again, 'firstFrameMs')} ms, picked 2 s before ${med(later, 'firstFrameMs')} ms`
      );
    }
  } finally {
    await browser.close();
  }
}

/** Time to pose a 10-s 60-fps 1080p clip with the default model: at ≤ 30 frames per second (default) and every frame. */
async function benchFrameRate(page: Page, clip60: string): Promise<void> {
  const [capped, every] = await interleaved([
    () => runPage(page, clip60, 'full', 'run'),
    () => runPage(page, clip60, 'full', 'run', { maxFps: 0 })
  ]);
  const wall = (runs: Summary[]) => median(runs.map((x) => Number(x.wallMs))) / 1000;
  console.log(
    `  full, 10-s 60-fps 1920×1080 clip, decode + pose: ≤ 30 frames/s (default) ${f1(wall(capped))} s for ${capped[0].frames} frames = ${(wall(capped) / 10).toFixed(2)}× the clip;` +
      ` every frame ${f1(wall(every))} s for ${every[0].frames} frames = ${(wall(every) / 10).toFixed(2)}× (target ≤ 1.2×)`
  );
  addSummary(
    'decode + pose, full, 10-s 60-fps 1080p, /dev/pose',
    `≤ 30 frames/s ${(wall(capped) / 10).toFixed(2)}×, every frame ${(wall(every) / 10).toFixed(2)}× the clip`,
    '≤ 1.2×'
  );
}

/**
 * One landmarker against N in parallel, each on its own equal stretch of the 10-s clip with its own decode
 * worker (the 'parallel' mode of /dev/pose: every person in every frame, 2 people searched throughout, no
 * overlap between the stretches, so both sides pose the same 300 frames). Throughput ratio = time with 1 ÷
 * time with N. Not yet used by the app: see docs/SPEED.md.
 */
async function benchParallel(page: Page, clip10: string): Promise<void> {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  for (const variant of ['lite', 'full'] as const) {
    const [one, two, three] = await interleaved([
      () => runPage(page, clip10, variant, 'parallel', { workers: 1 }),
      () => runPage(page, clip10, variant, 'parallel', { workers: 2 }),
      () => runPage(page, clip10, variant, 'parallel', { workers: 3 })
    ]);
    const wall = (runs: Summary[]) => median(runs.map((x) => Number(x.wallMs)));
    console.log(
      `  ${variant.padEnd(5)} parallel landmarkers (${cores} cores), 10-s clip: 1 worker ${f1(wall(one) / 1000)} s (${one[0].frames} frames),` +
        ` 2 workers ${f1(wall(two) / 1000)} s = ${(wall(one) / wall(two)).toFixed(2)}×${two[0].segments === undefined ? '' : ` (segments ${two[0].segments})`},` +
        ` 3 workers ${f1(wall(three) / 1000)} s = ${(wall(one) / wall(three)).toFixed(2)}×`
    );
    addSummary(
      `parallel landmarkers, ${variant}, 10-s clip`,
      `1 worker ${f1(wall(one) / 1000)} s; 2: ${(wall(one) / wall(two)).toFixed(2)}×, 3: ${(wall(one) / wall(three)).toFixed(2)}×`,
      '2 workers ≥ 1.4×'
    );
  }
}

/** Our YUV → RGB conversion against the browser's 2D canvas, on the first 60 frames of each clip. */
async function benchConversion(page: Page, clips: string[]): Promise<void> {
  for (const clip of clips) {
    const runs = (await interleaved([() => runPage(page, clip, 'lite', 'conversion')]))[0];
    const med = (key: string) => median(runs.map((x) => Number(x[key])));
    const r = runs[0];
    console.log(
      `  conversion to RGB, ${basename(clip)} → ${r.widthPx}×${r.heightPx}: ours ${f1(med('oursMsPerFrame'))} ms/frame,` +
        ` browser's ${f1(med('browserMsPerFrame'))} ms/frame (${(med('browserMsPerFrame') / med('oursMsPerFrame')).toFixed(1)}×);` +
        ` difference mean ${Number(r.meanAbsDiff).toFixed(2)}, p99 ${r.p99AbsDiff}, max ${r.maxAbsDiff} levels (n=${r.frames} frames)`
    );
  }
}

/**
 * Pose-only, decode-only and end-to-end speed on the 10-s clip. The ratio compares like with like:
 * both runs look for 2 people in all 300 frames. The clip's time is then given with the defaults
 * (one person after an opening with one walker) and with 1 person throughout.
 */
async function benchThroughput(page: Page, clip10: string): Promise<void> {
  console.log(`  (medians of ${benchReps()} interleaved runs each)`);
  for (const variant of ['lite', 'full'] as const) {
    const [pose, decode, e2e, usual] = await interleaved([
      () => runPage(page, clip10, variant, 'pose-only'),
      () => runPage(page, clip10, variant, 'decode'),
      () => runPage(page, clip10, variant, 'run', { onePerson: false }),
      () => runPage(page, clip10, variant, 'run')
    ]);
    const med = (runs: Summary[], key: string) => median(runs.map((x) => Number(x[key])));
    // Throughput is total time over frames, so the ratio uses the mean, not the median.
    const poseMs = med(pose, 'meanMsPerFrame');
    const e2eMs = med(e2e, 'msPerFrame');
    const ratios = pose.map((p, i) => Number(p.meanMsPerFrame) / Number(e2e[i].msPerFrame));
    console.log(
      `  ${variant.padEnd(5)} pose-only ${f1(med(pose, 'medianMsPerFrame'))} ms/frame (median, mean ${f1(poseMs)}, n=${pose[0].frames}, input ${pose[0].inputWidthPx}×${pose[0].inputHeightPx})` +
        ` | decode-only ${f1(med(decode, 'fps'))} fps | end-to-end ${f1(e2eMs)} ms/frame = ${f1(1000 / e2eMs)} fps` +
        ` | ratio e2e/pose-only throughput ${(poseMs / e2eMs).toFixed(2)} (runs: ${ratios.map((r) => r.toFixed(2)).join(', ')}; target ≥ 0.9)` +
        ` | 10-s 960×540 clip, default settings: ${f1(med(usual, 'wallMs') / 1000)} s for ${usual[0].frames} frames${variant === 'lite' ? ' (target ≤ ~12 s)' : ''}` +
        ` (2 people throughout: ${f1(med(e2e, 'wallMs') / 1000)} s)`
    );
    addSummary(
      `pose-only / decode-only / ratio, ${variant}, 960×540`,
      `${f1(med(pose, 'medianMsPerFrame'))} ms/frame / ${f1(med(decode, 'fps'))} fps / ${(poseMs / e2eMs).toFixed(2)}`,
      'ratio ≥ 0.9'
    );
  }
  const [heavy, lite1] = await interleaved([
    () => runPage(page, clip10, 'heavy', 'pose-only'),
    () => runPage(page, clip10, 'lite', 'run', { numPoses: 1 })
  ]);
  console.log(
    `  heavy pose-only ${f1(median(heavy.map((x) => Number(x.medianMsPerFrame))))} ms/frame (median, n=${heavy[0].frames})`
  );
  console.log(
    `  lite, 1 person per frame throughout: end-to-end ${f1(median(lite1.map((x) => Number(x.msPerFrame))))} ms/frame, 10-s clip ${f1(median(lite1.map((x) => Number(x.wallMs))) / 1000)} s`
  );
}

/**
 * Browser memory while the 60-s 1080p clip runs through lite on as many pose workers as the upload path
 * starts on this machine (one per core, at most 4), sampled every second.
 */
async function benchMemory(
  context: BrowserContext,
  page: Page,
  profile: string,
  clip60: string
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const heapMiB = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
  };
  const samples: { s: number; rss: number; heap: number }[] = [];
  const t0 = Date.now();
  let running = true;
  const sampler = (async () => {
    while (running) {
      samples.push({ s: (Date.now() - t0) / 1000, rss: browserRssMiB(profile), heap: await heapMiB() });
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  const workers = await page.evaluate(() => Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1)));
  const long = await runPage(page, clip60, 'lite', 'parallel', { workers });
  running = false;
  await sampler;
  const rss = samples.map((x) => x.rss);
  const firstThird = rss.slice(0, Math.max(1, Math.floor(rss.length / 3)));
  const lastThird = rss.slice(-Math.max(1, Math.floor(rss.length / 3)));
  const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
  console.log(
    `  memory, 60-s 1920×1080 clip (${long.frames} frames, lite, ${workers} pose workers, ${f1(Number(long.wallMs) / 1000)} s):` +
      ` browser RSS start ${f1(rss[0])} MiB, peak ${f1(Math.max(...rss))} MiB, mean first third ${f1(mean(firstThird))} vs last third ${f1(mean(lastThird))} MiB;` +
      ` page JS heap ${f1(samples[0].heap)} → ${f1(samples[samples.length - 1].heap)} MiB`
  );
  addSummary(
    `memory, lite, ${workers} workers, 60-s 1080p clip (browser RSS)`,
    `peak ${Math.round(Math.max(...rss))} MiB; mean first third ${Math.round(mean(firstThird))}, last third ${Math.round(mean(lastThird))} MiB`,
    'flat'
  );
  console.log(
    '  RSS every ~10 s (MiB): ' +
      samples
        .filter((_, i) => i % 10 === 0)
        .map((x) => `${Math.round(x.s)}s:${Math.round(x.rss)}`)
        .join(' ')
  );
}
