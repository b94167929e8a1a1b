/**
 * Reads a TFLite model's root (`tensorflow/lite/schema/schema.fbs`, file identifier `TFL3`) and adds
 * a `TFLITE_METADATA` entry to it without re-serialising the model.
 *
 * Schema: https://github.com/tensorflow/tensorflow/blob/master/tensorflow/lite/schema/schema.fbs
 */
import { FlatbufferReader } from './flatbuffer-reader';
import { fbField as field, fbNode as node, writeFlatbuffer, type FbField } from './flatbuffer-writer';
import { PoseAssetError } from './pose-asset-error';

/** File identifier of a TFLite model flatbuffer. */
export const TFLITE_IDENTIFIER = 'TFL3';

/** Name of the `Model.metadata` entry whose buffer holds the `ModelMetadata` flatbuffer. */
export const TFLITE_METADATA_NAME = 'TFLITE_METADATA';

/** Vtable slots of the schema.fbs tables used here. */
export const TFLITE_SLOTS = {
  model: {
    version: 0,
    operatorCodes: 1,
    subgraphs: 2,
    description: 3,
    buffers: 4,
    metadataBuffer: 5,
    metadata: 6,
    signatureDefs: 7
  },
  subGraph: { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4 },
  tensor: { shape: 0, type: 1, buffer: 2, name: 3 },
  buffer: { data: 0, offset: 1, size: 2 },
  metadata: { name: 0, buffer: 1 }
} as const;

/** `enum TensorType : byte`, indexed by value. */
const TENSOR_TYPES = [
  'FLOAT32',
  'FLOAT16',
  'INT32',
  'UINT8',
  'INT64',
  'STRING',
  'BOOL',
  'INT16',
  'COMPLEX64',
  'INT8'
] as const;

export interface TfliteTensorSummary {
  readonly name: string | null;
  /** e.g. FLOAT32; `TYPE<n>` for a type value this reader does not name. */
  readonly type: string;
  readonly shape: number[];
}

export interface TfliteMetadataEntry {
  readonly name: string | null;
  readonly bufferIndex: number;
  /** The referenced buffer's bytes (a view into the model). */
  readonly data: Uint8Array;
}

export interface TfliteModelSummary {
  readonly version: number;
  readonly subgraphCount: number;
  /** Input and output tensors of the first (main) subgraph, in the model's order. */
  readonly inputs: TfliteTensorSummary[];
  readonly outputs: TfliteTensorSummary[];
  readonly bufferCount: number;
  /** `Model.metadata` entries, in order (e.g. `min_runtime_version`, `TFLITE_METADATA`). */
  readonly metadata: TfliteMetadataEntry[];
}

/** Opens a TFLite flatbuffer, rejecting anything else with a clear message. */
function openTflite(model: Uint8Array, what: string): FlatbufferReader {
  const r = new FlatbufferReader(model);
  const identifier = r.identifier();
  if (identifier !== TFLITE_IDENTIFIER) {
    const found = /^[\x20-\x7e]{4}$/.test(identifier)
      ? `"${identifier}"`
      : `bytes ${Array.from(model.subarray(4, 8), (b) => b.toString(16).padStart(2, '0')).join(' ') || '(none)'}`;
    throw new PoseAssetError(
      `${what} is not a TFLite model (${model.length} bytes): its file identifier is ${found}, ` +
        `expected "${TFLITE_IDENTIFIER}".`
    );
  }
  return r;
}

/** Summarises a TFLite model: I/O tensors of the main subgraph and the metadata entries. */
export function readTfliteModel(model: Uint8Array, what = 'The model'): TfliteModelSummary {
  const r = openTflite(model, what);
  const S = TFLITE_SLOTS;
  const root = r.root();
  const subgraphs = r.tables(r.ref(root, S.model.subgraphs));
  if (subgraphs.length === 0) throw new PoseAssetError(`${what} has no subgraph.`);
  const tensors = r.tables(r.ref(subgraphs[0], S.subGraph.tensors));
  const tensor = (index: number): TfliteTensorSummary => {
    const t = tensors[index];
    if (t === undefined) throw new PoseAssetError(`${what} refers to tensor ${index}, which does not exist.`);
    const type = r.scalarU8(t, S.tensor.type);
    return {
      name: r.string(r.ref(t, S.tensor.name)),
      type: TENSOR_TYPES[type] ?? `TYPE${type}`,
      shape: r.i32s(r.ref(t, S.tensor.shape))
    };
  };
  const buffers = r.tables(r.ref(root, S.model.buffers));
  const metadata = r.tables(r.ref(root, S.model.metadata)).map((entry) => {
    const bufferIndex = r.scalarU32(entry, S.metadata.buffer);
    const buffer = buffers[bufferIndex];
    return {
      name: r.string(r.ref(entry, S.metadata.name)),
      bufferIndex,
      data: buffer === undefined ? new Uint8Array(0) : r.ubytes(r.ref(buffer, S.buffer.data))
    };
  });
  return {
    version: r.scalarU32(root, S.model.version),
    subgraphCount: subgraphs.length,
    inputs: r.i32s(r.ref(subgraphs[0], S.subGraph.inputs)).map(tensor),
    outputs: r.i32s(r.ref(subgraphs[0], S.subGraph.outputs)).map(tensor),
    bufferCount: buffers.length,
    metadata
  };
}

/**
 * Returns a new model whose root additionally lists `metadataFlatbuffer` as
 * `Metadata{name: "TFLITE_METADATA", buffer: <new Buffer>}`; an existing `TFLITE_METADATA` entry is
 * replaced, every other entry (e.g. `min_runtime_version`) is kept.
 *
 * How: flatbuffer offsets point forward, so a new root `Model` table is prepended whose fields point
 * forward into the unchanged original bytes; only the `buffers` and `metadata` vectors are rebuilt
 * (old entries plus one new each). The prepended block's size is a multiple of 16, so every
 * alignment inside the original model still holds. The result passes `tflite::VerifyModelBuffer`
 * (MediaPipe runs it when loading; see POSE_MODEL.md).
 */
export function injectTfliteMetadata(
  model: Uint8Array,
  metadataFlatbuffer: Uint8Array,
  what = 'The model'
): Uint8Array {
  const r = openTflite(model, what);
  const S = TFLITE_SLOTS.model;
  const root = r.root();
  for (let slot = S.signatureDefs + 1; slot < r.slotCount(root); slot++) {
    if (r.field(root, slot)) {
      throw new PoseAssetError(
        `${what} uses Model field slot ${slot}, which this builder does not know to keep.`
      );
    }
  }
  const oldBuffers = r.tables(r.ref(root, S.buffers));
  for (const buffer of oldBuffers) {
    const offset = r.field(buffer, TFLITE_SLOTS.buffer.offset);
    if (offset && r.u64(offset) > 1n) {
      throw new PoseAssetError(
        `${what} stores weights outside the flatbuffer (Buffer.offset); not supported.`
      );
    }
  }
  const keptMetadata = r
    .tables(r.ref(root, S.metadata))
    .filter((entry) => r.string(r.ref(entry, TFLITE_SLOTS.metadata.name)) !== TFLITE_METADATA_NAME);

  /** An offset to the original table/vector at `pos`, which will sit right after the new block. */
  const original = (pos: number) => node.external(pos);
  const keep = (slot: number): FbField | undefined => {
    const pos = r.ref(root, slot);
    return pos ? field.offset(original(pos)) : undefined;
  };
  const versionPos = r.field(root, S.version);
  const newRoot = node.table(S, {
    version: versionPos ? field.u32(r.u32(versionPos)) : undefined,
    operatorCodes: keep(S.operatorCodes),
    subgraphs: keep(S.subgraphs),
    description: keep(S.description),
    buffers: field.offset(
      node.offsetVector([
        ...oldBuffers.map(original),
        node.table(TFLITE_SLOTS.buffer, { data: field.offset(node.byteVector(metadataFlatbuffer, 16)) })
      ])
    ),
    metadataBuffer: keep(S.metadataBuffer),
    metadata: field.offset(
      node.offsetVector([
        ...keptMetadata.map(original),
        node.table(TFLITE_SLOTS.metadata, {
          name: field.offset(node.string(TFLITE_METADATA_NAME)),
          buffer: field.u32(oldBuffers.length)
        })
      ])
    ),
    signatureDefs: keep(S.signatureDefs)
  });
  const front = writeFlatbuffer(newRoot, TFLITE_IDENTIFIER, { padTo: 16 });
  const out = new Uint8Array(front.length + model.length);
  out.set(front, 0);
  out.set(model, front.length);
  return out;
}
