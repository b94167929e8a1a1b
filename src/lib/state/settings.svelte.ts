/**
 * The person's settings as shared rune state, kept in localStorage. Write fields directly
 * (`settings.analysisModel = 'heavy'`) and call `save()` after a change; reading uses
 * {@link parseSettings}, so damaged storage falls back to the defaults.
 */
import type { ModelVariant } from '$lib/analysis/series';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  poseDelegateOf,
  type DelegateTrialRecord,
  type SettingsData
} from './settings-data';

const STORAGE_KEY = 'gaitlens.settings.v1';

/** The current time as an ISO 8601 string (a plain value, not reactive state). */
const isoNow = (): string => new Date().toISOString();

function load(): SettingsData {
  try {
    const text = globalThis.localStorage?.getItem(STORAGE_KEY);
    return text ? parseSettings(JSON.parse(text)) : { ...DEFAULT_SETTINGS };
  } catch {
    // Unreadable JSON or storage blocked (private mode): the defaults are the honest answer.
    return { ...DEFAULT_SETTINGS };
  }
}

export class Settings {
  analysisModel = $state<ModelVariant>(DEFAULT_SETTINGS.analysisModel);
  liveModel = $state<ModelVariant>(DEFAULT_SETTINGS.liveModel);
  heightCm = $state<number | null>(DEFAULT_SETTINGS.heightCm);
  keepVideo = $state<boolean>(DEFAULT_SETTINGS.keepVideo);
  analyseEveryFrame = $state<boolean>(DEFAULT_SETTINGS.analyseEveryFrame);
  poseEngine = $state<'auto' | 'cpu'>(DEFAULT_SETTINGS.poseEngine);
  poseTrial = $state.raw<DelegateTrialRecord | null>(DEFAULT_SETTINGS.poseTrial);
  /** A sentence to show when the settings could not be saved, else `null`. */
  saveProblem = $state<string | null>(null);

  constructor() {
    Object.assign(this, load());
  }

  /** The settings as plain data. */
  get data(): SettingsData {
    return {
      analysisModel: this.analysisModel,
      liveModel: this.liveModel,
      heightCm: this.heightCm,
      keepVideo: this.keepVideo,
      analyseEveryFrame: this.analyseEveryFrame,
      poseEngine: this.poseEngine,
      poseTrial: this.poseTrial
    };
  }

  /** The delegate uploads and live capture pose on (see {@link poseDelegateOf}). */
  get poseDelegate(): 'CPU' | 'GPU' {
    return poseDelegateOf(this);
  }

  /**
   * Records that the GPU failed to start (the workers fell back to the CPU) or during an analysis
   * (`PoseInferenceError` with delegate 'GPU'): the device uses the CPU from now on, until a new trial says
   * otherwise. Saved.
   */
  noteGpuFailure(detail: string, when: 'start' | 'analysis' = 'analysis'): void {
    this.poseTrial = {
      delegate: 'CPU',
      cpuMs: this.poseTrial?.cpuMs ?? null,
      gpuMs: this.poseTrial?.gpuMs ?? null,
      reason:
        when === 'start'
          ? `The GPU could not start (${detail}), so the CPU is used.`
          : `The GPU failed during an analysis (${detail}), so the CPU is used.`,
      at: isoNow()
    };
    this.save();
  }

  /** Write the current settings to localStorage; on failure set {@link saveProblem}. */
  save(): void {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(this.data));
      this.saveProblem = null;
    } catch {
      this.saveProblem =
        'This browser would not store your settings (private browsing?): they last until you close the tab.';
    }
  }

  /** Back to the defaults, saved. The device's pose-engine trial is a fact about the device, and is kept. */
  reset(): void {
    const trial = this.poseTrial;
    Object.assign(this, DEFAULT_SETTINGS);
    this.poseTrial = trial;
    this.save();
  }
}

/** The app's one settings object. */
export const settings = new Settings();
