import { describe, expect, it } from 'vitest';
import { LANDMARK_COUNT, LM } from '$lib/analysis/landmarks';
import type { ImageLandmark, Pose } from '$lib/analysis/series';
import { SIDE_VIEW_MAX_WIDTH_RATIO } from '$lib/analysis/thresholds';
import {
  bodyHeightFraction,
  bodyWidthRatio,
  framingCues,
  meanLuma,
  steadyCues,
  type FramingCue
} from './framing-cues';

const W = 960;
const H = 540;

/**
 * A standing person drawn with a few anatomical proportions (of stature): head top at `topY`,
 * stature `heightPx`, centred at `cx`. `facing` 'side' puts left and right points on top of each
 * other (a profile); 'front' spreads them apart by shoulder and hip widths.
 */
function standingPose({
  cx = W / 2,
  topY = 100,
  heightPx = 340,
  facing = 'side' as 'side' | 'front',
  visibility = 1
} = {}): Pose {
  const y = (fractionFromTop: number) => topY + fractionFromTop * heightPx;
  const half = (widthFraction: number) => (facing === 'front' ? (widthFraction * heightPx) / 2 : 0);
  const image: ImageLandmark[] = Array.from({ length: LANDMARK_COUNT }, () => ({
    x: cx,
    y: y(0.06),
    z: 0,
    visibility,
    presence: 1
  }));
  const put = (i: number, x: number, yy: number) => (image[i] = { x, y: yy, z: 0, visibility, presence: 1 });
  put(LM.nose, cx + (facing === 'side' ? 0.05 * heightPx : 0), y(0.06));
  for (const [side, sign] of [
    ['left', 1],
    ['right', -1]
  ] as const) {
    put(LM[`${side}_eye`], cx + sign * half(0.04), y(0.05));
    put(LM[`${side}_ear`], cx + sign * half(0.08), y(0.06));
    put(LM[`${side}_shoulder`], cx + sign * half(0.26), y(0.18));
    put(LM[`${side}_hip`], cx + sign * half(0.19), y(0.48));
    put(LM[`${side}_knee`], cx + sign * half(0.15), y(0.72));
    put(LM[`${side}_ankle`], cx + sign * half(0.12), y(0.96));
    put(LM[`${side}_heel`], cx + sign * half(0.12) - 0.02 * heightPx, y(0.99));
    put(LM[`${side}_foot_index`], cx + sign * half(0.12) + 0.08 * heightPx, y(1.0));
  }
  return { image, world: image.map(() => ({ x: 0, y: 0, z: 0, visibility, presence: 1 })) };
}

const cue = (cues: FramingCue[], id: FramingCue['id']) => cues.find((c) => c.id === id);
const base = { widthPx: W, heightPx: H, meanLuma: 120, cameraFpsHz: 28 };

describe('framingCues', () => {
  it('passes a side-on walker who fills about 60 % of the frame height, in good light, at 28 fps', () => {
    const cues = framingCues({ ...base, pose: standingPose() });
    expect(cues.map((c) => c.id)).toEqual([
      'person',
      'whole-body',
      'side-on',
      'distance',
      'light',
      'frame-rate'
    ]);
    expect(cues.every((c) => c.ok)).toBe(true);
  });

  it('says nobody is in view, and still judges light and frame rate', () => {
    const cues = framingCues({ ...base, pose: null, meanLuma: 10 });
    expect(cue(cues, 'person')?.ok).toBe(false);
    expect(cue(cues, 'whole-body')).toBeUndefined();
    expect(cue(cues, 'light')?.ok).toBe(false);
    expect(cue(cues, 'frame-rate')?.ok).toBe(true);
  });

  it('asks to step back when the feet are below the bottom of the frame', () => {
    const cues = framingCues({ ...base, pose: standingPose({ topY: 250 }) });
    expect(cue(cues, 'whole-body')).toMatchObject({ ok: false, message: expect.stringMatching(/feet/i) });
  });

  it('asks to step back when the head is above the top of the frame', () => {
    const cues = framingCues({ ...base, pose: standingPose({ topY: -30 }) });
    expect(cue(cues, 'whole-body')).toMatchObject({ ok: false, message: expect.stringMatching(/head/i) });
  });

  it('treats low-visibility (occluded) landmarks as out of view', () => {
    const cues = framingCues({ ...base, pose: standingPose({ visibility: 0.1 }) });
    expect(cue(cues, 'whole-body')?.ok).toBe(false);
  });

  it('asks to turn side-on when the person faces the camera', () => {
    const front = standingPose({ facing: 'front' });
    expect(bodyWidthRatio(front)).toBeGreaterThan(SIDE_VIEW_MAX_WIDTH_RATIO);
    expect(cue(framingCues({ ...base, pose: front }), 'side-on')).toMatchObject({ ok: false });
  });

  it('judges distance from the fraction of the frame height the body spans', () => {
    const far = standingPose({ heightPx: 0.2 * H, topY: 200 });
    const close = standingPose({ heightPx: 0.95 * H, topY: 0.02 * H });
    // From the eyes (the highest head landmark, 5 % of stature down) to the toes.
    expect(bodyHeightFraction(far, H)).toBeCloseTo(0.2 * 0.95, 6);
    expect(cue(framingCues({ ...base, pose: far }), 'distance')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too far/i)
    });
    expect(cue(framingCues({ ...base, pose: close }), 'distance')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too close/i)
    });
  });

  it('flags a camera frame rate below the analysis’s low-fps limit and names it', () => {
    const cues = framingCues({ ...base, pose: standingPose(), cameraFpsHz: 11.6 });
    expect(cue(cues, 'frame-rate')).toMatchObject({
      ok: false,
      message: expect.stringContaining('12 frames')
    });
  });

  it('leaves light and frame rate out until they are measured', () => {
    const cues = framingCues({ ...base, pose: standingPose(), meanLuma: null, cameraFpsHz: null });
    expect(cues.map((c) => c.id)).toEqual(['person', 'whole-body', 'side-on', 'distance']);
  });
});

describe('meanLuma', () => {
  it('weighs red, green and blue as Rec. 601 does', () => {
    expect(meanLuma([255, 255, 255, 255])).toBeCloseTo(255, 6);
    expect(meanLuma([255, 0, 0, 255, 0, 255, 0, 255])).toBeCloseTo((0.299 * 255 + 0.587 * 255) / 2, 6);
    expect(meanLuma([0, 0, 0, 0])).toBe(0);
  });

  it('rejects a buffer that is not RGBA', () => {
    expect(() => meanLuma([])).toThrow(RangeError);
    expect(() => meanLuma([1, 2, 3])).toThrow(RangeError);
  });
});

describe('steadyCues', () => {
  const light = (ok: boolean, message = ok ? 'bright' : 'dark'): FramingCue => ({ id: 'light', ok, message });

  it('keeps a cue good when it failed in a minority of recent frames', () => {
    expect(steadyCues([[light(true)], [light(false)], [light(true)]])).toEqual([light(true)]);
  });

  it('reports a problem seen in most recent frames, with its latest message', () => {
    expect(steadyCues([[light(false, 'a')], [light(true)], [light(false, 'b')]])).toEqual([
      light(false, 'b')
    ]);
  });

  it('orders cues like framingCues and skips cues no frame judged', () => {
    const person: FramingCue = { id: 'person', ok: true, message: 'Person found.' };
    expect(steadyCues([[light(true), person]]).map((c) => c.id)).toEqual(['person', 'light']);
    expect(steadyCues([])).toEqual([]);
  });
});
