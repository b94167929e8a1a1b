/**
 * Temporary: the error mapping now lives in `$lib/errors/describe-error`. This re-export keeps
 * `src/lib/state/analysis-job.svelte.ts` building until its import is switched; delete it then.
 */
export { describeError, isAbort, type ErrorMessage } from '$lib/errors/describe-error';
