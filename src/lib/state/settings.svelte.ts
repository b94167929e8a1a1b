/**
 * The person's settings as shared rune state, kept in localStorage. Write fields directly
 * (`settings.analysisModel = 'heavy'`) and call `save()` after a change; reading uses
 * {@link parseSettings}, so damaged storage falls back to the defaults.
 */
import type { ModelVariant } from '$lib/analysis/series';
import { DEFAULT_SETTINGS, parseSettings, type SettingsData } from './settings-data';

const STORAGE_KEY = 'gaitlens.settings.v1';

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
      analyseEveryFrame: this.analyseEveryFrame
    };
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

  /** Back to the defaults, saved. */
  reset(): void {
    Object.assign(this, DEFAULT_SETTINGS);
    this.save();
  }
}

/** The app's one settings object. */
export const settings = new Settings();
