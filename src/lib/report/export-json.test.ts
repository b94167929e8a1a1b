import { METRIC_IDS } from '$lib/analysis/gait/types';
import { describe, expect, it } from 'vitest';
import { makeAnalysis, step, asSavedBeforePasses, segment } from '../../../tests/helpers/make-analysis';
import { makeSeries } from '../../../tests/helpers/make-session';
import type { GaitAnalysis } from '$lib/analysis/gait/types';
import schema from './export-schema.json';
import { buildReportExport } from './export-json';
import { buildReportModel } from './report-model';
import { stepsCsv } from './steps-csv';
import { validateJsonSchema, type JsonSchema } from './validate-json-schema';

const series = makeSeries(3500);

function exportOf(heightCm: number | null) {
  const analysis = makeAnalysis(
    {
      cadence: { value: 110 },
      stepLength: { value: 0.77, left: 0.78, right: 0.76 },
      trunkLean: { value: 4 }
    },
    { steps: [step('left', 10), step('right', 26, { stepLengthPerLeg: null })] }
  );
  const model = buildReportModel(analysis, { heightCm });
  return buildReportExport(
    { id: 's1', title: 'Walk', createdAt: '2026-01-01T00:00:00.000Z', heightCm, series, analysis, model },
    new Date('2026-01-02T00:00:00.000Z')
  );
}

describe('JSON export', () => {
  it('validates against its schema, with and without height, after a JSON round trip', () => {
    for (const h of [null, 172]) {
      const data = JSON.parse(JSON.stringify(exportOf(h)));
      expect(validateJsonSchema(data, schema as JsonSchema)).toEqual([]);
    }
  });
  it('holds every metric with its samples, and the findings', () => {
    const data = exportOf(null);
    expect(data.metrics).toHaveLength(METRIC_IDS.length);
    const cadence = data.metrics.find((m) => m.id === 'cadence');
    expect(cadence).toMatchObject({ status: 'measured', value: 110, n: 6 });
    expect(cadence?.samples).toHaveLength(6);
    expect(data.metrics.find((m) => m.id === 'neckAngle')).toMatchObject({
      status: 'not-measurable',
      value: null
    });
    expect(data.findings.length).toBe(6);
    expect(data.steps[1].stepLengthPerLeg).toBeNull();
  });
  it('the schema catches a wrong field, a missing field and an unknown level', () => {
    const data = JSON.parse(JSON.stringify(exportOf(null)));
    data.metrics[0].value = 'fast';
    delete data.session.title;
    data.findings[0].level = 'terrible';
    const errors = validateJsonSchema(data, schema as JsonSchema);
    expect(errors).toEqual(
      expect.arrayContaining([
        '$.metrics[0].value: expected number or null, got string',
        '$.session: missing required "title"',
        expect.stringMatching(/^\$\.findings\[0\]\.level: "terrible" is not one of/)
      ])
    );
  });
  it('the validator refuses keywords it does not check', () => {
    expect(() => validateJsonSchema(1, { pattern: 'x' })).toThrow(RangeError);
  });
});

describe('steps CSV', () => {
  it('has one row per step with units in the header and empty cells for missing values', () => {
    const data = exportOf(175);
    const lines = stepsCsv(data.steps).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'step,side,heel_strike_t_ms,heel_strike_frame,step_time_s,step_length_per_leg_length,step_length_m,heel_ahead_of_hip_per_leg_length,shank_angle_deg,knee_flexion_deg,segment,counted,left_out_reason'
    );
    expect(lines[1].startsWith('1,left,333,10,0.55,0.77,0.66')).toBe(true);
    expect(lines[1].endsWith(',0,yes,')).toBe(true);
    expect(lines[2]).toBe('2,right,867,26,0.55,,,0.38,5,8,0,yes,');
  });

  it('lists steps left out with the reason, and an impossible step length with its value', () => {
    const data = exportWith({
      steps: [
        step('left', 10, { excludedReason: 'it is one of the first steps from standing still.' }),
        step('right', 26, { stepLengthPerLeg: null }),
        step('left', 42)
      ],
      outliers: [
        {
          what: 'stepLength',
          value: 2.4,
          side: 'right',
          tMs: (26 * 1000) / 30,
          frame: 26,
          reason: 'a walking step is shorter than 1.6 leg lengths; this one (2.40) was misread from the feet.'
        }
      ]
    });
    const lines = stepsCsv(data.steps).trimEnd().split('\r\n');
    expect(lines[1]).toMatch(/,0,no,it is one of the first steps from standing still$/);
    expect(lines[2]).toMatch(
      /^2,right,867,26,0\.55,,,.*,0,yes,step length 2\.40 leg lengths left out: a walking step is shorter/
    );
    expect(lines[3]).toMatch(/,0,yes,$/);
  });
});

function exportWith(extra: Partial<GaitAnalysis>) {
  const analysis = makeAnalysis({ cadence: { value: 110 } }, extra);
  const model = buildReportModel(analysis, { heightCm: null });
  return buildReportExport(
    {
      id: 's1',
      title: 'Walk',
      createdAt: '2026-01-01T00:00:00.000Z',
      heightCm: null,
      series,
      analysis,
      model
    },
    new Date('2026-01-02T00:00:00.000Z')
  );
}

describe('JSON export of passes, running and left-out values', () => {
  const twoPasses: Partial<GaitAnalysis> = {
    segments: [
      segment(),
      segment({
        kind: 'turn',
        startMs: 3000,
        endMs: 4200,
        startFrame: 90,
        endFrame: 126,
        direction: null,
        used: false,
        reason: 'steps while turning are not straight walking.',
        strikes: 1
      }),
      segment({ startMs: 4200, endMs: 7000, startFrame: 126, endFrame: 210, direction: -1, strikes: 5 })
    ],
    steps: [step('left', 10, { excludedReason: 'it is one of the first steps from standing still.' })],
    strides: [
      {
        side: 'left',
        startTMs: 333,
        startFrame: 10,
        endTMs: 1400,
        endFrame: 42,
        strideTimeS: 1.07,
        stancePct: 61,
        swingPct: 39,
        doubleSupportPct: 22,
        strideLengthPerLeg: 1.5,
        trunkLeanDeg: 4,
        segment: 0,
        excludedReason: 'it is one of the first steps from standing still.'
      }
    ],
    outliers: [{ what: 'stepLength', value: -0.2, side: 'left', tMs: 5000, frame: 150, reason: 'misread.' }]
  };

  it('carries segments, activity, outliers and the step and stride fields, and validates', () => {
    const data = JSON.parse(JSON.stringify(exportWith(twoPasses)));
    expect(validateJsonSchema(data, schema as JsonSchema)).toEqual([]);
    expect(data.segments).toHaveLength(3);
    expect(data.segments[1]).toMatchObject({ kind: 'turn', used: false });
    expect(data.segmentSummary).toBe('2 passes used, 1 turn left out');
    expect(data.activity).toEqual({ kind: 'walking', evidence: 'test: walking' });
    expect(data.outliers).toHaveLength(1);
    expect(data.steps[0]).toMatchObject({
      segment: 0,
      counted: false,
      excludedReason: 'it is one of the first steps from standing still.'
    });
    expect(data.strides[0]).toMatchObject({
      segment: 0,
      excludedReason: expect.stringMatching(/^it is one/)
    });
  });

  it('a running clip exports no findings and no plan, and still validates', () => {
    const data = JSON.parse(
      JSON.stringify(
        exportWith({ activity: { kind: 'running', evidence: 'both feet were off the ground.' } })
      )
    );
    expect(validateJsonSchema(data, schema as JsonSchema)).toEqual([]);
    expect(data.activity.kind).toBe('running');
    expect(data.findings).toEqual([]);
    expect(data.plan).toEqual([]);
  });

  it('an analysis saved before passes existed exports as one used pass of walking', () => {
    const analysis = asSavedBeforePasses(
      makeAnalysis({ cadence: { value: 110 } }, { steps: [step('left', 10)] })
    );
    const model = buildReportModel(analysis, { heightCm: null });
    const data = JSON.parse(
      JSON.stringify(
        buildReportExport({
          id: 'old',
          title: 'Old walk',
          createdAt: '2025-01-01T00:00:00.000Z',
          heightCm: null,
          series,
          analysis,
          model
        })
      )
    );
    expect(validateJsonSchema(data, schema as JsonSchema)).toEqual([]);
    expect(data.segmentSummary).toBe('1 pass used');
    expect(data.activity.kind).toBe('walking');
    expect(data.steps[0]).toMatchObject({ segment: 0, counted: true, excludedReason: null });
  });
});
