/**
 * /record in real Chromium with a fake webcam that plays the synthetic side walk (a Y4M made at
 * test time): the live preview shows the skeleton, its pose frame rate is measured and printed,
 * and a short recording goes through the one analysis path to a report.
 */
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { clipsUnavailable, walkY4m } from './capture-clips';

const y4m = clipsUnavailable === null ? walkY4m() : '';

test.skip(clipsUnavailable !== null, `fake-webcam tests skipped: ${clipsUnavailable}`);

test.use({
  launchOptions: {
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: [
      ...chromiumArgs,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${y4m}`
    ]
  }
});

/** Pixels of the overlay canvas that something was drawn on (alpha > 0). */
async function drawnPixels(page: import('@playwright/test').Page): Promise<number> {
  return page.getByTestId('skeleton-overlay').evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}

test('live preview draws the skeleton, then a recording becomes a report', async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    localStorage.setItem(
      'gaitlens.settings.v1',
      JSON.stringify({ analysisModel: 'lite', liveModel: 'lite', heightCm: null, keepVideo: false })
    );
  });
  await page.goto('/record');
  await page.getByRole('button', { name: 'Start the camera' }).click();

  // The fake camera's label is the file path; the picker lists it once permission is given.
  await expect(page.getByLabel('Camera', { exact: true })).toContainText('walk.y4m');
  await expect.poll(() => drawnPixels(page), { timeout: 30_000 }).toBeGreaterThan(500);
  await expect(page.getByTestId('framing-cues')).toContainText(/person found/i);

  // Let the pose rate settle over a few seconds, then read it.
  await page.waitForTimeout(4000);
  const fpsText = await page.getByTestId('live-fps').innerText();
  const poseFps = Number(fpsText.match(/Pose preview: ([\d.]+)/)?.[1]);
  console.log(`live preview (fake webcam, lite): ${fpsText}`);
  testInfo.annotations.push({ type: 'live pose fps', description: fpsText });
  // Speed is a measurement (printed above), not a pass mark: the figure must exist and be positive.
  expect(poseFps).toBeGreaterThan(0);

  const shot = testInfo.outputPath('live-preview.png');
  await page.locator('.stage').screenshot({ path: shot });
  await testInfo.attach('live preview with skeleton', { path: shot, contentType: 'image/png' });

  await page.getByRole('button', { name: /^Record/ }).click();
  await expect(page.getByText(/Recording starts in/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop recording' })).toBeVisible({ timeout: 10_000 });
  await page.waitForTimeout(5000);
  await page.getByRole('button', { name: 'Stop recording' }).click();

  await page.waitForURL(/\/report\/[0-9a-f-]{36}$/, { timeout: 90_000 });
  await expect(page.getByTestId('report')).toBeVisible();
  const cadence = page.locator('[data-testid="metric-card"][data-metric="cadence"]');
  await expect(cadence).toBeVisible();
  console.log(`recorded walk, report cadence card: ${(await cadence.innerText()).replace(/\s+/g, ' ')}`);
});
