import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yuvPlan, yuvToRgba, type YuvColour, type YuvLayout, type YuvMatrix } from './yuv-to-rgba';

/** Kr, Kb per matrix, written out again here so that the test does not reuse the module's table. */
const WEIGHTS: Record<YuvMatrix, [number, number]> = {
  bt709: [0.2126, 0.0722],
  bt470bg: [0.299, 0.114],
  smpte170m: [0.299, 0.114],
  'bt2020-ncl': [0.2627, 0.0593]
};

/** Forward transform R′G′B′ (0–255) → Y′CbCr codes, as an encoder writes them (rounded). */
function encode([r, g, b]: number[], { matrix, fullRange }: YuvColour): [number, number, number] {
  const [kr, kb] = WEIGHTS[matrix];
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const y = kr * R + (1 - kr - kb) * G + kb * B;
  const cb = (B - y) / (2 * (1 - kb));
  const cr = (R - y) / (2 * (1 - kr));
  const q = (v: number) => Math.min(255, Math.max(0, Math.round(v)));
  return fullRange
    ? [q(255 * y), q(128 + 255 * cb), q(128 + 255 * cr)]
    : [q(16 + 219 * y), q(128 + 224 * cb), q(128 + 224 * cr)];
}

/** A tightly packed I420 frame whose every pixel has the same codes. */
function flatI420(w: number, h: number, [y, u, v]: number[]): { src: Uint8Array; layout: YuvLayout } {
  const cw = Math.ceil(w / 2);
  const ch = Math.ceil(h / 2);
  const src = new Uint8Array(w * h + 2 * cw * ch);
  src.fill(y, 0, w * h);
  src.fill(u, w * h, w * h + cw * ch);
  src.fill(v, w * h + cw * ch);
  const planes = [
    { offset: 0, stride: w },
    { offset: w * h, stride: cw },
    { offset: w * h + cw * ch, stride: cw }
  ];
  return { src, layout: { format: 'I420', width: w, height: h, planes } };
}

/** The same picture stored with padded rows (stride > width) and as NV12. */
function repack(src: Uint8Array, layout: YuvLayout, pad: number, format: 'I420' | 'NV12') {
  const { width: w, height: h } = layout;
  const cw = Math.ceil(w / 2);
  const ch = Math.ceil(h / 2);
  const yStride = w + pad;
  const at = (p: number, x: number, y: number) =>
    src[layout.planes[p].offset + y * layout.planes[p].stride + x];
  if (format === 'I420') {
    const cStride = cw + pad;
    const out = new Uint8Array(yStride * h + 2 * cStride * ch);
    const uOff = yStride * h;
    const vOff = uOff + cStride * ch;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * yStride + x] = at(0, x, y);
    for (let y = 0; y < ch; y++)
      for (let x = 0; x < cw; x++) {
        out[uOff + y * cStride + x] = at(1, x, y);
        out[vOff + y * cStride + x] = at(2, x, y);
      }
    const planes = [
      { offset: 0, stride: yStride },
      { offset: uOff, stride: cStride },
      { offset: vOff, stride: cStride }
    ];
    return { src: out, layout: { format, width: w, height: h, planes } as YuvLayout };
  }
  const cStride = 2 * cw + pad;
  const uvOff = yStride * h;
  const out = new Uint8Array(uvOff + cStride * ch);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * yStride + x] = at(0, x, y);
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; x++) {
      out[uvOff + y * cStride + 2 * x] = at(1, x, y);
      out[uvOff + y * cStride + 2 * x + 1] = at(2, x, y);
    }
  const planes = [
    { offset: 0, stride: yStride },
    { offset: uvOff, stride: cStride }
  ];
  return { src: out, layout: { format, width: w, height: h, planes } as YuvLayout };
}

/** A frame with random codes everywhere. */
function randomI420(w: number, h: number, seed: number) {
  const frame = flatI420(w, h, [0, 0, 0]);
  let s = seed >>> 0;
  for (let i = 0; i < frame.src.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    frame.src[i] = s >>> 24;
  }
  return frame;
}

const convert = (src: Uint8Array, layout: YuvLayout, colour: YuvColour, halve = false) => {
  const w = halve ? layout.width >> 1 : layout.width;
  const h = halve ? layout.height >> 1 : layout.height;
  return yuvToRgba(src, layout, colour, new Uint8ClampedArray(4 * w * h), halve);
};

const BT709_LIMITED: YuvColour = { matrix: 'bt709', fullRange: false };

describe('yuvToRgba', () => {
  it('maps limited-range black, white and mid grey to 0, 255 and 128, alpha 255', () => {
    for (const [y, level] of [
      [16, 0],
      [235, 255],
      [125.5, 128]
    ]) {
      const { src, layout } = flatI420(2, 2, [Math.round(y), 128, 128]);
      const px = Array.from(convert(src, layout, BT709_LIMITED).slice(0, 4));
      for (const c of px.slice(0, 3)) expect(Math.abs(c - level)).toBeLessThanOrEqual(1);
      expect(px[3]).toBe(255);
    }
  });

  it('clamps codes outside the nominal range (footroom, headroom, extreme chroma)', () => {
    const { src, layout } = flatI420(2, 2, [0, 255, 255]);
    const px = Array.from(convert(src, layout, BT709_LIMITED).slice(0, 3));
    expect(px.every((c) => c >= 0 && c <= 255)).toBe(true);
    expect(px[1]).toBe(0);
  });

  it('recovers any colour an encoder wrote, within 2 levels, for every matrix and range', () => {
    const colours = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255));
    const colour = fc.record({
      matrix: fc.constantFrom<YuvMatrix>('bt709', 'bt470bg', 'smpte170m', 'bt2020-ncl'),
      fullRange: fc.boolean()
    });
    fc.assert(
      fc.property(colours, colour, (rgb, c) => {
        const { src, layout } = flatI420(2, 2, encode(rgb, c));
        const px = convert(src, layout, c);
        // Quantisation to 219/224 (limited) or 255 codes loses at most ~1.5 levels per channel.
        for (let k = 0; k < 3; k++) expect(Math.abs(px[k] - rgb[k])).toBeLessThanOrEqual(2);
      }),
      { numRuns: 2000 }
    );
  });

  it('tells BT.601 from BT.709: the same codes give a different red', () => {
    const codes = encode([200, 40, 40], { matrix: 'bt709', fullRange: false });
    const { src, layout } = flatI420(2, 2, codes);
    const as709 = convert(src, layout, BT709_LIMITED);
    const as601 = convert(src, layout, { matrix: 'smpte170m', fullRange: false });
    expect(Math.abs(as709[1] - 40)).toBeLessThanOrEqual(1);
    expect(Math.abs(as601[1] - as709[1])).toBeGreaterThan(10);
  });

  it('shares one chroma sample across each 2×2 block and keeps per-pixel luma', () => {
    const { src, layout } = flatI420(4, 2, [0, 128, 128]);
    src.set([16, 60, 100, 235, 40, 80, 120, 200], 0); // two rows of luma
    src.set([128, 90], 8); // U for the two 2×2 blocks
    src.set([128, 170], 10); // V
    const px = convert(src, layout, BT709_LIMITED);
    // Left block grey (R = G = B), right block coloured (R ≠ B), luma order preserved within a row.
    for (const i of [0, 1, 4, 5]) expect(px[4 * i]).toBe(px[4 * i + 2]);
    for (const i of [2, 3, 6, 7]) expect(px[4 * i]).toBeGreaterThan(px[4 * i + 2]);
    expect(px[0]).toBeLessThan(px[4]);
    expect(px[8]).toBeLessThan(px[12]);
  });

  it('gives the same pixels for I420 and NV12, packed or with padded rows, odd sizes included', () => {
    for (const [w, h] of [
      [6, 4],
      [7, 5]
    ]) {
      const base = randomI420(w, h, w * 31 + h);
      const want = convert(base.src, base.layout, BT709_LIMITED);
      for (const format of ['I420', 'NV12'] as const)
        for (const pad of [0, 3]) {
          const r = repack(base.src, base.layout, pad, format);
          expect(convert(r.src, r.layout, BT709_LIMITED)).toEqual(want);
        }
    }
  });

  it('halving averages each 2×2 block of luma and takes that block’s chroma', () => {
    const { src, layout } = flatI420(4, 4, [0, 128, 128]);
    src.set([16, 16, 235, 235, 16, 16, 235, 235, 126, 126, 60, 60, 126, 126, 60, 64], 0);
    const px = convert(src, layout, BT709_LIMITED, true);
    expect(px.length).toBe(2 * 2 * 4);
    const greys = [0, 1, 2, 3].map((i) => px[4 * i]);
    const full = convert(src, layout, BT709_LIMITED);
    // Each output pixel is the grey of the block's mean luma (16, 235, 126, 61).
    expect(greys[0]).toBe(full[0]);
    expect(greys[1]).toBe(full[4 * 2]);
    expect(greys[2]).toBe(full[4 * 8]);
    expect(Math.abs(greys[3] - full[4 * 10])).toBeLessThanOrEqual(1);
  });

  it('refuses an output buffer of the wrong size', () => {
    const { src, layout } = flatI420(4, 4, [16, 128, 128]);
    expect(() => yuvToRgba(src, layout, BT709_LIMITED, new Uint8ClampedArray(4 * 4 * 4 - 4))).toThrow(
      /need 64/
    );
    expect(() => yuvToRgba(src, layout, BT709_LIMITED, new Uint8ClampedArray(4 * 4 * 4), true)).toThrow(
      /need 16/
    );
  });
});

describe('yuvPlan', () => {
  const frame = (format: string | null, matrix: string | null, fullRange: boolean | null = false) => ({
    format,
    colorSpace: { matrix, fullRange },
    visibleRect: { width: 1920, height: 1080 }
  });

  it('converts 8-bit 4:2:0 frames at their visible size or half of it', () => {
    expect(yuvPlan(frame('I420', 'bt709'), 1920, 1080)).toEqual({
      format: 'I420',
      colour: { matrix: 'bt709', fullRange: false },
      halve: false
    });
    expect(yuvPlan(frame('I420A', 'smpte170m', true), 960, 540)).toEqual({
      format: 'I420',
      colour: { matrix: 'smpte170m', fullRange: true },
      halve: true
    });
    expect(yuvPlan(frame('NV12', 'bt2020-ncl', null), 960, 540)?.format).toBe('NV12');
    expect(yuvPlan(frame('NV12', 'bt2020-ncl', null), 960, 540)?.colour.fullRange).toBe(false);
  });

  it('takes a frame that names no matrix or range as BT.601 limited range, as Chromium draws it', () => {
    expect(yuvPlan(frame('I420', null, null), 1920, 1080)?.colour).toEqual({
      matrix: 'smpte170m',
      fullRange: false
    });
  });

  it('leaves everything else to the browser', () => {
    expect(yuvPlan(frame('RGBA', 'bt709'), 1920, 1080)).toBeNull();
    expect(yuvPlan(frame('I420P10', 'bt709'), 1920, 1080)).toBeNull();
    expect(yuvPlan(frame('I444', 'bt709'), 1920, 1080)).toBeNull();
    expect(yuvPlan(frame('I420', 'rgb'), 1920, 1080)).toBeNull();
    expect(yuvPlan(frame('I420', 'bt709'), 1280, 720)).toBeNull();
    expect(yuvPlan({ ...frame('I420', 'bt709'), visibleRect: null }, 1920, 1080)).toBeNull();
  });
});
