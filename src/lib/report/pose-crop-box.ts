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
 * then widened (about its centre) to at least `minAspect` = width/height so that angle labels beside the
 * body fit, and clamped to the frame (px). The whole frame when no landmark is visible enough.
 */
export function poseCropBox(
  pose: Pose,
  widthPx: number,
  heightPx: number,
  padFraction = 0.15,
  minVisibility = 0.3,
  minAspect = 0
): CropBox {
  const points = pose.image.filter((p) => p.visibility >= minVisibility && Number.isFinite(p.x + p.y));
  if (points.length === 0) return { x: 0, y: 0, width: widthPx, height: heightPx };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const pad = (Math.max(...ys) - Math.min(...ys)) * padFraction;
  let left = Math.min(...xs) - pad;
  let right = Math.max(...xs) + pad;
  const top = Math.min(...ys) - pad;
  const bottom = Math.max(...ys) + pad;
  const minWidth = (bottom - top) * minAspect;
  if (right - left < minWidth) {
    const centre = (left + right) / 2;
    left = centre - minWidth / 2;
    right = centre + minWidth / 2;
  }
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const x1 = Math.min(widthPx, right);
  const y1 = Math.min(heightPx, bottom);
  return { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
}
