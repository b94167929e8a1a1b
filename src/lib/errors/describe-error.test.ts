import { describe, expect, it } from 'vitest';
import { NoPersonError } from '$lib/analysis/gait/errors';
import { NotAVideoError, UnsupportedCodecError } from '$lib/media/errors';
import { StorageError, storageErrorMessage } from '$lib/storage/storage-error';
import { CameraError } from '$lib/capture/camera-error';
import { describeError, isAbort } from './describe-error';

describe('describeError', () => {
  it('offers upload instead for every camera problem', () => {
    const m = describeError(new CameraError('permission-denied'));
    expect(m.suggestUpload).toBe(true);
    expect(m.text).toMatch(/allow camera access/i);
  });

  it('names the codec and gives iPhone advice for HEVC', () => {
    const m = describeError(new UnsupportedCodecError('hevc'));
    expect(m.text).toContain('HEVC (H.265)');
    expect(m.text).toContain('Most Compatible');
    expect(m.suggestUpload).toBe(false);
  });

  it('shows the gait analysis’s user message without its technical detail', () => {
    const m = describeError(new NoPersonError('0 of 90 frames had a pose'));
    expect(m.text).toMatch(/^No person could be followed/);
    expect(m.text).not.toContain('0 of 90');
  });

  it('passes on video and storage messages as they are', () => {
    expect(describeError(new NotAVideoError()).text).toBe(new NotAVideoError().message);
    expect(describeError(new StorageError('quota', storageErrorMessage('quota'))).text).toMatch(
      /no room left/
    );
  });

  it('shows an unexpected error with its detail and what to do', () => {
    expect(describeError(new RangeError('bad index')).text).toMatch(
      /unexpected.*RangeError: bad index.*try again/
    );
  });
});

describe('isAbort', () => {
  it('recognises a cancelled operation', () => {
    expect(isAbort(new DOMException('stopped', 'AbortError'))).toBe(true);
    expect(isAbort(new Error('stopped'))).toBe(false);
  });
});
