// Types of svelte.config.js (plain JS, JSDoc-typed) for the TypeScript files that import it (vite.config.ts).
import type { Config } from '@sveltejs/kit';

declare const config: Config;
export default config;
