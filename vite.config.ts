import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import svelteConfig from './svelte.config.js';

export default defineConfig({
  plugins: [sveltekit()],
  // A diagnostics build (`npm run build:diagnostics`) keeps the /dev/pose page; the build people get leaves it out.
  // The base path (svelte.config.js, `GAITLENS_BASE_PATH`) is also compiled into the workers, which
  // run from blob: URLs and cannot read it from the page (`$app/paths` is not available there).
  define: {
    __GAITLENS_DIAGNOSTICS__: JSON.stringify(process.env.GAITLENS_DIAGNOSTICS === '1'),
    __GAITLENS_BASE__: JSON.stringify(svelteConfig.kit?.paths?.base ?? '')
  },
  // Workers are ES modules in dev and in the build alike: tasks-vision's module loader
  // (`FilesetResolver.forVisionTasks(path, true)`) only works in a module worker.
  worker: { format: 'es' },
  test: {
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/synthetic/**/*.test.ts'
          ]
        }
      }
    ]
  }
});
