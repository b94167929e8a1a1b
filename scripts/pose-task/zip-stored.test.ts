import fc from 'fast-check';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PoseAssetError } from './pose-asset-error';
import { readZipStored, writeZipStored } from './zip-stored';

const entryArb = fc.record({
  name: fc.string({ minLength: 1, maxLength: 40 }),
  data: fc.uint8Array({ maxLength: 300 })
});

describe('writeZipStored / readZipStored', () => {
  it('reads back every entry in order, STORED, aligned, with its CRC-32, for any names and sizes', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 5 }), fc.constantFrom(4, 16, 64), (entries, alignBytes) => {
        const back = readZipStored(writeZipStored(entries, alignBytes));
        expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
        back.forEach((entry, i) => {
          expect(entry.method).toBe(0);
          expect(entry.dataOffset % alignBytes).toBe(0);
          expect(Array.from(entry.data)).toEqual(Array.from(entries[i].data));
          expect(entry.crc32).toBe(crc32(entries[i].data) >>> 0);
        });
      })
    );
  });

  it('gives identical bytes for identical entries (fixed timestamps)', () => {
    const entries = [
      { name: 'a.tflite', data: Uint8Array.from([1, 2, 3]) },
      { name: 'b.tflite', data: new Uint8Array(100).fill(7) }
    ];
    expect(Array.from(writeZipStored(entries))).toEqual(Array.from(writeZipStored(entries)));
  });

  it('writes the 1980-01-01 00:00 DOS timestamp and version 1.0 into each local header', () => {
    const zip = writeZipStored([{ name: 'x', data: Uint8Array.from([42]) }]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(4, true)).toBe(10);
    expect(view.getUint16(10, true)).toBe(0); // time 00:00:00
    expect(view.getUint16(12, true)).toBe((1 << 5) | 1); // 1980-01-01
  });

  it('rejects bytes that are not a zip archive with a PoseAssetError', () => {
    expect(() => readZipStored(new TextEncoder().encode('TFL3 is not a zip'))).toThrow(PoseAssetError);
    expect(() => readZipStored(new Uint8Array(0))).toThrow(/Not a zip archive/);
  });

  it('rejects an archive whose entry runs past the end of the file', () => {
    const zip = writeZipStored([{ name: 'x', data: new Uint8Array(64) }]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const centralDirectory = view.getUint32(zip.length - 22 + 16, true);
    view.setUint32(centralDirectory + 20, 1 << 20, true); // claim a 1 MiB entry
    expect(() => readZipStored(zip)).toThrow(/runs past the end/);
  });
});
