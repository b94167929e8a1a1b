import type { Pose } from '$lib/analysis/series';

export interface CropBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The region of a frame to show around a person: the bounding box of the landmarks with
 * visibility ≥ `minVisibility`, grown by `padFraction` of the box height on every side and
 * clamped to the frame (px). The whole frame when no landmark is visible enough.
 */
export function poseCropBox(
  pose: Pose,
  widthPx: number,
  heightPx: number,
  padFraction = 0.15,
  minVisibility = 0.3
): CropBox {
  const points = pose.image.filter((p) => p.visibility >= minVisibility && Number.isFinite(p.x + p.y));
  if (points.length === 0) return { x: 0, y: 0, width: widthPx, height: heightPx };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const pad = (Math.max(...ys) - Math.min(...ys)) * padFraction;
  const x0 = Math.max(0, Math.min(...xs) - pad);
  const y0 = Math.max(0, Math.min(...ys) - pad);
  const x1 = Math.min(widthPx, Math.max(...xs) + pad);
  const y1 = Math.min(heightPx, Math.max(...ys) + pad);
  return { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
}
