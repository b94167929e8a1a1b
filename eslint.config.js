import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Every browser and Node global not in `keep`, switched off (flat config merges globals across blocks). */
function offOutside(keep) {
  const all = { ...globals.browser, ...globals.node };
  return Object.fromEntries(
    Object.keys(all)
      .filter((k) => !(k in keep))
      .map((k) => [k, 'off'])
  );
}

/** A layer rule: files matching `files` may not import what `patterns` (gitignore-style) match. */
function layer(files, message, patterns) {
  return {
    files: [files],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] }
  };
}

export default ts.config(
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // Type-aware checks: a promise nobody awaits or handles is a failure nobody sees.
    files: ['src/**/*.ts', 'src/**/*.svelte', 'scripts/**/*.ts', 'tests/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['src/service-worker.ts'] },
        extraFileExtensions: ['.svelte']
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error'
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig
      }
    }
  },
  // Layers (README "Architecture"): each folder may import only what its layer may use.
  layer(
    'src/lib/analysis/**',
    'the analysis core is pure TypeScript: it imports only from src/lib/analysis',
    [
      '$lib/*',
      '!$lib/analysis',
      '!$lib/analysis/**',
      '**/report/**',
      '**/components/**',
      '**/capture/**',
      '**/workers/**',
      '**/storage/**',
      '**/state/**',
      '**/media/**',
      '**/pose/**',
      '**/offline/**',
      '**/dev/**',
      '$app/*',
      'svelte',
      'svelte/*',
      '@mediapipe/*',
      'comlink',
      'mediabunny'
    ]
  ),
  layer(
    'src/lib/report/**',
    'the report layer turns analyses into findings and exports: no DOM, no UI, no workers',
    [
      '$lib/components/*',
      '$lib/components/**',
      '$lib/state/*',
      '$lib/workers/*',
      '$lib/capture/*',
      '$lib/errors/*',
      '$lib/pose/*',
      '$lib/media/*',
      '$app/*',
      'svelte',
      'svelte/*'
    ]
  ),
  ...['media', 'pose', 'storage', 'workers'].map((folder) =>
    layer(
      `src/lib/${folder}/**`,
      `${folder} is below the UI and the error mapping: it imports no components, state, pages or $lib/errors`,
      [
        '$lib/components/*',
        '$lib/components/**',
        '$lib/state/*',
        '$lib/errors/*',
        '$app/*',
        'svelte',
        'svelte/*'
      ]
    )
  ),
  layer(
    'src/lib/errors/**',
    'the error mapping reads the typed errors of the layers below it; it imports no components, state, workers or pages',
    [
      '$lib/components/*',
      '$lib/components/**',
      '$lib/state/*',
      '$lib/workers/*',
      '$app/*',
      'svelte',
      'svelte/*'
    ]
  ),
  {
    // Pure layers run anywhere: no browser or Node globals.
    files: ['src/lib/analysis/**/*.ts', 'src/lib/report/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...offOutside(globals.es2022), ...globals.es2022 } },
    rules: { 'no-undef': 'error' }
  },
  {
    ignores: [
      'build/',
      'build-diagnostics/',
      'build-base/',
      'build-sw/',
      '.svelte-kit/',
      '.svelte-kit-diagnostics/',
      '.svelte-kit-base/',
      '.svelte-kit-sw/',
      'node_modules/',
      'static/models/',
      'static/wasm/',
      'test-results/',
      'tests/.tmp/',
      'playwright-report/'
    ]
  }
);
