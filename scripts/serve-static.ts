/**
 * Serves the built static app (adapter-static output) on 127.0.0.1, the way any static host
 * would: files as they are, `200.html` as the single-page-app fallback, and correct MIME types
 * for `.wasm`, `.mjs` and `.task`. JavaScript responses carry the same Content-Security-Policy
 * as the pages' meta tag, because a worker takes its policy from its own script's headers.
 *
 * Usage: tsx scripts/serve-static.ts [dir=build] [port=4173]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? process.env.GAITLENS_BUILD_DIR ?? 'build');
const port = Number(process.argv[3] ?? process.env.E2E_PORT ?? 4173);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.task': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json'
};

/** Policy for scripts (and so for workers): same origin only, wasm compilation allowed. */
export const WORKER_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' blob: data:; img-src 'self' blob: data:; worker-src 'self' blob:";

if (!existsSync(root)) {
  console.error(`serve-static: ${root} does not exist; run \`npm run build\` first.`);
  process.exit(1);
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (path !== root && !path.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  if (!existsSync(path) && existsSync(path + '.html')) path += '.html';
  if (!existsSync(path)) path = join(root, '200.html');
  const type = MIME[extname(path)] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': type,
    'content-length': String(statSync(path).size),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff'
  };
  if (type.startsWith('text/javascript')) headers['content-security-policy'] = WORKER_CSP;
  res.writeHead(200, headers);
  createReadStream(path).pipe(res);
}).listen(port, '127.0.0.1', () => {
  console.log(`GaitLens (static build in ${root}) at http://127.0.0.1:${port}/`);
});
