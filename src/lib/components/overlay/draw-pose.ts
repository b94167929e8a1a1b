/**
 * Canvas drawing of one pose and its gait annotations, shared by the live report overlay and
 * the key-frame pictures. Coordinates are the series' pixels (y down); the canvas is sized to the
 * video frame (`widthPx × heightPx`) and scaled by CSS, so no coordinate transform is needed.
 * Left is drawn in blue, right in orange, everywhere in the report (see `SIDE_COLORS`).
 */
import { LM, SKELETON_EDGES, sideIndex, type Side } from '$lib/analysis/landmarks';
import type { ImageLandmark, Pose } from '$lib/analysis/series';

export const SIDE_COLORS: Record<Side, string> = { left: '#2563eb', right: '#ea580c' };
export const TRUNK_COLOR = '#7c3aed';
export const NECK_COLOR = '#059669';
const CENTRE_COLOR = '#e5e7eb';

/** Visibility below which a landmark is not drawn (same spirit as the analysis gap rule). */
const MIN_DRAW_VISIBILITY = 0.3;

interface Point {
  x: number;
  y: number;
}

function mid(a: ImageLandmark, b: ImageLandmark): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function sideOfIndex(i: number): Side | null {
  return i === 0 ? null : i % 2 === 1 ? 'left' : 'right';
}

/** Line width and font size proportional to the frame, so a 4K frame and a 480p one look alike. */
export function strokeScale(widthPx: number, heightPx: number): number {
  return Math.max(1, Math.min(widthPx, heightPx) / 540);
}

/** The pose's hip midpoint, shoulder midpoint and ear midpoint (the trunk and neck lines). */
export function bodyAxis(pose: Pose): { hip: Point; shoulder: Point; ear: Point } {
  const p = pose.image;
  return {
    hip: mid(p[LM.left_hip], p[LM.right_hip]),
    shoulder: mid(p[LM.left_shoulder], p[LM.right_shoulder]),
    ear: mid(p[LM.left_ear], p[LM.right_ear])
  };
}

function drawLabel(ctx: CanvasRenderingContext2D, text: string, at: Point, color: string, s: number): void {
  ctx.font = `600 ${Math.round(14 * s)}px system-ui, sans-serif`;
  const w = ctx.measureText(text).width;
  const pad = 4 * s;
  const h = 18 * s;
  ctx.fillStyle = 'rgba(17, 24, 39, 0.78)';
  ctx.fillRect(at.x - pad, at.y - h + pad, w + 2 * pad, h);
  ctx.fillStyle = color;
  ctx.fillText(text, at.x, at.y);
}

/**
 * A line from `from` to `to`, a dashed vertical reference from `from`, an arc between them and
 * the angle label (degrees, as given by the analysis; `null` = not shown).
 */
function drawAngleLine(
  ctx: CanvasRenderingContext2D,
  from: Point,
  to: Point,
  angleDeg: number | null,
  label: string,
  color: string,
  s: number
): void {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  ctx.strokeStyle = color;
  ctx.lineWidth = 4 * s;
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x, to.y);
  ctx.stroke();
  // Vertical reference, upwards (y down in image coordinates).
  ctx.setLineDash([6 * s, 5 * s]);
  ctx.lineWidth = 2 * s;
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(from.x, from.y - length);
  ctx.stroke();
  ctx.setLineDash([]);
  // Arc from straight up to the line's direction.
  const up = -Math.PI / 2;
  const dir = Math.atan2(to.y - from.y, to.x - from.x);
  const r = Math.max(18 * s, length * 0.35);
  ctx.beginPath();
  ctx.arc(from.x, from.y, r, Math.min(up, dir), Math.max(up, dir));
  ctx.stroke();
  if (angleDeg !== null && Number.isFinite(angleDeg)) {
    const text = `${label} ${angleDeg >= 0 ? '+' : ''}${angleDeg.toFixed(0)}°`;
    drawLabel(ctx, text, { x: from.x + r + 6 * s, y: from.y - r * 0.6 }, color, s);
  }
}

export interface PoseOverlayOptions {
  /** Trunk lean at this frame, degrees (positive = forward); `null` when unknown. */
  trunkLeanDeg: number | null;
  /** Neck (head posture) angle at this frame, degrees; `null` when unknown. */
  neckAngleDeg: number | null;
  /**
   * Which image landmark side is the person's left leg at this frame. The analysis fixes
   * left/right label swaps; pass `true` when it swapped this frame so colours follow the real legs.
   */
  legsSwapped?: boolean;
}

/** Draw the skeleton (left blue, right orange), trunk and neck lines with angles, hip and heel markers. */
export function drawPoseOverlay(
  ctx: CanvasRenderingContext2D,
  pose: Pose,
  widthPx: number,
  heightPx: number,
  options: PoseOverlayOptions
): void {
  const s = strokeScale(widthPx, heightPx);
  const p = pose.image;
  const swapped = options.legsSwapped === true;
  const colorOf = (i: number): string => {
    const side = sideOfIndex(i);
    if (side === null) return CENTRE_COLOR;
    const isLeg = i >= LM.left_hip;
    const real: Side = isLeg && swapped ? (side === 'left' ? 'right' : 'left') : side;
    return SIDE_COLORS[real];
  };
  ctx.lineCap = 'round';
  for (const [a, b] of SKELETON_EDGES) {
    if (p[a].visibility < MIN_DRAW_VISIBILITY || p[b].visibility < MIN_DRAW_VISIBILITY) continue;
    const sa = sideOfIndex(a);
    const sb = sideOfIndex(b);
    ctx.strokeStyle = sa !== null && sa === sb ? colorOf(a) : CENTRE_COLOR;
    ctx.lineWidth = 3 * s;
    ctx.beginPath();
    ctx.moveTo(p[a].x, p[a].y);
    ctx.lineTo(p[b].x, p[b].y);
    ctx.stroke();
  }
  const axis = bodyAxis(pose);
  drawAngleLine(ctx, axis.hip, axis.shoulder, options.trunkLeanDeg, 'trunk', TRUNK_COLOR, s);
  drawAngleLine(ctx, axis.shoulder, axis.ear, options.neckAngleDeg, 'neck', NECK_COLOR, s);
  // Hip midpoint marker.
  ctx.fillStyle = TRUNK_COLOR;
  ctx.beginPath();
  ctx.arc(axis.hip.x, axis.hip.y, 6 * s, 0, 2 * Math.PI);
  ctx.fill();
  // Heel markers.
  for (const side of ['left', 'right'] as const) {
    const heel = p[sideIndex(side, 'heel')];
    if (heel.visibility < MIN_DRAW_VISIBILITY) continue;
    ctx.fillStyle = colorOf(sideIndex(side, 'heel'));
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2 * s;
    ctx.beginPath();
    ctx.arc(heel.x, heel.y, 7 * s, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

/**
 * The overstride annotation: a horizontal dimension line from the hip midpoint's x to the
 * landing heel's x, at heel height, labelled with the distance in leg lengths.
 */
export function drawHeelToHip(
  ctx: CanvasRenderingContext2D,
  pose: Pose,
  heel: Point,
  perLegLength: number,
  color: string,
  widthPx: number,
  heightPx: number
): void {
  const s = strokeScale(widthPx, heightPx);
  const hip = bodyAxis(pose).hip;
  ctx.strokeStyle = color;
  ctx.lineWidth = 3 * s;
  ctx.setLineDash([8 * s, 5 * s]);
  ctx.beginPath();
  ctx.moveTo(hip.x, hip.y);
  ctx.lineTo(hip.x, heel.y);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(hip.x, heel.y + 12 * s);
  ctx.lineTo(heel.x, heel.y + 12 * s);
  ctx.stroke();
  for (const x of [hip.x, heel.x]) {
    ctx.beginPath();
    ctx.moveTo(x, heel.y + 4 * s);
    ctx.lineTo(x, heel.y + 20 * s);
    ctx.stroke();
  }
  const text = `${perLegLength.toFixed(2)} × leg`;
  drawLabel(ctx, text, { x: Math.min(hip.x, heel.x), y: heel.y + 40 * s }, color, s);
}
