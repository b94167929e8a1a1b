/**
 * The pose worker's benchmark, for the diagnostics build only (`diagnostics-pose.worker.ts`): the model
 * alone, on frames decoded and converted beforehand.
 */
import { modelInputOf, releaseModelFrame, type ModelFrame } from '$lib/media/model-frames';
import type { PoseHost } from '$lib/workers/pose-host';
import { openRemoteVideo } from '$lib/workers/remote-frames';

/** Timing figures of {@link poseBenchOf}'s `measurePoseOnly`. */
export interface PoseOnlyMeasurement {
  frames: number;
  /** Per-frame detectForVideo times, ms, first (warm-up) detection excluded. */
  perFrameMs: number[];
  /** Frames in which at least one pose was found. */
  framesWithPose: number;
  /** Size of the images the model was given (after any scaling), px. */
  inputWidthPx: number;
  inputHeightPx: number;
}

/** The benchmarks of a diagnostics pose worker on `host`. */
export function poseBenchOf(host: PoseHost) {
  return {
    /** Reads up to `maxFrames` frames (converted for the model) first, then times the model alone. */
    async measurePoseOnly(
      file: Blob,
      maxFrames: number,
      framePort: MessagePort
    ): Promise<PoseOnlyMeasurement> {
      const lm = host.landmarker();
      await lm.setNumPoses(host.numPoses);
      const video = await openRemoteVideo(framePort, file, host.maxInputSidePx, 0);
      const held: ModelFrame[] = [];
      try {
        for (let r = await video.frames.next(); !r.done; r = await video.frames.next()) {
          held.push(r.value);
          if (held.length >= maxFrames) break;
        }
        await video.frames.return?.();
      } finally {
        video.close();
      }
      const perFrameMs: number[] = [];
      let framesWithPose = 0;
      const inputs = held.map(modelInputOf);
      try {
        lm.startSegment(held[0]?.tMs ?? 0);
        held.forEach(({ tMs }, i) => {
          const t = performance.now();
          const r = lm.detect(inputs[i], tMs);
          const dt = performance.now() - t;
          if (i > 0) perFrameMs.push(dt);
          if (r.landmarks.length) framesWithPose++;
        });
      } finally {
        held.forEach(releaseModelFrame);
      }
      return {
        frames: held.length,
        perFrameMs,
        framesWithPose,
        inputWidthPx: inputs[0]?.width ?? 0,
        inputHeightPx: inputs[0]?.height ?? 0
      };
    }
  };
}
