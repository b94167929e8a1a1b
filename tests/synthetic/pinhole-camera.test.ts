import { describe, expect, it } from 'vitest';
import { pinholeCamera } from './pinhole-camera';

describe('pinholeCamera', () => {
  const cam = pinholeCamera({ x: 0, y: 1, z: 4 }, { x: 0, y: 1, z: 0 }, 40, 960, 540);

  it('puts the target at the image centre and scales by focal length / depth', () => {
    const c = cam.project({ x: 0, y: 1, z: 0 });
    expect(c.xPx).toBeCloseTo(480, 9);
    expect(c.yPx).toBeCloseTo(270, 9);
    expect(c.depthM).toBeCloseTo(4, 12);
    const focalPx = 270 / Math.tan((20 * Math.PI) / 180);
    expect(cam.focalPx).toBeCloseTo(focalPx, 9);
    const p = cam.project({ x: 1, y: 0, z: 0 });
    expect(p.xPx - 480).toBeCloseTo(focalPx / 4, 9); // scene right → image right
    expect(p.yPx - 270).toBeCloseTo(focalPx / 4, 9); // scene down → image down
  });

  it('shows the top of the vertical field of view at the top edge of the image', () => {
    const top = cam.project({ x: 0, y: 1 + 4 * Math.tan((20 * Math.PI) / 180), z: 0 });
    expect(top.yPx).toBeCloseTo(0, 9);
    expect(cam.project({ x: 0, y: 1, z: 2 }).depthM).toBeCloseTo(2, 12); // nearer = smaller depth
  });
});
