import { describe, expect, it } from 'vitest';
import { METRIC_IDS } from '$lib/analysis/gait/types';
import { makeAnalysis, step, segment } from '../../../tests/helpers/make-analysis';
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

describe('passes, running and steps left out in the report model', () => {
  const twoWays = [
    segment({}),
    segment({
      kind: 'turn',
      startMs: 3000,
      endMs: 4200,
      direction: null,
      used: false,
      reason: 'steps while turning are not straight walking.',
      strikes: 1
    }),
    segment({ startMs: 4200, endMs: 7000, direction: -1 })
  ];

  it('says "both directions" when the used passes go both ways, and summarises the stretches', () => {
    const model = buildReportModel(makeAnalysis({}, { segments: twoWays }), { heightCm: null });
    expect(model.viewText).toBe('side view, walking in both directions');
    expect(model.segmentSummary).toBe('2 passes used, 1 turn left out');
    expect(model.segments.map((s) => s.label)).toEqual([
      'pass toward the right',
      'turn',
      'pass toward the left'
    ]);
    expect(model.segments[1].text).toBe(
      '3.0–4.2 s: turn, left out because steps while turning are not straight walking.'
    );
    expect(model.segments[0].text).toBe('0.0–3.0 s: pass toward the right, used (6 heel strikes).');
  });

  it('keeps one direction when a pass going the other way was left out', () => {
    const segments = [
      segment({}),
      segment({ startMs: 4200, endMs: 7000, direction: -1, used: false, reason: 'x.' })
    ];
    const model = buildReportModel(makeAnalysis({}, { segments }), { heightCm: null });
    expect(model.viewText).toBe('side view, walking toward the right');
  });

  it('running: no findings, no plan, no walking advice, and the evidence is carried', () => {
    const analysis = makeAnalysis(
      { cadence: { value: 170 } },
      {
        activity: { kind: 'running', evidence: 'both feet were off the ground in 9 of 10 steps.' },
        steps: [step('left', 10), step('right', 26)]
      }
    );
    const model = buildReportModel(analysis, { heightCm: null });
    expect(model.activity.kind).toBe('running');
    expect(model.viewText).toBe('side view, running toward the right');
    expect(model.findings).toEqual([]);
    expect(model.plan).toEqual([]);
    expect(model.generalAdvice).toEqual([]);
    expect(model.keyFrames).toEqual([]);
    expect(model.disclaimer).toMatch(/not a medical device/);
    expect(model.steps.every((s) => !s.counted)).toBe(true);
    expect(model.steps[0].leftOutReasons[0]).toMatch(/looks like running/);
  });

  it('marks steps left out with the reason, and an impossible step length with its value', () => {
    const analysis = makeAnalysis(
      {},
      {
        segments: twoWays,
        steps: [
          step('left', 10, { excludedReason: 'it is one of the first steps from standing still.' }),
          step('right', 26, { stepLengthPerLeg: null }),
          step('left', 100, { segment: 1 }),
          step('right', 150, { segment: 2 })
        ],
        outliers: [
          {
            what: 'stepLength',
            value: -0.12,
            side: 'right',
            tMs: 866.7,
            frame: 26,
            reason: 'a walking step is longer than 0 leg lengths; this one (-0.12) was misread from the feet.'
          }
        ]
      }
    );
    const [first, second, third, fourth] = buildReportModel(analysis, { heightCm: null }).steps;
    expect(first).toMatchObject({
      counted: false,
      excludedReason: 'it is one of the first steps from standing still.',
      leftOutReasons: ['it is one of the first steps from standing still']
    });
    expect(second.counted).toBe(true);
    expect(second.stepLengthPerLeg).toBeNull();
    expect(second.leftOutReasons).toEqual([
      'step length -0.12 leg lengths left out: a walking step is longer than 0 leg lengths; this one (-0.12) was misread from the feet'
    ]);
    expect(third.counted).toBe(false);
    expect(third.leftOutReasons[0]).toMatch(
      /^its stretch of the clip \(turn\) was left out: steps while turning/
    );
    expect(fourth).toMatchObject({ counted: true, leftOutReasons: [], segment: 2 });
  });
});
