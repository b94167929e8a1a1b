/**
 * The person's settings as plain data, and the rule for reading them back from storage:
 * anything missing or malformed falls back to its default, so a damaged or older entry never
 * breaks the app.
 */
import type { ModelVariant } from '$lib/analysis/series';

/**
 * What this device's pose-engine trial found (Settings → "Check this device"; `workers/delegate-trial.ts`),
 * or a GPU failure seen during an analysis. `delegate` is what uploads and live capture use.
 */
export interface DelegateTrialRecord {
  /** The delegate chosen (see `pose/delegate-choice.ts`). */
  delegate: 'CPU' | 'GPU';
  /** Median ms per frame of each delegate in the trial; `null` when not measured (failed, or no trial). */
  cpuMs: number | null;
  gpuMs: number | null;
  /** Why, in one sentence (e.g. "GPU unavailable: …"). */
  reason: string;
  /** When, ISO 8601. */
  at: string;
}

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
  /**
   * 'auto' = the delegate this device's trial chose ({@link poseTrial}; the CPU until a trial chose the
   * GPU); 'cpu' = always the CPU.
   * @default 'auto'
   */
  poseEngine: 'auto' | 'cpu';
  /** The last trial of this device, or null when it was never tried. */
  poseTrial: DelegateTrialRecord | null;
}

export const DEFAULT_SETTINGS: Readonly<SettingsData> = Object.freeze({
  analysisModel: 'full',
  liveModel: 'lite',
  heightCm: null,
  keepVideo: false,
  analyseEveryFrame: false,
  poseEngine: 'auto',
  poseTrial: null
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

const isDelegate = (v: unknown): v is 'CPU' | 'GPU' => v === 'CPU' || v === 'GPU';
const msOrNull = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;

/** A stored trial record, or null when it is missing or malformed (the device then counts as untried). */
export function parseTrial(raw: unknown): DelegateTrialRecord | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  if (!isDelegate(o.delegate) || typeof o.at !== 'string' || Number.isNaN(Date.parse(o.at))) return null;
  return {
    delegate: o.delegate,
    cpuMs: msOrNull(o.cpuMs),
    gpuMs: msOrNull(o.gpuMs),
    reason: typeof o.reason === 'string' ? o.reason : '',
    at: o.at
  };
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
      typeof o.analyseEveryFrame === 'boolean' ? o.analyseEveryFrame : DEFAULT_SETTINGS.analyseEveryFrame,
    poseEngine: o.poseEngine === 'cpu' ? 'cpu' : DEFAULT_SETTINGS.poseEngine,
    poseTrial: parseTrial(o.poseTrial)
  };
}

/** The delegate the pose workers should use with these settings: the trial's choice unless the CPU is forced. */
export function poseDelegateOf(s: Pick<SettingsData, 'poseEngine' | 'poseTrial'>): 'CPU' | 'GPU' {
  return s.poseEngine === 'cpu' ? 'CPU' : (s.poseTrial?.delegate ?? 'CPU');
}

/**
 * The settings' line about the pose engine, e.g. "Pose engine: CPU (GPU tried: 38 ms vs CPU 52 ms per
 * frame on 30 Nov 2026)". `day` formats the trial's date.
 */
export function describePoseEngine(
  s: Pick<SettingsData, 'poseEngine' | 'poseTrial'>,
  day: (iso: string) => string
): string {
  const t = s.poseTrial;
  const ms = (x: number) => `${Math.round(x)} ms`;
  const figures =
    t && t.gpuMs !== null && t.cpuMs !== null ? `GPU ${ms(t.gpuMs)} vs CPU ${ms(t.cpuMs)} per frame` : null;
  if (s.poseEngine === 'cpu')
    return `Pose engine: CPU (chosen here${figures ? `; last check: ${figures} on ${day(t!.at)}` : ''}).`;
  if (!t) return 'Pose engine: CPU (this device has not been checked yet).';
  if (t.delegate === 'GPU') return `Pose engine: GPU (${figures ?? 'chosen'} on ${day(t.at)}).`;
  if (figures && !/failed during an analysis/.test(t.reason))
    return `Pose engine: CPU (GPU tried: ${figures} on ${day(t.at)}).`;
  return `Pose engine: CPU (${t.reason.replace(/\.$/, '')}; ${day(t.at)}).`;
}
