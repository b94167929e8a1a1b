/**
 * The shape of a stored session, checked every time one is read back, and the migrations that bring
 * a record of any earlier schema version up to the current one.
 *
 * Versions:
 * - 1: the first saved sessions (id, createdAt, title, series, analysis, settings, video).
 * - 2: adds {@link StoredSession.leftOut}: what a save had to leave out to fit (see `save-with-fallback.ts`).
 * - 3: the history row ({@link SessionSummary}, store `summaries`) carries `schemaVersion` too, and its
 *   headline calls the median step length `stepLengthPerLeg`, the name the analysis and the exports use
 *   (rows saved before had no version and called it `stepLengthPerLegLength`). The session record itself
 *   is unchanged.
 *
 * A record that cannot be brought to the current shape is reported with the reason, never thrown on
 * later: the report page then offers its raw data for download instead of opening it. Analyses of any
 * version are passed through `normalizeAnalysis`, which fills the fields that older analyses lack.
 */
import type { PoseFrame } from '$lib/analysis/series';
import { normalizeAnalysis } from '$lib/report/normalize-analysis';
import type { SessionHeadline, SessionSummary, StoredSession } from './types';

/** The schema version written by this build. */
export const SESSION_SCHEMA_VERSION = 3;

type RawRecord = Record<string, unknown>;

/**
 * Migration from version `n` to `n + 1`, keyed by `n`. Each takes a record that has that version's
 * shape and returns the next one's; the result is still checked by {@link parseStoredSession}.
 */
const MIGRATIONS: Record<number, (record: RawRecord) => RawRecord> = {
  1: (record) => ({ ...record, leftOut: null, schemaVersion: 2 }),
  2: (record) => ({ ...record, schemaVersion: 3 })
};

/**
 * Migrations of a history row, keyed like {@link MIGRATIONS}. Rows saved before version 3 carry no
 * version; versions 1 and 2 wrote the same row, so such a row is taken as version 2.
 */
const SUMMARY_MIGRATIONS: Record<number, (row: RawRecord) => RawRecord> = {
  2: (row) => {
    const { stepLengthPerLegLength, ...headline } = isRecord(row.headline) ? row.headline : {};
    return { ...row, headline: { ...headline, stepLengthPerLeg: stepLengthPerLegLength }, schemaVersion: 3 };
  }
};

/** A history row brought to the current version as far as its migrations go (never throws). */
function migrateSummary(raw: RawRecord): RawRecord {
  let row = raw;
  let version = Number.isInteger(row.schemaVersion) ? (row.schemaVersion as number) : 2;
  while (version < SESSION_SCHEMA_VERSION && SUMMARY_MIGRATIONS[version]) {
    row = SUMMARY_MIGRATIONS[version](row);
    version = row.schemaVersion as number;
  }
  return row;
}

/** A record read back: a session in the current shape, or why it is not one. */
export type ParsedSession = { ok: true; session: StoredSession } | { ok: false; problem: string };

const isRecord = (v: unknown): v is RawRecord => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const MODELS = ['lite', 'full', 'heavy'];
const LEFT_OUT = [null, 'video', 'video-and-world-landmarks'];
/** BlazePose landmarks per pose. */
const LANDMARKS_PER_POSE = 33;

/** Why a frame cannot be drawn or exported, or null when it is sound. */
function frameProblem(frame: unknown): string | null {
  if (!isRecord(frame) || !isFiniteNumber(frame.tMs)) return 'a frame has no time';
  const pose = frame.pose;
  if (pose === null) return null;
  if (!isRecord(pose) || !Array.isArray(pose.image) || !Array.isArray(pose.world))
    return 'a pose has no landmarks';
  if (pose.image.length !== LANDMARKS_PER_POSE) return `a pose has ${pose.image.length} landmarks, not 33`;
  for (const p of pose.image as unknown[]) {
    if (!isRecord(p) || !isFiniteNumber(p.x) || !isFiniteNumber(p.y)) return 'a landmark has no position';
  }
  return null;
}

/** Why `series` is not a landmark series the report can use, or null. */
function seriesProblem(series: unknown): string | null {
  if (!isRecord(series)) return 'the landmarks are missing';
  if (series.version !== 1) return `the landmarks have an unknown version (${String(series.version)})`;
  if (!isFiniteNumber(series.widthPx) || !isFiniteNumber(series.heightPx)) return 'the frame size is missing';
  if (!MODELS.includes(series.model as string)) return 'the pose model is not named';
  if (!isRecord(series.source) || !isFiniteNumber(series.source.durationMs))
    return 'the video facts are missing';
  if (!Array.isArray(series.frames) || series.frames.length === 0) return 'there are no frames';
  let previousMs = -Infinity;
  for (const frame of series.frames as PoseFrame[]) {
    const problem = frameProblem(frame);
    if (problem) return problem;
    if (frame.tMs <= previousMs) return 'the frame times do not increase';
    previousMs = frame.tMs;
  }
  return null;
}

/** Why the fields around the series and analysis are unusable, or null. */
function envelopeProblem(r: RawRecord): string | null {
  if (typeof r.id !== 'string' || r.id === '') return 'it has no id';
  if (typeof r.createdAt !== 'string' || Number.isNaN(Date.parse(r.createdAt))) return 'it has no date';
  if (typeof r.title !== 'string') return 'it has no title';
  if (!isRecord(r.settings) || !MODELS.includes(r.settings.model as string))
    return 'its settings are missing';
  const height = r.settings.heightCm;
  if (height !== null && !isFiniteNumber(height)) return 'its height setting is not a number';
  if (r.video !== null && !(r.video instanceof Blob)) return 'its video is not a video';
  if (!isRecord(r.analysis)) return 'its analysis is missing';
  if (!LEFT_OUT.includes(r.leftOut as string | null)) return 'it does not say what was saved';
  return null;
}

/**
 * Brings a record read from the database to the current schema and checks it. Never throws: a
 * record of a newer version, of no known version, or damaged comes back with `ok: false` and a
 * short reason (a phrase, e.g. "its analysis is missing").
 */
export function parseStoredSession(raw: unknown): ParsedSession {
  if (!isRecord(raw)) return { ok: false, problem: 'it is not a saved session' };
  let record = raw;
  let version = record.schemaVersion;
  if (!Number.isInteger(version)) return { ok: false, problem: 'it has no schema version GaitLens knows' };
  if ((version as number) > SESSION_SCHEMA_VERSION) {
    return { ok: false, problem: 'it was saved by a newer version of GaitLens' };
  }
  while ((version as number) < SESSION_SCHEMA_VERSION) {
    const migrate = MIGRATIONS[version as number];
    if (!migrate)
      return { ok: false, problem: `schema version ${String(version)} is not one GaitLens knows` };
    record = migrate(record);
    version = record.schemaVersion;
  }
  const problem = envelopeProblem(record) ?? seriesProblem(record.series);
  if (problem) return { ok: false, problem };
  const session = record as unknown as StoredSession;
  return { ok: true, session: { ...session, analysis: normalizeAnalysis(session.analysis) } };
}

const HEADLINE_KEYS: (keyof SessionHeadline)[] = [
  'cadenceSpm',
  'stepLengthPerLeg',
  'trunkLeanDeg',
  'stepLengthSymmetryPct'
];

/**
 * A history row read back, migrated from an earlier version, with anything missing or malformed
 * replaced by a neutral value (no headline numbers, "Untitled walk"), so the list always renders. A
 * row without an id cannot be opened or deleted and gives `null`.
 */
export function parseSummary(stored: unknown): SessionSummary | null {
  if (!isRecord(stored) || typeof stored.id !== 'string' || stored.id === '') return null;
  const raw = migrateSummary(stored);
  const headline = isRecord(raw.headline) ? raw.headline : {};
  return {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id: stored.id,
    createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : '',
    title: typeof raw.title === 'string' && raw.title !== '' ? raw.title : 'Untitled walk',
    hasVideo: raw.hasVideo === true,
    headline: Object.fromEntries(
      HEADLINE_KEYS.map((k) => [k, isFiniteNumber(headline[k]) ? headline[k] : null])
    ) as unknown as SessionHeadline
  };
}
