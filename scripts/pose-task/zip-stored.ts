/**
 * Writes and reads zip archives whose entries are STORED (method 0, uncompressed), the only kind
 * MediaPipe's `.task` reader accepts ("Expected uncompressed zip archive"). Each entry's data starts
 * at a multiple of `alignBytes` from the start of the archive, so the models can be used in place.
 *
 * Format: PKWARE APPNOTE.TXT 6.3.10, sections 4.3.7 (local file header), 4.3.12 (central directory
 * header), 4.3.16 (end of central directory record). No zip64: every size must fit in 32 bits.
 * Timestamps are fixed (1980-01-01 00:00, the DOS epoch), so the same entries give the same bytes.
 */
import { crc32 } from 'node:zlib';
import { PoseAssetError } from './pose-asset-error';

export interface ZipEntryInput {
  readonly name: string;
  readonly data: Uint8Array;
}

export interface ZipEntry {
  readonly name: string;
  /** Compression method from the central directory (0 = STORED). */
  readonly method: number;
  /** CRC-32 recorded in the central directory. */
  readonly crc32: number;
  /** Byte position of the entry's data within the archive. */
  readonly dataOffset: number;
  /** The stored bytes (a view into the archive). */
  readonly data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
const END_BYTES = 22;
/** Extra-field id used by Android's zipalign for padding (header 2+2 bytes, then u16 alignment). */
const ALIGNMENT_EXTRA_ID = 0xd935;
const ALIGNMENT_EXTRA_MIN_BYTES = 6;
/** DOS date 1980-01-01: (year-1980) << 9 | month << 5 | day. */
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const DOS_TIME_MIDNIGHT = 0;
/** "Version needed to extract" 1.0: plain stored files. */
const VERSION_NEEDED = 10;
/** "Version made by": MS-DOS attributes, spec 2.0. */
const VERSION_MADE_BY = 20;

/** Builds a STORED zip of `entries`, in the given order, each entry's data aligned to `alignBytes`. */
export function writeZipStored(entries: readonly ZipEntryInput[], alignBytes = 64): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let pos = 0;
  for (const { name, data } of entries) {
    const nameBytes = encoder.encode(name);
    const crc = crc32(data) >>> 0;
    const padding = alignmentPadding(pos + LOCAL_HEADER_BYTES + nameBytes.length, alignBytes);
    const local = new Uint8Array(LOCAL_HEADER_BYTES + nameBytes.length + padding);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL_HEADER, true);
    lv.setUint16(4, VERSION_NEEDED, true);
    lv.setUint16(6, 0, true); // flags
    lv.setUint16(8, 0, true); // method: STORED
    lv.setUint16(10, DOS_TIME_MIDNIGHT, true);
    lv.setUint16(12, DOS_DATE_1980_01_01, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, checkedSize(data.length, name), true); // compressed size
    lv.setUint32(22, data.length, true); // uncompressed size
    lv.setUint16(26, nameBytes.length, true);
    lv.setUint16(28, padding, true); // extra field length
    local.set(nameBytes, LOCAL_HEADER_BYTES);
    if (padding) {
      const extra = LOCAL_HEADER_BYTES + nameBytes.length;
      lv.setUint16(extra, ALIGNMENT_EXTRA_ID, true);
      lv.setUint16(extra + 2, padding - 4, true);
      lv.setUint16(extra + 4, alignBytes, true);
    }

    const header = new Uint8Array(CENTRAL_HEADER_BYTES + nameBytes.length);
    const cv = new DataView(header.buffer);
    cv.setUint32(0, CENTRAL_HEADER, true);
    cv.setUint16(4, VERSION_MADE_BY, true);
    cv.setUint16(6, VERSION_NEEDED, true);
    cv.setUint16(12, DOS_TIME_MIDNIGHT, true);
    cv.setUint16(14, DOS_DATE_1980_01_01, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, pos, true); // offset of the local header
    header.set(nameBytes, CENTRAL_HEADER_BYTES);
    // flags, method, extra/comment lengths, disk number and attributes stay 0.

    parts.push(local, data);
    central.push(header);
    pos += local.length + data.length;
  }
  const centralBytes = central.reduce((sum, h) => sum + h.length, 0);
  const end = new Uint8Array(END_BYTES);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  ev.setUint16(8, entries.length, true); // entries on this disk
  ev.setUint16(10, entries.length, true); // entries in total
  ev.setUint32(12, centralBytes, true);
  ev.setUint32(16, checkedSize(pos, 'the archive'), true); // central directory offset
  return concat([...parts, ...central, end]);
}

/** Extra-field bytes needed so that data placed after `dataStart` is aligned (0, or ≥ 6 bytes). */
function alignmentPadding(dataStart: number, alignBytes: number): number {
  if (dataStart % alignBytes === 0) return 0;
  let padding = alignBytes - (dataStart % alignBytes);
  while (padding < ALIGNMENT_EXTRA_MIN_BYTES) padding += alignBytes;
  return padding;
}

function checkedSize(bytes: number, what: string): number {
  if (bytes > 0xffffffff)
    throw new PoseAssetError(`${what} is too large for a zip without zip64 (${bytes} bytes).`);
  return bytes;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let pos = 0;
  for (const chunk of chunks) {
    out.set(chunk, pos);
    pos += chunk.length;
  }
  return out;
}

/**
 * Lists the entries of a zip through its central directory. Entries are returned whatever their
 * method; only STORED data is meaningful as `data`. Throws {@link PoseAssetError} for a non-zip.
 */
export function readZipStored(archive: Uint8Array): ZipEntry[] {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  let end = -1;
  for (let p = archive.length - END_BYTES; p >= Math.max(0, archive.length - END_BYTES - 0xffff); p--) {
    if (view.getUint32(p, true) === END_OF_CENTRAL_DIRECTORY) {
      end = p;
      break;
    }
  }
  if (end < 0) throw new PoseAssetError(`Not a zip archive: no end-of-central-directory record found.`);
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_HEADER_BYTES > end || view.getUint32(p, true) !== CENTRAL_HEADER) {
      throw new PoseAssetError(`Corrupt zip archive: central directory entry ${i} is missing.`);
    }
    const nameLength = view.getUint16(p + 28, true);
    const size = view.getUint32(p + 20, true);
    const local = view.getUint32(p + 42, true);
    if (local + LOCAL_HEADER_BYTES > archive.length || view.getUint32(local, true) !== LOCAL_HEADER) {
      throw new PoseAssetError(`Corrupt zip archive: local header of entry ${i} is missing.`);
    }
    const dataOffset =
      local + LOCAL_HEADER_BYTES + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataOffset + size > archive.length) {
      throw new PoseAssetError(`Corrupt zip archive: entry ${i} runs past the end of the file.`);
    }
    entries.push({
      name: decoder.decode(archive.subarray(p + CENTRAL_HEADER_BYTES, p + CENTRAL_HEADER_BYTES + nameLength)),
      method: view.getUint16(p + 10, true),
      crc32: view.getUint32(p + 16, true),
      dataOffset,
      data: archive.subarray(dataOffset, dataOffset + size)
    });
    p += CENTRAL_HEADER_BYTES + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}
