import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Base path the app is served under, e.g. `/gaitlens` for https://example.org/gaitlens/ (empty:
 * the root of its origin). Fixed at build time: `GAITLENS_BASE_PATH=/gaitlens npm run build`.
 * Pages, workers, wasm, models and the service worker's scope all follow it (see docs/DEPLOY.md).
 */
const basePath = (process.env.GAITLENS_BASE_PATH ?? '').replace(/\/+$/, '');
if (basePath && !/^\/[\w.~-]+(\/[\w.~-]+)*$/.test(basePath)) {
  throw new Error(`GAITLENS_BASE_PATH must look like /gaitlens (got ${JSON.stringify(basePath)})`);
}

/**
 * Static single-page app: no server code. The Content-Security-Policy keeps every
 * request on the app's own origin (see docs/POSE_MODEL.md in the shared design docs:
 * tasks-vision 1.x posts telemetry to a Google endpoint unless it is blocked).
 * 'wasm-unsafe-eval' is needed to compile the MediaPipe wasm; nothing else is relaxed.
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // GAITLENS_BUILD_DIR / GAITLENS_KIT_DIR let parallel builds (e.g. two e2e runs) use their own folders.
    adapter: adapter({
      pages: process.env.GAITLENS_BUILD_DIR ?? 'build',
      assets: process.env.GAITLENS_BUILD_DIR ?? 'build',
      fallback: '200.html',
      strict: true
    }),
    outDir: process.env.GAITLENS_KIT_DIR ?? '.svelte-kit',
    paths: { base: basePath },
    // src/service-worker.ts is registered by the layout (src/lib/offline/), which also shows the
    // first-visit download and the "new version ready" notice.
    serviceWorker: { register: false },
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'worker-src': ['self', 'blob:'],
        'connect-src': ['self', 'blob:', 'data:'],
        'img-src': ['self', 'blob:', 'data:'],
        'media-src': ['self', 'blob:', 'mediastream:'],
        'style-src': ['self', 'unsafe-inline'],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    }
  }
};

export default config;
