import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPoseTask, POSE_TASK_ALIGN_BYTES, POSE_TASK_ENTRIES } from './build-pose-task';
import {
  loadLegacyPoseWeights,
  POSE_VARIANTS,
  type LegacyPoseWeights,
  type PoseVariant
} from './legacy-pose-weights';
import { PoseAssetError } from './pose-asset-error';
import { COLOR_SPACE_RGB, CONTENT_PROPERTIES_IMAGE, readTfliteMetadata } from './tflite-metadata';
import { readTfliteModel, TFLITE_METADATA_NAME, type TfliteModelSummary } from './tflite-model';
import { readZipStored } from './zip-stored';

// Built once per file from the real @mediapipe/pose weights (heavy is ~30 MB; built once).
let weights: LegacyPoseWeights;
const bundles = {} as Record<PoseVariant, Uint8Array>;
beforeAll(() => {
  weights = loadLegacyPoseWeights();
  for (const variant of POSE_VARIANTS) bundles[variant] = buildPoseTask(variant, { weights });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function entryOf(bundle: Uint8Array, name: string): Uint8Array {
  const entry = readZipStored(bundle).find((e) => e.name === name);
  if (!entry) throw new Error(`bundle has no ${name}`);
  return entry.data;
}

function tensorMetadata(model: TfliteModelSummary) {
  const entry = model.metadata.find((m) => m.name === TFLITE_METADATA_NAME);
  if (!entry) throw new Error('model has no TFLITE_METADATA');
  return readTfliteMetadata(entry.data);
}

describe('buildPoseTask', () => {
  it('is reproducible: building again, from freshly read weights, gives identical bytes', () => {
    const again = buildPoseTask('lite', { weights: loadLegacyPoseWeights() });
    expect(again.length).toBe(bundles.lite.length);
    expect(sha256(again)).toBe(sha256(bundles.lite));
  });

  it.each(POSE_VARIANTS)(
    '%s: holds exactly the two models, STORED, 64-byte aligned, with right CRCs',
    (variant) => {
      const entries = readZipStored(bundles[variant]);
      expect(entries.map((e) => e.name)).toEqual([POSE_TASK_ENTRIES.detector, POSE_TASK_ENTRIES.landmarks]);
      for (const entry of entries) {
        expect(entry.method).toBe(0);
        expect(entry.dataOffset % POSE_TASK_ALIGN_BYTES).toBe(0);
        expect(entry.crc32).toBe(crc32(entry.data) >>> 0);
      }
    }
  );

  it('uses the same detector in every bundle', () => {
    const detectors = POSE_VARIANTS.map((v) => sha256(entryOf(bundles[v], POSE_TASK_ENTRIES.detector)));
    expect(new Set(detectors).size).toBe(1);
  });

  it('detector: declares a 224×224 RGB image normalized with mean 127.5, std 127.5 (input in [-1, 1])', () => {
    const meta = tensorMetadata(readTfliteModel(entryOf(bundles.lite, POSE_TASK_ENTRIES.detector)));
    expect(meta.identifier).toBe('M001');
    expect(meta.minParserVersion).toBe('1.0.0');
    expect(meta.inputs).toHaveLength(1);
    const [input] = meta.inputs;
    expect(input.contentPropertiesType).toBe(CONTENT_PROPERTIES_IMAGE);
    expect(input.colorSpace).toBe(COLOR_SPACE_RGB);
    expect(input.defaultSize).toEqual({ widthPx: 224, heightPx: 224 });
    expect(input.normalization).toEqual({ mean: [127.5], std: [127.5] });
    expect(input.stats).toEqual({ min: [-1], max: [1] });
  });

  it.each(POSE_VARIANTS)(
    '%s landmarks: declare a 256×256 RGB image normalized with mean 0, std 255',
    (variant) => {
      const meta = tensorMetadata(readTfliteModel(entryOf(bundles[variant], POSE_TASK_ENTRIES.landmarks)));
      expect(meta.identifier).toBe('M001');
      const [input] = meta.inputs;
      expect(input.contentPropertiesType).toBe(CONTENT_PROPERTIES_IMAGE);
      expect(input.colorSpace).toBe(COLOR_SPACE_RGB);
      expect(input.defaultSize).toEqual({ widthPx: 256, heightPx: 256 });
      expect(input.normalization).toEqual({ mean: [0], std: [255] });
      expect(input.stats).toEqual({ min: [0], max: [1] });
    }
  );

  it.each(POSE_VARIANTS)('%s: keeps every original metadata entry byte for byte', (variant) => {
    const pairs: [Uint8Array, string][] = [
      [weights.detector, POSE_TASK_ENTRIES.detector],
      [weights.landmarks[variant], POSE_TASK_ENTRIES.landmarks]
    ];
    for (const [raw, name] of pairs) {
      const before = readTfliteModel(raw).metadata;
      const after = readTfliteModel(entryOf(bundles[variant], name));
      expect(before.map((m) => m.name)).toContain('min_runtime_version');
      expect(after.metadata.map((m) => m.name)).toEqual([...before.map((m) => m.name), TFLITE_METADATA_NAME]);
      before.forEach((m, i) => expect(Buffer.from(after.metadata[i].data)).toEqual(Buffer.from(m.data)));
      expect(after.bufferCount).toBe(readTfliteModel(raw).bufferCount + 1);
    }
  });

  it.each(POSE_VARIANTS)(
    '%s: keeps the I/O tensors that the Tasks graph expects (POSE_MODEL.md)',
    (variant) => {
      const detector = readTfliteModel(entryOf(bundles[variant], POSE_TASK_ENTRIES.detector));
      expect(detector.inputs.map((t) => [t.type, t.shape])).toEqual([['FLOAT32', [1, 224, 224, 3]]]);
      expect(detector.outputs.map((t) => t.shape)).toEqual([
        [1, 2254, 12],
        [1, 2254, 1]
      ]);
      const landmarks = readTfliteModel(entryOf(bundles[variant], POSE_TASK_ENTRIES.landmarks));
      expect(landmarks.inputs.map((t) => [t.type, t.shape])).toEqual([['FLOAT32', [1, 256, 256, 3]]]);
      // landmarks, presence, segmentation, heatmap, world landmarks
      expect(landmarks.outputs.map((t) => t.shape)).toEqual([
        [1, 195],
        [1, 1],
        [1, 256, 256, 1],
        [1, 64, 64, 39],
        [1, 117]
      ]);
    }
  );

  it('without metadata: zips the legacy models unchanged, with no TFLITE_METADATA', () => {
    const bare = buildPoseTask('lite', { weights, withMetadata: false });
    const entries = readZipStored(bare);
    expect(entries.map((e) => e.name)).toEqual([POSE_TASK_ENTRIES.detector, POSE_TASK_ENTRIES.landmarks]);
    expect(sha256(entries[0].data)).toBe(sha256(weights.detector));
    expect(sha256(entries[1].data)).toBe(sha256(weights.landmarks.lite));
    for (const entry of entries) {
      expect(entry.method).toBe(0);
      expect(readTfliteModel(entry.data).metadata.map((m) => m.name)).not.toContain(TFLITE_METADATA_NAME);
    }
  });

  it('rejects weights that are not a TFLite model, saying which file and why', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const broken = { ...weights, landmarks: { ...weights.landmarks, full: png } };
    for (const withMetadata of [true, false]) {
      const build = () => buildPoseTask('full', { weights: broken, withMetadata });
      expect(build).toThrow(PoseAssetError);
      expect(build).toThrow(
        /full landmark model .* is not a TFLite model .*identifier is bytes 0d 0a 1a 0a, expected "TFL3"/
      );
    }
  });
});
