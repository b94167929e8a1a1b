/**
 * The vision wasm, compiled once per page and handed to every pose worker (`PoseService.init`), which then
 * only instantiates it: each new worker (a second analysis, a live preview after an upload) skips the
 * fetch and compile of the 13-MB binary. The compiled module stays with the page for its life; the
 * service worker's cache (src/service-worker.ts) answers the fetch offline.
 */
import { WASM_BINARY } from '../pose/asset-paths';

let compiled: Promise<WebAssembly.Module | null> | null = null;

async function compile(url: string): Promise<WebAssembly.Module | null> {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // A host that serves the wasm with another MIME type refuses streaming compilation.
  }
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    return await WebAssembly.compile(await response.arrayBuffer());
  } catch {
    // The worker loads the wasm itself and reports what went wrong (PoseModelLoadError).
    return null;
  }
}

/** The compiled vision wasm, or null when it could not be compiled here (each worker then loads its own). */
export function sharedPoseWasm(): Promise<WebAssembly.Module | null> {
  compiled ??= compile(new URL(WASM_BINARY, globalThis.location.href).href);
  return compiled;
}
