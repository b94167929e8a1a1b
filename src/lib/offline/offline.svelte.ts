/**
 * The page's side of the service worker (`src/service-worker.ts`): registers it under the app's
 * base path, follows its first download (shown by `OfflineStatus.svelte`) and offers a waiting new
 * version ("new version ready, reload").
 */
import { dev } from '$app/environment';
import { base } from '$app/paths';
import type { OfflineMessage } from './messages';

export type OfflinePhase =
  /** No service worker (unsupported, dev server) or nothing to say. */
  | 'idle'
  /** First visit (or an update) is downloading the app and its models. */
  | 'downloading'
  /** The download just finished: the app works offline from now on. */
  | 'ready'
  | 'failed';

class OfflineState {
  phase = $state<OfflinePhase>('idle');
  loaded = $state(0);
  total = $state(0);
  /** A new version is installed and waiting; `reload()` switches to it. */
  updateReady = $state(false);
  error = $state('');
  /** Whether the download is an update (the page was already controlled) rather than the first visit. */
  isUpdate = $state(false);
  #waiting: ServiceWorker | null = null;
  #reloading = false;

  /** Registers `${base}/service-worker.js` (scope `${base}/`). No-op in dev and without service worker support. */
  async start(): Promise<void> {
    // Not under `vite dev`: a cache-first worker would hide every edit (the built app has it).
    if (dev || !('serviceWorker' in navigator)) return;
    const container = navigator.serviceWorker;
    container.addEventListener('message', (e: MessageEvent<OfflineMessage>) => this.#onMessage(e.data));
    container.addEventListener('controllerchange', () => {
      if (this.#reloading) location.reload();
    });
    container.startMessages();
    let registration: ServiceWorkerRegistration;
    try {
      registration = await container.register(`${base}/service-worker.js`, { scope: `${base}/` });
    } catch (e) {
      this.phase = 'failed';
      this.error = e instanceof Error ? e.message : String(e);
      return;
    }
    const watch = (worker: ServiceWorker | null) => {
      if (!worker) return;
      const check = () => {
        if (worker.state === 'installed' && container.controller) {
          this.#waiting = worker;
          this.updateReady = true;
        }
      };
      worker.addEventListener('statechange', check);
      check();
    };
    watch(registration.waiting);
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    // A page left open for days still hears about new versions.
    setInterval(() => void registration.update().catch(() => {}), 60 * 60 * 1000);
  }

  /** Switches to the waiting version: it takes over, then the page reloads. */
  reload(): void {
    if (!this.#waiting) return;
    this.#reloading = true;
    this.#waiting.postMessage({ type: 'gaitlens:skip-waiting' });
  }

  dismiss(): void {
    if (this.phase === 'ready' || this.phase === 'failed') this.phase = 'idle';
  }

  #onMessage(m: OfflineMessage | undefined): void {
    if (!m || typeof m !== 'object') return;
    if (m.type === 'gaitlens:download') {
      this.isUpdate = !!navigator.serviceWorker.controller;
      this.phase = 'downloading';
      this.loaded = m.loaded;
      this.total = m.total;
    } else if (m.type === 'gaitlens:ready') {
      this.loaded = this.total = m.bytes;
      this.phase = 'ready';
    } else if (m.type === 'gaitlens:download-failed') {
      this.phase = 'failed';
      this.error = m.message;
    }
  }
}

export const offline = new OfflineState();
