/**
 * The analysis' left/right leg correction applied to a pose for drawing. (Sample ↔ time ↔ frame lookups are
 * in `$lib/analysis/gait/timeline-mapping`.)
 */
import { LEG_PARTS, sideIndex, type Side } from '$lib/analysis/landmarks';
import type { Pose } from '$lib/analysis/series';

/**
 * The pose with the analysis' left/right leg correction applied, for drawing: the leg chains
 * (hip, knee, ankle, heel, foot index) are exchanged when `swapped`, and a `collapsed` leg is hidden
 * (visibility 0). Returns a new pose; the input is not modified.
 */
export function correctLegs(pose: Pose, swapped: boolean, collapsed: Side | null): Pose {
  if (!swapped && collapsed === null) return pose;
  const image = pose.image.slice();
  const world = pose.world.slice();
  if (swapped) {
    for (const part of LEG_PARTS) {
      const l = sideIndex('left', part);
      const r = sideIndex('right', part);
      [image[l], image[r]] = [pose.image[r], pose.image[l]];
      [world[l], world[r]] = [pose.world[r], pose.world[l]];
    }
  }
  if (collapsed !== null) {
    for (const part of LEG_PARTS) {
      const i = sideIndex(collapsed, part);
      image[i] = { ...image[i], visibility: 0 };
    }
  }
  return { image, world };
}
