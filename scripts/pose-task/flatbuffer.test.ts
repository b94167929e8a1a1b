import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlatbufferReader } from './flatbuffer-reader';
import { fbField as field, fbNode as node, writeFlatbuffer } from './flatbuffer-writer';
import { PoseAssetError } from './pose-asset-error';

const SLOTS = { flag: 0, count: 1, label: 2, values: 3, blob: 4, children: 5, after: 6 } as const;

describe('writeFlatbuffer + FlatbufferReader', () => {
  it('round-trips scalars, strings, float vectors, aligned bytes and nested tables', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.string(),
        fc.array(fc.float({ noNaN: true }), { maxLength: 8 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
        (flag, count, label, values, blob, childLabels) => {
          const root = node.table(SLOTS, {
            flag: field.u8(flag),
            count: field.u32(count),
            label: field.offset(node.string(label)),
            values: field.offset(node.f32Vector(values)),
            blob: field.offset(node.byteVector(blob, 16)),
            children: field.offset(
              node.offsetVector(
                childLabels.map((l) => node.table(SLOTS, { label: field.offset(node.string(l)) }))
              )
            )
          });
          const bytes = writeFlatbuffer(root, 'TEST', { padTo: 16 });
          expect(bytes.length % 16).toBe(0);
          const r = new FlatbufferReader(bytes);
          expect(r.identifier()).toBe('TEST');
          const t = r.root();
          expect(r.scalarU8(t, SLOTS.flag)).toBe(flag);
          expect(r.scalarU32(t, SLOTS.count)).toBe(count);
          expect(r.string(r.ref(t, SLOTS.label))).toBe(label);
          expect(r.f32s(r.ref(t, SLOTS.values))).toEqual(values.map((v) => Math.fround(v)));
          const blobVector = r.ref(t, SLOTS.blob);
          expect((blobVector + 4) % 16).toBe(0);
          expect(Array.from(r.ubytes(blobVector))).toEqual(Array.from(blob));
          const children = r.tables(r.ref(t, SLOTS.children));
          expect(children.map((c) => r.string(r.ref(c, SLOTS.label)))).toEqual(childLabels);
          // an absent field reads as absent, scalars as the given default
          expect(r.field(t, SLOTS.after)).toBe(0);
          expect(r.scalarU32(t, SLOTS.after, 99)).toBe(99);
        }
      )
    );
  });

  it('resolves an external offset to the bytes appended after the block', () => {
    const appended = new TextEncoder().encode('\0\0\0\0tail');
    // a string "tail" written by hand: u32 length then the bytes
    new DataView(appended.buffer).setUint32(0, 4, true);
    const front = writeFlatbuffer(node.table(SLOTS, { label: field.offset(node.external(0)) }), 'EXTL', {
      padTo: 16
    });
    const whole = new Uint8Array(front.length + appended.length);
    whole.set(front);
    whole.set(appended, front.length);
    const r = new FlatbufferReader(whole);
    expect(r.string(r.ref(r.root(), SLOTS.label))).toBe('tail');
  });

  it('rejects a file identifier that is not 4 characters', () => {
    expect(() => writeFlatbuffer(node.table(SLOTS, {}), 'TFL')).toThrow(PoseAssetError);
  });

  it('reports a reference outside the buffer as a PoseAssetError, not a RangeError', () => {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, 1000, true); // root offset past the end
    const r = new FlatbufferReader(bytes);
    expect(() => r.field(r.root(), 0)).toThrow(/outside the 8-byte buffer/);
  });
});
