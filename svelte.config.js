import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
