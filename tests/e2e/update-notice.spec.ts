/**
 * A new version of the app, announced: after a first visit has installed the service worker, the
 * host serves a new version; the next visit shows "A new version of GaitLens is ready", and Reload
 * switches to it and deletes the old version's cache.
 *
 * How a new version is made without a second build: this spec serves the build (`build/` or
 * GAITLENS_BUILD_DIR) from a folder of links to its files, with its own copy of
 * `service-worker.js`, and then rewrites the version in that copy (`version`, from `$service-worker`,
 * is SvelteKit's build version, the one thing that differs in `service-worker.js` between two
 * builds of the same sources). The browser sees a byte-different worker, installs it, and its
 * cache name (`gaitlens-<version>`) is new, as after a real rebuild.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { cacheContents, waitUntilOffline } from './offline-helpers';

const BUILD = resolve(process.env.GAITLENS_BUILD_DIR ?? 'build');
const PORT = Number(process.env.E2E_PORT ?? 4173) + 3;
const ORIGIN = `http://127.0.0.1:${PORT}`;

test.use({ serviceWorkers: 'allow' });

let served = '';
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  served = mkdtempSync(join(tmpdir(), 'gaitlens-update-'));
  for (const entry of readdirSync(BUILD)) {
    if (entry !== 'service-worker.js') symlinkSync(join(BUILD, entry), join(served, entry));
  }
  writeFileSync(join(served, 'service-worker.js'), readFileSync(join(BUILD, 'service-worker.js')));
  // Node itself (not npx), so that kill() in afterAll ends the server.
  server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve-static.ts', served, String(PORT)], {
    stdio: 'pipe'
  });
  await new Promise<void>((ready, fail) => {
    server!.stdout!.on('data', (d: Buffer) => d.toString().includes('GaitLens') && ready());
    server!.on('exit', (code) => fail(new Error(`serve-static exited with ${code}`)));
  });
});

test.afterAll(() => {
  server?.kill();
  if (served) rmSync(served, { recursive: true, force: true });
});

test('a new version is announced, and Reload switches to it and drops the old cache', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`${ORIGIN}/`);
  await waitUntilOffline(page);
  const before = await cacheContents(page);
  expect(before.names).toHaveLength(1);
  await expect(page.getByTestId('update-ready')).toHaveCount(0);

  // "Rebuild": the same files under a new version.
  const { version } = JSON.parse(readFileSync(join(BUILD, '_app/version.json'), 'utf8')) as {
    version: string;
  };
  const worker = readFileSync(join(BUILD, 'service-worker.js'), 'utf8');
  expect(worker).toContain(version);
  const next = `${version}-next`;
  writeFileSync(join(served, 'service-worker.js'), worker.replaceAll(version, next));

  // The next visit finds it: the browser checks the worker's script on navigation.
  await page.reload();
  await expect(page.getByTestId('update-ready')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('update-ready')).toContainText('A new version of GaitLens is ready');
  // The page keeps running on the old version until asked.
  expect((await cacheContents(page)).names.sort()).toEqual(
    [`gaitlens-${next}`, `gaitlens-${version}`].sort()
  );

  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.getByTestId('update-ready')).toHaveCount(0);
  await expect.poll(async () => (await cacheContents(page)).names).toEqual([`gaitlens-${next}`]);
  const controllerVersion = await page.evaluate(
    () =>
      new Promise<string>((done) => {
        navigator.serviceWorker.addEventListener(
          'message',
          (e: MessageEvent<{ type: string; version: string }>) => {
            if (e.data?.type === 'gaitlens:version') done(e.data.version);
          }
        );
        navigator.serviceWorker.controller!.postMessage({ type: 'gaitlens:version' });
      })
  );
  expect(controllerVersion).toBe(next);
});
