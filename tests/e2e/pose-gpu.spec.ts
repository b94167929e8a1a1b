/**
 * The GPU delegate in the built app (issue #13, "GPU where it helps"). Headless Chromium here runs with
 * --disable-gpu, so MediaPipe's GPU delegate runs on SwiftShader (WebGL2 in software): slow, but the same
 * GPU code path, so its landmarks can be checked against the CPU delegate's on the same frames. Speed is
 * printed, never asserted (docs/SPEED.md, "GPU delegate").
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { diagnosticsBaseURL } from '../../playwright.config';
import type { LandmarkSeries } from '../../src/lib/analysis/series';
import {
  FFMPEG_MISSING,
  FIXTURES,
  FIXTURES_MISSING,
  HAS_FFMPEG,
  ffmpeg,
  fixture,
  readSeries,
  runOnDevPage,
  tmpDir
} from './pose-helpers';

test.use({ baseURL: diagnosticsBaseURL });

/** Frames of the synthetic walk compared (2/3 s at 30 fps; SwiftShader takes ≈ 1.5 s per frame here). */
const FRAMES = 20;

/** The landmarks gait is measured from: shoulders, hips, knees, ankles, heels, toes. */
const GAIT_LANDMARKS = [11, 12, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32];

/**
 * Largest distances allowed between the GPU's and the CPU's landmarks, px on the 960×540 frame (leg
 * ≈ 200 px): the median over all 33 landmarks, the 95th percentile, and the worst of the gait landmarks.
 * The delegates compute in different float precision and order, so landmarks differ slightly, most at
 * the hands and face; a wrong input (flipped, mis-scaled, wrong colour order) moves them by tens of pixels
 * or loses the person.
 */
const MEDIAN_TOLERANCE_PX = 3;
const P95_TOLERANCE_PX = 12;
const GAIT_MAX_TOLERANCE_PX = 25;

const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Per-landmark image distances between two series of the same frames, px (frames posed in both). */
function distances(a: LandmarkSeries, b: LandmarkSeries) {
  const px: number[] = [];
  const gaitPx: number[] = [];
  let worst = { px: 0, landmark: -1, frame: -1 };
  let bothPosed = 0;
  a.frames.forEach((f, i) => {
    const g = b.frames[i]?.pose;
    if (!f.pose || !g) return;
    bothPosed++;
    f.pose.image.forEach((p, k) => {
      const d = Math.hypot(p.x - g.image[k].x, p.y - g.image[k].y);
      px.push(d);
      if (GAIT_LANDMARKS.includes(k)) gaitPx.push(d);
      if (d > worst.px) worst = { px: d, landmark: k, frame: i };
    });
  });
  return { px, gaitPx, worst, bothPosed };
}

const quantile = (a: number[], q: number) => [...a].sort((x, y) => x - y)[Math.floor(q * (a.length - 1))];

test.describe('GPU delegate', () => {
  test.skip(!FIXTURES, FIXTURES_MISSING);
  test.skip(!HAS_FFMPEG, FFMPEG_MISSING);

  let clip = '';
  test.beforeAll(() => {
    clip = join(tmpDir(), 'walk-30.webm');
    // The first 30 frames, copied without re-encoding (VP9 keyframe at 0).
    ffmpeg(
      '-i',
      fixture('synthetic-side-walk.webm'),
      '-frames:v',
      String(FRAMES),
      '-an',
      '-c:v',
      'copy',
      clip
    );
  });

  test('GPU landmarks match the CPU delegate on the same frames', async ({ page }) => {
    test.setTimeout(75_000);
    await page.goto('/dev/pose');
    const cpu = await runOnDevPage(page, clip, { variant: 'lite', delegate: 'CPU', navigate: false });
    expect(cpu.error).toBeNull();
    expect(cpu.summary?.delegate).toBe('CPU');
    const cpuSeries = await readSeries(page);
    const gpu = await runOnDevPage(page, clip, {
      variant: 'lite',
      delegate: 'GPU',
      navigate: false,
      timeoutMs: 60_000
    });
    expect(gpu.error).toBeNull();
    // Here WebGL2 exists (SwiftShader), so the GPU delegate must really have run: no silent fallback.
    expect(gpu.summary?.delegate).toBe('GPU');
    const gpuSeries = await readSeries(page);
    expect(gpuSeries.frames.map((f) => f.tMs)).toEqual(cpuSeries.frames.map((f) => f.tMs));
    const { px, gaitPx, worst, bothPosed } = distances(cpuSeries, gpuSeries);
    const posedCpu = cpuSeries.frames.filter((f) => f.pose).length;
    const posedGpu = gpuSeries.frames.filter((f) => f.pose).length;
    const med = median(px);
    const p95 = quantile(px, 0.95);
    const gaitMax = Math.max(...gaitPx);
    console.log(
      `GPU vs CPU, lite, ${FRAMES} frames: posed CPU ${posedCpu}, GPU ${posedGpu}, both ${bothPosed}; ` +
        `landmark distance median ${med.toFixed(2)} px, 95th percentile ${p95.toFixed(2)} px, ` +
        `gait landmarks median ${median(gaitPx).toFixed(2)} px and max ${gaitMax.toFixed(2)} px, ` +
        `worst ${worst.px.toFixed(1)} px (landmark ${worst.landmark}, frame ${worst.frame}); ` +
        `ms per frame (decode + pose, end to end) CPU ${cpu.summary?.msPerFrame}, GPU ${gpu.summary?.msPerFrame}`
    );
    expect(posedCpu).toBeGreaterThanOrEqual(FRAMES - 2);
    expect(Math.abs(posedGpu - posedCpu)).toBeLessThanOrEqual(1);
    expect(bothPosed).toBeGreaterThanOrEqual(FRAMES - 3);
    expect(med).toBeLessThan(MEDIAN_TOLERANCE_PX);
    expect(p95).toBeLessThan(P95_TOLERANCE_PX);
    expect(gaitMax).toBeLessThan(GAIT_MAX_TOLERANCE_PX);
  });

  test('a GPU that fails to start falls back to the CPU, and the run still gives its landmarks', async ({
    page
  }) => {
    test.setTimeout(60_000);
    const out = await runOnDevPage(page, clip, { variant: 'lite', delegate: 'GPU', failGpuStart: true });
    expect(out.error).toBeNull();
    expect(out.summary?.delegate).toBe('CPU');
    expect(String(out.summary?.gpuProblem)).toMatch(/simulated GPU failure/);
    const series = await readSeries(page);
    expect(series.frames).toHaveLength(FRAMES);
    expect(series.frames.filter((f) => f.pose).length).toBeGreaterThanOrEqual(FRAMES - 2);
  });
});
