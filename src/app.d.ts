// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {}
  /** True in a diagnostics build (`GAITLENS_DIAGNOSTICS=1`): keeps the /dev/pose page (see vite.config.ts). */
  const __GAITLENS_DIAGNOSTICS__: boolean;
  /** The app's base path (`paths.base`, e.g. `/gaitlens`, or `''`), for code that runs in workers (see vite.config.ts). */
  const __GAITLENS_BASE__: string;
}

export {};
