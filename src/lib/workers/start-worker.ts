/**
 * Starts a module worker from a two-line `blob:` script that imports the real worker script.
 *
 * Why: a worker loaded from its own URL takes its Content-Security-Policy only from the HTTP
 * headers of that script, which a plain static host does not send, so the policy of the app's
 * `<meta>` tag would not reach it. A worker created from a `blob:` URL inherits the policy of the
 * page that creates it, `<meta>` included, so the workers are held to the app's policy (no request
 * to another site) on any host. The imported script is same-origin, which the policy allows.
 */

/** One bootstrap blob per worker script, kept for the page's life (a few dozen bytes each). */
const bootstraps = new Map<string, string>();

/** Starts the module worker at `scriptUrl` (as given by Vite's `?worker&url`) under the page's policy. */
export function startWorker(scriptUrl: string, name: string): Worker {
  const absolute = new URL(scriptUrl, globalThis.location.href).href;
  let bootstrap = bootstraps.get(absolute);
  if (!bootstrap) {
    const source = `import ${JSON.stringify(absolute)};\n`;
    bootstrap = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    bootstraps.set(absolute, bootstrap);
  }
  return new Worker(bootstrap, { type: 'module', name });
}
