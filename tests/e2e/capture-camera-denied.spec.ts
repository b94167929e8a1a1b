/**
 * /record when the browser refuses the camera: a fake camera exists, but the permission prompt
 * is denied (no fake-UI auto-accept; `--deny-permission-prompts`). The page must say so in words
 * and offer the upload path.
 */
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';

test.use({
  launchOptions: {
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--deny-permission-prompts']
  }
});

test('camera permission denied gives a clear message and a link to upload instead', async ({ page }) => {
  await page.goto('/record');
  await page.getByRole('button', { name: 'Start the camera' }).click();
  const error = page.getByTestId('camera-error');
  await expect(error).toContainText(/may not use the camera/i);
  await error.getByRole('link', { name: 'Upload a video instead' }).click();
  await expect(page).toHaveURL(/\/upload$/);
  await expect(page.getByRole('button', { name: 'Start the camera' })).toHaveCount(0);
});
