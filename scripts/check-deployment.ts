/**
 * Checks a deployed GaitLens (see docs/DEPLOY.md): that the host serves each file with a type the
 * browser accepts, sends the recommended headers, falls back to `200.html` for report addresses
 * and not for missing files; then, in Chromium, that the app installs its service worker, makes no
 * request to any other origin, and (with `--video`) analyses a walk, and opens offline.
 *
 * Usage: npx tsx scripts/check-deployment.ts <app URL, e.g. https://example.org/gaitlens/> [--video walk.webm]
 * Exit status 1 when a check fails; missing recommended headers are warnings.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const videoAt = args.indexOf('--video');
const video = videoAt >= 0 ? args[videoAt + 1] : undefined;
const target = args.find((a, i) => !a.startsWith('--') && i !== videoAt + 1);
if (!target) {
  console.error('usage: npx tsx scripts/check-deployment.ts <app URL> [--video walk.webm]');
  process.exit(2);
}
const app = new URL(target.endsWith('/') ? target : `${target}/`);
const at = (path: string) => new URL(path, app).href;

let failures = 0;
const pass = (what: string) => console.log(`  ok    ${what}`);
const fail = (what: string) => {
  failures++;
  console.log(`  FAIL  ${what}`);
};
const warn = (what: string) => console.log(`  warn  ${what}`);
const check = (ok: boolean, what: string) => (ok ? pass(what) : fail(what));

async function head(path: string): Promise<Response> {
  const response = await fetch(at(path), { method: 'GET' });
  await response.body?.cancel();
  return response;
}

console.log(`Files and headers at ${app.href}`);
const page = await head('');
check(
  page.status === 200 && /text\/html/.test(page.headers.get('content-type') ?? ''),
  'the app page is HTML'
);
const expectedTypes: [string, RegExp][] = [
  ['wasm/vision_wasm_module_internal.wasm', /^application\/wasm/],
  ['wasm/vision_wasm_module_internal.js', /javascript/],
  ['service-worker.js', /javascript/],
  ['manifest.webmanifest', /^application\/(manifest\+)?json/],
  ['icon-192.png', /^image\/png/],
  ['models/pose_landmarker_lite.task', /^application\/octet-stream/],
  ['models/pose_landmarker_full.task', /^application\/octet-stream/],
  ['models/pose_landmarker_heavy.task', /^application\/octet-stream/]
];
for (const [path, type] of expectedTypes) {
  const r = await head(path);
  const got = r.headers.get('content-type') ?? '(none)';
  check(r.status === 200 && type.test(got), `${path}: ${r.status} ${got}`);
}
const report = await head('report/00000000-0000-4000-8000-000000000000');
check(
  report.status === 200 && /text\/html/.test(report.headers.get('content-type') ?? ''),
  `a report address falls back to 200.html (${report.status})`
);
const missing = await head('models/no-such-model.task');
if (missing.status === 404) pass('a missing model is a 404');
else
  warn(
    `a missing model gives ${missing.status} ${missing.headers.get('content-type')}: better a 404 (docs/DEPLOY.md)`
  );
const recommended: [string, RegExp][] = [
  ['content-security-policy', /connect-src 'self'/],
  ['x-content-type-options', /nosniff/],
  ['referrer-policy', /no-referrer/],
  ['permissions-policy', /camera/]
];
for (const [name, value] of recommended) {
  const got = page.headers.get(name);
  if (got && value.test(got)) pass(`header ${name}`);
  else warn(`header ${name} not sent (recommended, not required: the page's <meta> policy holds without it)`);
}
const sw = await head('service-worker.js');
const swCache = sw.headers.get('cache-control') ?? '';
if (!/max-age=[1-9]/.test(swCache) || /no-cache/.test(swCache))
  pass(`service-worker.js cache-control: ${swCache || '(none)'}`);
else warn(`service-worker.js is cached (${swCache}): updates will be seen late`);

console.log('In Chromium');
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--no-sandbox', '--disable-gpu']
});
try {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const offOrigin: string[] = [];
  let requests = 0;
  context.on('request', (r) => {
    requests++;
    const url = r.url();
    if (/^(https?|wss?):/.test(url) && new URL(url).origin !== app.origin) offOrigin.push(url);
  });
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  const t0 = Date.now();
  await tab.goto(app.href);
  await tab.getByTestId('offline-ready').waitFor({ timeout: 300_000 });
  const scope = await tab.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
  check(scope === app.href, `service worker scope ${scope}`);
  const stored = await tab.evaluate(async () => {
    let bytes = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) bytes += (await (await cache.match(request))!.blob()).size;
    }
    return bytes;
  });
  pass(
    `saved for offline use: ${(stored / 1e6).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`
  );
  if (video) {
    await tab.goto(at('upload'));
    await tab.getByLabel('Choose a video…').setInputFiles(video);
    await tab.getByRole('button', { name: 'Analyse this walk' }).click();
    await tab.waitForURL(/\/report\/[0-9a-f-]{36}$/, { timeout: 300_000 });
    await tab.getByTestId('report').waitFor();
    pass(`${video} analysed: ${tab.url()}`);
  }
  await context.setOffline(true);
  await tab.goto(at('history'));
  await tab.getByRole('heading', { level: 1 }).waitFor();
  pass('History opens with the network off');
  check(offOrigin.length === 0, `requests to other origins: ${offOrigin.length} of ${requests}`);
  for (const url of offOrigin) console.log(`        ${url}`);
  check(errors.length === 0, `page errors: ${errors.length}${errors.length ? ` (${errors[0]})` : ''}`);
} finally {
  await browser.close();
}
console.log(failures ? `${failures} check(s) failed` : 'All checks passed');
process.exit(failures ? 1 : 0);
