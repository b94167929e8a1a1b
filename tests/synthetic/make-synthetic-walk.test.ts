import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEG_PARTS, LM, sideIndex, type Side } from '../../src/lib/analysis/landmarks';
import type { ImageLandmark, LandmarkSeries } from '../../src/lib/analysis/series';
import { makeSyntheticWalk } from './make-synthetic-walk';

const mid = (a: ImageLandmark, b: ImageLandmark) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
const image = (s: LandmarkSeries, f: number) => {
  const pose = s.frames[f].pose;
  if (!pose) throw new Error(`frame ${f} has no pose`);
  return pose.image;
};
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Leg length in px measured as the analysis will: median over frames of hip–knee + knee–ankle, mean of both legs. */
const measuredLegPx = (s: LandmarkSeries) =>
  medianOf(
    s.frames.flatMap((fr) =>
      fr.pose
        ? [
            (['left', 'right'] as const).reduce((acc, side) => {
              const im = fr.pose!.image;
              const [h, k, a] = (['hip', 'knee', 'ankle'] as const).map((p) => im[sideIndex(side, p)]);
              return acc + (dist(h, k) + dist(k, a)) / 2;
            }, 0)
          ]
        : []
    )
  );
/** Landmark x interpolated at a fractional frame. */
const xAt = (s: LandmarkSeries, frame: number, index: number) => {
  const f = Math.floor(frame);
  const u = frame - f;
  return image(s, f)[index].x * (1 - u) + image(s, Math.min(f + 1, s.frames.length - 1))[index].x * u;
};
const heel = (side: Side) => sideIndex(side, 'heel');
const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');

describe('makeSyntheticWalk (side view)', () => {
  it.each([
    { direction: 1 as const, treadmill: false },
    { direction: -1 as const, treadmill: false },
    { direction: 1 as const, treadmill: true }
  ])('puts the striking heel foremost (relative to the pelvis) at each true heel strike: %o', (opts) => {
    const { series, truth } = makeSyntheticWalk(opts);
    const n = series.frames.length;
    const events = truth.heelStrikes.filter((e) => e.frame >= 3 && e.frame <= n - 4);
    expect(events.length).toBeGreaterThanOrEqual(5);
    const ahead = (f: number, side: Side) => {
      const im = image(series, f);
      return (im[heel(side)].x - mid(im[LM.left_hip], im[LM.right_hip]).x) * truth.direction;
    };
    for (const e of events) {
      // Zeni's rule: the heel's forward excursion peaks at the strike. In the model it peaks 24 ms
      // (0.7 frame at 30 fps) before the heel lands, so the sampled peak is 0–1.5 frames early.
      const around = [-3, -2, -1, 0, 1, 2, 3].map((d) => Math.round(e.frame) + d);
      const best = around.reduce((b, f) => (ahead(f, e.side) > ahead(b, e.side) ? f : b));
      expect(best - e.frame).toBeGreaterThanOrEqual(-1.5);
      expect(best - e.frame).toBeLessThanOrEqual(0.5);
      expect(ahead(Math.round(e.frame), e.side)).toBeGreaterThan(ahead(Math.round(e.frame), other(e.side)));
    }
  });

  it('reports alternating strikes at the cadence and the stride and step times', () => {
    const { truth } = makeSyntheticWalk({ cadenceSpm: 96, stepTimeAsymmetry: 0.04, durationS: 8 });
    const hs = truth.heelStrikes;
    for (let i = 1; i < hs.length; i++) expect(hs[i].side).not.toBe(hs[i - 1].side);
    const steps = hs.slice(1).map((e, i) => ({ side: e.side, s: (e.tMs - hs[i].tMs) / 1000 }));
    for (const st of steps)
      expect(st.s).toBeCloseTo(st.side === 'left' ? truth.stepTimeLeftS : truth.stepTimeRightS, 9);
    expect(truth.strideTimeS).toBeCloseTo(120 / 96, 12);
    expect(truth.stepTimeLeftS).toBeCloseTo(0.54 * truth.strideTimeS, 12);
    expect(60 / ((truth.stepTimeLeftS + truth.stepTimeRightS) / 2)).toBeCloseTo(96, 9);
  });

  it('matches the step lengths per leg length measured heel-to-heel in pixels at each strike', () => {
    // Treadmill keeps the feet near the image centre, where near/far perspective cancels. The heel
    // landmark of the trailing foot has begun to rise and roll forward at the other foot's strike,
    // so heel-to-heel reads slightly short of the footprint step (about 0.01–0.025 leg lengths).
    const { series, truth } = makeSyntheticWalk({
      treadmill: true,
      stepLengthLeftPerLeg: 0.66,
      stepLengthRightPerLeg: 0.84
    });
    const legPx = measuredLegPx(series);
    expect(legPx / truth.legLengthPx).toBeCloseTo(1, 1);
    for (const side of ['left', 'right'] as const) {
      const perLeg = truth.heelStrikes
        .filter((e) => e.side === side && e.frame > 0 && e.frame < series.frames.length - 1)
        .map(
          (e) =>
            ((xAt(series, e.frame, heel(side)) - xAt(series, e.frame, heel(other(side)))) * truth.direction) /
            legPx
        );
      expect(perLeg.length).toBeGreaterThanOrEqual(2);
      const target = side === 'left' ? truth.stepLengthLeftPerLeg : truth.stepLengthRightPerLeg;
      for (const v of perLeg) {
        expect(v).toBeLessThan(target + 0.005);
        expect(v).toBeGreaterThan(target - 0.03);
      }
    }
  });

  it('draws the trunk line at trunkLeanDeg and the ear ahead of the shoulder as reported', () => {
    const angle = (from: { x: number; y: number }, to: { x: number; y: number }, dir: number) =>
      (Math.atan2((to.x - from.x) * dir, from.y - to.y) * 180) / Math.PI;
    for (const opts of [
      { trunkLeanDeg: 4, treadmill: true },
      { trunkLeanDeg: 12, neckFlexDeg: 20, direction: -1 as const },
      { trunkLeanDeg: -3, headForwardM: 0.05 }
    ]) {
      const { series, truth } = makeSyntheticWalk(opts);
      const lean: number[] = [];
      const ear: number[] = [];
      series.frames.forEach((fr) => {
        const im = fr.pose!.image;
        const sh = mid(im[LM.left_shoulder], im[LM.right_shoulder]);
        lean.push(angle(mid(im[LM.left_hip], im[LM.right_hip]), sh, truth.direction));
        ear.push(angle(sh, mid(im[LM.left_ear], im[LM.right_ear]), truth.direction));
      });
      // median over the walk: perspective tilts single frames near the image edges by ~1°
      expect(Math.abs(medianOf(lean) - opts.trunkLeanDeg)).toBeLessThan(0.5);
      expect(Math.abs(medianOf(ear) - truth.earShoulderAngleDeg)).toBeLessThan(1);
    }
    const upright = makeSyntheticWalk({ trunkLeanDeg: 4 }).truth.earShoulderAngleDeg;
    expect(makeSyntheticWalk({ trunkLeanDeg: 4, neckFlexDeg: 20 }).truth.earShoulderAngleDeg).toBeGreaterThan(
      upright + 10
    );
  });

  it('shows the near side nearer (smaller z) and more visible: right when walking to image right', () => {
    for (const direction of [1, -1] as const) {
      const { series, truth } = makeSyntheticWalk({ direction });
      expect(truth.nearSide).toBe(direction === 1 ? 'right' : 'left');
      const near = truth.nearSide!;
      const far = other(near);
      for (const fr of series.frames) {
        for (const part of ['hip', 'knee', 'shoulder', 'ear'] as const) {
          expect(fr.pose!.image[sideIndex(near, part)].z).toBeLessThan(
            fr.pose!.image[sideIndex(far, part)].z
          );
          expect(fr.pose!.world[sideIndex(near, part)].z).toBeLessThan(
            fr.pose!.world[sideIndex(far, part)].z
          );
          expect(fr.pose!.image[sideIndex(near, part)].visibility).toBeGreaterThan(
            fr.pose!.image[sideIndex(far, part)].visibility
          );
        }
      }
      // the walker moves toward image right for direction 1
      const hipX = (f: number) => mid(image(series, f)[LM.left_hip], image(series, f)[LM.right_hip]).x;
      expect((hipX(series.frames.length - 1) - hipX(0)) * direction).toBeGreaterThan(300);
    }
  });

  it('keeps the hips put on a treadmill while the stance heel slides back', () => {
    const { series, truth } = makeSyntheticWalk({ treadmill: true });
    const hipX = series.frames.map((fr) => mid(fr.pose!.image[LM.left_hip], fr.pose!.image[LM.right_hip]).x);
    expect(Math.max(...hipX) - Math.min(...hipX)).toBeLessThan(3);
    const hs = truth.heelStrikes.find((e) => e.frame > 1 && e.frame < 100)!;
    const f = Math.ceil(hs.frame) + 1;
    expect(
      (image(series, f + 5)[heel(hs.side)].x - image(series, f)[heel(hs.side)].x) * truth.direction
    ).toBeLessThan(-20);
  });

  it('scales arm swing per side', () => {
    const range = (armSwingLeft: number, side: Side) => {
      const { series } = makeSyntheticWalk({ treadmill: true, armSwingLeft });
      const xs = series.frames.map((fr) => fr.pose!.image[sideIndex(side, 'wrist')].x);
      return Math.max(...xs) - Math.min(...xs);
    };
    expect(range(0.5, 'left') / range(1, 'left')).toBeGreaterThan(0.35);
    expect(range(0.5, 'left') / range(1, 'left')).toBeLessThan(0.65);
    expect(range(0.5, 'right')).toBeCloseTo(range(1, 'right'), 6);
  });
});

describe('makeSyntheticWalk (front view)', () => {
  it('shows wide shoulders relative to the torso from the front and narrow ones from the side', () => {
    // Side view on a treadmill (walker at the image centre). Overground, near/far parallax spreads the
    // shoulders by up to ~0.35 torso lengths at the image edges (camera 4 m away, 40° field of view).
    const ratio = (view: 'side' | 'front') => {
      const { series } = makeSyntheticWalk({ view, treadmill: view === 'side' });
      return medianOf(
        series.frames.map((fr) => {
          const im = fr.pose!.image;
          const torso = dist(
            mid(im[LM.left_shoulder], im[LM.right_shoulder]),
            mid(im[LM.left_hip], im[LM.right_hip])
          );
          return Math.abs(im[LM.left_shoulder].x - im[LM.right_shoulder].x) / torso;
        })
      );
    };
    expect(ratio('front')).toBeGreaterThan(0.5);
    expect(ratio('side')).toBeLessThan(0.2);
  });

  it('walks toward the camera (growing, the person’s left on image right) and keeps the body in frame', () => {
    const { series, truth } = makeSyntheticWalk({ view: 'front' });
    expect(truth.nearSide).toBeNull();
    expect(series.frames.every((fr) => fr.pose !== null)).toBe(true);
    const torsoPx = (f: number) => dist(image(series, f)[LM.left_shoulder], image(series, f)[LM.left_hip]);
    expect(torsoPx(series.frames.length - 1)).toBeGreaterThan(1.5 * torsoPx(0));
    expect(image(series, 0)[LM.left_shoulder].x).toBeGreaterThan(image(series, 0)[LM.right_shoulder].x);
    // feet stay inside the image at the end of the walk
    const last = image(series, series.frames.length - 1);
    expect(Math.max(last[LM.left_heel].y, last[LM.right_heel].y)).toBeLessThan(series.heightPx);
  });
});

describe('makeSyntheticWalk (injected errors)', () => {
  it('swaps leg labels in bursts of 3–5 frames starting 0–3 frames after near-leg heel strikes, at the requested rate', () => {
    for (const rate of [0.1, 0.16]) {
      const opts = { durationS: 30, seed: 3, treadmill: true };
      const clean = makeSyntheticWalk(opts).series;
      const { series, truth } = makeSyntheticWalk({ ...opts, swapBursts: { rate, lengthFrames: [3, 5] } });
      const n = series.frames.length;
      expect(Math.abs(truth.swappedFrames.length / n - rate)).toBeLessThanOrEqual(0.03);
      // bursts = maximal runs of consecutive swapped frames
      const bursts: number[][] = [];
      for (const f of truth.swappedFrames) {
        const last = bursts.at(-1);
        if (last && f === last.at(-1)! + 1) last.push(f);
        else bursts.push([f]);
      }
      const nearStrikes = truth.heelStrikes.filter((e) => e.side === truth.nearSide).map((e) => e.frame);
      const anyStrikes = truth.heelStrikes.map((e) => e.frame);
      let afterNear = 0;
      for (const b of bursts) {
        expect(b.length).toBeGreaterThanOrEqual(3);
        expect(b.length).toBeLessThanOrEqual(5);
        const lag = (strikes: number[]) =>
          Math.min(...strikes.map((s) => (b[0] - s > 0 ? b[0] - s : Infinity)));
        expect(lag(anyStrikes)).toBeLessThanOrEqual(3);
        if (lag(nearStrikes) <= 3) afterNear++;
        for (const f of b) {
          for (const part of LEG_PARTS) {
            expect(series.frames[f].pose!.image[sideIndex('left', part)]).toEqual(
              clean.frames[f].pose!.image[sideIndex('right', part)]
            );
          }
          expect(series.frames[f].pose!.image[LM.left_shoulder]).toEqual(
            clean.frames[f].pose!.image[LM.left_shoulder]
          );
        }
      }
      // one burst per near-leg strike suffices for the full model's rate; the lite rate spills over
      if (rate === 0.1) expect(afterNear).toBe(bursts.length);
      else expect(afterNear / bursts.length).toBeGreaterThan(0.6);
    }
  });

  it('collapses both leg chains onto the near leg in the requested share of bursts', () => {
    const { series, truth } = makeSyntheticWalk({
      durationS: 20,
      treadmill: true,
      swapBursts: { rate: 0.1, lengthFrames: [3, 5] },
      collapseRate: 1
    });
    expect(truth.swappedFrames.length).toBeGreaterThan(0);
    for (const f of truth.swappedFrames) {
      const im = series.frames[f].pose!.image;
      expect(im[LM.left_knee]).toEqual(im[LM.right_knee]);
    }
  });

  it('drops the requested share of frames, jitters timestamps and adds pixel noise, reproducibly by seed', () => {
    const opts = { dropoutRate: 0.1, timestampJitterMs: 4, noisePx: 2, seed: 11 };
    const a = makeSyntheticWalk(opts);
    const b = makeSyntheticWalk(opts);
    const c = makeSyntheticWalk({ ...opts, seed: 12 });
    expect(a).toEqual(b);
    expect(c.series).not.toEqual(a.series);
    const n = a.series.frames.length;
    expect(a.series.frames.filter((f) => f.pose === null)).toHaveLength(Math.round(0.1 * n));
    const dt = a.series.frames.slice(1).map((f, i) => f.tMs - a.series.frames[i].tMs);
    expect(Math.min(...dt)).toBeGreaterThan(0);
    expect(Math.max(...dt) - Math.min(...dt)).toBeGreaterThan(4);
    const clean = makeSyntheticWalk({ ...opts, noisePx: 0 });
    const residuals = a.series.frames.flatMap((fr, k) =>
      fr.pose ? fr.pose.image.map((l, i) => l.x - clean.series.frames[k].pose!.image[i].x) : []
    );
    const sd = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length);
    expect(sd).toBeGreaterThan(1.8);
    expect(sd).toBeLessThan(2.2);
  });

  it('interpolates truth frames on jittered timestamps', () => {
    const { series, truth } = makeSyntheticWalk({ timestampJitterMs: 8, seed: 5 });
    for (const e of truth.heelStrikes) {
      const f = Math.floor(e.frame);
      expect(series.frames[f].tMs).toBeLessThanOrEqual(e.tMs + 1e-9);
      expect(series.frames[f + 1].tMs).toBeGreaterThanOrEqual(e.tMs - 1e-9);
    }
  });

  it('rejects out-of-range parameters with a RangeError', () => {
    expect(() => makeSyntheticWalk({ fpsHz: 0 })).toThrow(RangeError);
    expect(() => makeSyntheticWalk({ dropoutRate: 2 })).toThrow(/dropoutRate/);
    expect(() => makeSyntheticWalk({ swapBursts: { rate: 0.1, lengthFrames: [5, 3] } })).toThrow(
      /lengthFrames/
    );
    expect(() => makeSyntheticWalk({ heightM: 5 })).toThrow(RangeError);
  });
});

describe('makeSyntheticWalk (field of view)', () => {
  it('loses the walker (pose null) once the hips leave the image on a long overground walk', () => {
    const { series } = makeSyntheticWalk({ durationS: 12 });
    const seen = series.frames.map((f) => f.pose !== null);
    expect(seen.some((s) => !s)).toBe(true);
    for (const fr of series.frames) {
      if (!fr.pose) continue;
      const hip = mid(fr.pose.image[LM.left_hip], fr.pose.image[LM.right_hip]);
      // (the generator tests the projected 3-D hip midpoint; the 2-D midpoint differs by < 1 px)
      expect(hip.x).toBeGreaterThanOrEqual(-1);
      expect(hip.x).toBeLessThanOrEqual(series.widthPx + 1);
    }
    // the visible frames form one stretch around the middle of the clip
    expect(seen.indexOf(true)).toBeGreaterThan(0);
    expect(seen.lastIndexOf(true) - seen.indexOf(true) + 1).toBe(seen.filter(Boolean).length);
  });
});

describe('makeSyntheticWalk (fuzz)', () => {
  it('builds a well-formed series for any valid parameters and throws only RangeError otherwise', () => {
    fc.assert(
      fc.property(
        fc.record({
          cadenceSpm: fc.double({ min: 20, max: 220, noNaN: true }),
          stepLengthLeftPerLeg: fc.double({ min: 0, max: 1.4, noNaN: true }),
          stanceRight: fc.double({ min: 0.4, max: 0.85, noNaN: true }),
          trunkLeanDeg: fc.double({ min: -20, max: 30, noNaN: true }),
          view: fc.constantFrom('side' as const, 'front' as const),
          direction: fc.constantFrom(1 as const, -1 as const),
          treadmill: fc.boolean(),
          fpsHz: fc.constantFrom(15, 24, 30, 60),
          durationS: fc.double({ min: 0.5, max: 3, noNaN: true }),
          noisePx: fc.double({ min: 0, max: 5, noNaN: true }),
          dropoutRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
          timestampJitterMs: fc.double({ min: 0, max: 10, noNaN: true }),
          seed: fc.integer()
        }),
        (params) => {
          try {
            const { series, truth } = makeSyntheticWalk({
              ...params,
              swapBursts: { rate: 0.1, lengthFrames: [3, 5] }
            });
            expect(series.frames).toHaveLength(Math.max(1, Math.round(params.durationS * params.fpsHz)));
            for (let k = 1; k < series.frames.length; k++) {
              expect(series.frames[k].tMs).toBeGreaterThan(series.frames[k - 1].tMs);
            }
            for (const fr of series.frames) {
              if (fr.pose) {
                expect(fr.pose.image).toHaveLength(33);
                expect(
                  fr.pose.image.every(
                    (l) => Number.isFinite(l.x) && Number.isFinite(l.y) && Number.isFinite(l.z)
                  )
                ).toBe(true);
              }
            }
            for (let i = 1; i < truth.heelStrikes.length; i++) {
              expect(truth.heelStrikes[i].side).not.toBe(truth.heelStrikes[i - 1].side);
            }
          } catch (e) {
            expect(e).toBeInstanceOf(RangeError);
          }
        }
      ),
      { numRuns: 40 }
    );
  });
});
