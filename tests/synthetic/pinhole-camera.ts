/** A point or vector in the scene, metres: x = scene right, y = up, z = toward the side-view camera. */
export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

/** Where a scene point lands in the image. */
export interface Projection {
  /** Image x, px from the left edge. */
  xPx: number;
  /** Image y, px from the top edge (down). */
  yPx: number;
  /** Distance along the optical axis, m (> 0 in front of the camera). */
  depthM: number;
}

/** An ideal pinhole camera (no lens distortion), square pixels, principal point at the image centre. */
export interface PinholeCamera {
  positionM: Vec3;
  /** Unit vectors of the camera frame in the scene: right, up (image up), forward (optical axis). */
  right: Vec3;
  up: Vec3;
  forward: Vec3;
  /** Focal length, px. */
  focalPx: number;
  widthPx: number;
  heightPx: number;
  project(p: Vec3): Projection;
}

const sub = (a: Vec3, b: Vec3): Vec3 => ({ x: a.x - b.x, y: a.y - b.y, z: a.z - b.z });
const dot = (a: Vec3, b: Vec3) => a.x * b.x + a.y * b.y + a.z * b.z;
const cross = (a: Vec3, b: Vec3): Vec3 => ({
  x: a.y * b.z - a.z * b.y,
  y: a.z * b.x - a.x * b.z,
  z: a.x * b.y - a.y * b.x
});
const unit = (a: Vec3): Vec3 => {
  const n = Math.hypot(a.x, a.y, a.z);
  return { x: a.x / n, y: a.y / n, z: a.z / n };
};

/**
 * A pinhole camera at `positionM` looking at `targetM`, roll-free (scene up stays image up), with
 * a vertical field of view `verticalFovDeg` (the reference walker's three.js camera used 40°).
 *
 * @example
 * const cam = pinholeCamera({ x: 0, y: 1, z: 4 }, { x: 0, y: 0.9, z: 0 }, 40, 960, 540);
 * cam.project({ x: 0, y: 0.9, z: 0 }); // { xPx: 480, yPx: 270, depthM: 4.001… }
 */
export function pinholeCamera(
  positionM: Vec3,
  targetM: Vec3,
  verticalFovDeg: number,
  widthPx: number,
  heightPx: number
): PinholeCamera {
  const forward = unit(sub(targetM, positionM));
  const right = unit(cross(forward, { x: 0, y: 1, z: 0 }));
  const up = cross(right, forward);
  const focalPx = heightPx / 2 / Math.tan(((verticalFovDeg / 2) * Math.PI) / 180);
  return {
    positionM,
    right,
    up,
    forward,
    focalPx,
    widthPx,
    heightPx,
    project(p) {
      const d = sub(p, positionM);
      const depthM = dot(d, forward);
      return {
        xPx: widthPx / 2 + (focalPx * dot(d, right)) / depthM,
        yPx: heightPx / 2 - (focalPx * dot(d, up)) / depthM,
        depthM
      };
    }
  };
}
