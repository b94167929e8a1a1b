/**
 * The person's settings as plain data, and the rule for reading them back from storage:
 * anything missing or malformed falls back to its default, so a damaged or older entry never
 * breaks the app.
 */
import type { ModelVariant } from '$lib/analysis/series';

export interface SettingsData {
  /**
   * Pose model for analysing uploads and recordings. Bigger is more accurate and slower.
   * @default 'full'
   */
  analysisModel: ModelVariant;
  /**
   * Pose model for the live camera preview, which must keep up with the camera.
   * @default 'lite'
   */
  liveModel: ModelVariant;
  /**
   * The person's height in centimetres, used to turn leg-length units into metres; `null` = not given.
   * @default null
   */
  heightCm: number | null;
  /**
   * Keep the video with the saved session on this device.
   * @default false
   */
  keepVideo: boolean;
  /**
   * Analyse every frame of clips above 40 fps instead of at most 30 per second (every other frame of a
   * 60-fps clip). Slower; what it changes is measured in docs/SPEED.md.
   * @default false
   */
  analyseEveryFrame: boolean;
}

export const DEFAULT_SETTINGS: Readonly<SettingsData> = Object.freeze({
  analysisModel: 'full',
  liveModel: 'lite',
  heightCm: null,
  keepVideo: false,
  analyseEveryFrame: false
});

/** Heights accepted, cm: a wide human range, so a typo like 1750 or 17 is refused. */
export const HEIGHT_RANGE_CM = Object.freeze({ min: 50, max: 250 });

/** What each model variant trades, in plain words (speeds measured on a 2-core laptop CPU). */
export const MODEL_CHOICES: ReadonlyArray<{ value: ModelVariant; label: string; tradeOff: string }> = [
  {
    value: 'lite',
    label: 'Lite',
    tradeOff:
      'Fastest (about 20–30 frames per second): good for the live preview, a little less precise at the feet.'
  },
  {
    value: 'full',
    label: 'Full',
    tradeOff: 'Balanced (about 15 frames per second): the default for analysing a walk.'
  },
  {
    value: 'heavy',
    label: 'Heavy',
    tradeOff:
      'Most precise and steadiest legs, but 3–4 times slower than Full: a 10-second clip takes over a minute.'
  }
];

const isModel = (v: unknown): v is ModelVariant => v === 'lite' || v === 'full' || v === 'heavy';

/** A height in cm if `value` is a finite number within {@link HEIGHT_RANGE_CM}, else `null`. */
export function validHeightCm(value: unknown): number | null {
  return typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= HEIGHT_RANGE_CM.min &&
    value <= HEIGHT_RANGE_CM.max
    ? value
    : null;
}

/** Settings read from untrusted stored data (e.g. JSON from localStorage), field by field. */
export function parseSettings(raw: unknown): SettingsData {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    analysisModel: isModel(o.analysisModel) ? o.analysisModel : DEFAULT_SETTINGS.analysisModel,
    liveModel: isModel(o.liveModel) ? o.liveModel : DEFAULT_SETTINGS.liveModel,
    heightCm: validHeightCm(o.heightCm),
    keepVideo: typeof o.keepVideo === 'boolean' ? o.keepVideo : DEFAULT_SETTINGS.keepVideo,
    analyseEveryFrame:
      typeof o.analyseEveryFrame === 'boolean' ? o.analyseEveryFrame : DEFAULT_SETTINGS.analyseEveryFrame
  };
}
