import { describe, expect, it } from 'vitest';
import { makeAnalysis, step } from '../../../tests/helpers/make-analysis';
import {
  asymmetryKeyFrame,
  framesWithPose,
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

  it('chooses key frames only among frames that have a pose', () => {
    // Frames 26 and 40 have no pose (e.g. a short gap the analysis interpolated over).
    const frames = Array.from({ length: 90 }, (_, i) => ({ pose: i === 26 || i === 40 ? null : {} }));
    const hasPose = framesWithPose(frames);
    expect(hasPose(25)).toBe(true);
    expect(hasPose(26)).toBe(false);
    expect(hasPose(500)).toBe(false);

    const landing = overstrideKeyFrame(makeAnalysis({ heelAheadOfHip: { value: 0.41 } }, { steps }), hasPose);
    expect(landing?.shots[0].frame).toBe(58); // 0.41 at frame 58: the largest on a frame with a pose

    const a = makeAnalysis({ trunkLean: { value: 4 }, neckAngle: { value: 10 } });
    a.traces.trunkLeanDeg[40] = 15; // most forward, but no pose there
    a.traces.trunkLeanDeg[41] = 12;
    expect(trunkLeanKeyFrame(a, hasPose)?.shots[0].frame).toBe(41);

    const pair = asymmetryKeyFrame(makeAnalysis({ stepLengthSymmetry: { value: 8 } }, { steps }), hasPose);
    expect(pair?.shots.map((s) => s.frame)).toEqual([42, 58]);

    const all = selectKeyFrames(
      makeAnalysis(
        { heelAheadOfHip: { value: 0.4 }, trunkLean: { value: 4 }, stepLengthSymmetry: { value: 8 } },
        { steps }
      ),
      hasPose
    );
    for (const k of all) for (const shot of k.shots) expect(hasPose(shot.frame)).toBe(true);
  });

  it('offers no key frame when no candidate frame has a pose', () => {
    const none = framesWithPose(Array.from({ length: 90 }, () => ({ pose: null })));
    const a = makeAnalysis({ heelAheadOfHip: { value: 0.4 }, trunkLean: { value: 4 } }, { steps });
    expect(selectKeyFrames(a, none)).toEqual([]);
  });

  it('leaves out steps kept out of the metrics (first steps from standing still)', () => {
    const withExcluded = [
      step('left', 10, { heelAheadOfHipPerLeg: 0.7, excludedReason: 'it is one of the first steps.' }),
      ...steps.slice(1)
    ];
    const k = overstrideKeyFrame(makeAnalysis({ heelAheadOfHip: { value: 0.41 } }, { steps: withExcluded }));
    expect(k?.shots[0].frame).toBe(26);
  });
});
