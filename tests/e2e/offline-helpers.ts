/** Helpers of the service-worker specs (offline, update notice, sub-path). */
import { expect, type Page } from '@playwright/test';

/** Bytes and entries held by the app's caches, read in the page. */
export async function cacheContents(page: Page): Promise<{ names: string[]; bytes: number; urls: string[] }> {
  return page.evaluate(async () => {
    const names = await caches.keys();
    let bytes = 0;
    const urls: string[] = [];
    for (const name of names) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        urls.push(request.url);
        const response = await cache.match(request);
        if (response) bytes += (await response.blob()).size;
      }
    }
    return { names, bytes, urls };
  });
}

/** Waits until the first visit's download is stored and the page is controlled by the worker. */
export async function waitUntilOffline(page: Page): Promise<void> {
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The report of the shared synthetic walk is shown, with its cadence near the true 110 steps/min. */
export async function expectSyntheticWalkReport(page: Page): Promise<void> {
  await expect(page.getByTestId('report')).toBeVisible();
  const cadence = Number(
    await page.locator('[data-metric="cadence"] [data-testid="metric-value"]').innerText()
  );
  expect(cadence).toBeGreaterThan(104);
  expect(cadence).toBeLessThan(116);
}
