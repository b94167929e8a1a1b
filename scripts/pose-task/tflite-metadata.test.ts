import { describe, expect, it } from 'vitest';
import { PoseAssetError } from './pose-asset-error';
import {
  buildTfliteMetadata,
  COLOR_SPACE_RGB,
  CONTENT_PROPERTIES_IMAGE,
  METADATA_IDENTIFIER,
  readTfliteMetadata,
  type ImageModelMetadataSpec
} from './tflite-metadata';

const spec: ImageModelMetadataSpec = {
  name: 'test_model',
  description: 'A model for the test',
  license: 'Apache-2.0',
  inputName: 'image',
  widthPx: 320,
  heightPx: 240,
  mean: [127.5, 120, 110],
  std: [127.5, 60, 50],
  min: [-1],
  max: [1]
};

describe('buildTfliteMetadata / readTfliteMetadata', () => {
  it('reads back what was built: names, image properties, normalization and stats', () => {
    const bytes = buildTfliteMetadata(spec);
    expect(bytes.length % 16).toBe(0);
    expect(readTfliteMetadata(bytes)).toEqual({
      identifier: METADATA_IDENTIFIER,
      name: 'test_model',
      description: 'A model for the test',
      version: 'v1',
      license: 'Apache-2.0',
      minParserVersion: '1.0.0',
      inputs: [
        {
          name: 'image',
          contentPropertiesType: CONTENT_PROPERTIES_IMAGE,
          colorSpace: COLOR_SPACE_RGB,
          defaultSize: { widthPx: 320, heightPx: 240 },
          normalization: { mean: [127.5, 120, 110], std: [127.5, 60, 50] },
          stats: { min: [-1], max: [1] }
        }
      ]
    });
  });

  it('is deterministic', () => {
    expect(Array.from(buildTfliteMetadata(spec))).toEqual(Array.from(buildTfliteMetadata({ ...spec })));
  });

  it('rejects a buffer without the M001 identifier', () => {
    const notMetadata = buildTfliteMetadata(spec).slice();
    notMetadata.set(new TextEncoder().encode('TFL3'), 4);
    expect(() => readTfliteMetadata(notMetadata)).toThrow(PoseAssetError);
    expect(() => readTfliteMetadata(notMetadata)).toThrow(/identifier is "TFL3", expected "M001"/);
  });
});
