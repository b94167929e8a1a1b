/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * GaitLens's service worker: makes the app open and analyse with no network after the first visit.
 *
 * - Install: precaches one version of the app, all from the app's own origin under its base path:
 *   the app shell (`build`: hashed JS and CSS; the prerendered pages and `200.html`, the fallback
 *   page for /report/<id>), `static/` (the MediaPipe wasm, the manifest and icons, and the Lite
 *   and Full models, the defaults for live and for uploads). The Heavy model (30 MB) is cached on
 *   demand, the first time it is used. Download progress is posted to the open pages
 *   (`src/lib/offline/`), which show it.
 * - Activate: deletes the caches of other versions (cache names carry SvelteKit's `version`).
 *   A new version waits until the page asks it to take over (the "new version ready" notice).
 * - Fetch: same-origin GET requests are answered from the cache first; navigations to pages that
 *   are not prerendered (a report) get the fallback page. Requests to any other origin are not
 *   touched: this worker never fetches anything off-origin (and the page's Content-Security-Policy
 *   blocks them anyway).
 */
import { base, build, files, prerendered, version } from '$service-worker';
import type { OfflineMessage } from '$lib/offline/messages';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'gaitlens-';
const CACHE = `${CACHE_PREFIX}${version}`;
/** Single-page-app fallback written by adapter-static (svelte.config.js `fallback`). */
const FALLBACK = `${base}/200.html`;
/** Cached when first used rather than at install. */
const ON_DEMAND = new Set([`${base}/models/pose_landmarker_heavy.task`]);
const PRECACHE = [
  ...new Set([...build, ...files.filter((f) => !ON_DEMAND.has(f)), ...prerendered, FALLBACK])
];
const CACHEABLE = new Set([...PRECACHE, ...ON_DEMAND]);

async function tell(message: OfflineMessage): Promise<void> {
  const pages = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const page of pages) page.postMessage(message);
}

/** Fetches `url` into `cache`, reporting bytes as they arrive. */
async function download(cache: Cache, url: string, onBytes: (n: number) => void): Promise<void> {
  const response = await fetch(new Request(url, { cache: 'reload' }));
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  if (
    !url.endsWith('.html') &&
    !prerendered.includes(url) &&
    response.headers.get('content-type')?.startsWith('text/html')
  ) {
    // The host's fallback page instead of a file: the deployment is missing it (see docs/DEPLOY.md).
    throw new Error(`${url}: the host answered with a page, not the file`);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onBytes(value.byteLength);
  }
  await cache.put(url, new Response(new Blob(chunks), { status: 200, headers: response.headers }));
}

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  const started = performance.now();
  let loaded = 0;
  let total = 0;
  let lastPost = 0;
  const progress = (force = false) => {
    const now = performance.now();
    if (!force && now - lastPost < 200) return;
    lastPost = now;
    void tell({ type: 'gaitlens:download', version, loaded, total, files: PRECACHE.length });
  };
  // Sizes first (HEAD, a few hundred bytes each), so the page can show a percentage from the start.
  const sizes = await Promise.all(
    PRECACHE.map(async (url) => {
      try {
        const head = await fetch(new Request(url, { method: 'HEAD', cache: 'reload' }));
        return Number(head.headers.get('content-length')) || 0;
      } catch {
        return 0;
      }
    })
  );
  total = sizes.reduce((a, b) => a + b, 0);
  progress(true);
  // Four at a time: the big files (wasm, models) go first, so the total settles early.
  const queue = PRECACHE.map((url, i) => ({ url, size: sizes[i] })).sort((a, b) => b.size - a.size);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await download(cache, next.url, (n) => {
        loaded += n;
        progress();
      });
    }
  };
  try {
    await Promise.all([worker(), worker(), worker(), worker()]);
  } catch (e) {
    void tell({
      type: 'gaitlens:download-failed',
      version,
      message: e instanceof Error ? e.message : String(e)
    });
    throw e;
  }
  total = Math.max(total, loaded);
  progress(true);
  void tell({ type: 'gaitlens:ready', version, bytes: loaded, ms: Math.round(performance.now() - started) });
}

sw.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
      }
      // First install: take the open page at once, so it works offline without a reload.
      await sw.clients.claim();
    })()
  );
});

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'gaitlens:skip-waiting') void sw.skipWaiting();
  if (data?.type === 'gaitlens:version') event.source?.postMessage({ type: 'gaitlens:version', version });
});

async function respond(request: Request, url: URL): Promise<Response> {
  const cache = await caches.open(CACHE);
  if (request.mode === 'navigate') {
    const page = (await cache.match(url.pathname)) ?? (await cache.match(`${url.pathname}.html`));
    if (page) return page;
    try {
      return await fetch(request);
    } catch (e) {
      const fallback = await cache.match(FALLBACK);
      if (fallback) return fallback;
      throw e;
    }
  }
  const cached = await cache.match(url.pathname);
  if (cached) return cached;
  const response = await fetch(request);
  // A host that answers a missing file with its fallback page must not have that page stored as a model.
  const isPage = response.headers.get('content-type')?.startsWith('text/html') ?? false;
  if (response.status === 200 && !isPage && CACHEABLE.has(url.pathname)) {
    await cache.put(url.pathname, response.clone());
  }
  return response;
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Never handle (let alone fetch) another origin's URL, nor anything outside the app's base path.
  if (url.origin !== sw.location.origin || !(url.pathname === base || url.pathname.startsWith(`${base}/`))) {
    return;
  }
  if (request.headers.has('range')) return;
  event.respondWith(respond(request, url));
});
