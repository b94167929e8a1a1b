import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSyntheticWalk } from '../../../../tests/synthetic/make-synthetic-walk';
import { LITE_SWAP_BURSTS } from '../../../../tests/gait/synthetic-recovery';
import type { LandmarkSeries, PoseFrame } from '../series';
import { analyzeGait } from './analyze-gait';
import {
  AnalysisFailedError,
  GaitAnalysisError,
  InvalidSeriesError,
  NoPersonError,
  TooShortError
} from './errors';
import type { GaitAnalysis, MetricId } from './types';

const value = (a: GaitAnalysis, id: MetricId) => {
  const m = a.metrics[id];
  return m.status === 'measured' ? m.value : NaN;
};

describe('analyzeGait: views, direction, treadmill', () => {
  it('walking right→left from the side: direction −1, left side near, metrics still right', () => {
    const { series, truth } = makeSyntheticWalk({
      direction: -1,
      durationS: 8,
      swapBursts: LITE_SWAP_BURSTS,
      seed: 5
    });
    const a = analyzeGait(series);
    expect(a.view).toMatchObject({ view: 'side', direction: -1, nearSide: 'left', treadmill: false });
    expect(value(a, 'cadence')).toBeCloseTo(truth.cadenceSpm, 0);
    expect(Math.abs(value(a, 'trunkLean') - truth.trunkLeanDeg)).toBeLessThan(1);
  });

  it('treadmill: hips stay put, direction from the feet, step length from the belt', () => {
    const { series, truth } = makeSyntheticWalk({
      treadmill: true,
      direction: -1,
      durationS: 6,
      stepLengthLeftPerLeg: 0.7,
      stepLengthRightPerLeg: 0.7,
      seed: 2
    });
    const a = analyzeGait(series);
    expect(a.view).toMatchObject({ treadmill: true, direction: -1 });
    expect(Math.abs(value(a, 'stepLength') - truth.stepLengthLeftPerLeg)).toBeLessThan(0.05);
    expect(a.quality.issues.map((i) => i.code)).toContain('treadmill');
  });

  it('front view: timing is measured, spatial metrics are not measurable with a reason', () => {
    const { series, truth } = makeSyntheticWalk({ view: 'front', durationS: 6, cadenceSpm: 104, seed: 3 });
    const a = analyzeGait(series);
    expect(a.view.view).toBe('front');
    expect(a.view.towardCamera).toBe(true);
    expect(Math.abs(value(a, 'cadence') - truth.cadenceSpm)).toBeLessThanOrEqual(2);
    for (const id of ['stepLength', 'heelAheadOfHip', 'trunkLean', 'stanceTimeSymmetry'] as const) {
      const m = a.metrics[id];
      expect(m.status).toBe('not-measurable');
      if (m.status === 'not-measurable') expect(m.reason).toMatch(/side view/);
    }
    expect(a.metrics.lateralTrunkLean.status).toBe('measured');
    expect(a.quality.issues.map((i) => i.code)).toContain('front-view-no-spatial');
  });

  it('measures a slouched head: the shoulder→ear angle follows neck flexion', () => {
    const { series, truth } = makeSyntheticWalk({
      neckFlexDeg: 25,
      headForwardM: 0.05,
      durationS: 5,
      seed: 4
    });
    const a = analyzeGait(series);
    expect(Math.abs(value(a, 'neckAngle') - truth.earShoulderAngleDeg)).toBeLessThan(2);
    expect(value(a, 'headForward')).toBeGreaterThan(0.1);
  });

  it('finds an asymmetric walker asymmetric, on the right side', () => {
    const { series, truth } = makeSyntheticWalk({
      stepLengthLeftPerLeg: 0.68,
      stepLengthRightPerLeg: 0.84,
      durationS: 8,
      cameraDistanceM: 6,
      swapBursts: LITE_SWAP_BURSTS,
      seed: 8
    });
    const a = analyzeGait(series);
    const step = a.metrics.stepLength;
    expect(step.status).toBe('measured');
    if (step.status !== 'measured') return;
    expect(Math.abs((step.left ?? NaN) - truth.stepLengthLeftPerLeg)).toBeLessThan(0.03);
    expect(Math.abs((step.right ?? NaN) - truth.stepLengthRightPerLeg)).toBeLessThan(0.03);
    expect(value(a, 'stepLengthSymmetry')).toBeGreaterThan(15);
  });
});

describe('analyzeGait: poor data gives "not measurable" or a caveat, never a wrong number', () => {
  it('a 2-second clip: too few steps for symmetry, said plainly', () => {
    const { series } = makeSyntheticWalk({ durationS: 2, seed: 6 });
    const a = analyzeGait(series);
    const si = a.metrics.stepLengthSymmetry;
    expect(si.status).toBe('not-measurable');
    if (si.status === 'not-measurable') expect(si.reason).toMatch(/at least 2 clean steps on each side/);
    expect(a.quality.confidence).toBe('low');
    expect(a.quality.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['too-short', 'too-few-steps'])
    );
  });

  it('heavy dropout (35 % of frames lost): whatever is measured is still right', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { series, truth } = makeSyntheticWalk({
        dropoutRate: 0.35,
        durationS: 6,
        treadmill: true,
        swapBursts: LITE_SWAP_BURSTS,
        seed
      });
      const a = analyzeGait(series);
      const cadence = value(a, 'cadence');
      if (Number.isFinite(cadence))
        expect(Math.abs(cadence - truth.cadenceSpm), `seed ${seed}`).toBeLessThanOrEqual(3);
      const step = value(a, 'stepLength');
      if (Number.isFinite(step))
        expect(Math.abs(step - truth.stepLengthLeftPerLeg), `seed ${seed}`).toBeLessThan(0.06);
      expect(a.quality.issues.map((i) => i.code)).toContain('low-detection');
    }
  });

  it('15 fps: lowers the cut-off, warns, and still times the steps', () => {
    const { series, truth } = makeSyntheticWalk({ fpsHz: 15, durationS: 6, treadmill: true, seed: 9 });
    const a = analyzeGait(series);
    expect(a.timeline.cutoffHz).toBeLessThan(6);
    expect(a.quality.issues.map((i) => i.code)).toContain('low-frame-rate');
    expect(Math.abs(value(a, 'cadence') - truth.cadenceSpm)).toBeLessThanOrEqual(3);
  });
});

describe('analyzeGait: properties', () => {
  const base = makeSyntheticWalk({
    durationS: 6,
    treadmill: true,
    swapBursts: LITE_SWAP_BURSTS,
    collapseRate: 0.3,
    noisePx: 0.8,
    seed: 21
  }).series;
  const transform = (
    s: LandmarkSeries,
    fx: (x: number) => number,
    fy: (y: number) => number,
    w: number,
    h: number
  ): LandmarkSeries => ({
    ...s,
    widthPx: w,
    heightPx: h,
    frames: s.frames.map((f) => ({
      tMs: f.tMs,
      pose: f.pose && {
        world: f.pose.world,
        image: f.pose.image.map((l) => ({ ...l, x: fx(l.x), y: fy(l.y) }))
      }
    }))
  });
  const dimensionless: MetricId[] = [
    'cadence',
    'stepLength',
    'strideLength',
    'heelAheadOfHip',
    'shankAngleAtStrike',
    'kneeFlexionAtStrike',
    'trunkLean',
    'neckAngle',
    'stepTimeSymmetry',
    'stancePct'
  ];

  it('is invariant to image scale', () => {
    const a = analyzeGait(base);
    const b = analyzeGait(
      transform(
        base,
        (x) => 2.5 * x,
        (y) => 2.5 * y,
        base.widthPx * 2.5,
        base.heightPx * 2.5
      )
    );
    for (const id of dimensionless) expect(value(b, id), id).toBeCloseTo(value(a, id), 6);
    expect(b.events.map((e) => e.frame)).toEqual(a.events.map((e) => e.frame));
  });

  it('is invariant to mirroring, apart from the direction', () => {
    const a = analyzeGait(base);
    const b = analyzeGait(
      transform(
        base,
        (x) => base.widthPx - x,
        (y) => y,
        base.widthPx,
        base.heightPx
      )
    );
    expect(b.view.direction).toBe(-a.view.direction);
    for (const id of dimensionless) expect(value(b, id), id).toBeCloseTo(value(a, id), 6);
    expect(b.events.map((e) => `${e.kind}${e.side}${e.frame}`)).toEqual(
      a.events.map((e) => `${e.kind}${e.side}${e.frame}`)
    );
  });

  it('does not modify its input', () => {
    const before = JSON.stringify(base);
    analyzeGait(base);
    expect(JSON.stringify(base)).toBe(before);
  });
});

describe('analyzeGait: bad input throws only typed errors', () => {
  const one = makeSyntheticWalk({ durationS: 3, seed: 1 }).series;

  it('no frames → TooShortError; no person → NoPersonError', () => {
    expect(() => analyzeGait({ ...one, frames: [] })).toThrow(TooShortError);
    expect(() =>
      analyzeGait({ ...one, frames: one.frames.map((f) => ({ tMs: f.tMs, pose: null })) })
    ).toThrow(NoPersonError);
    expect(() => analyzeGait({ ...one, frames: one.frames.slice(0, 10) })).toThrow(TooShortError);
  });

  it('a long clip with a person in ≈1 % of its frames → NoPersonError that says check the framing', () => {
    const long = makeSyntheticWalk({ durationS: 10, seed: 1 }).series;
    const keep = (i: number) => i % 100 === 50; // 3 of 300 frames, far apart (a stray detection)
    const sparse = { ...long, frames: long.frames.map((f, i) => (keep(i) ? f : { tMs: f.tMs, pose: null })) };
    expect(() => analyzeGait(sparse)).toThrow(NoPersonError);
    expect(() => analyzeGait(sparse)).toThrow(/most of this clip/);
    // One stray frame in a 3-s clip (the lite model on a test pattern): no person, not "too short".
    const stray = { ...one, frames: one.frames.map((f, i) => (i === 40 ? f : { tMs: f.tMs, pose: null })) };
    expect(() => analyzeGait(stray)).toThrow(NoPersonError);
  });

  it('a genuinely short clip with a person throughout → TooShortError', () => {
    const short = { ...one, frames: one.frames.slice(0, 20) }; // 0.67 s at 30 fps
    expect(() => analyzeGait(short)).toThrow(TooShortError);
    expect(() => analyzeGait(short)).toThrow(/at least 5 seconds/);
  });

  it('malformed series → InvalidSeriesError with a message a person understands', () => {
    const backwards = { ...one, frames: [...one.frames].reverse() };
    expect(() => analyzeGait(backwards)).toThrow(InvalidSeriesError);
    const short = {
      ...one,
      frames: one.frames.map((f) => ({
        tMs: f.tMs,
        pose: f.pose && { ...f.pose, image: f.pose.image.slice(0, 17) }
      }))
    };
    expect(() => analyzeGait(short)).toThrow(/damaged/);
    expect(() => analyzeGait({ ...one, widthPx: 0 })).toThrow(InvalidSeriesError);
  });

  it('fuzz: random, NaN-ridden or empty input never throws anything untyped', () => {
    const num = fc.oneof(fc.double({ min: -2000, max: 4000 }), fc.constant(NaN), fc.constant(Infinity));
    const landmark = fc.record({
      x: num,
      y: num,
      z: num,
      visibility: fc.double({ min: 0, max: 1 }),
      presence: fc.double({ min: 0, max: 1 })
    });
    const pose = fc.option(
      fc.record({
        image: fc.array(landmark, { minLength: 33, maxLength: 33 }),
        world: fc.array(landmark, { minLength: 0, maxLength: 33 })
      }),
      { nil: null }
    );
    const series = fc.record({
      widthPx: fc.oneof(fc.constant(640), fc.double({ min: -10, max: 4000 })),
      heightPx: fc.constant(480),
      times: fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { maxLength: 80 }),
      poses: fc.array(pose, { maxLength: 80 })
    });
    fc.assert(
      fc.property(series, ({ widthPx, heightPx, times, poses }) => {
        let t = 0;
        const frames: PoseFrame[] = poses.map((p, i) => ({
          tMs: (t += times[i % Math.max(1, times.length)] ?? 33),
          pose: p
        }));
        const s: LandmarkSeries = {
          version: 1,
          widthPx,
          heightPx,
          model: 'full',
          source: { container: 'mp4', codec: 'avc', fpsHz: 30, durationMs: t, rotationDeg: 0 },
          frames
        };
        try {
          analyzeGait(s);
        } catch (err) {
          expect(err).toBeInstanceOf(GaitAnalysisError);
          expect(err, String(err)).not.toBeInstanceOf(AnalysisFailedError);
        }
      }),
      { numRuns: 300 }
    );
  }, 60_000);

  it('fuzz: a real walk with random frames blanked and random landmarks corrupted never throws untyped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(one.frames.length - 1), fc.nat(32), fc.constantFrom(NaN, -1e6, 1e6, 0)), {
          maxLength: 200
        }),
        fc.array(fc.nat(one.frames.length - 1), { maxLength: 60 }),
        (corrupt, blank) => {
          const frames = one.frames.map((f) => ({
            tMs: f.tMs,
            pose: f.pose && { world: f.pose.world, image: f.pose.image.map((l) => ({ ...l })) }
          }));
          for (const [fi, li, v] of corrupt) {
            const p = frames[fi].pose;
            if (p) p.image[li].x = v;
          }
          for (const fi of blank) frames[fi].pose = null;
          try {
            const a = analyzeGait({ ...one, frames });
            expect(a.version).toBe(1);
          } catch (err) {
            expect(err).toBeInstanceOf(GaitAnalysisError);
            expect(err, String(err)).not.toBeInstanceOf(AnalysisFailedError);
          }
        }
      ),
      { numRuns: 60 }
    );
  }, 60_000);
});
