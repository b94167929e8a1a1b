/**
 * Stored records the report cannot use, put straight into IndexedDB as an older or damaged
 * GaitLens would have left them: the report page says it can't be opened and offers the raw data,
 * or, when a record passes the checks but the report fails to draw, the boundary does the same.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/** Writes `record` into the app's database (creating its stores as the app does). */
async function putRecord(page: Page, record: Record<string, unknown>): Promise<void> {
  await page.goto('/history');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(
    (r) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gaitlens', 1);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('sessions', { keyPath: 'id' });
          open.result.createObjectStore('summaries', { keyPath: 'id' });
        };
        open.onsuccess = () => {
          const tx = open.result.transaction('sessions', 'readwrite');
          tx.objectStore('sessions').put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    record
  );
}

const landmark = { x: 100, y: 100, z: 0, visibility: 0.9, presence: 0.9 };

test('a record of a made-up older shape: "can’t be opened", with its raw data to download', async ({
  page
}) => {
  const record = { id: 'old-shape', date: '2024-03-01', landmarks: [[1, 2, 3]], result: { cadence: 104 } };
  await putRecord(page, record);
  await page.goto('/report/old-shape');
  await expect(page.getByRole('heading', { name: 'This report can’t be opened' })).toBeVisible();
  await expect(page.getByTestId('report-unopenable')).toContainText('no schema version GaitLens knows');
  const download = page.waitForEvent('download');
  await page.getByTestId('download-raw').click();
  expect(JSON.parse(readFileSync(await (await download).path(), 'utf8'))).toEqual(record);
});

test('a record that passes the checks but breaks the report is caught by the boundary', async ({ page }) => {
  await putRecord(page, {
    id: 'breaks-drawing',
    createdAt: '2026-01-01T00:00:00.000Z',
    title: 'Broken walk',
    series: {
      version: 1,
      widthPx: 960,
      heightPx: 540,
      model: 'lite',
      source: { container: 'webm', codec: 'vp9', fpsHz: 30, durationMs: 40, rotationDeg: 0 },
      frames: [{ tMs: 0, pose: { image: Array.from({ length: 33 }, () => landmark), world: [] } }]
    },
    // An analysis whose timeline and view are not objects: the report cannot draw it.
    analysis: { timeline: 7, view: 'sideways', quality: null },
    settings: { model: 'lite', heightCm: null },
    video: null,
    leftOut: null,
    schemaVersion: 2
  });
  await page.goto('/report/breaks-drawing');
  await expect(page.getByRole('heading', { name: 'This report can’t be opened' })).toBeVisible();
  await expect(page.getByTestId('report-unopenable')).toContainText('Drawing it failed');
  await expect(page.getByTestId('download-raw')).toBeVisible();
});
