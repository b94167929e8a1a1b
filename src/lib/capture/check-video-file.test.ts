import { describe, expect, it } from 'vitest';
import { MAX_CLIP_DURATION_S, MAX_UPLOAD_BYTES, MIN_CLIP_DURATION_S } from '$lib/media/clip-limits';
import { checkClipDuration, checkVideoFile, FileCheckError } from './check-video-file';

const codeOf = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof FileCheckError ? e.code : 'other error';
  }
  return 'passed';
};

describe('checkVideoFile', () => {
  it('accepts phone and webcam videos by MIME type', () => {
    expect(codeOf(() => checkVideoFile({ name: 'IMG_0001.MOV', type: 'video/quicktime', size: 5e7 }))).toBe(
      'passed'
    );
    expect(codeOf(() => checkVideoFile({ name: 'walk.webm', type: 'video/webm', size: 1e6 }))).toBe('passed');
  });

  it('accepts a known video ending when the browser gives no type (e.g. .mkv on some systems)', () => {
    expect(codeOf(() => checkVideoFile({ name: 'walk.MKV', type: '', size: 1e6 }))).toBe('passed');
    expect(codeOf(() => checkVideoFile({ name: 'walk', type: '', size: 1e6 }))).toBe('not-a-video');
  });

  it('refuses a photo or a document and names the file', () => {
    expect(() => checkVideoFile({ name: 'me.jpg', type: 'image/jpeg', size: 1e6 })).toThrow(
      /“me\.jpg” is not a video/
    );
    expect(codeOf(() => checkVideoFile({ name: 'notes.pdf', type: 'application/pdf', size: 1e6 }))).toBe(
      'not-a-video'
    );
  });

  it('refuses empty and oversized files', () => {
    expect(codeOf(() => checkVideoFile({ name: 'a.mp4', type: 'video/mp4', size: 0 }))).toBe('empty');
    expect(
      codeOf(() => checkVideoFile({ name: 'a.mp4', type: 'video/mp4', size: MAX_UPLOAD_BYTES + 1 }))
    ).toBe('too-big');
    expect(codeOf(() => checkVideoFile({ name: 'a.mp4', type: 'video/mp4', size: MAX_UPLOAD_BYTES }))).toBe(
      'passed'
    );
  });
});

describe('checkClipDuration', () => {
  it('refuses clips too short for a few steps, saying how long they are', () => {
    expect(() => checkClipDuration(1.04)).toThrow(/only 1\.0 s long/);
    expect(codeOf(() => checkClipDuration(MIN_CLIP_DURATION_S - 0.01))).toBe('too-short');
    expect(codeOf(() => checkClipDuration(MIN_CLIP_DURATION_S))).toBe('passed');
  });

  it('refuses clips over the maximum', () => {
    expect(codeOf(() => checkClipDuration(MAX_CLIP_DURATION_S + 1))).toBe('too-long');
  });

  it('leaves unknown durations (MediaRecorder WebM reports Infinity) to the analysis', () => {
    expect(codeOf(() => checkClipDuration(Number.POSITIVE_INFINITY))).toBe('passed');
    expect(codeOf(() => checkClipDuration(Number.NaN))).toBe('passed');
  });
});
