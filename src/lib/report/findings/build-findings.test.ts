import { describe, expect, it } from 'vitest';
import type { GaitAnalysis } from '$lib/analysis/gait/types';
import { makeAnalysis, step } from '../../../../tests/helpers/make-analysis';
import { buildFindings } from './build-findings';
import { judgeAsymmetry, ratioToSymmetryIndexPct, sideDifferenceStandardError } from './judge-asymmetry';
import { judgeCadence } from './judge-cadence';
import { judgeHeadPosture } from './judge-head-posture';
import { judgeOverstride } from './judge-overstride';
import { judgeRegularity } from './judge-regularity';
import { judgeTrunkLean } from './judge-trunk-lean';

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
  it('is fine at a usual landing distance', () => {
    expect(judgeOverstride(makeAnalysis({ heelAheadOfHip: { value: 0.38 } })).level).toBe('fine');
  });
  it('is watch just above the usual range and work-on past the flag, naming the steps', () => {
    expect(judgeOverstride(makeAnalysis({ heelAheadOfHip: { value: 0.46 } })).level).toBe('watch');
    const steps = [
      step('left', 10, { heelAheadOfHipPerLeg: 0.6 }),
      step('right', 26, { heelAheadOfHipPerLeg: 0.58 }),
      step('left', 42)
    ];
    const f = judgeOverstride(makeAnalysis({ heelAheadOfHip: { value: 0.58 } }, { steps }));
    expect(f.level).toBe('work-on');
    const stepEvidence = f.evidence.find((e) => e.text.startsWith('Steps'));
    expect(stepEvidence?.text).toBe('Steps 1 and 2 landed more than 0.5 leg lengths ahead of the hips.');
    expect(stepEvidence?.frames).toEqual([10, 26]);
  });
  it('is watch when the median is normal but a quarter of steps reach far', () => {
    const steps = [
      step('left', 10, { heelAheadOfHipPerLeg: 0.6 }),
      step('right', 26),
      step('left', 42),
      step('right', 58)
    ];
    expect(judgeOverstride(makeAnalysis({ heelAheadOfHip: { value: 0.38 } }, { steps })).level).toBe('watch');
  });
  it('flags the reaching pattern: long step, straight knee, forward shin', () => {
    const f = judgeOverstride(
      makeAnalysis({
        heelAheadOfHip: { value: 0.45 },
        stepLength: { value: 0.95 },
        kneeFlexionAtStrike: { value: 2 },
        shankAngleAtStrike: { value: 14 }
      })
    );
    expect(f.level).toBe('work-on');
    expect(f.headline).toMatch(/nearly straight knee/);
  });
  it('cannot check outside a side view', () => {
    const f = judgeOverstride(makeAnalysis());
    expect(f.level).toBe('not-checked');
  });
});

describe('asymmetry', () => {
  it('judges by the worst symmetry index and names the longer side', () => {
    expect(
      judgeAsymmetry(makeAnalysis({ stepLengthSymmetry: { value: 2 }, stepTimeSymmetry: { value: 1 } })).level
    ).toBe('fine');
    const f = judgeAsymmetry(
      makeAnalysis({
        stepLengthSymmetry: { value: 16 },
        stepLength: { value: 0.75, left: 0.82, right: 0.7 },
        stepTimeSymmetry: { value: 3 }
      })
    );
    expect(f.level).toBe('work-on');
    expect(f.headline).toMatch(/step length by 16 %, longer on the left/);
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
    // 0.52 vs 0.55 s at 30 fps: 30 ms < 33 ms, although the SI is 6 %.
    const within = makeAnalysis({
      stepTimeSymmetry: { value: 6 },
      stepTime: { value: 0.54, left: 0.52, right: 0.55 }
    });
    const f = judgeAsymmetry(within);
    expect(f.level).toBe('fine');
    expect(f.evidence[0].text).toMatch(/shorter than one video frame \(33 ms\)/);
    // The same difference at 60 fps (17 ms frames) is resolvable.
    within.quality.fpsHz = 60;
    expect(judgeAsymmetry(within).level).toBe('watch');
  });
  it('converts a stance difference to time with the stride time before comparing with a frame', () => {
    const a = makeAnalysis({
      stanceTimeSymmetry: { value: 7 },
      stancePct: { value: 60, left: 58, right: 62 },
      strideTime: { value: 1.1 }
    });
    // 4 % of 1.1 s = 44 ms > 33 ms: a real difference.
    expect(judgeAsymmetry(a).level).toBe('watch');
  });
  it('does not call a difference uneven when the steps vary too much to tell (one mistimed strike)', () => {
    // Step times of a symmetric synthetic walk as measured in the browser: one late strike makes
    // one right step long and the next left one short; SI 12 %, but the difference is within 2 standard errors.
    const noisy = makeAnalysis({
      stepTimeSymmetry: { value: 11.7 },
      stepTime: {
        value: 0.55,
        left: 0.509,
        right: 0.553,
        sideSamples: { left: [0.542, 0.477], right: [0.553, 0.613, 0.551] }
      }
    });
    const f = judgeAsymmetry(noisy);
    expect(f.level).toBe('fine');
    expect(f.evidence[0].text).toMatch(/could be chance/);
  });
  it('does not let a few agreeing steps look more precise than video can measure (error floor)', () => {
    // Step lengths of the symmetric synthetic walk as measured in the browser: left 0.891, 0.827;
    // right 0.731, 0.794, 0.779. The scatter alone would call 0.08 real; Stenum's 0.055 leg-length
    // per-step error over 2 and 3 steps does not.
    const a = makeAnalysis({
      stepLengthSymmetry: { value: 11.2 },
      stepLength: {
        value: 0.79,
        left: 0.859,
        right: 0.779,
        sideSamples: { left: [0.891, 0.827], right: [0.731, 0.794, 0.779] }
      }
    });
    expect(judgeAsymmetry(a).level).toBe('fine');
    expect(sideDifferenceStandardError(a, 'stepLength')).toBeCloseTo(0.0629, 3);
  });
  it('still flags a large step-length difference with the same few steps', () => {
    const a = makeAnalysis({
      stepLengthSymmetry: { value: 24 },
      stepLength: {
        value: 0.8,
        left: 0.9,
        right: 0.71,
        sideSamples: { left: [0.9, 0.91], right: [0.7, 0.71, 0.72] }
      }
    });
    expect(judgeAsymmetry(a).level).toBe('work-on');
  });
  it('keeps a consistent difference as uneven', () => {
    const steady = makeAnalysis({
      stepTimeSymmetry: { value: 15 },
      stepTime: {
        value: 0.55,
        left: 0.5,
        right: 0.58,
        sideSamples: { left: [0.5, 0.51, 0.5], right: [0.58, 0.59, 0.58] }
      }
    });
    expect(judgeAsymmetry(steady).level).toBe('work-on');
    expect(judgeAsymmetry(steady).headline).toMatch(/step time by 15 %, longer on the right/);
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
    expect(judgeRegularity(makeAnalysis({ strideTimeVariability: { value: 2 } })).level).toBe('fine');
    expect(judgeRegularity(makeAnalysis({ strideTimeVariability: { value: 9 } })).level).toBe('watch');
  });
});

describe('buildFindings', () => {
  it('puts work-on first and not-checked last', () => {
    const findings = buildFindings(
      makeAnalysis({ trunkLean: { value: 4 }, heelAheadOfHip: { value: 0.6 }, cadence: { value: 110 } })
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
