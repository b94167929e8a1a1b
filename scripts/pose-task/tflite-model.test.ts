import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLegacyPoseWeights } from './legacy-pose-weights';
import { PoseAssetError } from './pose-asset-error';
import { DETECTOR_METADATA } from './build-pose-task';
import { buildTfliteMetadata, readTfliteMetadata } from './tflite-metadata';
import { injectTfliteMetadata, readTfliteModel, TFLITE_METADATA_NAME } from './tflite-model';

/** The detector's real metadata, as the build injects it. */
const spec = DETECTOR_METADATA;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let detector: Uint8Array;
beforeAll(() => {
  detector = loadLegacyPoseWeights().detector; // the smallest real model (~3 MB)
});

describe('injectTfliteMetadata', () => {
  it('keeps the original model bytes intact after a 16-byte-aligned new root', () => {
    const out = injectTfliteMetadata(detector, buildTfliteMetadata(spec));
    const frontBytes = out.length - detector.length;
    expect(frontBytes % 16).toBe(0);
    expect(sha256(out.subarray(frontBytes))).toBe(sha256(detector));
  });

  it('places the metadata flatbuffer 16-byte aligned in a new buffer', () => {
    const model = readTfliteModel(injectTfliteMetadata(detector, buildTfliteMetadata(spec)));
    const entry = model.metadata.find((m) => m.name === TFLITE_METADATA_NAME)!;
    expect(entry.bufferIndex).toBe(model.bufferCount - 1);
    expect(entry.data.byteOffset % 16).toBe(0);
    expect(readTfliteMetadata(entry.data).inputs[0].normalization).toEqual({ mean: [127.5], std: [127.5] });
  });

  it('replaces an existing TFLITE_METADATA entry instead of adding a second one', () => {
    const once = injectTfliteMetadata(detector, buildTfliteMetadata(spec));
    const twice = injectTfliteMetadata(once, buildTfliteMetadata({ ...spec, mean: [0], std: [255] }));
    const entries = readTfliteModel(twice).metadata.filter((m) => m.name === TFLITE_METADATA_NAME);
    expect(entries).toHaveLength(1);
    expect(readTfliteMetadata(entries[0].data).inputs[0].normalization).toEqual({ mean: [0], std: [255] });
  });

  it('rejects bytes that are not a TFLite model, naming them', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 10, 0, 0, 0, 0, 0, 0, 0]);
    const inject = () => injectTfliteMetadata(zip, buildTfliteMetadata(spec), 'upload.bin');
    expect(inject).toThrow(PoseAssetError);
    expect(inject).toThrow(
      /upload\.bin is not a TFLite model \(12 bytes\): its file identifier is bytes 0a 00 00 00, expected "TFL3"/
    );
    expect(() => readTfliteModel(new Uint8Array(3))).toThrow(/is not a TFLite model/);
  });
});
