/**
 * The JSON export: every metric (with its per-step samples), every step, stride and event, the
 * findings and the plan, in a versioned shape described by `export-schema.json` and
 * `docs/EXPORT_FORMAT.md`. Bump `EXPORT_SCHEMA_VERSION` on any incompatible change.
 */
import {
  METRIC_IDS,
  type ActivityInfo,
  type GaitAnalysis,
  type GaitEvent,
  type OutlierRecord,
  type StrideRecord,
  type ViewInfo,
  type WalkSegment
} from '$lib/analysis/gait/types';
import type { Side } from '$lib/analysis/landmarks';
import type { Confidence, Spread } from '$lib/analysis/metric';
import type { LandmarkSeries, ModelVariant } from '$lib/analysis/series';
import type { Finding } from './findings/types';
import { normalizeAnalysis } from './normalize-analysis';
import type { ReportModel, StepRow } from './report-model';
import type { PlanDay } from './weekly-plan';

export const EXPORT_FORMAT = 'gaitlens-report';
export const EXPORT_SCHEMA_VERSION = 1;

export interface ExportMetric {
  id: string;
  label: string;
  unit: string;
  status: 'measured' | 'not-measurable';
  value: number | null;
  left: number | null;
  right: number | null;
  n: number | null;
  spread: Spread | null;
  confidence: Confidence | null;
  usualRange: string | null;
  notes: string[];
  reason: string | null;
  samples: { value: number; side: Side | null; tMs: number; frame: number }[];
}

export interface ReportExport {
  format: typeof EXPORT_FORMAT;
  schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  exportedAt: string;
  session: { id: string; title: string; createdAt: string; model: ModelVariant; heightCm: number | null };
  source: {
    container: string;
    codec: string;
    fpsHz: number;
    durationMs: number;
    rotationDeg: number;
    widthPx: number;
    heightPx: number;
    frameCount: number;
  };
  view: ViewInfo;
  quality: GaitAnalysis['quality'];
  legLengthPx: number;
  legLengthM: number | null;
  /** Walking or running, and the evidence. */
  activity: ActivityInfo;
  /** What the person did over the clip, in time order, and which stretches were used. */
  segments: WalkSegment[];
  /** One line, e.g. "2 passes used, 1 turn left out". */
  segmentSummary: string;
  /** Values left out as impossible for a walking step. */
  outliers: OutlierRecord[];
  metrics: ExportMetric[];
  steps: StepRow[];
  strides: StrideRecord[];
  events: GaitEvent[];
  findings: Finding[];
  plan: PlanDay[];
  generalAdvice: string[];
  disclaimer: string;
}

export interface ExportInput {
  id: string;
  title: string;
  createdAt: string;
  heightCm: number | null;
  series: LandmarkSeries;
  analysis: GaitAnalysis;
  model: ReportModel;
}

/** Replace non-finite numbers (not valid JSON) with null, deeply. */
function finiteOrNull<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))
  ) as T;
}

/** Build the export object (call `JSON.stringify` on it to save). */
export function buildReportExport(input: ExportInput, exportedAt = new Date()): ReportExport {
  const { model, series } = input;
  const analysis = normalizeAnalysis(input.analysis);
  const metrics: ExportMetric[] = METRIC_IDS.map((id) => {
    const m = analysis.metrics[id];
    const card = model.cards.find((c) => c.id === id);
    const common = {
      id,
      label: card?.label ?? id,
      unit: card?.unit ?? '',
      usualRange: card?.usualRange ?? null
    };
    if (m.status === 'not-measurable') {
      return {
        ...common,
        status: 'not-measurable',
        value: null,
        left: null,
        right: null,
        n: null,
        spread: null,
        confidence: null,
        notes: [],
        reason: m.reason,
        samples: []
      };
    }
    return {
      ...common,
      status: 'measured',
      value: m.value,
      left: m.left ?? null,
      right: m.right ?? null,
      n: m.n,
      spread: m.spread,
      confidence: m.confidence,
      notes: m.notes,
      reason: null,
      samples: m.samples.map((s) => ({ value: s.value, side: s.side ?? null, tMs: s.tMs, frame: s.frame }))
    };
  });
  return finiteOrNull({
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    session: {
      id: input.id,
      title: input.title,
      createdAt: input.createdAt,
      model: series.model,
      heightCm: input.heightCm
    },
    source: {
      container: series.source.container,
      codec: series.source.codec,
      fpsHz: series.source.fpsHz,
      durationMs: series.source.durationMs,
      rotationDeg: series.source.rotationDeg,
      widthPx: series.widthPx,
      heightPx: series.heightPx,
      frameCount: series.frames.length
    },
    view: analysis.view,
    quality: analysis.quality,
    legLengthPx: analysis.legLengthPx,
    legLengthM: model.legLengthM,
    activity: analysis.activity,
    segments: analysis.segments,
    segmentSummary: model.segmentSummary,
    outliers: analysis.outliers,
    metrics,
    steps: model.steps,
    strides: analysis.strides,
    events: analysis.events,
    findings: model.findings,
    plan: model.plan,
    generalAdvice: [...model.generalAdvice],
    disclaimer: model.disclaimer
  });
}
