/**
 * Typed errors for reading a video file. Each has a stable `code` (for the UI and for crossing
 * the worker boundary) and a `message` a person can act on, naming the codec or the problem.
 */

export type VideoErrorCode =
  | 'not-a-video'
  | 'no-video-track'
  | 'unsupported-codec'
  | 'corrupt-file'
  | 'no-frames'
  | 'too-long'
  | 'truncated';

/** Base class of every video-file problem. */
export class VideoError extends Error {
  readonly code: VideoErrorCode;
  constructor(code: VideoErrorCode, message: string) {
    super(message);
    this.name = 'VideoError';
    this.code = code;
  }
}

/** The file is not a video container that can be read (e.g. a document renamed `.mp4`). */
export class NotAVideoError extends VideoError {
  constructor(detail = '') {
    super(
      'not-a-video',
      `This file is not a video we can read${detail ? ` (${detail})` : ''}. ` +
        'Please choose an MP4, MOV, WebM or MKV video.'
    );
    this.name = 'NotAVideoError';
  }
}

/** The container has no video track (e.g. an audio-only recording). */
export class NoVideoTrackError extends VideoError {
  constructor() {
    super(
      'no-video-track',
      'This file has no video picture in it (it may be a sound-only recording). Please choose a video of the walk.'
    );
    this.name = 'NoVideoTrackError';
  }
}

/** Human names of codecs people meet, keyed by the demuxer's codec id. */
const CODEC_NAMES: Record<string, string> = {
  hevc: 'HEVC (H.265)',
  mp4v: 'MPEG-4 Part 2',
  avc: 'H.264',
  vp8: 'VP8',
  vp9: 'VP9',
  av1: 'AV1'
};

/** Display name of a codec id, e.g. `hevc` → `HEVC (H.265)`. */
export function codecDisplayName(codec: string | null): string {
  if (!codec) return 'an unknown codec';
  return CODEC_NAMES[codec] ?? codec;
}

/** This browser cannot decode the video's codec. The message says what to do instead. */
export class UnsupportedCodecError extends VideoError {
  /** Demuxer codec id, e.g. `hevc`, `mp4v`, or '' when unknown. */
  readonly codec: string;
  constructor(codec: string | null) {
    const name = codecDisplayName(codec);
    const advice =
      codec === 'hevc'
        ? 'iPhones record HEVC by default: in Settings → Camera → Formats choose "Most Compatible", ' +
          'or export the clip as H.264, or open the app in Chrome, Edge or Safari on a computer that decodes HEVC.'
        : 'Please convert or export the clip as H.264 MP4 (most phones and editors can), or record it again.';
    super(
      'unsupported-codec',
      `This video is encoded as ${name}, which this browser cannot decode. ${advice}`
    );
    this.name = 'UnsupportedCodecError';
    this.codec = codec ?? '';
  }
}

/** The file is damaged or cut short: its container or its frames cannot be read to the end. */
export class CorruptFileError extends VideoError {
  constructor(detail = '') {
    super(
      'corrupt-file',
      `This video file is damaged or incomplete${detail ? ` (${detail})` : ''}. ` +
        'If it was copied or downloaded, try copying it again, or record a new clip.'
    );
    this.name = 'CorruptFileError';
  }
}

/**
 * The sentence for a clip over the length limit: `durationS` when known, else only that it is longer
 * than `maxS`. Shared by the up-front check and the decoder, so the person reads the same advice.
 */
export function tooLongMessage(maxS: number, durationS: number | null): string {
  const length = durationS === null ? `longer than ${maxS} s` : `${Math.round(durationS)} s long`;
  return (
    `This clip is ${length}; GaitLens analyses up to ${maxS} s. ` +
    'Trim it to the walk (10–30 seconds is plenty) and try again.'
  );
}

/** The frames' own times go past the length limit, whatever the container said its duration was. */
export class ClipTooLongError extends VideoError {
  constructor(maxS: number, durationS: number | null = null) {
    super('too-long', tooLongMessage(maxS, durationS));
    this.name = 'ClipTooLongError';
  }
}

/** The file ends before the video does: it was cut short while copying, downloading or recording. */
export class TruncatedFileError extends VideoError {
  constructor(detail: string) {
    super(
      'truncated',
      `This video file is cut short: ${detail}. ` +
        'It may not have finished copying or downloading; copy it again from the phone or camera, or record a new clip.'
    );
    this.name = 'TruncatedFileError';
  }
}

/** The video track holds no frame that could be decoded. */
export class NoFramesError extends VideoError {
  constructor() {
    super(
      'no-frames',
      'This video has no frames to analyse. Please record a new clip of at least a few seconds.'
    );
    this.name = 'NoFramesError';
  }
}
