/**
 * Serves the built static app (adapter-static output) on 127.0.0.1, the way the plainest static
 * host would: files as they are, `200.html` as the single-page-app fallback, correct MIME types
 * for `.wasm`, `.mjs` and `.task`, and no other header (no Content-Security-Policy, no nosniff):
 * the app must keep its privacy without help from the host (see docs/DEPLOY.md).
 *
 * With a base path (a build made with `GAITLENS_BASE_PATH=/gaitlens`), the app is served under it
 * (http://127.0.0.1:port/gaitlens/) and every other path is a 404, as on a host where the app
 * lives in a folder.
 *
 * Usage: tsx scripts/serve-static.ts [dir=build] [port=4173] [base='']
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? process.env.GAITLENS_BUILD_DIR ?? 'build');
const port = Number(process.argv[3] ?? process.env.E2E_PORT ?? 4173);
const base = (process.argv[4] ?? '').replace(/\/+$/, '');

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

if (!existsSync(root)) {
  console.error(`serve-static: ${root} does not exist; run \`npm run build\` first.`);
  process.exit(1);
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (base && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) {
    res
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      .end(`Not found: the app is at ${base}/\n`);
    return;
  }
  let path = normalize(join(root, decodeURIComponent(url.pathname.slice(base.length))));
  if (path !== root && !path.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  if (!existsSync(path) && existsSync(path + '.html')) path += '.html';
  if (!existsSync(path)) path = join(root, '200.html');
  const type = MIME[extname(path)] ?? 'application/octet-stream';
  res.writeHead(200, { 'content-type': type, 'content-length': String(statSync(path).size) });
  if (req.method === 'HEAD') res.end();
  else createReadStream(path).pipe(res);
}).listen(port, '127.0.0.1', () => {
  console.log(`GaitLens (static build in ${root}) at http://127.0.0.1:${port}${base}/`);
});
