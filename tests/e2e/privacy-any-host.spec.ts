/**
 * Privacy on any host. The app is served by `scripts/serve-static.ts`, which sends no security
 * header at all (no Content-Security-Policy), as the plainest static host. The whole flow
 * (upload → report → JSON export → History → the saved report → Settings) must make no request to
 * any other origin; the pose library's usage log (sent when its landmarker closes) must be answered
 * by the worker's fetch guard; and the workers must be held to the page's policy by themselves.
 * The build people get has no /dev/pose page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { clipsUnavailable, WALK_WEBM } from './capture-clips';

/** Records every request the pages and workers of `context` make. */
function recordRequests(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on('request', (r) => seen.push(r.url()));
  return seen;
}

const offOrigin = (seen: string[], origin: string) =>
  seen.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);

async function useLite(page: Page) {
  await page.addInitScript(() => {
    localStorage.setItem(
      'gaitlens.settings.v1',
      JSON.stringify({ analysisModel: 'lite', liveModel: 'lite', heightCm: null, keepVideo: false })
    );
  });
}

test('the server sends no Content-Security-Policy (the test is meaningful)', async ({ request }) => {
  for (const path of ['/', '/upload']) {
    const res = await request.get(path);
    expect(res.headers()['content-security-policy']).toBeUndefined();
  }
});

test('upload → report → export → history → saved report → settings: nothing leaves the device', async ({
  page,
  context,
  baseURL
}) => {
  test.skip(clipsUnavailable !== null, `skipped: ${clipsUnavailable}`);
  test.setTimeout(150_000);
  const origin = new URL(baseURL ?? '').origin;
  const seen = recordRequests(context);
  await useLite(page);

  await page.goto('/upload');
  await page.getByLabel('Choose a video…').setInputFiles(WALK_WEBM);
  await page.getByRole('button', { name: 'Analyse this walk' }).click();
  await page.waitForURL(/\/report\/[0-9a-f-]{36}$/, { timeout: 100_000 });
  await expect(page.getByTestId('report')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('download-json').click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(exported.session).toBeTruthy();

  // In-app navigation keeps this visit's record of what the guard answered.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await page.getByTestId('history-item').first().getByRole('link').click();
  await expect(page.getByTestId('report')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();

  // tasks-vision sends its usage log when the landmarker closes; the guard answered it locally.
  const blocked = page.getByTestId('blocked-requests');
  await expect(blocked).toHaveAttribute('data-count', /^[1-9]\d*$/);
  console.log(`guard: ${await blocked.innerText()}`);

  expect(seen.some((u) => u.endsWith('/models/pose_landmarker_lite.task'))).toBe(true);
  expect(offOrigin(seen, origin)).toEqual([]);
});

test('the pose worker is held to the page policy without any header', async ({ page, context }) => {
  test.skip(clipsUnavailable !== null, `skipped: ${clipsUnavailable}`);
  test.setTimeout(90_000);
  const failed: string[] = [];
  context.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  await useLite(page);
  await page.goto('/upload');
  await page.getByLabel('Choose a video…').setInputFiles(WALK_WEBM);
  const worker = page.waitForEvent('worker', (w) => w.url().startsWith('blob:'));
  await page.getByRole('button', { name: 'Analyse this walk' }).click();
  // Bypassing the fetch guard on purpose (XMLHttpRequest): only the policy can stop this request.
  const outcome = await (
    await worker
  ).evaluate(
    () =>
      new Promise<string>((resolve) => {
        self.addEventListener('securitypolicyviolation', (e) =>
          resolve(`blocked by ${e.effectiveDirective}`)
        );
        const xhr = new XMLHttpRequest();
        xhr.open('GET', 'https://example.com/telemetry');
        xhr.onload = () => resolve('sent');
        xhr.onerror = () => setTimeout(() => resolve('failed without a policy violation'), 500);
        xhr.send();
      })
  );
  expect(outcome).toBe('blocked by connect-src');
  // Chromium reports the attempt, refused by the policy before anything left the browser.
  expect(failed).toContainEqual(expect.stringMatching(/^https:\/\/example\.com\/telemetry csp$/));
  await page.getByRole('button', { name: 'Cancel' }).click();
});

test('the build people get has no /dev/pose page, and none of its code', async ({ page }) => {
  await page.goto('/dev/pose');
  await expect(page.getByText('Not found')).toBeVisible();
  await expect(page.getByTestId('run')).toHaveCount(0);
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) =>
      statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]
    );
  const js = files(join(process.env.GAITLENS_BUILD_DIR ?? 'build', '_app')).filter((f) => f.endsWith('.js'));
  expect(js.length).toBeGreaterThan(0);
  expect(js.filter((f) => readFileSync(f, 'utf8').includes('gaitlensDevPose'))).toEqual([]);
});
