/**
 * Settings in the built app: choices survive a reload (localStorage), a height outside the human
 * range is refused with a sentence, and the home page offers both ways in with keyboard focus visible.
 */
import { expect, test } from '@playwright/test';

test('model, height and keep-video settings persist across a reload', async ({ page }) => {
  await page.goto('/settings');
  const analysis = page.getByRole('group', { name: 'Pose model for analysing a walk' });
  await expect(analysis.getByRole('radio', { name: /^Full/ })).toBeChecked();
  await expect(
    page
      .getByRole('group', { name: 'Pose model for the live camera preview' })
      .getByRole('radio', { name: 'Lite' })
  ).toBeChecked();
  await analysis.getByRole('radio', { name: /^Heavy/ }).check();
  await page.getByLabel('Height in cm').fill('172');
  await page.getByLabel('Height in cm').blur();
  await page.getByRole('checkbox', { name: /keep the video/i }).check();

  await page.reload();
  await expect(analysis.getByRole('radio', { name: /^Heavy/ })).toBeChecked();
  await expect(page.getByLabel('Height in cm')).toHaveValue('172');
  await expect(page.getByRole('checkbox', { name: /keep the video/i })).toBeChecked();

  await page.getByLabel('Height in cm').fill('1.72');
  await expect(page.getByText(/height in centimetres, between 50 and 250/)).toBeVisible();
  await page.getByRole('button', { name: 'Restore defaults' }).click();
  await page.reload();
  await expect(analysis.getByRole('radio', { name: /^Full/ })).toBeChecked();
  await expect(page.getByLabel('Height in cm')).toHaveValue('');
});

test('home page: skip link, both ways in, and the privacy promise', async ({ page }) => {
  await page.goto('/');
  // The app renders in the browser: wait for it before pressing keys.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Record a walk with your camera' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Upload a video' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your video stays on your device' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Method' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How GaitLens measures' })).toBeVisible();
});
