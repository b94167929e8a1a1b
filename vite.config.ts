import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  // A diagnostics build (`npm run build:diagnostics`) keeps the /dev/pose page; the build people get leaves it out.
  define: { __GAITLENS_DIAGNOSTICS__: JSON.stringify(process.env.GAITLENS_DIAGNOSTICS === '1') },
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
