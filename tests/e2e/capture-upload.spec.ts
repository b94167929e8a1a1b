/**
 * Upload path of the built app in real Chromium: bad files give their messages, the synthetic
 * walk goes through progress to a report (cadence ≈110), and cancelling mid-analysis leaves the
 * app usable, also while several pose workers share a long clip. Analysis uses the Lite model (set in Settings storage) to keep the run short.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  clipsUnavailable,
  longWalkClip,
  mp4vClip,
  noPersonClip,
  textAsMp4,
  tooShortClip,
  WALK_WEBM
} from './capture-clips';

test.skip(clipsUnavailable !== null, `capture upload tests skipped: ${clipsUnavailable}`);

async function openUpload(page: Page) {
  await page.addInitScript(() => {
    localStorage.setItem(
      'gaitlens.settings.v1',
      JSON.stringify({ analysisModel: 'lite', liveModel: 'lite', heightCm: null, keepVideo: false })
    );
  });
  await page.goto('/upload');
  await expect(page.getByRole('heading', { level: 1, name: /upload a video/i })).toBeVisible();
}

/** The report shows the synthetic walker's cadence (≈ 110 steps/min). */
async function expectCadenceAbout110(page: Page) {
  const cadenceText = await page
    .locator('[data-testid="metric-card"][data-metric="cadence"] [data-testid="metric-value"]')
    .innerText();
  const cadence = Number(cadenceText.match(/\d+(\.\d+)?/)?.[0]);
  expect(cadence, `cadence shown on the report: "${cadenceText}"`).toBeGreaterThan(100);
  expect(cadence).toBeLessThan(120);
}

async function chooseAndAnalyse(page: Page, path: string) {
  await page.getByLabel('Choose a video…').setInputFiles(path);
  await page.getByRole('button', { name: 'Analyse this walk' }).click();
}

test('a text file named .mp4 is refused with a sentence, not a crash', async ({ page }) => {
  await openUpload(page);
  await chooseAndAnalyse(page, textAsMp4());
  await expect(page.getByTestId('job-error')).toContainText(/not a video we can read|damaged or incomplete/i);
});

test('an MPEG-4 Part 2 video names its codec and says what to do', async ({ page }) => {
  await openUpload(page);
  await chooseAndAnalyse(page, mp4vClip());
  const error = page.getByTestId('job-error');
  await expect(error).toContainText('MPEG-4 Part 2');
  await expect(error).toContainText(/H\.264/);
});

test('a clip with nobody in it says no person was found', async ({ page }) => {
  await openUpload(page);
  await chooseAndAnalyse(page, noPersonClip());
  const error = page.getByTestId('job-error');
  await expect(error).toBeVisible();
  expect(await error.innerText()).toMatch(/no person/i);
});

test('a one-second clip is refused before analysis as too short', async ({ page }) => {
  await openUpload(page);
  await page.getByLabel('Choose a video…').setInputFiles(tooShortClip());
  await expect(page.getByTestId('check-problem')).toContainText(/only 1\.0 s long/);
  await expect(page.getByRole('button', { name: 'Analyse this walk' })).toHaveCount(0);
});

test('the synthetic side walk goes through progress to a report with cadence ≈110', async ({ page }) => {
  await openUpload(page);
  await page.getByLabel('Choose a video…').setInputFiles(WALK_WEBM);
  await expect(page.getByLabel(/preview of/i)).toBeVisible();
  await page.getByRole('button', { name: 'Analyse this walk' }).click();
  await expect(page.getByTestId('job-progress')).toContainText(/Frame \d+( of \d+)? · [\d.]+ frames\/s/);
  await page.waitForURL(/\/report\/[0-9a-f-]{36}$/, { timeout: 90_000 });
  await expectCadenceAbout110(page);
});

test('cancelling mid-analysis leaves the app usable: a second upload analyses', async ({ page }) => {
  await openUpload(page);
  await page.getByLabel('Choose a video…').setInputFiles(WALK_WEBM);
  await page.getByRole('button', { name: 'Analyse this walk' }).click();
  await expect(page.getByTestId('job-progress')).toContainText(/Frame [1-9]\d*/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('job-cancelled')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Analyse this walk' }).click();
  await page.waitForURL(/\/report\/[0-9a-f-]{36}$/, { timeout: 90_000 });
});

test('a 14-s walk is posed by one worker per core side by side; Cancel stops every one; the next run reports it all', async ({
  page
}) => {
  test.setTimeout(180_000);
  const clip = longWalkClip();
  await openUpload(page);
  // One pose worker per core, at most 4 (workers/time-segments.ts), each with its own decode worker.
  const poseWorkers = await page.evaluate(() => Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1)));
  await chooseAndAnalyse(page, clip);
  await expect(page.getByTestId('job-progress')).toContainText(/Frame [1-9]\d*/);
  await expect.poll(() => page.workers().length).toBeGreaterThanOrEqual(2 * poseWorkers);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('job-cancelled')).toBeVisible();
  await expect.poll(() => page.workers().length, { timeout: 5_000 }).toBe(0);

  await page.getByRole('button', { name: 'Analyse this walk' }).click();
  // Progress counts the frames of every stretch against the whole clip's.
  await expect(page.getByTestId('job-progress')).toContainText(/Frame \d+/);
  await page.waitForURL(/\/report\/[0-9a-f-]{36}$/, { timeout: 150_000 });
  await expectCadenceAbout110(page);
});
