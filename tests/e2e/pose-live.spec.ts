/**
 * Live mode of the pose worker in the built app: a fake camera plays the synthetic walk (a .y4m
 * made with ffmpeg at test time); poses arrive frame after frame with one frame in flight, and
 * stopping leaves the worker usable.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { chromiumArgs, diagnosticsBaseURL } from '../../playwright.config';
import {
  FFMPEG_MISSING,
  FIXTURES,
  FIXTURES_MISSING,
  HAS_FFMPEG,
  ffmpeg,
  fixture,
  tmpDir
} from './pose-helpers';

const camera = FIXTURES && HAS_FFMPEG ? join(tmpDir(), 'walk.y4m') : '';
if (camera)
  ffmpeg('-i', fixture('synthetic-side-walk.webm'), '-vf', 'scale=640:360', '-pix_fmt', 'yuv420p', camera);

test.use({
  baseURL: diagnosticsBaseURL,
  launchOptions: {
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: [
      ...chromiumArgs,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${camera}`
    ]
  }
});

test('live camera frames are posed one at a time and stop cleanly', async ({ page }) => {
  test.skip(!FIXTURES, FIXTURES_MISSING);
  test.skip(!HAS_FFMPEG, FFMPEG_MISSING);
  test.setTimeout(120_000);
  await page.goto('/dev/pose');
  await page.getByTestId('variant').selectOption('lite');
  await page.getByTestId('live-start').click();
  const live = page.getByTestId('live');
  const read = async () => JSON.parse((await live.getAttribute('data-json', { timeout: 60_000 })) ?? '{}');
  await expect.poll(async () => (await read()).withPose, { timeout: 90_000 }).toBeGreaterThanOrEqual(10);
  const now = await read();
  expect([now.widthPx, now.heightPx]).toEqual([640, 360]);
  expect(now.poseFps).toBeGreaterThan(0);
  await page.getByTestId('live-stop').click();
  await expect(page.getByTestId('live-start')).toBeEnabled();
  const stopped = (await read()).frames;
  await page.waitForTimeout(1500);
  expect((await read()).frames).toBe(stopped); // nothing arrives after stop
  await expect(page.getByTestId('error')).toHaveCount(0);
});
