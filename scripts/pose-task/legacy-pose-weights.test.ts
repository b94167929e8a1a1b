import { describe, expect, it } from 'vitest';
import { loadLegacyPoseWeights, parsePackedAssetsManifest, POSE_VARIANTS } from './legacy-pose-weights';
import { PoseAssetError } from './pose-asset-error';
import { readTfliteModel } from './tflite-model';

describe('parsePackedAssetsManifest', () => {
  it('reads the file list out of an Emscripten loader script', () => {
    const loader =
      'var x = 1; loadPackage({"files": [{"filename": "/a/model.tflite", "start": 0, "end": 10}, ' +
      '{"filename": "/b.bin", "start": 10, "end": 25}], "remote_package_size": 25}); })();';
    expect(parsePackedAssetsManifest(loader)).toEqual([
      { filename: '/a/model.tflite', start: 0, end: 10 },
      { filename: '/b.bin', start: 10, end: 25 }
    ]);
  });

  it('rejects a script without a manifest, or a manifest with bad offsets', () => {
    expect(() => parsePackedAssetsManifest('console.log(1)')).toThrow(PoseAssetError);
    expect(() =>
      parsePackedAssetsManifest('loadPackage({"files": [{"filename": "/a", "start": 5, "end": 2}]});')
    ).toThrow(/no valid "files" list/);
    expect(() => parsePackedAssetsManifest('loadPackage({"files": [}]});')).toThrow(/not valid JSON/);
  });
});

describe('loadLegacyPoseWeights', () => {
  it('cuts a TFLite detector out of the packed assets and reads all three landmark models', () => {
    const weights = loadLegacyPoseWeights();
    expect(readTfliteModel(weights.detector).inputs[0].shape).toEqual([1, 224, 224, 3]);
    for (const variant of POSE_VARIANTS) {
      expect(readTfliteModel(weights.landmarks[variant]).inputs[0].shape).toEqual([1, 256, 256, 3]);
    }
    // heavier variants are bigger models
    const sizes = POSE_VARIANTS.map((v) => weights.landmarks[v].length);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
  });

  it('explains a missing package directory', () => {
    expect(() => loadLegacyPoseWeights('/nonexistent/@mediapipe/pose')).toThrow(
      /Cannot read pose_solution_packed_assets_loader\.js from \/nonexistent.*reinstall @mediapipe\/pose/
    );
  });
});
