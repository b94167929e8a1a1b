/**
 * `npm run models` (also run by postinstall, dev and build): makes the app's pose assets, served
 * from its own origin so that nothing is fetched from a CDN at run time.
 *
 * - `static/models/pose_landmarker_{lite,full,heavy}.task`, built from the `@mediapipe/pose` weights
 *   (see scripts/pose-task/build-pose-task.ts and docs/POSE_ASSETS.md);
 * - `static/wasm/vision_wasm_module_internal.{js,wasm}`, the only tasks-vision wasm build the module
 *   worker loads (`FilesetResolver.forVisionTasks('/wasm', true)`); other builds are removed.
 *
 * The work is skipped when a stamp (node_modules/.cache/gaitlens/pose-assets.json, see
 * scripts/pose-task/build-stamp.ts) shows that the inputs (weights, wasm and this builder's own
 * sources) have the same content as at the last build and the outputs are intact. Otherwise prints
 * each output's size and sha256 and the time taken. The outputs are git-ignored.
 *
 * Usage: tsx scripts/build-pose-assets.ts [--force]
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPoseTask } from './pose-task/build-pose-task';
import { BuildStamp } from './pose-task/build-stamp';
import {
  legacyPoseInputFiles,
  legacyPosePackageDir,
  loadLegacyPoseWeights,
  POSE_VARIANTS
} from './pose-task/legacy-pose-weights';
import { PoseAssetError } from './pose-task/pose-asset-error';

const scriptsDir = dirname(fileURLToPath(import.meta.url));
const projectDir = join(scriptsDir, '..');
const modelsDir = join(projectDir, 'static', 'models');
const wasmDir = join(projectDir, 'static', 'wasm');
const stampFile = join(projectDir, 'node_modules', '.cache', 'gaitlens', 'pose-assets.json');

/** The tasks-vision wasm files a module worker needs (loader script + binary). */
const WASM_FILES = ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm'];

/** Path of a tasks-vision wasm file, through the package's own `exports` map. */
function tasksVisionWasmFile(name: string): string {
  try {
    return createRequire(import.meta.url).resolve(`@mediapipe/tasks-vision/${name}`);
  } catch {
    throw new PoseAssetError(
      `Cannot find ${name} in the npm package @mediapipe/tasks-vision; run \`npm install\`.`
    );
  }
}

/** Every file the outputs depend on: weights, wasm, and the builder's own (non-test) sources. */
function inputFiles(): string[] {
  const poseDir = legacyPosePackageDir();
  const builderDir = join(scriptsDir, 'pose-task');
  const builderSources = readdirSync(builderDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(builderDir, f));
  return [
    ...legacyPoseInputFiles().map((f) => join(poseDir, f)),
    ...WASM_FILES.map(tasksVisionWasmFile),
    fileURLToPath(import.meta.url),
    ...builderSources
  ];
}

/**
 * Writes via a temporary file and a rename, so that a reader (e.g. a concurrent `vite build` copying
 * static/) never sees half a file.
 */
function writeAtomically(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

function formatMiB(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(2)} MiB`;
}

function main(): void {
  const started = performance.now();
  const modelFiles = POSE_VARIANTS.map((variant) => join(modelsDir, `pose_landmarker_${variant}.task`));
  const wasmFiles = WASM_FILES.map((name) => join(wasmDir, name));
  const stamp = new BuildStamp(stampFile, projectDir, inputFiles(), [...modelFiles, ...wasmFiles]);
  if (!process.argv.includes('--force') && stamp.isFresh()) {
    console.log(`pose assets: up to date (checked in ${Math.round(performance.now() - started)} ms)`);
    return;
  }

  mkdirSync(modelsDir, { recursive: true });
  mkdirSync(wasmDir, { recursive: true });
  const report = (file: string, bytes: Uint8Array) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const size = `${String(bytes.length).padStart(10)} bytes ${formatMiB(bytes.length).padStart(10)}`;
    console.log(`  ${relative(projectDir, file).padEnd(44)} ${size}  sha256 ${sha256}`);
  };

  const weights = loadLegacyPoseWeights();
  POSE_VARIANTS.forEach((variant, i) => {
    const bytes = buildPoseTask(variant, { weights });
    writeAtomically(modelFiles[i], bytes);
    report(modelFiles[i], bytes);
  });

  // Only the module build is served; drop other builds (but not another run's temporary files).
  for (const stale of readdirSync(wasmDir)) {
    const ours = WASM_FILES.includes(stale) || stale.endsWith('.tmp');
    if (!ours) rmSync(join(wasmDir, stale), { recursive: true });
  }
  WASM_FILES.forEach((name, i) => {
    const bytes = readFileSync(tasksVisionWasmFile(name));
    writeAtomically(wasmFiles[i], bytes);
    report(wasmFiles[i], bytes);
  });

  stamp.record();
  console.log(`pose assets: built in ${Math.round(performance.now() - started)} ms`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof PoseAssetError)) throw error;
  console.error(`pose assets: ${error.message}`);
  process.exit(1);
}
