import { describe, expect, it } from 'vitest';
import { METRIC_IDS } from '$lib/analysis/gait/types';
import { makeAnalysis, step } from '../../../tests/helpers/make-analysis';
import { buildReportModel, LEG_LENGTH_PER_HEIGHT } from './report-model';

describe('buildReportModel', () => {
  const analysis = makeAnalysis(
    {
      cadence: { value: 110.4, samples: [108, 110, 111, 112] },
      stepLength: { value: 0.77, left: 0.78, right: 0.76 }
    },
    { steps: [step('left', 10), step('right', 26, { stepLengthPerLeg: null })] }
  );

  it('has one card per metric: measured ones with value, spread and n; others with the reason', () => {
    const model = buildReportModel(analysis, { heightCm: null });
    expect(model.cards.map((c) => c.id)).toEqual([...METRIC_IDS]);
    const cadence = model.cards.find((c) => c.id === 'cadence');
    expect(cadence).toMatchObject({
      valueText: '110',
      n: 4,
      usualRange: '100–120 steps/min',
      confidence: 'high'
    });
    expect(cadence?.spreadText).toMatch(/^middle half 110–111, range 108–112/);
    const trunk = model.cards.find((c) => c.id === 'trunkLean');
    expect(trunk).toMatchObject({ status: 'not-measurable', value: null, reason: 'test: trunkLean not set' });
    expect(model.cards.find((c) => c.id === 'stepLength')?.sidesText).toBe('left 0.78 · right 0.76');
  });

  it('shows metres only when a height is given', () => {
    expect(
      buildReportModel(analysis, { heightCm: null }).cards.find((c) => c.id === 'stepLength')?.metresText
    ).toBeNull();
    const model = buildReportModel(analysis, { heightCm: 175 });
    expect(model.legLengthM).toBeCloseTo(1.75 * LEG_LENGTH_PER_HEIGHT, 6);
    expect(model.cards.find((c) => c.id === 'stepLength')?.metresText).toBe(
      `${(0.77 * 1.75 * 0.491).toFixed(2)} m`
    );
    expect(model.cards.find((c) => c.id === 'cadence')?.metresText).toBeNull();
    expect(model.steps[0].stepLengthM).toBeCloseTo(0.77 * 1.75 * 0.491, 6);
    expect(model.steps[1].stepLengthM).toBeNull();
  });

  it('always carries the disclaimer, general advice and a seven-day plan', () => {
    const model = buildReportModel(analysis, { heightCm: null });
    expect(model.disclaimer).toMatch(/not a medical device/);
    expect(model.generalAdvice.join(' ')).toMatch(/Sharp pain is a signal to stop/);
    expect(model.plan).toHaveLength(7);
    expect(model.viewText).toBe('side view, walking toward the right');
  });
});
