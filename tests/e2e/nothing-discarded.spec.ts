/**
 * Nothing discarded silently: while a walk is being analysed, a link in the app asks first (and
 * staying keeps the analysis going), and closing the tab gets the browser's own prompt.
 */
import { expect, test, type Page } from '@playwright/test';
import { clipsUnavailable, longWalkClip } from './capture-clips';

test.skip(clipsUnavailable !== null, `skipped: ${clipsUnavailable}`);

async function startAnalysis(page: Page): Promise<void> {
  await page.addInitScript(() => {
    localStorage.setItem(
      'gaitlens.settings.v1',
      JSON.stringify({ analysisModel: 'lite', liveModel: 'lite', heightCm: null, keepVideo: false })
    );
  });
  await page.goto('/upload');
  await page.getByLabel('Choose a video…').setInputFiles(longWalkClip());
  await page.getByRole('button', { name: 'Analyse this walk' }).click();
  await expect(page.getByTestId('job-progress')).toContainText(/Frame [1-9]/);
}

test('a link in the app asks first; staying keeps the analysis, leaving stops it', async ({ page }) => {
  await startAnalysis(page);
  const questions: string[] = [];
  page.once('dialog', (d) => {
    questions.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  // the dialog event can arrive just after the click resolves
  await expect.poll(() => questions).toEqual([expect.stringMatching(/being analysed.*Leave this page/)]);
  await expect(page).toHaveURL(/\/upload$/);
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\/history$/);
});

test('closing the tab while analysing gets the browser’s leave prompt', async ({ page }) => {
  await startAnalysis(page);
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const d = await dialog;
  expect(d.type()).toBe('beforeunload');
  await d.dismiss();
  // Staying keeps the analysis going; stopping it then lets the test end with no worker busy (closing the
  // context while the workers ran once failed its teardown with "Test ended").
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('job-cancelled')).toBeVisible();
});
