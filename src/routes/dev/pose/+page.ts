import { error } from '@sveltejs/kit';

/**
 * The pose-engine diagnostics page exists only in a diagnostics build (`npm run build:diagnostics`,
 * i.e. `GAITLENS_DIAGNOSTICS=1`), used by the end-to-end tests, the benchmark and the fixture
 * script. In the build people get, the page's code is not even emitted and the address is a 404.
 */
export const prerender = __GAITLENS_DIAGNOSTICS__;

export function load() {
  if (!__GAITLENS_DIAGNOSTICS__) error(404, 'Not found');
}
