import { describe, expect, it } from 'vitest';
import { fromGetUserMediaError } from './camera-error';

const domError = (name: string) => Object.assign(new Error(`dom ${name}`), { name });

describe('fromGetUserMediaError', () => {
  it('maps getUserMedia rejections to camera problems', () => {
    expect(fromGetUserMediaError(domError('NotAllowedError')).code).toBe('permission-denied');
    expect(fromGetUserMediaError(domError('NotFoundError')).code).toBe('no-camera');
    expect(fromGetUserMediaError(domError('OverconstrainedError')).code).toBe('no-camera');
    expect(fromGetUserMediaError(domError('NotReadableError')).code).toBe('camera-in-use');
    expect(fromGetUserMediaError(new TypeError('no mediaDevices')).code).toBe('unsupported');
    expect(fromGetUserMediaError('weird').code).toBe('camera-failed');
  });
});
