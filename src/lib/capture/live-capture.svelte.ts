/**
 * The live camera for /record: opens a camera, runs the live pose model on it (at most one frame
 * in flight, the rest dropped), keeps the latest pose, the framing cues, the camera and pose frame
 * rates, and records the stream to a WebM clip after a countdown (the pose model pauses while
 * recording, so that the encoder keeps the camera's frame rate). The recording is then analysed by
 * the shared `AnalysisJob`; this class never analyses.
 */
import type { ModelVariant, PoseFrame } from '$lib/analysis/series';
import { MAX_RECORDING_S } from './limits';
import { PoseClient, type LiveFrameInfo, type LiveSession } from '$lib/workers/pose-client';
import { settings } from '$lib/state/settings.svelte';
import { closeCamera, listCameras, openCamera, type CameraChoice } from './camera';
import { CameraError } from './camera-error';
import { describeError, type ErrorMessage } from '$lib/errors/describe-error';
import { framingCues, meanLuma, steadyCues, type FramingCue } from './framing-cues';
import { recordStream, type Recording } from './record-stream';

export type CapturePhase = 'off' | 'starting' | 'live' | 'countdown' | 'recording' | 'finished';

/** Seconds of countdown before recording starts, so the person can walk into position. */
export const COUNTDOWN_S = 3;

/** How many recent frames steady the framing cues (≈0.5 s at 20–30 pose frames per second). */
const CUE_WINDOW_FRAMES = 12;

/** Size of the downscaled frame the light level is measured on, px. */
const LUMA_SAMPLE_WIDTH_PX = 64;
const LUMA_SAMPLE_HEIGHT_PX = 36;

export class LiveCapture {
  phase = $state<CapturePhase>('off');
  cameras = $state.raw<CameraChoice[]>([]);
  /** Chosen camera, '' = browser default. */
  deviceId = $state('');
  stream = $state.raw<MediaStream | null>(null);
  /** The latest live pose frame and the camera frame size it was measured on. */
  latest = $state.raw<{ frame: PoseFrame; info: LiveFrameInfo } | null>(null);
  cues = $state.raw<FramingCue[]>([]);
  /** Frames per second the camera delivers to the preview, Hz (null until measured). */
  cameraFpsHz = $state<number | null>(null);
  /** Pose results per second in the live preview, Hz (null until measured). */
  poseFpsHz = $state<number | null>(null);
  countdownS = $state(0);
  recordedS = $state(0);
  error = $state.raw<ErrorMessage | null>(null);
  /** The finished recording, once `stopRecording` (or the time limit) has ended it. */
  clip = $state.raw<Blob | null>(null);

  #client: PoseClient | null = null;
  #live: LiveSession | null = null;
  #recording: Recording | null = null;
  #video: HTMLVideoElement | null = null;
  #lumaCanvas: OffscreenCanvas | null = null;
  #recentCues: FramingCue[][] = [];
  #timers: ReturnType<typeof setInterval>[] = [];
  #videoFrames = 0;
  /** Latest mean luma of the preview (0–255), measured twice a second; null until measured. */
  #lumaNow: number | null = null;
  /** Bumped by every start/stop, so that a late result of an older start is dropped. */
  #generation = 0;

  /** The hidden or shown `<video>` that plays the stream; used for light and frame-rate checks. */
  attachVideo(video: HTMLVideoElement | null): void {
    this.#video = video;
    if (video && this.stream) video.srcObject = this.stream;
  }

  /** Opens the chosen camera and starts the live pose preview with the `model` variant. */
  async start(model: ModelVariant): Promise<void> {
    if (this.phase !== 'off' && this.phase !== 'finished') return;
    await this.stop();
    const generation = ++this.#generation;
    this.error = null;
    this.clip = null;
    this.phase = 'starting';
    try {
      const stream = await openCamera(this.deviceId || undefined);
      if (generation !== this.#generation) return closeCamera(stream);
      this.stream = stream;
      if (this.#video) this.#video.srcObject = stream;
      const track = stream.getVideoTracks()[0];
      // Unplugged, or taken over by another app: say so instead of freezing the preview.
      track.addEventListener('ended', () => {
        if (generation !== this.#generation) return;
        void this.stop().then(() => (this.error = describeError(new CameraError('camera-in-use'))));
      });
      this.deviceId = track.getSettings().deviceId ?? this.deviceId;
      this.cameras = await listCameras();
      this.#startMeters();
      const client = await PoseClient.create(model, { numPoses: 1, delegate: settings.poseDelegate });
      if (generation !== this.#generation) return client.dispose();
      this.#client = client;
      this.#live = await client.startLive(track, (frame, info) => this.#onPose(frame, info));
      if (generation !== this.#generation) return;
      this.phase = 'live';
    } catch (e) {
      if (generation !== this.#generation) return;
      await this.stop();
      this.error = describeError(e);
    }
  }

  /** Switches to another camera (restarting the preview). */
  async switchCamera(deviceId: string, model: ModelVariant): Promise<void> {
    this.deviceId = deviceId;
    if (this.phase === 'live') {
      await this.stop();
      await this.start(model);
    }
  }

  /** Counts down {@link COUNTDOWN_S} seconds, then records until `stopRecording` or the time limit. */
  startRecording(): void {
    if (this.phase !== 'live' || !this.stream) return;
    const stream = this.stream;
    this.phase = 'countdown';
    this.countdownS = COUNTDOWN_S;
    const tick = setInterval(() => {
      if (this.phase !== 'countdown') return clearInterval(tick);
      this.countdownS -= 1;
      if (this.countdownS > 0) return;
      clearInterval(tick);
      this.#beginRecording(stream);
    }, 1000);
    this.#timers.push(tick);
  }

  /**
   * Starts the recorder. The live pose model pauses first: on a small CPU it competes with the
   * video encoder, and a recording that drops frames times steps coarsely. The camera preview goes on.
   */
  #beginRecording(stream: MediaStream): void {
    const live = this.#live;
    this.#live = null;
    void live?.stop().catch(() => {
      // The worker is disposed when recording ends, whatever its last frame did.
    });
    this.latest = null;
    this.cues = [];
    this.#recentCues = [];
    try {
      const recording = recordStream(stream, MAX_RECORDING_S * 1000);
      this.#recording = recording;
      this.phase = 'recording';
      this.recordedS = 0;
      const startedMs = performance.now();
      const clock = setInterval(() => {
        if (this.phase !== 'recording') return clearInterval(clock);
        this.recordedS = (performance.now() - startedMs) / 1000;
      }, 250);
      this.#timers.push(clock);
      recording.done.then(
        (blob) => this.#finish(blob),
        (e: unknown) => {
          this.error = describeError(e);
          void this.stop();
        }
      );
    } catch (e) {
      this.error = describeError(e);
      void this.stop();
    }
  }

  /** Ends the countdown (back to live) or the recording (then `clip` is set and the camera is closed). */
  stopRecording(): void {
    if (this.phase === 'countdown') this.phase = 'live';
    else if (this.phase === 'recording') void this.#recording?.stop();
  }

  async #finish(blob: Blob): Promise<void> {
    this.#recording = null;
    await this.stop();
    this.clip = blob;
    this.phase = 'finished';
  }

  /**
   * Stops the preview, the pose worker, any recording and the camera. Safe to call repeatedly.
   * The camera is released without waiting for the pose worker, so its light goes off even when
   * the worker never answers; the worker is then terminated, whatever its last frame was doing.
   */
  async stop(): Promise<void> {
    this.#generation++;
    this.#timers.forEach(clearInterval);
    this.#timers = [];
    const live = this.#live;
    this.#live = null;
    if (this.#recording) {
      const rec = this.#recording;
      this.#recording = null;
      await rec.stop().catch(() => {});
    }
    closeCamera(this.stream);
    this.stream = null;
    if (this.#video) this.#video.srcObject = null;
    void live?.stop().catch(() => {
      // The worker is terminated just below; a stop it never answers is not an error.
    });
    this.#client?.dispose();
    this.#client = null;
    this.latest = null;
    this.cues = [];
    this.#recentCues = [];
    this.cameraFpsHz = null;
    this.poseFpsHz = null;
    if (this.phase !== 'finished') this.phase = 'off';
  }

  #onPose(frame: PoseFrame, info: LiveFrameInfo): void {
    this.latest = { frame, info };
    this.poseFpsHz = info.poseFps > 0 ? info.poseFps : this.poseFpsHz;
    const cues = framingCues({
      pose: frame.pose,
      widthPx: info.widthPx,
      heightPx: info.heightPx,
      meanLuma: this.#lumaNow,
      cameraFpsHz: this.cameraFpsHz
    });
    this.#recentCues.push(cues);
    if (this.#recentCues.length > CUE_WINDOW_FRAMES) this.#recentCues.shift();
    this.cues = steadyCues(this.#recentCues);
  }

  /** Twice a second: the light level of a downscaled frame; every second: the camera frame rate. */
  #startMeters(): void {
    this.#videoFrames = 0;
    let windowStartMs = performance.now();
    const video = this.#video;
    const countFrame = () => {
      this.#videoFrames++;
      if (this.stream && this.#video === video) video?.requestVideoFrameCallback(countFrame);
    };
    video?.requestVideoFrameCallback(countFrame);
    const meter = setInterval(() => {
      this.#lumaNow = this.#measureLuma() ?? this.#lumaNow;
      const now = performance.now();
      if (now - windowStartMs >= 1000) {
        this.cameraFpsHz = (this.#videoFrames * 1000) / (now - windowStartMs);
        this.#videoFrames = 0;
        windowStartMs = now;
      }
    }, 500);
    this.#timers.push(meter);
  }

  #measureLuma(): number | null {
    const video = this.#video;
    if (!video || video.readyState < 2) return null;
    this.#lumaCanvas ??= new OffscreenCanvas(LUMA_SAMPLE_WIDTH_PX, LUMA_SAMPLE_HEIGHT_PX);
    const ctx = this.#lumaCanvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(video, 0, 0, LUMA_SAMPLE_WIDTH_PX, LUMA_SAMPLE_HEIGHT_PX);
    return meanLuma(ctx.getImageData(0, 0, LUMA_SAMPLE_WIDTH_PX, LUMA_SAMPLE_HEIGHT_PX).data);
  }
}
