/**
 * A tiny "forward layout" FlatBuffers writer.
 *
 * Objects are laid out parent first (pre-order), so every uoffset points forward, as FlatBuffers
 * requires (uoffsets are unsigned). Each vtable is written directly before its table (positive
 * soffset). Every inline field gets its own 4-byte slot, which keeps alignment trivially right for
 * the scalar types used here (u8, u32) and for uoffsets.
 *
 * An offset may also point at an `external` position: bytes that the caller appends right after
 * this block (used to prepend a new root table to an unchanged TFLite model). Such an offset is
 * resolved to `blockSize + position` once the block size is known.
 *
 * Reference: https://flatbuffers.dev/internals/
 */
import { PoseAssetError } from './pose-asset-error';

/** An inline field of a table. */
export type FbField =
  | { readonly kind: 'u8'; readonly value: number }
  | { readonly kind: 'u32'; readonly value: number }
  | { readonly kind: 'offset'; readonly target: FbNode };

/** Something a uoffset can point to. */
export type FbNode =
  /** A table; `slots[i]` is the field in vtable slot i (undefined = absent, the schema default). */
  | { readonly type: 'table'; readonly slots: readonly (FbField | undefined)[] }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'f32-vector'; readonly values: readonly number[] }
  /** `[ubyte]` whose first data byte is placed at a multiple of `align` within the block. */
  | { readonly type: 'byte-vector'; readonly bytes: Uint8Array; readonly align: number }
  /** A vector of uoffsets (to tables, or to external positions). */
  | { readonly type: 'offset-vector'; readonly items: readonly FbNode[] }
  /** Absolute position `position` within the bytes appended after this block. */
  | { readonly type: 'external'; readonly position: number };

export const fbField = {
  u8: (value: number): FbField => ({ kind: 'u8', value }),
  u32: (value: number): FbField => ({ kind: 'u32', value }),
  offset: (target: FbNode): FbField => ({ kind: 'offset', target })
};

export const fbNode = {
  /**
   * A table from named fields: `table({ a: 0, b: 2 }, { b: x })` puts `x` in vtable slot 2 and
   * leaves the others absent (schema default).
   */
  table: <K extends string>(
    slotOf: Readonly<Record<K, number>>,
    fields: Partial<Record<K, FbField>>
  ): FbNode => {
    const slots: (FbField | undefined)[] = [];
    for (const key of Object.keys(fields) as K[]) slots[slotOf[key]] = fields[key];
    return { type: 'table', slots };
  },
  string: (value: string): FbNode => ({ type: 'string', value }),
  f32Vector: (values: readonly number[]): FbNode => ({ type: 'f32-vector', values }),
  byteVector: (bytes: Uint8Array, align = 16): FbNode => ({ type: 'byte-vector', bytes, align }),
  offsetVector: (items: readonly FbNode[]): FbNode => ({ type: 'offset-vector', items }),
  external: (position: number): FbNode => ({ type: 'external', position })
};

export interface WriteFlatbufferOptions {
  /** Pad the block to a multiple of this many bytes (keeps data appended after it aligned). */
  readonly padTo?: number;
}

/**
 * Serialises `root` as a complete flatbuffer: `[u32 root offset][4-byte file identifier][...]`.
 * Deterministic: the same tree always gives the same bytes.
 */
export function writeFlatbuffer(
  root: FbNode,
  identifier: string,
  { padTo = 8 }: WriteFlatbufferOptions = {}
): Uint8Array {
  if (identifier.length !== 4)
    throw new PoseAssetError(`A file identifier has 4 characters, got "${identifier}".`);
  const block = new ForwardBlock();
  block.alloc(8);
  for (let i = 0; i < 4; i++) block.bytes[4 + i] = identifier.charCodeAt(i);
  block.setU32(0, block.write(root));
  block.pad(padTo);
  const size = block.length;
  for (const { at, position } of block.externals) block.setU32(at, size + position - at);
  return block.bytes.slice(0, size);
}

/** Growable byte block with the pre-order layout logic. */
class ForwardBlock {
  bytes = new Uint8Array(4096);
  length = 0;
  /** uoffset slots still to be patched to external positions. */
  readonly externals: { at: number; position: number }[] = [];

  private get view(): DataView {
    return new DataView(this.bytes.buffer);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let capacity = this.bytes.length;
    while (capacity < this.length + n) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Zero-pads until `(length + extra) % align === 0`. */
  pad(align: number, extra = 0): void {
    const n = (align - ((this.length + extra) % align)) % align;
    this.reserve(n);
    this.length += n;
  }

  alloc(n: number): number {
    this.reserve(n);
    const pos = this.length;
    this.length += n;
    return pos;
  }

  setU32(pos: number, value: number): void {
    this.view.setUint32(pos, value >>> 0, true);
  }

  /** Makes the uoffset slot at `at` refer to `target`, writing `target` after everything so far. */
  private link(at: number, target: FbNode): void {
    if (target.type === 'external') {
      this.externals.push({ at, position: target.position });
      return;
    }
    this.setU32(at, this.write(target) - at);
  }

  /** Writes a node and returns its position (for vectors and strings: the length prefix). */
  write(node: FbNode): number {
    switch (node.type) {
      case 'string': {
        const utf8 = new TextEncoder().encode(node.value);
        this.pad(4);
        const pos = this.alloc(4 + utf8.length + 1); // length, bytes, NUL terminator
        this.setU32(pos, utf8.length);
        this.bytes.set(utf8, pos + 4);
        return pos;
      }
      case 'f32-vector': {
        this.pad(4);
        const pos = this.alloc(4 + 4 * node.values.length);
        this.setU32(pos, node.values.length);
        const view = this.view;
        node.values.forEach((v, i) => view.setFloat32(pos + 4 + 4 * i, v, true));
        return pos;
      }
      case 'byte-vector': {
        this.pad(Math.max(4, node.align), 4); // the data after the length prefix is aligned
        const pos = this.alloc(4 + node.bytes.length);
        this.setU32(pos, node.bytes.length);
        this.bytes.set(node.bytes, pos + 4);
        return pos;
      }
      case 'offset-vector': {
        this.pad(4);
        const pos = this.alloc(4 + 4 * node.items.length);
        this.setU32(pos, node.items.length);
        node.items.forEach((item, i) => this.link(pos + 4 + 4 * i, item));
        return pos;
      }
      case 'table':
        return this.writeTable(node.slots);
      case 'external':
        throw new PoseAssetError('An external position can only be the target of an offset.');
    }
  }

  private writeTable(slots: readonly (FbField | undefined)[]): number {
    let slotCount = slots.length;
    while (slotCount > 0 && slots[slotCount - 1] === undefined) slotCount--;
    const present: number[] = [];
    for (let i = 0; i < slotCount; i++) if (slots[i] !== undefined) present.push(i);
    const vtableSize = 4 + 2 * slotCount;
    const tableSize = 4 + 4 * present.length;
    this.pad(4, vtableSize); // vtable (2-aligned) immediately followed by the 4-aligned table
    const vtable = this.alloc(vtableSize);
    const table = this.alloc(tableSize);
    const view = this.view;
    view.setUint16(vtable, vtableSize, true);
    view.setUint16(vtable + 2, tableSize, true);
    view.setInt32(table, table - vtable, true); // soffset: vtable = table - soffset
    const offsets: [number, FbNode][] = [];
    present.forEach((slot, j) => {
      const field = slots[slot]!;
      const pos = table + 4 + 4 * j;
      view.setUint16(vtable + 4 + 2 * slot, 4 + 4 * j, true);
      if (field.kind === 'u8') view.setUint8(pos, field.value);
      else if (field.kind === 'u32') view.setUint32(pos, field.value >>> 0, true);
      else offsets.push([pos, field.target]);
    });
    for (const [pos, target] of offsets) this.link(pos, target);
    return table;
  }
}
