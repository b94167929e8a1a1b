import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  describePoseEngine,
  parseSettings,
  parseTrial,
  poseDelegateOf,
  validHeightCm
} from './settings-data';

describe('parseSettings', () => {
  it('keeps well-formed stored settings', () => {
    const stored = {
      analysisModel: 'heavy',
      liveModel: 'full',
      heightCm: 172,
      keepVideo: true,
      analyseEveryFrame: true,
      poseEngine: 'cpu',
      poseTrial: {
        delegate: 'GPU',
        cpuMs: 52,
        gpuMs: 38,
        reason: 'The GPU was clearly faster.',
        at: '2026-11-30T07:00:00.000Z'
      }
    };
    expect(parseSettings(stored)).toEqual(stored);
  });

  it('reads settings stored before "analyse every frame" existed with it off', () => {
    const older = { analysisModel: 'heavy', liveModel: 'full', heightCm: 172, keepVideo: true };
    expect(parseSettings(older)).toEqual({
      ...older,
      analyseEveryFrame: false,
      poseEngine: 'auto',
      poseTrial: null
    });
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

describe('pose engine settings', () => {
  const trial = {
    delegate: 'GPU',
    cpuMs: 52,
    gpuMs: 38,
    reason: 'r',
    at: '2026-11-30T07:00:00.000Z'
  } as const;

  it("uses the trial's choice on auto, the CPU when forced or never tried", () => {
    expect(poseDelegateOf({ poseEngine: 'auto', poseTrial: trial })).toBe('GPU');
    expect(poseDelegateOf({ poseEngine: 'cpu', poseTrial: trial })).toBe('CPU');
    expect(poseDelegateOf({ poseEngine: 'auto', poseTrial: null })).toBe('CPU');
  });

  it('drops a malformed trial record and repairs bad figures', () => {
    expect(parseTrial({ ...trial, delegate: 'TPU' })).toBeNull();
    expect(parseTrial({ ...trial, at: 'yesterday' })).toBeNull();
    expect(parseTrial('GPU')).toBeNull();
    expect(parseTrial({ ...trial, gpuMs: -3, cpuMs: 'x' })).toEqual({ ...trial, gpuMs: null, cpuMs: null });
    expect(parseSettings({ poseEngine: 'gpu' }).poseEngine).toBe('auto');
  });
});

describe('describePoseEngine', () => {
  const day = (iso: string) => iso.slice(0, 10);
  const at = '2026-11-30T07:00:00.000Z';
  it("says which delegate the device chose, with the trial's figures and date", () => {
    const cpu = { delegate: 'CPU', cpuMs: 52.4, gpuMs: 38.2, reason: 'x', at } as const;
    expect(describePoseEngine({ poseEngine: 'auto', poseTrial: cpu }, day)).toBe(
      'Pose engine: CPU (GPU tried: GPU 38 ms vs CPU 52 ms per frame on 2026-11-30).'
    );
    expect(describePoseEngine({ poseEngine: 'auto', poseTrial: { ...cpu, delegate: 'GPU' } }, day)).toBe(
      'Pose engine: GPU (GPU 38 ms vs CPU 52 ms per frame on 2026-11-30).'
    );
    const none = {
      delegate: 'CPU',
      cpuMs: 52,
      gpuMs: null,
      reason: 'GPU unavailable: no WebGL2.',
      at
    } as const;
    expect(describePoseEngine({ poseEngine: 'auto', poseTrial: none }, day)).toBe(
      'Pose engine: CPU (GPU unavailable: no WebGL2; 2026-11-30).'
    );
    expect(describePoseEngine({ poseEngine: 'auto', poseTrial: null }, day)).toMatch(/not been checked/);
    expect(describePoseEngine({ poseEngine: 'cpu', poseTrial: cpu }, day)).toMatch(
      /^Pose engine: CPU \(chosen here; last check/
    );
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
