import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * E2E tests drive the *built* app in real Chromium, served by `scripts/serve-static.ts`, which
 * sends no security headers (as the plainest static host): the build people get (`build/`, from
 * `npm run build`) on E2E_PORT, and the diagnostics build (`build-diagnostics/`, from
 * `npm run build:diagnostics`, with the /dev/pose page) on the next port, for the pose-engine specs,
 * and the build made for a sub-path (`build-base/`, from `npm run build:base`, base path `/gaitlens`)
 * under /gaitlens/ on the port after, for the offline and base-path specs.
 * Debian's Chromium is used where it exists, since browser downloads are impossible here;
 * elsewhere Playwright's own Chromium is used.
 */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BUILD_DIR = process.env.GAITLENS_BUILD_DIR ?? 'build';
const DIAGNOSTICS_PORT = PORT + 1;
const DIAGNOSTICS_BUILD_DIR = process.env.GAITLENS_DIAGNOSTICS_BUILD_DIR ?? 'build-diagnostics';

/** Base URL of the diagnostics build: specs that drive /dev/pose use it (`test.use({ baseURL })`). */
export const diagnosticsBaseURL = `http://127.0.0.1:${DIAGNOSTICS_PORT}`;

const SUBPATH_PORT = PORT + 2;
const SUBPATH_BUILD_DIR = process.env.GAITLENS_SUBPATH_BUILD_DIR ?? 'build-base';
/** The base path `npm run build:base` builds for. */
export const SUBPATH = '/gaitlens';
/** Origin of the sub-path build; the app itself is at `${subpathOrigin}${SUBPATH}/`. */
export const subpathOrigin = `http://127.0.0.1:${SUBPATH_PORT}`;

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  // One retry: the suite shares 2 cores with the builds, and a timing-sensitive test (leaving mid-analysis)
  // failed once in dozens of runs. Playwright lists a test that passed only on retry as "flaky", to be fixed.
  retries: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    ...devices['Desktop Chrome'],
    // The app's service worker (src/service-worker.ts) would answer requests before page.route()
    // and page.on('request') see them; specs that test it opt in with `serviceWorkers: 'allow'`.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
      args: chromiumArgs
    }
  },
  webServer: [
    {
      command: `npx tsx scripts/serve-static.ts ${BUILD_DIR} ${PORT}`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000
    },
    {
      command: `npx tsx scripts/serve-static.ts ${DIAGNOSTICS_BUILD_DIR} ${DIAGNOSTICS_PORT}`,
      url: diagnosticsBaseURL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000
    },
    {
      command: `npx tsx scripts/serve-static.ts ${SUBPATH_BUILD_DIR} ${SUBPATH_PORT} ${SUBPATH}`,
      url: `${subpathOrigin}${SUBPATH}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000
    }
  ]
});
