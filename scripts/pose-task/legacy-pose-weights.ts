/**
 * Loads the BlazePose GHUM weights that the npm package `@mediapipe/pose` (Apache-2.0) ships for its
 * legacy "solution" API: the landmark models as plain files, and the detector packed inside
 * `pose_solution_packed_assets.data` at offsets that its Emscripten loader script lists.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PoseAssetError } from './pose-asset-error';

/** Landmark model sizes in `@mediapipe/pose`, smallest and fastest first. */
export const POSE_VARIANTS = ['lite', 'full', 'heavy'] as const;
export type PoseVariant = (typeof POSE_VARIANTS)[number];

/** The packed-assets path of the detector model, as listed by the loader script. */
const DETECTOR_PACKED_NAME = '/third_party/mediapipe/modules/pose_detection/pose_detection.tflite';
const LOADER_FILE = 'pose_solution_packed_assets_loader.js';
const PACKED_FILE = 'pose_solution_packed_assets.data';

/** One file inside the packed assets: bytes [start, end). */
export interface PackedAssetFile {
  readonly filename: string;
  readonly start: number;
  readonly end: number;
}

/** Files of `@mediapipe/pose` that the bundles are built from, relative to its package directory. */
export function legacyPoseInputFiles(): string[] {
  return [LOADER_FILE, PACKED_FILE, ...POSE_VARIANTS.map(landmarkFile)];
}

function landmarkFile(variant: PoseVariant): string {
  return `pose_landmark_${variant}.tflite`;
}

/** Directory of the installed `@mediapipe/pose` package. */
export function legacyPosePackageDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('@mediapipe/pose/package.json'));
  } catch {
    throw new PoseAssetError('Cannot find the npm package @mediapipe/pose; run `npm install`.');
  }
}

/**
 * Parses the `loadPackage({"files": [...]})` manifest inside the Emscripten packed-assets loader
 * script and returns its file list.
 */
export function parsePackedAssetsManifest(loaderSource: string): PackedAssetFile[] {
  const match = /loadPackage\((\{"files":.*?\})\);?/s.exec(loaderSource);
  if (!match) throw new PoseAssetError(`No loadPackage({"files": ...}) manifest found in ${LOADER_FILE}.`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(match[1]);
  } catch (error) {
    throw new PoseAssetError(
      `The loadPackage manifest in ${LOADER_FILE} is not valid JSON: ${String(error)}`
    );
  }
  const files = (manifest as { files?: unknown }).files;
  if (!Array.isArray(files) || !files.every(isPackedAssetFile)) {
    throw new PoseAssetError(`The loadPackage manifest in ${LOADER_FILE} has no valid "files" list.`);
  }
  return files;
}

function isPackedAssetFile(value: unknown): value is PackedAssetFile {
  const v = value as Partial<PackedAssetFile> | null;
  return (
    typeof v?.filename === 'string' &&
    Number.isInteger(v.start) &&
    Number.isInteger(v.end) &&
    (v.start as number) >= 0 &&
    (v.end as number) > (v.start as number)
  );
}

/** Raw legacy weights (no Tasks metadata). */
export interface LegacyPoseWeights {
  /** `pose_detection.tflite`, cut out of the packed assets. */
  readonly detector: Uint8Array;
  readonly landmarks: Readonly<Record<PoseVariant, Uint8Array>>;
}

/** Reads the detector and the three landmark models from the `@mediapipe/pose` package at `dir`. */
export function loadLegacyPoseWeights(dir = legacyPosePackageDir()): LegacyPoseWeights {
  const read = (file: string): Uint8Array => {
    try {
      return new Uint8Array(readFileSync(join(dir, file)));
    } catch {
      throw new PoseAssetError(`Cannot read ${file} from ${dir}; reinstall @mediapipe/pose.`);
    }
  };
  const files = parsePackedAssetsManifest(new TextDecoder().decode(read(LOADER_FILE)));
  const entry = files.find((f) => f.filename === DETECTOR_PACKED_NAME);
  if (!entry) throw new PoseAssetError(`${DETECTOR_PACKED_NAME} is not listed in ${LOADER_FILE}.`);
  const packed = read(PACKED_FILE);
  if (entry.end > packed.length) {
    throw new PoseAssetError(
      `${LOADER_FILE} places the detector at bytes ${entry.start}..${entry.end}, ` +
        `but ${PACKED_FILE} has only ${packed.length} bytes.`
    );
  }
  return {
    detector: packed.slice(entry.start, entry.end),
    landmarks: {
      lite: read(landmarkFile('lite')),
      full: read(landmarkFile('full')),
      heavy: read(landmarkFile('heavy'))
    }
  };
}
