/**
 * A pose worker's part of the device trial (`delegate-trial.ts`): times the worker's landmarker on a
 * fixed series of drawn frames, so that a CPU worker and a GPU worker are timed on the same frames. No
 * video, no decode worker: only the model's time per frame. Production code (Settings → "Check this
 * device"), not a diagnostics benchmark.
 */
import type { PoseHost } from './pose-host';

/** Size of the trial's frames, px: a 16:9 frame like most clips, under the 960-px input cap. */
const TRIAL_WIDTH_PX = 640;
const TRIAL_HEIGHT_PX = 360;

/** Frame `i` of the trial: a stick figure (head, trunk, swinging limbs) walking across a plain room. */
function drawTrialFrame(g: OffscreenCanvasRenderingContext2D, i: number): ImageData {
  const w = TRIAL_WIDTH_PX;
  const h = TRIAL_HEIGHT_PX;
  g.fillStyle = '#c9c2b5';
  g.fillRect(0, 0, w, h);
  g.fillStyle = '#8a7f70';
  g.fillRect(0, h * 0.8, w, h * 0.2);
  const phase = (i / 15) * 2 * Math.PI;
  const x = w * 0.3 + i * 6;
  const hip = { x, y: h * 0.52 };
  const neck = { x: x + 4, y: h * 0.25 };
  const swing = Math.sin(phase) * 0.45;
  const limb = (from: { x: number; y: number }, len: number, angle: number, width: number) => {
    const to = { x: from.x + Math.sin(angle) * len, y: from.y + Math.cos(angle) * len };
    g.lineWidth = width;
    g.beginPath();
    g.moveTo(from.x, from.y);
    g.lineTo(to.x, to.y);
    g.stroke();
    return to;
  };
  g.lineCap = 'round';
  g.strokeStyle = '#2f3b55';
  limb(limb(hip, h * 0.15, swing, 18), h * 0.14, swing - 0.2, 14);
  limb(limb(hip, h * 0.15, -swing, 18), h * 0.14, -swing - 0.2, 14);
  g.strokeStyle = '#a33';
  g.lineWidth = 30;
  g.beginPath();
  g.moveTo(hip.x, hip.y);
  g.lineTo(neck.x, neck.y);
  g.stroke();
  g.strokeStyle = '#d9a07a';
  limb(limb(neck, h * 0.12, -swing, 11), h * 0.11, -swing + 0.3, 9);
  limb(limb(neck, h * 0.12, swing, 11), h * 0.11, swing + 0.3, 9);
  g.fillStyle = '#d9a07a';
  g.beginPath();
  g.arc(neck.x + 2, neck.y - h * 0.06, h * 0.05, 0, 2 * Math.PI);
  g.fill();
  return g.getImageData(0, 0, w, h);
}

/** Timing figures of one worker's {@link delegateTimingOf} run. */
export interface DetectionTiming {
  /** Time of each detection after the first (which warms the tracker up and is left out), ms. */
  perFrameMs: number[];
  /** Frames in which the model found someone (the drawn figure is not always taken for a person). */
  framesWithPose: number;
  /** The time budget ran out before every frame was timed. */
  outOfTime: boolean;
}

/** The trial's timing on a pose worker's `host`. */
export function delegateTimingOf(host: PoseHost) {
  return {
    /**
     * Runs the landmarker on `frames` drawn frames (≈ 30 per second of media time), timing each
     * detection, and stops early once the timed detections have taken `budgetMs` (a delegate far slower
     * than the other need not be timed to the end). At most one person is looked for, as after a
     * one-walker opening. The next job starts its own segment, so this leaves no trace on it.
     */
    async timeDetections(frames: number, budgetMs = Infinity): Promise<DetectionTiming> {
      const lm = host.landmarker();
      await lm.setNumPoses(1);
      const g = new OffscreenCanvas(TRIAL_WIDTH_PX, TRIAL_HEIGHT_PX).getContext('2d', {
        willReadFrequently: true
      });
      if (!g) throw new Error('no 2D canvas in this worker');
      const images = Array.from({ length: frames + 1 }, (_, i) => drawTrialFrame(g, i));
      const perFrameMs: number[] = [];
      let framesWithPose = 0;
      let spentMs = 0;
      lm.startSegment(0);
      for (const [i, image] of images.entries()) {
        if (spentMs > budgetMs) return { perFrameMs, framesWithPose, outOfTime: true };
        const t = performance.now();
        const r = lm.detect(image, (i * 1000) / 30);
        const dt = performance.now() - t;
        if (i === 0) continue;
        perFrameMs.push(dt);
        spentMs += dt;
        if (r.landmarks.length) framesWithPose++;
      }
      return { perFrameMs, framesWithPose, outOfTime: false };
    }
  };
}
