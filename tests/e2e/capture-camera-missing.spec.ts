/**
 * /record on a machine with no camera at all (no fake device; the permission prompt is
 * auto-accepted, so the only problem is the missing camera): a clear message and the upload link.
 */
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';

test.use({
  launchOptions: {
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: [...chromiumArgs, '--use-fake-ui-for-media-stream']
  }
});

test('no camera gives a clear message and a link to upload instead', async ({ page }) => {
  await page.goto('/record');
  const cameras = await page.evaluate(
    async () =>
      (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').length
  );
  test.skip(cameras > 0, `this machine has ${cameras} real camera(s), so "no camera" cannot be staged here`);
  await page.getByRole('button', { name: 'Start the camera' }).click();
  const error = page.getByTestId('camera-error');
  await expect(error).toContainText(/no camera was found/i);
  await expect(error.getByRole('link', { name: 'Upload a video instead' })).toHaveAttribute(
    'href',
    '/upload'
  );
});
