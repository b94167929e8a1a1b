import { describe, expect, it } from 'vitest';
import { METRIC_REGISTRY, metricInfo } from './metric-registry';
import { METRIC_IDS } from './types';

describe('metric registry', () => {
  it('describes every metric id exactly once, under its own id', () => {
    expect(Object.keys(METRIC_REGISTRY).sort()).toEqual([...METRIC_IDS].sort());
    for (const id of METRIC_IDS) expect(metricInfo(id).id).toBe(id);
  });

  it('gives every metric a label, unit, definition, method and reference', () => {
    for (const id of METRIC_IDS) {
      const m = metricInfo(id);
      for (const field of [m.label, m.unit, m.definition, m.method, m.reference]) {
        expect(field.trim().length, `${id}`).toBeGreaterThan(0);
      }
    }
  });
});
