/**
 * Where the pose engine's files are on the app's origin, under the app's base path (`paths.base`,
 * compiled in: see vite.config.ts). Plain constants, so that the page can name them without loading
 * MediaPipe.
 */
import type { ModelVariant } from '../analysis/series';

/** Folder of the wasm files, e.g. `/gaitlens/wasm`. */
export const WASM_BASE = `${__GAITLENS_BASE__}/wasm`;
/**
 * The vision wasm that `FilesetResolver.forVisionTasks(WASM_BASE, true)` picks on a browser with wasm
 * SIMD (the only one shipped: see scripts/build-pose-assets.ts).
 */
export const WASM_BINARY = `${WASM_BASE}/vision_wasm_module_internal.wasm`;
/** Path of a model bundle. */
export const modelUrl = (variant: ModelVariant): string =>
  `${__GAITLENS_BASE__}/models/pose_landmarker_${variant}.task`;
