import { describe, expect, it } from 'vitest';
import { makeAnalysis } from '../../../tests/helpers/make-analysis';
import { compareAnalyses } from './compare-analyses';

describe('compareAnalyses', () => {
  it('gives B − A for metrics measured in both, keeps one-sided rows without a delta, drops the rest', () => {
    const a = makeAnalysis({ cadence: { value: 100 }, trunkLean: { value: 12 } });
    const b = makeAnalysis({ cadence: { value: 108 }, trunkLean: { value: 6 }, neckAngle: { value: 15 } });
    const rows = compareAnalyses(a, b);
    expect(rows.map((r) => r.id)).toEqual(['cadence', 'trunkLean', 'neckAngle']);
    expect(rows[0]).toMatchObject({ a: 100, b: 108, delta: 8, unit: 'steps/min' });
    expect(rows[1].delta).toBe(-6);
    expect(rows[2]).toMatchObject({ a: null, b: 15, delta: null });
  });
});
