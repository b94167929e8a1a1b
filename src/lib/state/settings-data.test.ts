import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, validHeightCm } from './settings-data';

describe('parseSettings', () => {
  it('keeps well-formed stored settings', () => {
    const stored = {
      analysisModel: 'heavy',
      liveModel: 'full',
      heightCm: 172,
      keepVideo: true,
      analyseEveryFrame: true
    };
    expect(parseSettings(stored)).toEqual(stored);
  });

  it('reads settings stored before "analyse every frame" existed with it off', () => {
    const older = { analysisModel: 'heavy', liveModel: 'full', heightCm: 172, keepVideo: true };
    expect(parseSettings(older)).toEqual({ ...older, analyseEveryFrame: false });
  });

  it('falls back to the defaults (full for analysis, lite live, no height, video not kept) for junk', () => {
    for (const junk of [null, 'full', 42, [], { analysisModel: 'huge', heightCm: '172', keepVideo: 'yes' }]) {
      expect(parseSettings(junk)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('repairs one bad field without losing the others', () => {
    expect(parseSettings({ analysisModel: 'lite', heightCm: 1750 })).toEqual({
      ...DEFAULT_SETTINGS,
      analysisModel: 'lite'
    });
  });
});

describe('validHeightCm', () => {
  it('accepts human heights in centimetres and refuses metres, millimetres and non-numbers', () => {
    expect(validHeightCm(175)).toBe(175);
    expect(validHeightCm(1.75)).toBeNull();
    expect(validHeightCm(1750)).toBeNull();
    expect(validHeightCm(Number.NaN)).toBeNull();
    expect(validHeightCm(undefined)).toBeNull();
  });
});
