import { describe, expect, it } from 'vitest';
import type { GaitAnalysis, StepRecord } from '$lib/analysis/gait/types';
import { makeAnalysis, step } from '../../../../tests/helpers/make-analysis';
import { buildFindings } from './build-findings';
import { judgeAsymmetry, ratioToSymmetryIndexPct, sideDifferenceStandardError } from './judge-asymmetry';
import { judgeCadence } from './judge-cadence';
import { judgeHeadPosture } from './judge-head-posture';
import { judgeOverstride } from './judge-overstride';
import { judgeRegularity } from './judge-regularity';
import { judgeTrunkLean } from './judge-trunk-lean';
import {
  HEEL_AHEAD_TYPICAL_RANGE_PER_LEG,
  OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG,
  WALK_RATIO_MIN_CADENCE_SPM,
  WALK_RATIO_USUAL_PER_LEG,
  WALK_RATIO_WORK_ON_PER_LEG
} from './thresholds';

describe('trunk lean', () => {
  it('is fine when nearly upright, watch a little forward, work-on clearly forward', () => {
    expect(judgeTrunkLean(makeAnalysis({ trunkLean: { value: 4 } })).level).toBe('fine');
    expect(judgeTrunkLean(makeAnalysis({ trunkLean: { value: 9 } })).level).toBe('watch');
    const f = judgeTrunkLean(makeAnalysis({ trunkLean: { value: 14 } }));
    expect(f.level).toBe('work-on');
    expect(f.headline).toMatch(/leans forward by about 14°/);
    expect(f.advice.join(' ')).toMatch(/tall/);
  });
  it('mentions leaning back as watch', () => {
    const f = judgeTrunkLean(makeAnalysis({ trunkLean: { value: -8 } }));
    expect(f.level).toBe('watch');
    expect(f.headline).toMatch(/leans back/);
  });
  it('never says work-on with low confidence, and hedges the wording', () => {
    const f = judgeTrunkLean(makeAnalysis({ trunkLean: { value: 14, confidence: 'low' } }));
    expect(f.level).toBe('watch');
    expect(f.headline).toMatch(/only suggests/);
  });
  it('low overall clip quality also softens a confident metric', () => {
    const a = makeAnalysis({ trunkLean: { value: 14 } });
    a.quality.confidence = 'low';
    expect(judgeTrunkLean(a).level).toBe('watch');
  });
  it('says honestly why it could not check', () => {
    const f = judgeTrunkLean(makeAnalysis());
    expect(f.level).toBe('not-checked');
    expect(f.headline).toBe("We couldn't check how upright your trunk is, because test: trunkLean not set.");
    expect(f.advice).toEqual([]);
  });
});

describe('head posture', () => {
  it('grades the neck line and lets a far-forward head raise a watch', () => {
    expect(judgeHeadPosture(makeAnalysis({ neckAngle: { value: 12 } })).level).toBe('fine');
    expect(judgeHeadPosture(makeAnalysis({ neckAngle: { value: 22 } })).level).toBe('watch');
    expect(judgeHeadPosture(makeAnalysis({ neckAngle: { value: 30 } })).level).toBe('work-on');
    expect(
      judgeHeadPosture(makeAnalysis({ neckAngle: { value: 12 }, headForward: { value: 0.4 } })).level
    ).toBe('watch');
  });
  it('gives head-up, eyes-ahead advice when not fine', () => {
    const f = judgeHeadPosture(makeAnalysis({ neckAngle: { value: 30 } }));
    expect(f.advice.join(' ')).toMatch(/gaze/);
  });
});

describe('overstride', () => {
  const [, heelUsualTop] = HEEL_AHEAD_TYPICAL_RANGE_PER_LEG;
  /** n steps alternating sides, 16 frames apart, with these values. */
  const walk = (n: number, values: Partial<StepRecord>) =>
    Array.from({ length: n }, (_, i) => step(i % 2 ? 'right' : 'left', 10 + 16 * i, values));
  /** A step time that gives this walk ratio for this step length (walk ratio = length × step time ÷ 60). */
  const stepTimeFor = (ratio: number, length: number) => (ratio * 60) / length;

  it('is fine with usual steps for the pace and a usual landing', () => {
    const a = makeAnalysis(
      { heelAheadOfHip: { value: heelUsualTop - 0.05 }, cadence: { value: 110 } },
      {
        steps: walk(6, { stepLengthPerLeg: 0.77, stepTimeS: 0.545 })
      }
    );
    const f = judgeOverstride(a);
    expect(f.level).toBe('fine');
    expect(f.evidence[0].text).toMatch(/^Walk ratio/);
  });
  it('does not flag a brisk walker whose long steps come with a quick cadence (usual walk ratio)', () => {
    const a = makeAnalysis(
      { heelAheadOfHip: { value: heelUsualTop + 0.08 }, cadence: { value: 125 } },
      {
        steps: walk(6, { stepLengthPerLeg: 0.93, stepTimeS: 0.48 })
      }
    );
    expect(judgeOverstride(a).level).toBe('fine');
  });
  it('works on steps long for the pace that land well ahead, and says by how much', () => {
    const length = 1.05;
    const a = makeAnalysis(
      { heelAheadOfHip: { value: heelUsualTop + 0.08 }, cadence: { value: 110 } },
      {
        steps: walk(6, {
          stepLengthPerLeg: length,
          stepTimeS: stepTimeFor(WALK_RATIO_WORK_ON_PER_LEG * 1.05, length)
        })
      }
    );
    const f = judgeOverstride(a);
    expect(f.level).toBe('work-on');
    expect(f.headline).toMatch(
      /long for your pace \(about \d+ % longer than usual at 110 steps per minute\)/
    );
  });
  it('watches steps a little long for the pace, and at most watches below 98 steps/min', () => {
    const [, usualTop] = WALK_RATIO_USUAL_PER_LEG;
    const between = (usualTop + WALK_RATIO_WORK_ON_PER_LEG) / 2;
    const heel = { value: heelUsualTop + 0.05 };
    const watch = makeAnalysis(
      { heelAheadOfHip: heel, cadence: { value: 110 } },
      {
        steps: walk(6, { stepLengthPerLeg: 0.9, stepTimeS: stepTimeFor(between, 0.9) })
      }
    );
    expect(judgeOverstride(watch).level).toBe('watch');
    const slow = makeAnalysis(
      { heelAheadOfHip: heel, cadence: { value: WALK_RATIO_MIN_CADENCE_SPM - 8 } },
      {
        steps: walk(6, {
          stepLengthPerLeg: 1.05,
          stepTimeS: stepTimeFor(WALK_RATIO_WORK_ON_PER_LEG * 1.1, 1.05)
        })
      }
    );
    expect(judgeOverstride(slow).level).toBe('watch');
  });
  it('does not flag a far landing alone when the steps suit the pace', () => {
    const a = makeAnalysis(
      { heelAheadOfHip: { value: OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG + 0.05 } },
      {
        steps: walk(6, { stepLengthPerLeg: 0.77, stepTimeS: 0.545 })
      }
    );
    expect(judgeOverstride(a).level).toBe('fine');
  });
  it('watches a habit on some steps (long for their pace and landing far), naming them', () => {
    const far = {
      heelAheadOfHipPerLeg: OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG + 0.1,
      stepLengthPerLeg: 1.1,
      stepTimeS: 0.55
    };
    const steps = [
      step('left', 10, far),
      step('right', 26),
      step('left', 42, far),
      step('right', 58),
      step('left', 74)
    ];
    const f = judgeOverstride(makeAnalysis({ heelAheadOfHip: { value: heelUsualTop - 0.02 } }, { steps }));
    expect(f.level).toBe('watch');
    const stepEvidence = f.evidence.find((e) => e.text.startsWith('Steps'));
    expect(stepEvidence?.text).toBe(
      `Steps 1 and 3 were long for their pace and landed more than ${OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG} leg lengths ahead of the hips.`
    );
    expect(stepEvidence?.frames).toEqual([10, 42]);
  });
  it('flags the reaching pattern on steps long for the pace: straight knee, forward shin', () => {
    const f = judgeOverstride(
      makeAnalysis(
        {
          heelAheadOfHip: { value: heelUsualTop - 0.02 },
          kneeFlexionAtStrike: { value: 2 },
          shankAngleAtStrike: { value: 14 },
          cadence: { value: 105 }
        },
        { steps: walk(6, { stepLengthPerLeg: 1.1, stepTimeS: 0.571 }) }
      )
    );
    expect(f.level).toBe('work-on');
    expect(f.headline).toMatch(/nearly straight knee/);
  });
  it('without timed steps, watches a landing past the flag and says why it cannot tell more', () => {
    const f = judgeOverstride(
      makeAnalysis({ heelAheadOfHip: { value: OVERSTRIDE_HEEL_AHEAD_FLAG_PER_LEG + 0.05 } })
    );
    expect(f.level).toBe('watch');
    expect(f.headline).toMatch(/too few timed steps/);
  });
  it('cannot check outside a side view', () => {
    const f = judgeOverstride(makeAnalysis());
    expect(f.level).toBe('not-checked');
  });
});

describe('asymmetry', () => {
  /** A per-side metric whose steps alternate left, right, … in time, with these values. */
  const alternating = (values: number[]) =>
    values.map((value, i) => ({
      value,
      side: i % 2 ? ('right' as const) : ('left' as const),
      tMs: i * 550,
      frame: i * 16
    }));
  const sideMean = (values: number[], side: 0 | 1) => {
    const own = values.filter((_, i) => i % 2 === side);
    return own.reduce((x, y) => x + y) / own.length;
  };
  /** An analysis whose step times are these, alternating sides, with the SI the analysis would report. */
  const withStepTimes = (values: number[], extra: Parameters<typeof makeAnalysis>[1] = {}) => {
    const left = sideMean(values, 0);
    const right = sideMean(values, 1);
    const si = (Math.abs(right - left) / ((right + left) / 2)) * 100;
    const a = makeAnalysis(
      { stepTimeSymmetry: { value: si }, stepTime: { value: (left + right) / 2, left, right } },
      extra
    );
    const m = a.metrics.stepTime;
    if (m.status !== 'measured') throw new Error('set up');
    m.samples = alternating(values);
    return a;
  };
  const steps = (n: number, left: number, right: number) =>
    Array.from({ length: 2 * n }, (_, i) => (i % 2 ? right : left));

  it('judges by the worst symmetry index and names the longer side', () => {
    expect(
      judgeAsymmetry(makeAnalysis({ stepLengthSymmetry: { value: 2 }, stepTimeSymmetry: { value: 1 } })).level
    ).toBe('fine');
    const f = judgeAsymmetry(
      makeAnalysis({
        stepLengthSymmetry: { value: 25 },
        stepLength: { value: 0.8, left: 0.9, right: 0.7 },
        stepTimeSymmetry: { value: 3 }
      })
    );
    expect(f.level).toBe('work-on');
    expect(f.headline).toMatch(/step length by 25 %, longer on the left/);
    expect(f.evidence).toHaveLength(2);
    expect(f.advice.join(' ')).toMatch(/shoes/);
    expect(f.advice.join(' ')).toMatch(/Strengthen/);
  });
  it("uses Patterson's step-length ratio 1.08 (≈7.7 % SI) as the watch line", () => {
    expect(ratioToSymmetryIndexPct(1.08)).toBeCloseTo(7.69, 2);
    expect(judgeAsymmetry(makeAnalysis({ stepLengthSymmetry: { value: 6 } })).level).toBe('fine');
    expect(judgeAsymmetry(makeAnalysis({ stepLengthSymmetry: { value: 9 } })).level).toBe('watch');
  });
  it('treats a step-time difference shorter than one video frame as even', () => {
    // 0.5 vs 0.575 s: 75 ms, beyond the full model's 60 ms, but shorter than one frame at 12 fps (83 ms).
    const within = withStepTimes(steps(4, 0.5, 0.575));
    within.quality.fpsHz = 12;
    const f = judgeAsymmetry(within);
    expect(f.level).toBe('fine');
    expect(f.evidence[0].text).toMatch(/shorter than one video frame \(83 ms\)/);
    // The same difference at 30 fps (33 ms frames) is resolvable.
    within.quality.fpsHz = 30;
    expect(judgeAsymmetry(within).level).toBe('work-on');
  });
  it('converts a stance difference to time with the stride time before comparing', () => {
    const at = (strideS: number) =>
      judgeAsymmetry(
        makeAnalysis({
          stanceTimeSymmetry: { value: 7 },
          stancePct: { value: 60, left: 50, right: 70 },
          strideTime: { value: strideS }
        })
      ).level;
    // 20 % of 1.2 s = 240 ms: beyond the 200 ms the model makes on even walkers; of 0.9 s = 180 ms: within.
    expect(at(1.2)).toBe('watch');
    expect(at(0.9)).toBe('fine');
  });
  it('does not call a timing difference uneven when the pose model makes as much on even walkers', () => {
    // 75 ms: within the lite model's 110 ms, beyond the full model's 60 ms
    const lite = withStepTimes(steps(3, 0.67, 0.595), { model: 'lite' });
    expect(judgeAsymmetry(lite).level).toBe('fine');
    expect(judgeAsymmetry(lite).evidence[0].text).toMatch(
      /within what the lite pose model makes on even walkers/
    );
    expect(judgeAsymmetry(withStepTimes(steps(3, 0.67, 0.595), { model: 'full' })).level).toBe('work-on');
  });
  it('does not call a difference uneven when the steps vary too much to tell', () => {
    // One late strike makes one right step long and the next left one short, with two and three steps a
    // side: the means differ by 0.13 s, but the steps vary so much that this is within 2 standard errors.
    const f = judgeAsymmetry(withStepTimes([0.534, 0.556, 0.404, 0.676, 0.552]));
    expect(f.level).toBe('fine');
    expect(f.evidence[0].text).toMatch(/could be chance/);
  });
  it('does not let a few agreeing steps look more precise than video can measure (error floor)', () => {
    // Step lengths left 0.95, 0.89; right 0.731, 0.794, 0.779: the scatter alone would call 0.14 real;
    // Stenum's 0.055 leg-length per-step error over 2 and 3 steps does not.
    const a = makeAnalysis({
      stepLengthSymmetry: { value: 18 },
      stepLength: {
        value: 0.8,
        left: 0.92,
        right: 0.768,
        sideSamples: { left: [0.95, 0.89], right: [0.731, 0.794, 0.779] }
      }
    });
    expect(judgeAsymmetry(a).level).toBe('fine');
    expect(sideDifferenceStandardError(a, 'stepLength')).toBeCloseTo(0.0629, 3);
  });
  it('flags a large step-length difference with three steps a side, and needs three', () => {
    const lengths = (left: number[], right: number[]) =>
      makeAnalysis({
        stepLengthSymmetry: { value: 27 },
        stepLength: { value: 0.8, left: 0.92, right: 0.7, sideSamples: { left, right } }
      });
    expect(judgeAsymmetry(lengths([0.92, 0.93, 0.91], [0.7, 0.69, 0.71])).level).toBe('work-on');
    const f = judgeAsymmetry(lengths([0.92, 0.93], [0.7, 0.69, 0.71]));
    expect(f.level).toBe('fine');
    expect(f.evidence[0].text).toMatch(
      /at least 3 values on each side, and this clip has 2 left and 3 right/
    );
  });
  it('does not let one mistimed heel strike raise a flag (leave one strike out)', () => {
    // Left steps 0.535 s, right 0.565 s (5.5 %, usual), 8 a side; one strike 150 ms late makes the right step
    // ending at it 0.715 s and the left one after it 0.385 s: the means now differ by 68 ms (12 %), past the
    // model's 60 ms and past 2 standard errors, but leaving that one strike out brings it back to 5.5 %.
    const times = steps(8, 0.535, 0.565);
    times[7] += 0.15;
    times[8] -= 0.15;
    const f = judgeAsymmetry(withStepTimes(times));
    expect(f.level).toBe('fine');
    expect(f.evidence[0].text).toMatch(/Leaving out any single heel strike/);
    // a real 80-ms difference on every step is still flagged, and named
    const steady = judgeAsymmetry(withStepTimes(steps(8, 0.51, 0.59)));
    expect(steady.level).toBe('work-on');
    expect(steady.headline).toMatch(/step time by 15 %, longer on the right/);
  });
  it('cannot check with no symmetry metric', () => {
    expect(judgeAsymmetry(makeAnalysis()).level).toBe('not-checked');
  });
});

describe('cadence and rhythm', () => {
  it('cadence outside 100–120 is at most watch', () => {
    expect(judgeCadence(makeAnalysis({ cadence: { value: 110 } })).level).toBe('fine');
    expect(judgeCadence(makeAnalysis({ cadence: { value: 80 } })).level).toBe('watch');
    expect(judgeCadence(makeAnalysis({ cadence: { value: 140 } })).level).toBe('watch');
  });
  it('uneven stride timing is watch', () => {
    const strides = (cv: number) => Array.from({ length: 6 }, (_, i) => 100 + (i % 2 ? cv : -cv));
    const at = (cv: number) =>
      judgeRegularity(makeAnalysis({ strideTimeVariability: { value: cv, samples: strides(cv) } })).level;
    expect(at(2)).toBe('fine');
    expect(at(9)).toBe('watch');
  });
});

describe('buildFindings', () => {
  it('puts work-on first and not-checked last', () => {
    const findings = buildFindings(
      makeAnalysis(
        { trunkLean: { value: 4 }, heelAheadOfHip: { value: 0.6 }, cadence: { value: 110 } },
        {
          steps: Array.from({ length: 6 }, (_, i) =>
            step(i % 2 ? 'right' : 'left', 10 + 16 * i, { stepLengthPerLeg: 1.1 })
          )
        }
      )
    );
    expect(findings.map((f) => f.level)).toEqual([
      'work-on',
      'fine',
      'fine',
      'not-checked',
      'not-checked',
      'not-checked'
    ]);
    expect(findings[0].id).toBe('overstride');
  });
});

/** Make every metric not measurable with one reason (as the analysis does for running). */
function notMeasurableAll(a: GaitAnalysis, reason: string): void {
  const metrics = a.metrics as Record<string, unknown>;
  for (const id of Object.keys(metrics)) metrics[id] = { id, status: 'not-measurable', reason };
}

describe('running and left-out steps', () => {
  const runningReason =
    'GaitLens measures walking, and both feet were off the ground before the next landing in 9 of 10 steps (a flight phase), which is running, not walking.';
  const running = () => {
    const a = makeAnalysis(
      {},
      {
        activity: {
          kind: 'running',
          evidence:
            'both feet were off the ground before the next landing in 9 of 10 steps (a flight phase), which is running, not walking.'
        }
      }
    );
    notMeasurableAll(a, runningReason);
    return a;
  };

  it('gives no walking finding or advice for a clip that shows running', () => {
    expect(buildFindings(running())).toEqual([]);
    // Even if a metric had been measured, running gets no walking judgement.
    const a = makeAnalysis(
      { trunkLean: { value: 14 }, cadence: { value: 170 } },
      { activity: { kind: 'running', evidence: 'flight phase.' } }
    );
    expect(buildFindings(a)).toEqual([]);
  });

  it('still gives all six findings for walking', () => {
    expect(buildFindings(makeAnalysis({ trunkLean: { value: 4 } }))).toHaveLength(6);
  });

  it('never ends a headline with two full stops when the reason is a sentence', () => {
    const a = makeAnalysis();
    notMeasurableAll(a, 'fewer than two clean steps were found in the clip.');
    const findings = [
      judgeTrunkLean(a),
      judgeHeadPosture(a),
      judgeOverstride(a),
      judgeAsymmetry(a),
      judgeCadence(a),
      judgeRegularity(a)
    ];
    for (const f of findings) {
      expect(f.headline).not.toMatch(/\.\.$/);
      expect(f.headline).toMatch(/because fewer than two clean steps were found in the clip\.$/);
    }
  });

  it('does not count steps left out (first steps from standing) among the overstriding steps', () => {
    const steps = [
      step('left', 10, {
        heelAheadOfHipPerLeg: 0.7,
        excludedReason: 'it is one of the first steps from standing still.'
      }),
      step('right', 26, { heelAheadOfHipPerLeg: 0.38 }),
      step('left', 42, { heelAheadOfHipPerLeg: 0.39 }),
      step('right', 58, { heelAheadOfHipPerLeg: 0.37 })
    ];
    const f = judgeOverstride(makeAnalysis({ heelAheadOfHip: { value: 0.38 } }, { steps }));
    expect(f.level).toBe('fine');
    expect(f.evidence.map((e) => e.text).join(' ')).not.toMatch(/Step 1 landed/);
  });
});
