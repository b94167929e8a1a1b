import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LM, sideIndex, type Side } from '../../src/lib/analysis/landmarks';
import type { ImageLandmark, LandmarkSeries } from '../../src/lib/analysis/series';
import { makeWalkScenario, type ScenarioEvent, type ScenarioSegment } from './make-walk-scenario';
import { sceneCamera } from './synthetic-clip';

const image = (s: LandmarkSeries, f: number) => {
  const pose = s.frames[f].pose;
  if (!pose) throw new Error(`frame ${f} has no pose`);
  return pose.image;
};
const mid = (a: ImageLandmark, b: ImageLandmark) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const hipX = (s: LandmarkSeries, f: number) => mid(image(s, f)[LM.left_hip], image(s, f)[LM.right_hip]).x;
/** Shoulder span / torso length in the image: ≈ 0 side-on, ≈ 0.7 frontal. */
const shoulderSpan = (s: LandmarkSeries, f: number) => {
  const im = image(s, f);
  const sh = mid(im[LM.left_shoulder], im[LM.right_shoulder]);
  const hip = mid(im[LM.left_hip], im[LM.right_hip]);
  return Math.abs(im[LM.left_shoulder].x - im[LM.right_shoulder].x) / Math.hypot(sh.x - hip.x, sh.y - hip.y);
};
const nearestFrame = (s: LandmarkSeries, tMs: number) =>
  s.frames.reduce(
    (best, fr, k) => (Math.abs(fr.tMs - tMs) < Math.abs(s.frames[best].tMs - tMs) ? k : best),
    0
  );

/** Two passes across the view joined by a stop, a turn through the frontal view and a start. */
const TWO_PASSES: ScenarioSegment[] = [
  { kind: 'walk', durationS: 3.6, headingDeg: 0, rampOutS: 0.8 },
  { kind: 'turn', durationS: 1.2, toHeadingDeg: 180 },
  {
    kind: 'walk',
    durationS: 3.6,
    headingDeg: 180,
    rampInS: 0.8,
    gait: { stepLengthLeftPerLeg: 0.66, stepLengthRightPerLeg: 0.84 }
  }
];

describe('makeWalkScenario (passes and turns)', () => {
  const { series, truth } = makeWalkScenario({ startXM: -2.2, segments: TWO_PASSES });

  it('lays the segments end to end and reports the image direction of each pass', () => {
    expect(truth.segments.map((s) => [s.kind, s.startMs, s.endMs, s.direction])).toEqual([
      ['walk', 0, 3600, 1],
      ['turn', 3600, 4800, null],
      ['walk', 4800, 8400, -1]
    ]);
    expect(truth.segments[1].startHeadingDeg).toBe(0);
    expect(truth.segments[1].endHeadingDeg).toBe(180);
    for (const s of truth.segments) {
      for (let k = s.startFrame; k < s.endFrame; k++) {
        expect(series.frames[k].tMs).toBeGreaterThanOrEqual(s.startMs);
        expect(series.frames[k].tMs).toBeLessThan(s.endMs);
      }
    }
    // the walker goes right, stays put while turning, comes back left
    const [a, b, c] = truth.segments;
    expect(hipX(series, a.endFrame - 1) - hipX(series, a.startFrame + 15)).toBeGreaterThan(300);
    expect(Math.abs(hipX(series, b.endFrame - 1) - hipX(series, b.startFrame))).toBeLessThan(0.01);
    expect(hipX(series, c.endFrame - 1) - hipX(series, c.startFrame)).toBeLessThan(-300);
  });

  it('has heel strikes in both directions whose footprints (heel landmarks in the image) are the truth’s step lengths', () => {
    // Back-project the heel landmark of a flat foot (30 mm above the floor) through the camera:
    // image x alone is biased by near/far perspective (the feet walk in lanes 17 cm apart).
    const camera = sceneCamera('side', 1.75, 4, series.widthPx, series.heightPx);
    const footprintXM = (f: number, side: Side) => {
      const h = image(series, f)[sideIndex(side, 'heel')];
      const u = (h.x - series.widthPx / 2) / camera.focalPx;
      const v = (series.heightPx / 2 - h.y) / camera.focalPx;
      const ray = {
        x: camera.forward.x + u * camera.right.x + v * camera.up.x,
        y: camera.forward.y + u * camera.right.y + v * camera.up.y
      };
      return camera.positionM.x + (ray.x * (0.03 - camera.positionM.y)) / ray.y;
    };
    for (const segment of [0, 2]) {
      const seg = truth.segments[segment];
      const gait = seg.gait!;
      // mid foot flat: normative phase 0.2 of 0.6 stance
      const flatMs = (gait.stanceLeft / 3) * gait.strideTimeS * 1000;
      const prints = truth.heelStrikes
        .filter((e) => e.segment === segment && e.tMs + flatMs <= seg.startMs + gait.steadyEndMs)
        .map((e) => ({ side: e.side, xM: footprintXM(nearestFrame(series, e.tMs + flatMs), e.side) }));
      expect(prints.length).toBeGreaterThanOrEqual(4);
      for (let i = 1; i < prints.length; i++) {
        const stepPerLeg = ((prints[i].xM - prints[i - 1].xM) * seg.direction!) / truth.legLengthM;
        const expected = prints[i].side === 'left' ? gait.stepLengthLeftPerLeg : gait.stepLengthRightPerLeg;
        expect(stepPerLeg).toBeCloseTo(expected, 6);
      }
    }
  });

  it('turns through the frontal view: wide shoulders mid-turn, facing the camera (person’s left on image right)', () => {
    const turn = truth.segments[1];
    const midTurn = nearestFrame(series, (turn.startMs + turn.endMs) / 2);
    expect(shoulderSpan(series, midTurn)).toBeGreaterThan(0.6);
    expect(image(series, midTurn)[LM.left_shoulder].x).toBeGreaterThan(
      image(series, midTurn)[LM.right_shoulder].x
    );
    // side-on the span is near/far parallax only (~0.3 here, 330 px right of the image centre)
    expect(shoulderSpan(series, turn.startFrame - 1)).toBeLessThan(0.5 * shoulderSpan(series, midTurn));
    expect(shoulderSpan(series, turn.endFrame)).toBeLessThan(0.5 * shoulderSpan(series, midTurn));
    // the other way round (180 → 360) turns through 270: back to the camera, left on image left
    const away = makeWalkScenario({
      segments: [
        { kind: 'walk', durationS: 1, headingDeg: 180 },
        { kind: 'turn', durationS: 1, toHeadingDeg: 360 }
      ]
    }).series;
    const f = nearestFrame(away, 1500);
    expect(shoulderSpan(away, f)).toBeGreaterThan(0.5);
    expect(image(away, f)[LM.left_shoulder].x).toBeLessThan(image(away, f)[LM.right_shoulder].x);
  });

  it('shows the near side by the heading: right when going to image right, left when coming back', () => {
    const vis = (f: number, side: Side) => image(series, f)[sideIndex(side, 'knee')].visibility;
    const [a, , c] = truth.segments;
    const f1 = a.endFrame - 10;
    const f2 = c.endFrame - 30;
    expect(vis(f1, 'right')).toBeCloseTo(0.97, 9);
    expect(vis(f1, 'left')).toBeCloseTo(0.82, 9);
    expect(vis(f2, 'left')).toBeCloseTo(0.97, 9);
    expect(vis(f2, 'right')).toBeCloseTo(0.82, 9);
    expect(image(series, f1)[LM.right_hip].z).toBeLessThan(image(series, f1)[LM.left_hip].z);
  });
});

describe('makeWalkScenario (standstill, initiation and termination)', () => {
  const segments: ScenarioSegment[] = [
    { kind: 'stand', durationS: 1 },
    { kind: 'walk', durationS: 5, headingDeg: 0, rampInS: 1.5, rampOutS: 1.2 },
    { kind: 'stand', durationS: 1 }
  ];
  const { series, truth } = makeWalkScenario({ startXM: -2.3, segments });
  const [before, walk, after] = truth.segments;

  it('holds a motionless double-support pose and joins the walk without a jump', () => {
    for (const s of [before, after]) {
      for (let k = s.startFrame + 1; k < s.endFrame; k++)
        expect(series.frames[k]).toEqual({ ...series.frames[s.startFrame], tMs: series.frames[k].tMs });
    }
    // both feet planted: heels at the same image height (same floor lane depth aside, within 6 px)
    const im = image(series, before.startFrame);
    expect(Math.abs(im[LM.left_heel].y - im[LM.right_heel].y)).toBeLessThan(6);
    // starting from rest, the first walking frame is within a pixel of the stand
    const first = image(series, walk.startFrame);
    for (let i = 0; i < 33; i++) {
      expect(Math.abs(first[i].x - im[i].x)).toBeLessThan(1);
      expect(Math.abs(first[i].y - im[i].y)).toBeLessThan(1);
    }
    // ... and the stop ends on a heel strike exactly where the second stand holds
    const stop = truth.heelStrikes.at(-1)!;
    expect(stop.tMs).toBeCloseTo(walk.endMs, 3);
    const last = image(series, walk.endFrame - 1);
    const held = image(series, after.startFrame);
    for (let i = 0; i < 33; i++) expect(Math.abs(last[i].x - held[i].x)).toBeLessThan(0.5);
  });

  it('slows the steps in the ramps and keeps the steady ones exact', () => {
    const gait = walk.gait!;
    expect(gait.rampInS).toBe(1.5);
    expect(gait.rampOutS).toBeGreaterThanOrEqual(0.6); // adjusted to stop on a heel strike
    const hs = truth.heelStrikes;
    expect(hs.length).toBeGreaterThanOrEqual(6);
    const steps = hs.slice(1).map((e, i) => ({ e, s: (e.tMs - hs[i].tMs) / 1000 }));
    const nominal = (e: ScenarioEvent) => (e.side === 'left' ? gait.stepTimeLeftS : gait.stepTimeRightS);
    for (const { e, s } of steps) {
      if (e.steady) expect(s).toBeCloseTo(nominal(e), 9);
      else expect(s).toBeGreaterThan(nominal(e) + 1e-6);
    }
    expect(steps[0].e.steady).toBe(false);
    expect(steps.at(-1)!.e.steady).toBe(false);
    expect(steps.filter((x) => x.e.steady).length).toBeGreaterThanOrEqual(3);
    // the hips accelerate from rest: the first 0.2 s move them < 15 % as far as 0.2 s of steady walking
    const move = (fromMs: number) =>
      hipX(series, nearestFrame(series, fromMs + 200)) - hipX(series, nearestFrame(series, fromMs));
    expect(move(walk.startMs)).toBeLessThan(0.15 * move(walk.startMs + 2000));
  });

  it('gives the same truth times at 24 and 60 fps', () => {
    const at = (fpsHz: number) => makeWalkScenario({ startXM: -2.3, segments, fpsHz }).truth;
    const [a, b] = [at(24), at(60)];
    expect(b.heelStrikes.map((e) => e.tMs)).toEqual(a.heelStrikes.map((e) => e.tMs));
    expect(b.toeOffs.map((e) => e.tMs)).toEqual(a.toeOffs.map((e) => e.tMs));
    expect(b.heelStrikes.length).toBeGreaterThanOrEqual(6);
    const e = b.heelStrikes[2];
    expect(b.heelStrikes[2].frame / 60).toBeCloseTo(a.heelStrikes[2].frame / 24, 9);
    expect(e.frame).toBeCloseTo((e.tMs * 60) / 1000, 9);
  });
});

describe('makeWalkScenario (limp and run)', () => {
  it('walks a limp with the stance and step times of each side', () => {
    const gait = { stanceLeft: 0.68, stanceRight: 0.55, stepTimeAsymmetry: 0.06, cadenceSpm: 80 };
    const { truth } = makeWalkScenario({
      startXM: -2.5,
      segments: [{ kind: 'walk', durationS: 6, headingDeg: 0, gait }]
    });
    const g = truth.segments[0].gait!;
    expect(g.stepTimeLeftS).toBeCloseTo(0.56 * 1.5, 12);
    for (const side of ['left', 'right'] as const) {
      const strikes = truth.heelStrikes.filter((e) => e.side === side);
      const offs = truth.toeOffs.filter((e) => e.side === side);
      expect(strikes.length).toBeGreaterThanOrEqual(2);
      for (const hs of strikes) {
        const to = offs.find((e) => e.tMs > hs.tMs);
        if (to)
          expect((to.tMs - hs.tMs) / 1000 / g.strideTimeS).toBeCloseTo(
            gait[side === 'left' ? 'stanceLeft' : 'stanceRight'],
            9
          );
      }
    }
  });

  it('runs with flight: no double support, both feet above their planted height mid-flight', () => {
    const { series, truth } = makeWalkScenario({
      startXM: -1.5,
      fpsHz: 60,
      segments: [{ kind: 'run', durationS: 1.2, headingDeg: 0 }]
    });
    const g = truth.segments[0].gait!;
    expect(g.stanceLeft).toBeLessThan(0.5);
    expect(g.cadenceSpm).toBe(170);
    const events = [
      ...truth.heelStrikes.map((e) => ({ ...e, kind: 'strike' })),
      ...truth.toeOffs.map((e) => ({ ...e, kind: 'off' }))
    ].sort((a, b) => a.tMs - b.tMs);
    // strike, off, other strike, other off, …: a toe off always comes before the next strike
    for (let i = 1; i < events.length; i++) expect(events[i].kind).not.toBe(events[i - 1].kind);
    // planted height of each foot's heel and toe tip: at mid foot flat (a third of stance after its strike)
    const planted = (side: Side, part: 'heel' | 'foot_index') =>
      Math.max(
        ...truth.heelStrikes
          .filter((e) => e.side === side)
          .map((e) => nearestFrame(series, e.tMs + (g.stanceLeft / 3) * g.strideTimeS * 1000))
          .filter((f) => series.frames[f].pose)
          .map((f) => image(series, f)[sideIndex(side, part)].y)
      );
    let flights = 0;
    for (let i = 1; i < events.length; i++) {
      if (events[i - 1].kind !== 'off' || events[i].kind !== 'strike') continue;
      const f = nearestFrame(series, (events[i - 1].tMs + events[i].tMs) / 2);
      flights++;
      for (const side of ['left', 'right'] as const) {
        for (const part of ['heel', 'foot_index'] as const) {
          expect(image(series, f)[sideIndex(side, part)].y).toBeLessThan(planted(side, part) - 1);
        }
      }
    }
    expect(flights).toBeGreaterThanOrEqual(3);
  });
});

describe('makeWalkScenario (view, occlusion, errors)', () => {
  it('gives pose null while absent or off-screen and reports only strikes in view', () => {
    const { series, truth } = makeWalkScenario({
      startXM: -4,
      segments: [
        { kind: 'walk', durationS: 4, headingDeg: 0 },
        { kind: 'absent', durationS: 1 },
        { kind: 'walk', durationS: 2, headingDeg: 0 }
      ]
    });
    const [walk, absent] = truth.segments;
    expect(series.frames[0].pose).toBeNull(); // starts 4 m left of centre: outside the image
    for (let k = absent.startFrame; k < absent.endFrame; k++) expect(series.frames[k].pose).toBeNull();
    expect(series.frames[absent.endFrame].pose).not.toBeNull();
    for (const e of truth.heelStrikes) expect(series.frames[Math.round(e.frame)].pose).not.toBeNull();
    expect(truth.heelStrikes[0].tMs).toBeGreaterThan(500);
    expect(truth.heelStrikes.some((e) => e.tMs < walk.endMs)).toBe(true);
  });

  it('walks toward the camera (growing) and obliquely', () => {
    const { series, truth } = makeWalkScenario({
      cameraDistanceM: 6,
      segments: [
        { kind: 'walk', durationS: 1.5, headingDeg: 90 },
        { kind: 'walk', durationS: 1.5, headingDeg: 135 }
      ]
    });
    expect(truth.segments.map((s) => s.direction)).toEqual([null, -1]);
    const torso = (f: number) => {
      const im = image(series, f);
      return Math.hypot(
        im[LM.left_shoulder].x - im[LM.left_hip].x,
        im[LM.left_shoulder].y - im[LM.left_hip].y
      );
    };
    const [toward, oblique] = truth.segments;
    expect(torso(toward.endFrame - 1)).toBeGreaterThan(1.2 * torso(0));
    expect(shoulderSpan(series, 10)).toBeGreaterThan(0.5);
    expect(hipX(series, oblique.endFrame - 1)).toBeLessThan(hipX(series, oblique.startFrame) - 50);
  });

  it('lowers the visibility of occluded landmarks in the occluded frames only', () => {
    const segments: ScenarioSegment[] = [{ kind: 'walk', durationS: 2, headingDeg: 0 }];
    const { series } = makeWalkScenario({
      startXM: -1,
      segments,
      occlusions: [
        { startS: 0.5, endS: 0.8, parts: 'legs' },
        { startS: 1.5, endS: 1.6, parts: 'all' }
      ]
    });
    series.frames.forEach((fr, k) => {
      const t = fr.tMs / 1000;
      const legs = t >= 0.5 && t <= 0.8;
      const all = t >= 1.5 && t <= 1.6;
      expect(fr.pose!.image[LM.left_ankle].visibility === 0.1, `frame ${k}`).toBe(legs || all);
      expect(fr.pose!.world[LM.right_heel].visibility === 0.1).toBe(legs || all);
      expect(fr.pose!.image[LM.left_hip].visibility === 0.1).toBe(all);
    });
  });

  it('injects swaps, dropout, noise and jitter as makeSyntheticWalk does, reproducibly by seed', () => {
    const params = {
      startXM: -2,
      segments: TWO_PASSES,
      noisePx: 1,
      dropoutRate: 0.05,
      timestampJitterMs: 3,
      swapBursts: { rate: 0.1, lengthFrames: [3, 5] as [number, number] },
      seed: 7
    };
    const a = makeWalkScenario(params);
    expect(makeWalkScenario(params)).toEqual(a);
    expect(makeWalkScenario({ ...params, seed: 8 }).series).not.toEqual(a.series);
    const n = a.series.frames.length;
    expect(a.truth.swappedFrames.length).toBeGreaterThan(0);
    const clean = makeWalkScenario({ ...params, noisePx: 0, dropoutRate: 0, swapBursts: null });
    const cleanNull = clean.series.frames.filter((f) => f.pose === null).length;
    expect(a.series.frames.filter((f) => f.pose === null).length).toBeLessThanOrEqual(
      cleanNull + Math.round(0.05 * n)
    );
    for (const f of a.truth.swappedFrames) {
      const pose = a.series.frames[f].pose;
      if (pose)
        expect(
          Math.abs(pose.image[LM.left_knee].x - clean.series.frames[f].pose!.image[LM.right_knee].x)
        ).toBeLessThan(8);
    }
  });

  it('rejects impossible scenarios with a RangeError', () => {
    const walk = (extra: object) => ({ kind: 'walk' as const, durationS: 2, headingDeg: 0, ...extra });
    expect(() => makeWalkScenario({ segments: [] })).toThrow(/segments/);
    expect(() => makeWalkScenario({ segments: [walk({ rampInS: 1.5, rampOutS: 1 })] })).toThrow(/ramp/);
    expect(() => makeWalkScenario({ segments: [walk({ gait: { stanceLeft: 0.35 } })] })).toThrow(RangeError);
    expect(() =>
      makeWalkScenario({
        segments: [{ kind: 'run', durationS: 1, headingDeg: 0, gait: { stanceLeft: 0.6 } }]
      })
    ).toThrow(/running/);
    expect(() => makeWalkScenario({ segments: [walk({ durationS: 0.6, rampOutS: 0.5 })] })).toThrow(
      /heel strike/
    );
    expect(() => makeWalkScenario({ fpsHz: 0, segments: [walk({})] })).toThrow(/fpsHz/);
  });
});

describe('makeWalkScenario (fuzz)', () => {
  it('builds a well-formed clip for any segment sequence and throws only RangeError otherwise', () => {
    const segment: fc.Arbitrary<ScenarioSegment> = fc.oneof(
      fc.record({
        kind: fc.constant('walk' as const),
        durationS: fc.double({ min: 0.3, max: 4, noNaN: true }),
        headingDeg: fc.constantFrom(0, 45, 90, 135, 180, 270),
        rampInS: fc.double({ min: 0, max: 1.5, noNaN: true }),
        rampOutS: fc.double({ min: 0, max: 1.5, noNaN: true }),
        gait: fc.record({ cadenceSpm: fc.double({ min: 55, max: 130, noNaN: true }) })
      }),
      fc.record({
        kind: fc.constant('run' as const),
        durationS: fc.double({ min: 0.3, max: 2, noNaN: true }),
        headingDeg: fc.constantFrom(0, 180)
      }),
      fc.record({
        kind: fc.constant('stand' as const),
        durationS: fc.double({ min: 0.1, max: 1, noNaN: true })
      }),
      fc.record({
        kind: fc.constant('turn' as const),
        durationS: fc.double({ min: 0.3, max: 1.5, noNaN: true }),
        toHeadingDeg: fc.constantFrom(0, 90, 180, 360)
      }),
      fc.record({
        kind: fc.constant('absent' as const),
        durationS: fc.double({ min: 0.1, max: 1, noNaN: true })
      })
    );
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 5 }),
        fc.double({ min: -4, max: 2, noNaN: true }),
        fc.constantFrom(24, 30, 60),
        (segments, startXM, fpsHz) => {
          try {
            const { series, truth } = makeWalkScenario({ segments, startXM, fpsHz, timestampJitterMs: 2 });
            const total = segments.reduce((s, x) => s + x.durationS, 0);
            expect(series.frames).toHaveLength(Math.max(1, Math.round(total * fpsHz)));
            for (const fr of series.frames) {
              if (fr.pose)
                expect(fr.pose.image.every((l) => Number.isFinite(l.x) && Number.isFinite(l.y))).toBe(true);
            }
            for (const list of [truth.heelStrikes, truth.toeOffs]) {
              for (let i = 1; i < list.length; i++)
                expect(list[i].tMs).toBeGreaterThanOrEqual(list[i - 1].tMs);
              for (const e of list) expect(series.frames[Math.round(e.frame)]).toBeDefined();
            }
            expect(truth.segments.at(-1)!.endMs).toBeCloseTo(total * 1000, 6);
          } catch (e) {
            expect(e).toBeInstanceOf(RangeError);
          }
        }
      ),
      { numRuns: 40 }
    );
  });
});
