/**
 * Reads a video file frame by frame in presentation order with real timestamps, rotation applied,
 * using mediabunny (demux) and WebCodecs (decode). Runs in a worker or on the main thread.
 *
 * - Frames come from `VideoSampleSink` as `VideoFrame`s (zero copy). When the file carries
 *   rotation metadata, each frame is drawn rotated into a reused `OffscreenCanvas` instead, since
 *   the sink hands out UNROTATED frames (MediaPipe's own `rotationDegrees` gives wrong landmarks).
 * - The size is the display size (`displayWidth`/`displayHeight`), never the coded size.
 * - Every problem becomes a typed {@link VideoError}.
 * - The caller must `close()` every {@link DecodedFrame} (a hardware decoder stalls otherwise).
 */
import {
  ALL_FORMATS,
  BlobSource,
  EncodedPacketSink,
  Input,
  MATROSKA,
  MP4,
  QTFF,
  UnsupportedInputFormatError,
  VideoSampleSink,
  WEBM,
  type InputFormat,
  type InputVideoTrack,
  type VideoSample
} from 'mediabunny';
import {
  CorruptFileError,
  NoFramesError,
  NoVideoTrackError,
  NotAVideoError,
  TruncatedFileError,
  UnsupportedCodecError,
  VideoError
} from './errors';

/** What the container says about the video, before decoding. */
export interface VideoInfo {
  /** 'mp4', 'mov', 'webm', 'mkv' or the demuxer's format name. */
  container: string;
  /** Demuxer codec id ('avc', 'hevc', 'vp9', …) or '' when unknown. */
  codec: string;
  /** Clockwise rotation from the metadata, degrees; already applied to decoded frames. */
  rotationDeg: 0 | 90 | 180 | 270;
  /** Display size after rotation, px. */
  widthPx: number;
  heightPx: number;
  /** Duration from the container, ms. */
  durationMs: number;
  /** Number of video packets (= frames), or null when the container cannot tell cheaply. */
  frameCount: number | null;
}

/** One decoded, display-oriented frame. */
export interface DecodedFrame {
  /** Presentation time, ms from the start of the track. */
  tMs: number;
  /** The pixels: a VideoFrame (unrotated files) or a canvas holding the rotated frame (reused: use before the next frame). */
  image: VideoFrame | OffscreenCanvas;
  widthPx: number;
  heightPx: number;
  /** Releases the decoder's frame. Idempotent. */
  close(): void;
}

/** A stretch of a clip, ms of media time: frames with `startMs` ≤ time < `endMs`. */
export interface TimeRange {
  startMs: number;
  endMs: number;
}

export interface OpenedVideo {
  info: VideoInfo;
  /**
   * Every frame, in presentation order; with `range`, only the frames in it (decoding starts at the key frame
   * at or before its start; the checks for a cut-short file are then left out). Stops early (and releases
   * the decoder) when the loop breaks.
   */
  frames(range?: TimeRange): AsyncGenerator<DecodedFrame, void, void>;
  /** Releases the file. */
  close(): void;
}

/**
 * Decoding fewer than this fraction of the frames the container lists, or finding frames for less
 * than this fraction of the duration its header announces, means the file was cut short. (A few
 * frames may legitimately go, e.g. dropped by an edit list.)
 */
const TRUNCATED_FRACTION = 0.9;

/**
 * Cut-short files found before any decoding. A WebM/MKV cut short keeps the duration in its header
 * but its clusters stop early; an MP4/MOV with its index first keeps the whole sample table but the
 * data of its last frames is missing. (An MP4 with its index last loses the index and has no video
 * track at all.)
 * @throws TruncatedFileError
 */
async function checkNotTruncated(
  track: InputVideoTrack,
  durationS: number,
  sampleTable: boolean
): Promise<void> {
  const announcedS = await track.getDurationFromMetadata().catch(() => null);
  if (announcedS !== null && announcedS > 0 && durationS < TRUNCATED_FRACTION * announcedS) {
    throw new TruncatedFileError(
      `it holds frames for ${durationS.toFixed(1)} s of the ${announcedS.toFixed(1)} s its header announces`
    );
  }
  if (sampleTable && (await new EncodedPacketSink(track).getPacket(Infinity)) === null) {
    throw new TruncatedFileError('its index lists frames whose data is missing from the end of the file');
  }
}

function containerName(format: InputFormat): string {
  if (format === MP4) return 'mp4';
  if (format === QTFF) return 'mov';
  if (format === WEBM) return 'webm';
  if (format === MATROSKA) return 'mkv';
  return format.name.toLowerCase();
}

/** Codec id for the message: mediabunny's id, else the container's own id (e.g. 'mp4v'). */
async function codecId(track: InputVideoTrack): Promise<string | null> {
  const codec = await track.getCodec();
  if (codec) return codec;
  const internal = await track.getInternalCodecId().catch(() => null);
  if (typeof internal === 'string') return /mpeg4|mp4v/i.test(internal) ? 'mp4v' : internal;
  return null;
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Opens a video file and reads its metadata.
 * @throws NotAVideoError, NoVideoTrackError, UnsupportedCodecError, CorruptFileError, TruncatedFileError
 */
export async function openVideo(file: Blob): Promise<OpenedVideo> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    let format: InputFormat;
    try {
      format = await input.getFormat();
    } catch (e) {
      if (e instanceof UnsupportedInputFormatError) throw new NotAVideoError();
      throw new CorruptFileError(describe(e));
    }
    let track: InputVideoTrack | null;
    try {
      track = await input.getPrimaryVideoTrack();
    } catch (e) {
      throw new CorruptFileError(describe(e));
    }
    if (!track) throw new NoVideoTrackError();
    const codec = await codecId(track);
    if (!(await track.canDecode())) throw new UnsupportedCodecError(codec);
    let durationS: number;
    let frameCount: number | null = null;
    try {
      durationS = await track.computeDuration();
      // Cheap for MP4/MOV (sample table); WebM/MKV would need a scan of the whole file.
      if (format === MP4 || format === QTFF) frameCount = (await track.computePacketStats()).packetCount;
    } catch (e) {
      throw new CorruptFileError(describe(e));
    }
    await checkNotTruncated(track, durationS, frameCount !== null);
    const rotationDeg = await track.getRotation();
    const info: VideoInfo = {
      container: containerName(format),
      codec: codec ?? '',
      rotationDeg,
      widthPx: await track.getDisplayWidth(),
      heightPx: await track.getDisplayHeight(),
      durationMs: durationS * 1000,
      frameCount
    };
    const videoTrack = track;
    return {
      info,
      frames: (range?: TimeRange) => decodeFrames(videoTrack, info, range),
      close: () => input.dispose()
    };
  } catch (e) {
    input.dispose();
    throw e;
  }
}

async function* decodeFrames(
  track: InputVideoTrack,
  info: VideoInfo,
  range?: TimeRange
): AsyncGenerator<DecodedFrame, void, void> {
  const sink = new VideoSampleSink(track);
  const canvas = info.rotationDeg === 0 ? null : new OffscreenCanvas(info.widthPx, info.heightPx);
  const ctx = canvas?.getContext('2d') ?? null;
  let count = 0;
  const samples = range ? sink.samples(range.startMs / 1000, range.endMs / 1000) : sink.samples();
  try {
    while (true) {
      let next: IteratorResult<VideoSample, void>;
      try {
        next = await samples.next();
      } catch (e) {
        throw new CorruptFileError(`after ${count} frames: ${describe(e)}`);
      }
      if (next.done) break;
      const sample = next.value;
      count++;
      yield toDecodedFrame(sample, info, canvas, ctx);
    }
  } catch (e) {
    if (e instanceof VideoError) throw e;
    throw new CorruptFileError(describe(e));
  } finally {
    await samples.return();
  }
  if (range) return;
  if (count === 0) throw new NoFramesError();
  checkFramesRead(count, info.frameCount);
}

/**
 * A file cut short keeps its full sample table (MP4/MOV) but its last frames are missing: throws
 * `TruncatedFileError` when only `read` of the `listed` frames (null: unknown) could be read.
 */
export function checkFramesRead(read: number, listed: number | null): void {
  if (listed !== null && read < TRUNCATED_FRACTION * listed)
    throw new TruncatedFileError(`only ${read} of the ${listed} frames it lists could be read`);
}

function toDecodedFrame(
  sample: VideoSample,
  info: VideoInfo,
  canvas: OffscreenCanvas | null,
  ctx: OffscreenCanvasRenderingContext2D | null
): DecodedFrame {
  const tMs = sample.timestamp * 1000;
  if (canvas && ctx) {
    // draw() applies the sample's rotation; the canvas has the display size.
    sample.draw(ctx, 0, 0, canvas.width, canvas.height);
    sample.close();
    return { tMs, image: canvas, widthPx: canvas.width, heightPx: canvas.height, close: () => {} };
  }
  const frame = sample.toVideoFrame();
  let closed = false;
  return {
    tMs,
    image: frame,
    widthPx: frame.displayWidth,
    heightPx: frame.displayHeight,
    close: () => {
      if (closed) return;
      closed = true;
      frame.close();
      sample.close();
    }
  };
}
