/**
 * A minimal, read-only FlatBuffers accessor (little endian), enough to inspect a TFLite model
 * (`tensorflow/lite/schema/schema.fbs`) and its TFLite `ModelMetadata`
 * (`tensorflow_lite_support/metadata/metadata_schema.fbs`).
 *
 * Conventions: every position is an absolute byte offset into `bytes`; a position of 0 means
 * "absent" (position 0 always holds the root offset, so no table, vector or string can start there).
 * Reference: https://flatbuffers.dev/internals/ (tables, vtables, uoffset/soffset).
 */
import { PoseAssetError } from './pose-asset-error';

export class FlatbufferReader {
  readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u8(pos: number): number {
    return this.view.getUint8(this.check(pos, 1));
  }
  u16(pos: number): number {
    return this.view.getUint16(this.check(pos, 2), true);
  }
  i32(pos: number): number {
    return this.view.getInt32(this.check(pos, 4), true);
  }
  u32(pos: number): number {
    return this.view.getUint32(this.check(pos, 4), true);
  }
  f32(pos: number): number {
    return this.view.getFloat32(this.check(pos, 4), true);
  }
  u64(pos: number): bigint {
    return this.view.getBigUint64(this.check(pos, 8), true);
  }

  /** Position of the root table (the uoffset in the first 4 bytes). */
  root(): number {
    return this.u32(0);
  }

  /** The 4-character file identifier at bytes 4..8 (e.g. `TFL3`, `M001`), or '' if too short. */
  identifier(): string {
    if (this.bytes.length < 8) return '';
    return String.fromCharCode(...this.bytes.subarray(4, 8));
  }

  /** Position of the vtable of the table at `table` (table position minus its soffset). */
  vtable(table: number): number {
    return table - this.i32(table);
  }

  /** Number of field slots the table's vtable describes. */
  slotCount(table: number): number {
    return (this.u16(this.vtable(table)) - 4) / 2;
  }

  /** Absolute position of the inline value of field `slot` of the table at `table`, or 0 if absent. */
  field(table: number, slot: number): number {
    const vt = this.vtable(table);
    const entry = 4 + 2 * slot;
    if (entry >= this.u16(vt)) return 0;
    const offset = this.u16(vt + entry);
    return offset ? table + offset : 0;
  }

  /** Follows the uoffset stored at `pos`. */
  deref(pos: number): number {
    return pos + this.u32(pos);
  }

  /** Position of the table, vector or string that field `slot` refers to, or 0 if absent. */
  ref(table: number, slot: number): number {
    const pos = this.field(table, slot);
    return pos ? this.deref(pos) : 0;
  }

  vectorLength(vector: number): number {
    return this.u32(vector);
  }

  /** Positions of the tables in a vector of tables (0 → empty list). */
  tables(vector: number): number[] {
    if (!vector) return [];
    return Array.from({ length: this.u32(vector) }, (_, i) => this.deref(vector + 4 + 4 * i));
  }

  /** A `[int]` vector (0 → empty list). */
  i32s(vector: number): number[] {
    if (!vector) return [];
    return Array.from({ length: this.u32(vector) }, (_, i) => this.i32(vector + 4 + 4 * i));
  }

  /** A `[float]` vector (0 → empty list). */
  f32s(vector: number): number[] {
    if (!vector) return [];
    return Array.from({ length: this.u32(vector) }, (_, i) => this.f32(vector + 4 + 4 * i));
  }

  /** The bytes of a `[ubyte]` vector, as a view into the buffer (0 → empty). */
  ubytes(vector: number): Uint8Array {
    if (!vector) return new Uint8Array(0);
    const length = this.u32(vector);
    this.check(vector + 4, length);
    return this.bytes.subarray(vector + 4, vector + 4 + length);
  }

  /** A UTF-8 string (0 → null). */
  string(pos: number): string | null {
    if (!pos) return null;
    return new TextDecoder().decode(this.ubytes(pos));
  }

  scalarU8(table: number, slot: number, fallback = 0): number {
    const pos = this.field(table, slot);
    return pos ? this.u8(pos) : fallback;
  }

  scalarU32(table: number, slot: number, fallback = 0): number {
    const pos = this.field(table, slot);
    return pos ? this.u32(pos) : fallback;
  }

  private check(pos: number, size: number): number {
    if (!Number.isInteger(pos) || pos < 0 || pos + size > this.bytes.length) {
      throw new PoseAssetError(
        `Corrupt flatbuffer: a reference points to byte ${pos}, outside the ${this.bytes.length}-byte buffer.`
      );
    }
    return pos;
  }
}
