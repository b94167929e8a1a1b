/// <reference lib="webworker" />
/**
 * The diagnostics build's decode benchmark worker (`frame-bench.ts`), one per measurement; the app
 * never loads it.
 */
import { expose } from 'comlink';
import { installErrorTransfer } from '$lib/workers/error-transfer';
import { createFrameBench } from './frame-bench';

installErrorTransfer();
expose(createFrameBench());
