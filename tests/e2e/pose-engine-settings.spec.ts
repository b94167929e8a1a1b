/**
 * Settings → Pose engine in the built app: "Check this device" times the CPU and the GPU delegates,
 * keeps the verdict with its figures and date (localStorage), and says which one the device uses; the
 * check can be cancelled; "Always use the CPU" overrides it. Here the GPU is SwiftShader (software), so
 * the CPU is expected to win; the figures are printed, not asserted beyond their order.
 */
import { expect, test, type Page } from '@playwright/test';

interface StoredTrial {
  delegate: 'CPU' | 'GPU';
  cpuMs: number | null;
  gpuMs: number | null;
  reason: string;
  at: string;
}

const storedTrial = (page: Page) =>
  page.evaluate(
    () => JSON.parse(localStorage.getItem('gaitlens.settings.v1') ?? '{}').poseTrial as StoredTrial | null
  );

test('the device check times both delegates, keeps the faster and shows its figures', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/settings');
  const line = page.getByTestId('pose-engine');
  await expect(line).toHaveText('Pose engine: CPU (this device has not been checked yet).');
  // Lite, the quickest model, keeps the test short; the check uses the analysis model.
  await page
    .getByRole('group', { name: 'Pose model for analysing a walk' })
    .getByRole('radio', { name: /^Lite/ })
    .check();
  await page.getByTestId('check-device').click();
  const status = page.getByTestId('check-status');
  await expect(status).toHaveAttribute('data-state', 'busy');
  await expect(page.getByTestId('check-device')).toBeDisabled();
  await expect(status).toHaveAttribute('data-state', 'idle', { timeout: 50_000 });
  await expect(status).toHaveText('');

  const trial = await storedTrial(page);
  console.log(`device check: ${await status.getAttribute('data-json')}; shown: ${await line.textContent()}`);
  expect(trial).not.toBeNull();
  expect(Date.now() - Date.parse(trial!.at)).toBeLessThan(60_000);
  expect(trial!.cpuMs).toBeGreaterThan(0);
  // WebGL2 exists here (SwiftShader), so the GPU delegate starts and is timed, and is far slower.
  expect(trial!.gpuMs).toBeGreaterThan(trial!.cpuMs!);
  expect(trial!.delegate).toBe('CPU');
  await expect(line).toHaveAttribute('data-delegate', 'CPU');
  await expect(line).toHaveText(
    new RegExp(
      `^Pose engine: CPU \\(GPU tried: GPU ${Math.round(trial!.gpuMs!)} ms vs CPU ${Math.round(trial!.cpuMs!)} ms per frame on .+\\)\\.$`
    )
  );

  // Kept across a reload, and overridden by "Always use the CPU".
  await page.reload();
  await expect(line).toContainText('GPU tried:');
  await page.getByTestId('force-cpu').check();
  await expect(line).toHaveText(/^Pose engine: CPU \(chosen here; last check: GPU \d+ ms vs CPU \d+ ms/);
  await page.reload();
  await expect(page.getByTestId('force-cpu')).toBeChecked();
});

test('a stored GPU choice is shown and used unless the CPU is forced; the check can be cancelled', async ({
  page
}) => {
  test.setTimeout(40_000);
  await page.addInitScript(() => {
    if (localStorage.getItem('gaitlens.settings.v1')) return;
    const poseTrial = { delegate: 'GPU', cpuMs: 52, gpuMs: 38, reason: 'r', at: '2026-11-30T07:00:00.000Z' };
    localStorage.setItem('gaitlens.settings.v1', JSON.stringify({ poseTrial }));
  });
  await page.goto('/settings');
  const line = page.getByTestId('pose-engine');
  await expect(line).toHaveAttribute('data-delegate', 'GPU');
  await expect(line).toHaveText(/^Pose engine: GPU \(GPU 38 ms vs CPU 52 ms per frame on .*2026\)\.$/);
  await page.getByTestId('force-cpu').check();
  await expect(line).toHaveAttribute('data-delegate', 'CPU');
  await page.getByTestId('force-cpu').uncheck();
  await expect(line).toHaveAttribute('data-delegate', 'GPU');

  await page.getByTestId('check-device').click();
  await expect(page.getByTestId('check-status')).toHaveAttribute('data-state', 'busy');
  await page.getByTestId('check-cancel').click();
  await expect(page.getByTestId('check-status')).toHaveText('Check cancelled; nothing was changed.');
  await expect(page.getByTestId('check-device')).toBeEnabled();
  // The earlier verdict stands.
  await expect(line).toHaveAttribute('data-delegate', 'GPU');
  expect((await storedTrial(page))?.gpuMs).toBe(38);
});
