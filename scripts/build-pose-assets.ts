/**
 * `npm run models` (also run by postinstall, dev and build): makes the app's pose assets, served
 * from its own origin so that nothing is fetched from a CDN at run time.
 *
 * - `static/models/pose_landmarker_{lite,full,heavy}.task`, built from the `@mediapipe/pose` weights
 *   (see scripts/pose-task/build-pose-task.ts and /work/shared/docs/POSE_MODEL.md);
 * - `static/wasm/vision_wasm_module_internal.{js,wasm}`, the only tasks-vision wasm build the module
 *   worker loads (`FilesetResolver.forVisionTasks('/wasm', true)`); other builds are removed.
 *
 * The work is skipped when a stamp (in node_modules/.cache) shows that the inputs (weights, wasm and
 * this builder's own sources, by sha256) are unchanged and every output still has the recorded
 * sha256. Prints each output's size and sha256 and the time taken.
 *
 * Usage: tsx scripts/build-pose-assets.ts [--force]
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPoseTask } from './pose-task/build-pose-task';
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

interface Stamp {
  /** sha256 over every input file's path and bytes. */
  readonly inputs: string;
  /** sha256 of every output, by path relative to the project. */
  readonly outputs: Record<string, string>;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

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

function fingerprint(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(projectDir, file) + '\0');
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function readStamp(): Stamp | null {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

function isUpToDate(stamp: Stamp | null, inputs: string): boolean {
  if (!stamp || stamp.inputs !== inputs) return false;
  const expected = [
    ...POSE_VARIANTS.map((v) => relative(projectDir, join(modelsDir, `pose_landmarker_${v}.task`))),
    ...WASM_FILES.map((f) => relative(projectDir, join(wasmDir, f)))
  ];
  return expected.every((path) => {
    const file = join(projectDir, path);
    return (
      stamp.outputs[path] !== undefined &&
      existsSync(file) &&
      sha256(readFileSync(file)) === stamp.outputs[path]
    );
  });
}

/** Writes via a temporary file and a rename, so a reader never sees half a file. */
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
  const force = process.argv.includes('--force');
  const inputs = fingerprint(inputFiles());
  if (!force && isUpToDate(readStamp(), inputs)) {
    console.log(`pose assets: up to date (checked in ${Math.round(performance.now() - started)} ms)`);
    return;
  }

  mkdirSync(modelsDir, { recursive: true });
  mkdirSync(wasmDir, { recursive: true });
  const outputs: Record<string, string> = {};
  const report = (file: string, bytes: Uint8Array) => {
    const path = relative(projectDir, file);
    outputs[path] = sha256(bytes);
    console.log(
      `  ${path.padEnd(44)} ${String(bytes.length).padStart(10)} bytes  ${formatMiB(bytes.length).padStart(10)}  sha256 ${outputs[path]}`
    );
  };

  const weights = loadLegacyPoseWeights();
  for (const variant of POSE_VARIANTS) {
    const file = join(modelsDir, `pose_landmarker_${variant}.task`);
    const bytes = buildPoseTask(variant, { weights });
    writeAtomically(file, bytes);
    report(file, bytes);
  }

  for (const stale of readdirSync(wasmDir)) {
    if (!WASM_FILES.includes(stale)) rmSync(join(wasmDir, stale), { recursive: true });
  }
  for (const name of WASM_FILES) {
    const file = join(wasmDir, name);
    copyFileSync(tasksVisionWasmFile(name), file);
    report(file, readFileSync(file));
  }

  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, JSON.stringify({ inputs, outputs } satisfies Stamp, null, 2) + '\n');
  console.log(`pose assets: built in ${Math.round(performance.now() - started)} ms`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof PoseAssetError)) throw error;
  console.error(`pose assets: ${error.message}`);
  process.exit(1);
}
