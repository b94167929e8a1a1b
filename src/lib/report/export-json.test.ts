import { describe, expect, it } from 'vitest';
import { makeAnalysis, step } from '../../../tests/helpers/make-analysis';
import type { LandmarkSeries } from '$lib/analysis/series';
import schema from './export-schema.json';
import { buildReportExport } from './export-json';
import { buildReportModel } from './report-model';
import { stepsCsv } from './steps-csv';
import { validateJsonSchema, type JsonSchema } from './validate-json-schema';

const series: LandmarkSeries = {
  version: 1,
  widthPx: 960,
  heightPx: 540,
  model: 'full',
  source: { container: 'webm', codec: 'vp9', fpsHz: 30, durationMs: 3500, rotationDeg: 0 },
  frames: [{ tMs: 0, pose: null }]
};

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
    expect(data.metrics).toHaveLength(21);
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
      'step,side,heel_strike_t_ms,heel_strike_frame,step_time_s,step_length_per_leg_length,step_length_m,heel_ahead_of_hip_per_leg_length,shank_angle_deg,knee_flexion_deg'
    );
    expect(lines[1].startsWith('1,left,333,10,0.55,0.77,0.66')).toBe(true);
    expect(lines[2]).toBe('2,right,867,26,0.55,,,0.38,5,8');
  });
});
