import { describe, expect, it } from 'vitest';
import { makeAnalysis, step } from '../../../tests/helpers/make-analysis';
import {
  asymmetryKeyFrame,
  overstrideKeyFrame,
  selectKeyFrames,
  trunkLeanKeyFrame
} from './select-key-frames';

describe('key frames', () => {
  const steps = [
    step('left', 10, { heelAheadOfHipPerLeg: 0.4, stepLengthPerLeg: 0.78 }),
    step('right', 26, { heelAheadOfHipPerLeg: 0.55, stepLengthPerLeg: 0.77 }),
    step('left', 42, { heelAheadOfHipPerLeg: null, stepLengthPerLeg: 0.6 }),
    step('right', 58, { heelAheadOfHipPerLeg: 0.41, stepLengthPerLeg: 0.7 })
  ];

  it('picks the heel strike with the largest overstride', () => {
    const k = overstrideKeyFrame(makeAnalysis({ heelAheadOfHip: { value: 0.41 } }, { steps }));
    expect(k?.shots).toHaveLength(1);
    expect(k?.shots[0]).toMatchObject({ frame: 26, side: 'right', heelAheadOfHipPerLeg: 0.55 });
  });

  it('picks the frame of most forward trunk lean from the trace', () => {
    const a = makeAnalysis({ trunkLean: { value: 4 } });
    a.traces.trunkLeanDeg[37] = 12;
    a.traces.trunkLeanDeg[38] = null;
    a.timeline.sourceFrame[37] = 40;
    const k = trunkLeanKeyFrame(a);
    expect(k?.shots[0].frame).toBe(40);
    expect(k?.shots[0].trunkLeanDeg).toBe(12);
  });

  it('looks for the most forward trunk only within the strides, not at the edges of the clip', () => {
    const a = makeAnalysis(
      { trunkLean: { value: 4 } },
      {
        strides: [
          {
            side: 'left',
            startTMs: 1000,
            startFrame: 30,
            endTMs: 2000,
            endFrame: 60,
            strideTimeS: 1,
            stancePct: 60,
            swingPct: 40,
            doubleSupportPct: 20,
            strideLengthPerLeg: 1.6,
            trunkLeanDeg: 4,
            segment: 0,
            excludedReason: null
          }
        ]
      }
    );
    a.traces.trunkLeanDeg[85] = 20; // walking out of the picture
    a.traces.trunkLeanDeg[45] = 9;
    expect(trunkLeanKeyFrame(a)?.shots[0].frame).toBe(45);
  });

  it('picks the consecutive left/right pair with the largest relative difference', () => {
    const k = asymmetryKeyFrame(makeAnalysis({ stepLengthSymmetry: { value: 8 } }, { steps }));
    // 0.77 vs 0.6 (steps 2–3) differ most, relative to their mean.
    expect(k?.shots.map((s) => s.frame)).toEqual([26, 42]);
    expect(k?.caption).toMatch(/^Steps 2 and 3/);
  });

  it('offers no key frame for a metric that was not measurable', () => {
    expect(selectKeyFrames(makeAnalysis({}, { steps }))).toEqual([]);
  });
});
