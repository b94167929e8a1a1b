/**
 * The pose worker in the built app, on real frames: each model variant loads and gives 33
 * plausible landmarks; landmarks match the synthetic walker's exact truth; a bundle without
 * TFLite metadata is rejected; the walker (not the acrobat) is followed in the Sports2D clip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosticsBaseURL } from '../../playwright.config';
import { expect, test } from '@playwright/test';
import type { LandmarkSeries, Pose } from '../../src/lib/analysis/series';
import { buildPoseTask } from '../../scripts/pose-task/build-pose-task';
import { countOnWalker } from '../fixtures/sports2d-walker';
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

const TRUTH = JSON.parse(
  readFileSync(
    new URL('../fixtures/synthetic-walk/synthetic-side-walk.landmarks.json', import.meta.url),
    'utf8'
  )
) as { legLengthPx: number; frames: Record<string, [number, number]>[] };

const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Plausible = 33 finite landmarks near the frame, scores in [0, 1], head above hips above ankles, world hip-centred. */
function expectPlausible(pose: Pose, widthPx: number, heightPx: number) {
  expect(pose.image).toHaveLength(33);
  expect(pose.world).toHaveLength(33);
  for (const p of pose.image) {
    expect(Number.isFinite(p.x) && Number.isFinite(p.y) && Number.isFinite(p.z)).toBe(true);
    expect(p.x).toBeGreaterThan(-0.25 * widthPx);
    expect(p.x).toBeLessThan(1.25 * widthPx);
    expect(p.y).toBeGreaterThan(-0.25 * heightPx);
    expect(p.y).toBeLessThan(1.25 * heightPx);
    expect(p.visibility).toBeGreaterThanOrEqual(0);
    expect(p.visibility).toBeLessThanOrEqual(1);
  }
  const y = (i: number) => pose.image[i].y;
  expect(y(0)).toBeLessThan((y(23) + y(24)) / 2); // nose above hips (y down)
  expect((y(23) + y(24)) / 2).toBeLessThan((y(27) + y(28)) / 2); // hips above ankles
  for (const p of pose.world) expect(Math.abs(p.x) + Math.abs(p.y) + Math.abs(p.z)).toBeLessThan(3); // metres from mid-hip
}

/** Key landmarks compared with the truth: hips, knees, ankles, heels, toes. */
const KEY = [23, 24, 25, 26, 27, 28, 29, 30, 31, 32];

function landmarkErrors(series: LandmarkSeries) {
  const errPx: number[] = [];
  const heelAtStrikePx: number[] = [];
  series.frames.forEach((f, i) => {
    const truth = TRUTH.frames[i];
    if (!f.pose || !truth) return;
    for (const k of KEY) {
      const [x, y] = truth[k];
      errPx.push(Math.hypot(f.pose.image[k].x - x, f.pose.image[k].y - y));
    }
  });
  const truthJson = JSON.parse(readFileSync(fixture('synthetic-side-walk.truth.json'), 'utf8'));
  for (const hs of truthJson.gait.heelStrikes as { leg: 'L' | 'R'; frame: number }[]) {
    const i = Math.round(hs.frame);
    const pose = series.frames[i]?.pose;
    if (!pose) continue;
    const k = hs.leg === 'L' ? 29 : 30;
    const [x, y] = TRUTH.frames[i][k];
    heelAtStrikePx.push(Math.hypot(pose.image[k].x - x, pose.image[k].y - y));
  }
  return { errPx, heelAtStrikePx };
}

// These specs drive the diagnostics page, which only the diagnostics build has.
test.use({ baseURL: diagnosticsBaseURL });

test.describe('pose models on real frames', () => {
  test.skip(!FIXTURES, FIXTURES_MISSING);

  for (const variant of ['lite', 'full', 'heavy'] as const) {
    test(`${variant}: 33 plausible landmarks on the synthetic walk, matching its truth`, async ({ page }) => {
      test.setTimeout(180_000);
      const out = await runOnDevPage(page, fixture('synthetic-side-walk.webm'), {
        variant,
        timeoutMs: 150_000
      });
      expect(out.error).toBeNull();
      const series = await readSeries(page);
      expect(series.model).toBe(variant);
      expect([series.widthPx, series.heightPx]).toEqual([960, 540]);
      expect(series.frames).toHaveLength(105);
      // Real container timestamps (WebM stores whole ms): 30 fps, strictly increasing.
      series.frames.forEach((f, i) => expect(Math.abs(f.tMs - (i * 1000) / 30)).toBeLessThanOrEqual(1));
      const posed = series.frames.filter((f) => f.pose);
      expect(posed.length).toBeGreaterThanOrEqual(100);
      for (const f of posed.filter((_, i) => i % 10 === 0)) expectPlausible(f.pose as Pose, 960, 540);

      const { errPx, heelAtStrikePx } = landmarkErrors(series);
      const leg = TRUTH.legLengthPx;
      const med = median(errPx);
      const heel = median(heelAtStrikePx);
      test.info().annotations.push({
        type: 'accuracy',
        description: `${variant}: median key-landmark error ${med.toFixed(1)} px = ${(med / leg).toFixed(3)} leg lengths; heel at heel strike ${heel.toFixed(1)} px = ${(heel / leg).toFixed(3)} leg lengths (n=${heelAtStrikePx.length})`
      });
      console.log(test.info().annotations.at(-1)?.description);
      // Full must match the truth within 0.06 leg lengths; lite and heavy within 0.1 (lite swaps legs more).
      expect(med / leg).toBeLessThan(variant === 'full' ? 0.06 : 0.1);
      expect(heel / leg).toBeLessThan(variant === 'full' ? 0.08 : 0.12);
    });
  }

  test('full and heavy give plausible landmarks on a real outdoor clip (eight frames of Sports2D at 4 s)', async ({
    page
  }) => {
    test.skip(!HAS_FFMPEG, FFMPEG_MISSING);
    test.setTimeout(120_000);
    const clip = join(tmpDir(), 'sports2d-start.mp4');
    ffmpeg(
      '-ss',
      '4',
      '-i',
      fixture('sports2d-demo.mp4'),
      '-frames:v',
      '8',
      '-an',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      clip
    );
    await page.goto('/dev/pose');
    for (const variant of ['full', 'heavy'] as const) {
      const out = await runOnDevPage(page, clip, { variant, navigate: false, timeoutMs: 100_000 });
      expect(out.error).toBeNull();
      const series = await readSeries(page);
      expect(series.frames).toHaveLength(8);
      console.log(`${variant}: ${series.frames.filter((f) => f.pose).length}/8 frames with a pose`);
      const posed = series.frames.filter((f) => f.pose);
      expect(posed.length).toBeGreaterThanOrEqual(6);
      for (const f of posed) expectPlausible(f.pose as Pose, series.widthPx, series.heightPx);
    }
  });

  test('a model bundle without TFLite metadata is rejected with a typed error', async ({ page }) => {
    test.setTimeout(60_000);
    const bundle = Buffer.from(buildPoseTask('lite', { withMetadata: false }));
    await page.route('**/models/pose_landmarker_lite.task', (route) =>
      route.fulfill({ status: 200, contentType: 'application/octet-stream', body: bundle })
    );
    const out = await runOnDevPage(page, fixture('synthetic-side-walk.webm'), { variant: 'lite' });
    expect(out.error?.code).toBe('model-load-failed');
    expect(out.error?.message).toMatch(/NormalizationOptions/);
  });

  for (const variant of ['lite', 'full'] as const) {
    test(`${variant}: the Sports2D clip follows the walker, not the acrobat on the roof`, async ({
      page
    }) => {
      test.setTimeout(150_000);
      const out = await runOnDevPage(page, fixture('sports2d-demo.mp4'), {
        variant,
        timeoutMs: 140_000
      });
      expect(out.error).toBeNull();
      const series = await readSeries(page);
      expect(series.frames).toHaveLength(230);
      const c = countOnWalker(
        series.frames.map((f) => f.pose),
        series.frames.map((f) => f.tMs),
        series.widthPx,
        series.heightPx
      );
      console.log(
        `sports2d, ${variant}: ${c.posed}/230 frames with a pose, ${c.onWalker} on the walker; ${c.fullViewPosed}/${c.fullView} in full view`
      );
      expect(c.fullViewPosed / c.fullView).toBeGreaterThan(0.9);
      expect(c.onWalker / c.posed).toBeGreaterThan(0.9);
    });
  }
});
