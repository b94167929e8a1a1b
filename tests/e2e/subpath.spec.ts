/**
 * The app hosted in a folder: the build made with `GAITLENS_BASE_PATH=/gaitlens` (`npm run
 * build:base`, `build-base/`) served under http://127.0.0.1:<port>/gaitlens/ only (every other path
 * is a 404, see scripts/serve-static.ts). The upload → report flow works, and every request the
 * page and its workers make stays under /gaitlens/; the service worker's scope and caches stay
 * there too.
 */
import { expect, test } from '@playwright/test';
import { SUBPATH, subpathOrigin } from '../../playwright.config';
import { WALK_WEBM, walkUnavailable } from './capture-clips';
import { cacheContents, expectSyntheticWalkReport, waitUntilOffline } from './offline-helpers';

const APP = `${subpathOrigin}${SUBPATH}`;

const outsideApp = (url: string) => /^https?:/.test(url) && !url.startsWith(`${APP}/`);

test('under /gaitlens/, an uploaded walk is analysed and reported, and nothing is asked outside /gaitlens/', async ({
  page,
  context
}) => {
  test.skip(walkUnavailable !== null, `skipped: ${walkUnavailable}`);
  test.setTimeout(150_000);
  const outside: string[] = [];
  const seen: string[] = [];
  context.on('request', (r) => {
    seen.push(r.url());
    if (outsideApp(r.url())) outside.push(r.url());
  });
  await page.goto(`${APP}/`);
  await page.getByRole('link', { name: 'Upload' }).first().click();
  await expect(page).toHaveURL(`${APP}/upload`);
  await page.getByLabel('Choose a video…').setInputFiles(WALK_WEBM);
  await page.getByRole('button', { name: 'Analyse this walk' }).click();
  await page.waitForURL(new RegExp(`^${APP}/report/[0-9a-f-]{36}$`), { timeout: 140_000 });
  await expectSyntheticWalkReport(page);

  // A report's URL opened directly: the host's fallback page, with its assets under /gaitlens/.
  await page.reload();
  await expect(page.getByTestId('report')).toBeVisible();
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(`${APP}/history`);
  await expect(page.getByTestId('history-item')).toHaveCount(1);
  expect(outside, 'requests outside /gaitlens/').toEqual([]);
  // The workers' requests are among those seen: the wasm and the model, under /gaitlens/.
  expect(seen).toContain(`${APP}/models/pose_landmarker_full.task`);
  expect(seen).toContain(`${APP}/wasm/vision_wasm_module_internal.wasm`);
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('its scope and caches are /gaitlens/, and the app opens there offline', async ({ page, context }) => {
    await page.goto(`${APP}/`);
    await waitUntilOffline(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toBe(`${APP}/`);
    const { urls } = await cacheContents(page);
    expect(urls.filter(outsideApp)).toEqual([]);
    expect(urls).toContain(`${APP}/models/pose_landmarker_full.task`);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
      return { href: link.href, body: (await (await fetch(link.href)).json()) as { start_url: string } };
    });
    expect(manifest.href).toBe(`${APP}/manifest.webmanifest`);
    expect(new URL(manifest.body.start_url, manifest.href).href).toBe(`${APP}/`);

    await context.setOffline(true);
    await page.goto(`${APP}/history`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto(`${APP}/report/00000000-0000-4000-8000-000000000000`);
    await expect(page.getByTestId('report-missing')).toBeVisible();
  });
});
