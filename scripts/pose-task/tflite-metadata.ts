/**
 * Builds and reads back the TFLite `ModelMetadata` flatbuffer (file identifier `M001`) that the
 * MediaPipe Tasks API needs to feed a float32 image model: input image properties and the
 * `NormalizationOptions` (mean, std) that map 0..255 pixel values to the model's input range,
 * `input = (pixel - mean) / std`.
 *
 * Slots follow `metadata_schema.fbs` (TFLite support library, schema 1.5.0):
 * https://github.com/google-ai-edge/LiteRT/blob/main/tflite/converter/schema/metadata_schema.fbs
 */
import { FlatbufferReader } from './flatbuffer-reader';
import { fbField as field, fbNode as node, writeFlatbuffer } from './flatbuffer-writer';
import { PoseAssetError } from './pose-asset-error';

/** File identifier of a `ModelMetadata` flatbuffer. */
export const METADATA_IDENTIFIER = 'M001';

/** Vtable slots of the metadata_schema.fbs tables used here. */
export const METADATA_SLOTS = {
  modelMetadata: {
    name: 0,
    description: 1,
    version: 2,
    subgraphMetadata: 3,
    author: 4,
    license: 5,
    associatedFiles: 6,
    minParserVersion: 7
  },
  subGraphMetadata: { name: 0, description: 1, inputTensorMetadata: 2 },
  tensorMetadata: { name: 0, description: 1, dimensionNames: 2, content: 3, processUnits: 4, stats: 5 },
  /** `content_properties` is a union: slot 0 holds its type tag, slot 1 the table. */
  content: { contentPropertiesType: 0, contentProperties: 1 },
  imageProperties: { colorSpace: 0, defaultSize: 1 },
  imageSize: { width: 0, height: 1 },
  /** `options` is a union: slot 0 holds its type tag, slot 1 the table. */
  processUnit: { optionsType: 0, options: 1 },
  normalizationOptions: { mean: 0, std: 1 },
  stats: { max: 0, min: 1 }
} as const;

/** `union ContentProperties { FeatureProperties = 1, ImageProperties = 2, ... }` */
export const CONTENT_PROPERTIES_IMAGE = 2;
/** `enum ColorSpaceType : byte { UNKNOWN = 0, RGB = 1, GRAYSCALE = 2 }` */
export const COLOR_SPACE_RGB = 1;
/** `union ProcessUnitOptions { NormalizationOptions = 1, ... }` */
export const PROCESS_UNIT_NORMALIZATION = 1;

/** What to declare about a model with one RGB image input. */
export interface ImageModelMetadataSpec {
  readonly name: string;
  readonly description: string;
  readonly license: string;
  /** Name of the input tensor in the metadata (MediaPipe uses "image"). */
  readonly inputName: string;
  readonly widthPx: number;
  readonly heightPx: number;
  /** Per-channel normalization, `input = (pixel - mean) / std`; one value applies to all channels. */
  readonly mean: readonly number[];
  readonly std: readonly number[];
  /** Range of the normalized input, e.g. [-1, 1] or [0, 1]. */
  readonly min: readonly number[];
  readonly max: readonly number[];
}

/** Serialises `ModelMetadata` for one RGB image input, padded to a multiple of 16 bytes. */
export function buildTfliteMetadata(spec: ImageModelMetadataSpec): Uint8Array {
  const S = METADATA_SLOTS;
  const imageProperties = node.table(S.imageProperties, {
    colorSpace: field.u8(COLOR_SPACE_RGB),
    defaultSize: field.offset(
      node.table(S.imageSize, { width: field.u32(spec.widthPx), height: field.u32(spec.heightPx) })
    )
  });
  const content = node.table(S.content, {
    contentPropertiesType: field.u8(CONTENT_PROPERTIES_IMAGE),
    contentProperties: field.offset(imageProperties)
  });
  const normalization = node.table(S.normalizationOptions, {
    mean: field.offset(node.f32Vector(spec.mean)),
    std: field.offset(node.f32Vector(spec.std))
  });
  const processUnit = node.table(S.processUnit, {
    optionsType: field.u8(PROCESS_UNIT_NORMALIZATION),
    options: field.offset(normalization)
  });
  const stats = node.table(S.stats, {
    max: field.offset(node.f32Vector(spec.max)),
    min: field.offset(node.f32Vector(spec.min))
  });
  const inputTensor = node.table(S.tensorMetadata, {
    name: field.offset(node.string(spec.inputName)),
    description: field.offset(node.string('Input image to be processed.')),
    content: field.offset(content),
    processUnits: field.offset(node.offsetVector([processUnit])),
    stats: field.offset(stats)
  });
  const subgraph = node.table(S.subGraphMetadata, {
    inputTensorMetadata: field.offset(node.offsetVector([inputTensor]))
  });
  const modelMetadata = node.table(S.modelMetadata, {
    name: field.offset(node.string(spec.name)),
    description: field.offset(node.string(spec.description)),
    version: field.offset(node.string('v1')),
    subgraphMetadata: field.offset(node.offsetVector([subgraph])),
    license: field.offset(node.string(spec.license)),
    minParserVersion: field.offset(node.string('1.0.0'))
  });
  return writeFlatbuffer(modelMetadata, METADATA_IDENTIFIER, { padTo: 16 });
}

/** The image input of a `ModelMetadata`, as read back. */
export interface ImageInputMetadata {
  readonly name: string | null;
  readonly contentPropertiesType: number;
  readonly colorSpace: number;
  readonly defaultSize: { readonly widthPx: number; readonly heightPx: number } | null;
  /** Null when the tensor declares no NormalizationOptions process unit. */
  readonly normalization: { readonly mean: number[]; readonly std: number[] } | null;
  readonly stats: { readonly min: number[]; readonly max: number[] } | null;
}

export interface TfliteMetadata {
  readonly identifier: string;
  readonly name: string | null;
  readonly description: string | null;
  readonly version: string | null;
  readonly license: string | null;
  readonly minParserVersion: string | null;
  /** Input tensor metadata of the first subgraph. */
  readonly inputs: ImageInputMetadata[];
}

/** Reads a `ModelMetadata` flatbuffer back (the inverse of {@link buildTfliteMetadata}). */
export function readTfliteMetadata(bytes: Uint8Array): TfliteMetadata {
  const r = new FlatbufferReader(bytes);
  const identifier = r.identifier();
  if (identifier !== METADATA_IDENTIFIER) {
    throw new PoseAssetError(
      `Not TFLite model metadata: file identifier is "${identifier}", expected "${METADATA_IDENTIFIER}".`
    );
  }
  const S = METADATA_SLOTS;
  const root = r.root();
  const [subgraph] = r.tables(r.ref(root, S.modelMetadata.subgraphMetadata));
  const tensors = subgraph ? r.tables(r.ref(subgraph, S.subGraphMetadata.inputTensorMetadata)) : [];
  return {
    identifier,
    name: r.string(r.ref(root, S.modelMetadata.name)),
    description: r.string(r.ref(root, S.modelMetadata.description)),
    version: r.string(r.ref(root, S.modelMetadata.version)),
    license: r.string(r.ref(root, S.modelMetadata.license)),
    minParserVersion: r.string(r.ref(root, S.modelMetadata.minParserVersion)),
    inputs: tensors.map((tensor) => readImageInput(r, tensor))
  };
}

function readImageInput(r: FlatbufferReader, tensor: number): ImageInputMetadata {
  const S = METADATA_SLOTS;
  const content = r.ref(tensor, S.tensorMetadata.content);
  const contentPropertiesType = content ? r.scalarU8(content, S.content.contentPropertiesType) : 0;
  const image =
    contentPropertiesType === CONTENT_PROPERTIES_IMAGE ? r.ref(content, S.content.contentProperties) : 0;
  const size = image ? r.ref(image, S.imageProperties.defaultSize) : 0;
  const normalizationUnit = r
    .tables(r.ref(tensor, S.tensorMetadata.processUnits))
    .find((unit) => r.scalarU8(unit, S.processUnit.optionsType) === PROCESS_UNIT_NORMALIZATION);
  const normalization = normalizationUnit ? r.ref(normalizationUnit, S.processUnit.options) : 0;
  const stats = r.ref(tensor, S.tensorMetadata.stats);
  return {
    name: r.string(r.ref(tensor, S.tensorMetadata.name)),
    contentPropertiesType,
    colorSpace: image ? r.scalarU8(image, S.imageProperties.colorSpace) : 0,
    defaultSize: size
      ? {
          widthPx: r.scalarU32(size, S.imageSize.width),
          heightPx: r.scalarU32(size, S.imageSize.height)
        }
      : null,
    normalization: normalization
      ? {
          mean: r.f32s(r.ref(normalization, S.normalizationOptions.mean)),
          std: r.f32s(r.ref(normalization, S.normalizationOptions.std))
        }
      : null,
    stats: stats ? { min: r.f32s(r.ref(stats, S.stats.min)), max: r.f32s(r.ref(stats, S.stats.max)) } : null
  };
}
