import { describe, expect, it } from 'vitest';
import { rawRecordJson, rawRecordVideo } from './raw-record';

describe('raw data of a record that cannot be opened', () => {
  it('keeps every field, describes the video and spells out non-finite numbers', () => {
    const video = new Blob(['abc'], { type: 'video/webm' });
    const raw = { id: 'x', odd: { value: Number.NaN, far: -Infinity }, video };
    expect(JSON.parse(rawRecordJson(raw))).toEqual({
      id: 'x',
      odd: { value: 'NaN', far: '-Infinity' },
      video: { blob: 'video/webm', bytes: 3 }
    });
    expect(rawRecordVideo(raw)).toBe(video);
    expect(rawRecordVideo('not a record')).toBeNull();
  });
});
