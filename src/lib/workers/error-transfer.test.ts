import { describe, expect, it } from 'vitest';
import { CorruptFileError, NoVideoTrackError, UnsupportedCodecError, VideoError } from '../media/errors';
import { PoseModelLoadError } from '../pose/errors';
import { reviveError, serializeError } from './error-transfer';

/** Round trip through structured clone, as across postMessage. */
const roundTrip = (e: unknown) => reviveError(structuredClone(serializeError(e)));

describe('typed errors across the worker boundary', () => {
  it('rebuilds the same class, code and message (with the codec it names)', () => {
    const back = roundTrip(new UnsupportedCodecError('hevc'));
    expect(back).toBeInstanceOf(UnsupportedCodecError);
    expect(back).toBeInstanceOf(VideoError);
    expect((back as UnsupportedCodecError).code).toBe('unsupported-codec');
    expect((back as UnsupportedCodecError).codec).toBe('hevc');
    expect(back.message).toMatch(/HEVC \(H\.265\).*Most Compatible/);
  });

  it('keeps the detail the worker put in the message', () => {
    const back = roundTrip(new CorruptFileError('after 12 frames: unexpected end of data'));
    expect(back).toBeInstanceOf(CorruptFileError);
    expect(back.message).toContain('after 12 frames');
    expect(roundTrip(new NoVideoTrackError())).toBeInstanceOf(NoVideoTrackError);
    expect(roundTrip(new PoseModelLoadError('x'))).toBeInstanceOf(PoseModelLoadError);
  });

  it('turns a cancellation into an AbortError DOMException', () => {
    const back = roundTrip(new DOMException('cancelled', 'AbortError'));
    expect(back).toBeInstanceOf(DOMException);
    expect(back.name).toBe('AbortError');
  });

  it('passes other errors on with their name and message', () => {
    const back = roundTrip(new TypeError('boom'));
    expect(back.name).toBe('TypeError');
    expect(back.message).toBe('boom');
  });

  it('names MPEG-4 Part 2 in the message for an mp4v file', () => {
    expect(new UnsupportedCodecError('mp4v').message).toMatch(/MPEG-4 Part 2.*H\.264/);
  });
});
