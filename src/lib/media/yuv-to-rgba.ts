/**
 * Converts a decoded frame's planar YUV 4:2:0 pixels (WebCodecs `I420` / `I420A`, or `NV12`) to
 * RGBA, optionally halving each side on the way (2×2 box average of luma; the chroma planes
 * already have that size), for the pose model's input.
 *
 * Why our own: on the 2-core machine we measure on, Chromium's own conversions (2D canvas
 * `drawImage`, `createImageBitmap`, `VideoFrame.copyTo({ format: 'RGBA' })`) cost 17–25 ms per
 * 960×540 frame, and running them beside the model slowed the model itself; this loop takes a few
 * milliseconds (figures in docs/VALIDATION.md, "Speed").
 *
 * Colour: Y′CbCr → R′G′B′ with the frame's matrix (BT.709, BT.601 or BT.2020 non-constant
 * luminance; Kr/Kb from ITU-R BT.709-6, BT.601-7 and BT.2020-2) and range (limited: Y′ 16–235,
 * Cb/Cr 16–240; full: 0–255). The transfer function and primaries are left as coded (no gamut
 * conversion): the difference to the browser's own conversion is a few levels, which the tests
 * bound. Chroma is taken from the nearest sample (no interpolation), as in a plain 4:2:0 upsample.
 */

/** Y′CbCr matrices we convert, with their luma weights Kr and Kb. */
const MATRICES = {
  bt709: { kr: 0.2126, kb: 0.0722 },
  bt470bg: { kr: 0.299, kb: 0.114 },
  smpte170m: { kr: 0.299, kb: 0.114 },
  'bt2020-ncl': { kr: 0.2627, kb: 0.0593 }
} as const;

export type YuvMatrix = keyof typeof MATRICES;

/** Where the planes of one 4:2:0 frame lie in a buffer (as `VideoFrame.copyTo` reports them). */
export interface YuvLayout {
  /** 'I420' (Y, U, V planes, or I420A with alpha ignored) or 'NV12' (Y, interleaved UV). */
  format: 'I420' | 'NV12';
  /** Visible size, px. */
  width: number;
  height: number;
  planes: { offset: number; stride: number }[];
}

export interface YuvColour {
  matrix: YuvMatrix;
  fullRange: boolean;
}

/** How to convert one frame: see {@link yuvPlan}. */
export interface YuvPlan {
  format: YuvLayout['format'];
  colour: YuvColour;
  /** Halve each side (2×2 luma average). */
  halve: boolean;
}

/** The parts of a WebCodecs `VideoFrame` that decide whether and how we convert it. */
export interface YuvFrameDescription {
  format: string | null;
  colorSpace: { matrix?: string | null; fullRange?: boolean | null };
  visibleRect: { width: number; height: number } | null;
}

/**
 * How to turn `frame` into an `outWidth` × `outHeight` RGBA image with {@link yuvToRgba}, or null
 * when this module cannot, and the browser's own conversion must do it: a pixel format other than
 * 8-bit 4:2:0 (`I420`, `I420A`, `NV12`), a matrix it does not know, or an output size other than
 * the visible size or exactly half of it. A frame that names no matrix or range (Chromium's camera
 * frames) is taken as BT.601 limited range, as Chromium itself draws it (measured: mean difference
 * 0.02 levels on a fake-camera frame, against 0.46 taking it as BT.709).
 */
export function yuvPlan(frame: YuvFrameDescription, outWidth: number, outHeight: number): YuvPlan | null {
  const format =
    frame.format === 'I420' || frame.format === 'I420A' ? 'I420' : frame.format === 'NV12' ? 'NV12' : null;
  const matrix = frame.colorSpace.matrix ?? 'smpte170m';
  if (!format || !frame.visibleRect || !(matrix in MATRICES)) return null;
  const { width, height } = frame.visibleRect;
  const colour = { matrix: matrix as YuvMatrix, fullRange: frame.colorSpace.fullRange ?? false };
  if (outWidth === width && outHeight === height) return { format, colour, halve: false };
  if (outWidth === width >> 1 && outHeight === height >> 1) return { format, colour, halve: true };
  return null;
}

/** Integer lookup tables (16.16 fixed point) for one matrix and range. */
interface Tables {
  y: Int32Array;
  rv: Int32Array;
  gu: Int32Array;
  gv: Int32Array;
  bu: Int32Array;
}

const tableCache = new Map<string, Tables>();

function tablesFor({ matrix, fullRange }: YuvColour): Tables {
  const key = `${matrix}/${fullRange}`;
  const cached = tableCache.get(key);
  if (cached) return cached;
  const { kr, kb } = MATRICES[matrix];
  const kg = 1 - kr - kb;
  const yScale = fullRange ? 1 : 255 / 219;
  const cScale = fullRange ? 1 : 255 / 224;
  const yOffset = fullRange ? 0 : 16;
  const one = 1 << 16;
  const t: Tables = {
    y: new Int32Array(256),
    rv: new Int32Array(256),
    gu: new Int32Array(256),
    gv: new Int32Array(256),
    bu: new Int32Array(256)
  };
  for (let i = 0; i < 256; i++) {
    const c = (i - 128) * cScale;
    // + 0.5 so that the final >> 16 rounds to nearest.
    t.y[i] = Math.round(((i - yOffset) * yScale + 0.5) * one);
    t.rv[i] = Math.round(2 * (1 - kr) * c * one);
    t.gu[i] = Math.round(((-2 * kb * (1 - kb)) / kg) * c * one);
    t.gv[i] = Math.round(((-2 * kr * (1 - kr)) / kg) * c * one);
    t.bu[i] = Math.round(2 * (1 - kb) * c * one);
  }
  tableCache.set(key, t);
  return t;
}

/** Clamps an integer level to 0–255 (levels can overshoot by ≈ ±280 with extreme chroma). */
const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/**
 * Writes the frame as RGBA (alpha 255) into `out`, whose length must be 4 × outWidth × outHeight,
 * where the output size is the visible size, or half of it (rounded down) when `halve` is set.
 * Returns `out`.
 */
export function yuvToRgba(
  src: Uint8Array,
  layout: YuvLayout,
  colour: YuvColour,
  out: Uint8ClampedArray,
  halve = false
): Uint8ClampedArray {
  const { width, height, planes } = layout;
  const outW = halve ? width >> 1 : width;
  const outH = halve ? height >> 1 : height;
  if (out.length !== outW * outH * 4)
    throw new Error(`RGBA buffer holds ${out.length} bytes, need ${outW * outH * 4}`);
  const { y: ty, rv, gu, gv, bu } = tablesFor(colour);
  const px = new Uint32Array(out.buffer, out.byteOffset, outW * outH);
  const nv12 = layout.format === 'NV12';
  const [yp, up, vp] = planes;
  const uOffset = up.offset;
  // NV12: U and V interleaved in one plane (U first); I420: separate planes.
  const vOffset = nv12 ? up.offset + 1 : vp.offset;
  const cStride = up.stride;
  const cStep = nv12 ? 2 : 1;
  const alpha = 0xff000000;
  for (let oy = 0; oy < outH; oy++) {
    // Halving: output row oy averages luma rows 2oy and 2oy+1 and uses chroma row oy.
    const cy = halve ? oy : oy >> 1;
    const yRow = yp.offset + (halve ? 2 * oy : oy) * yp.stride;
    const uRow = uOffset + cy * cStride;
    const vRow = vOffset + cy * cStride;
    let o = oy * outW;
    for (let ox = 0; ox < outW; ox++, o++) {
      const cx = (halve ? ox : ox >> 1) * cStep;
      let luma: number;
      if (halve) {
        const i = yRow + 2 * ox;
        luma = (src[i] + src[i + 1] + src[i + yp.stride] + src[i + yp.stride + 1] + 2) >> 2;
      } else {
        luma = src[yRow + ox];
      }
      const u = src[uRow + cx];
      const v = src[vRow + cx];
      const yy = ty[luma];
      const r = clamp((yy + rv[v]) >> 16);
      const g = clamp((yy + gu[u] + gv[v]) >> 16);
      const b = clamp((yy + bu[u]) >> 16);
      // Little-endian: bytes R, G, B, A in memory. (`>>> 0` keeps the word unsigned.)
      px[o] = (alpha | (b << 16) | (g << 8) | r) >>> 0;
    }
  }
  return out;
}
