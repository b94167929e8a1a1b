import { describe, expect, it } from 'vitest';
import { makeGaitModel, type GaitModelParams } from './make-gait-model';

const BASE: GaitModelParams = {
  heightM: 1.75,
  cadenceSpm: 110,
  stepLengthLeftM: 0.6,
  stepLengthRightM: 0.72,
  stepTimeAsymmetry: 0.05,
  stanceLeft: 0.62,
  stanceRight: 0.58
};

describe('makeGaitModel', () => {
  const model = makeGaitModel(BASE);
  const T = model.strideTimeS;

  it('places heel strikes at the exact cadence and step-time asymmetry', () => {
    const hs = model.heelStrikes(0, 6);
    for (let i = 2; i < hs.length; i++) {
      expect(hs[i].side).not.toBe(hs[i - 1].side);
      expect(hs[i].tS - hs[i - 2].tS).toBeCloseTo(120 / BASE.cadenceSpm, 12);
    }
    // left step time (right HS → left HS) = (0.5 + asymmetry) · T
    const rToL = hs.find((e, i) => i > 0 && e.side === 'left' && hs[i - 1].side === 'right');
    const i = hs.indexOf(rToL!);
    expect(hs[i].tS - hs[i - 1].tS).toBeCloseTo(0.55 * T, 12);
  });

  it('plants the stance foot: the ankle is still during foot-flat and footprints are exactly one step apart', () => {
    const footFlatAnkle = (side: 'left' | 'right', heelStrikeS: number, stance: number) => {
      // foot flat between 8 % and 34 % of the normative cycle (0–60 % = stance)
      const a = model.legAt(side, heelStrikeS + (0.1 / 0.6) * stance * T).ankle;
      const b = model.legAt(side, heelStrikeS + (0.3 / 0.6) * stance * T).ankle;
      expect(b.along).toBeCloseTo(a.along, 9);
      expect(b.up).toBeCloseTo(a.up, 9);
      return a.along;
    };
    const hs = model.heelStrikes(0, 6);
    const prints = hs.map((e) => ({
      side: e.side,
      along: footFlatAnkle(e.side, e.tS, e.side === 'left' ? BASE.stanceLeft : BASE.stanceRight)
    }));
    for (let i = 1; i < prints.length; i++) {
      const step = prints[i].along - prints[i - 1].along;
      expect(step).toBeCloseTo(prints[i].side === 'left' ? BASE.stepLengthLeftM : BASE.stepLengthRightM, 9);
    }
  });

  it('lands the heel at heel strike (heel at its lowest, foot in stance) and lifts it at toe off', () => {
    for (const e of model.heelStrikes(0, 4)) {
      const before = model.legAt(e.side, e.tS - 0.01);
      const at = model.legAt(e.side, e.tS + 1e-9);
      expect(before.stance).toBe(false);
      expect(at.stance).toBe(true);
      expect(at.heel.up).toBeLessThan(0.06);
    }
    for (const e of model.toeOffs(0, 4)) {
      expect(model.legAt(e.side, e.tS - 1e-9).stance).toBe(true);
      expect(model.legAt(e.side, e.tS + 0.01).stance).toBe(false);
    }
  });

  it('moves the pelvis at stride / stride time and keeps legs at their segment lengths', () => {
    expect(model.pelvisAt(3).along - model.pelvisAt(1).along).toBeCloseTo(2 * model.speedMps, 9);
    expect(model.speedMps).toBeCloseTo((BASE.stepLengthLeftM + BASE.stepLengthRightM) / T, 12);
    for (let t = 0; t < 3; t += 0.037) {
      const leg = model.legAt('right', t);
      expect(Math.hypot(leg.knee.along - leg.hip.along, leg.knee.up - leg.hip.up)).toBeCloseTo(
        model.body.thighM,
        9
      );
      expect(Math.hypot(leg.ankle.along - leg.knee.along, leg.ankle.up - leg.knee.up)).toBeCloseTo(
        model.body.shankM,
        9
      );
      expect(leg.toe.up).toBeGreaterThan(-0.005); // never through the floor
    }
  });

  it('rejects parameters the model cannot walk', () => {
    expect(() => makeGaitModel({ ...BASE, cadenceSpm: 10 })).toThrow(RangeError);
    expect(() => makeGaitModel({ ...BASE, stanceLeft: 0.3 })).toThrow(/stanceLeft/);
    expect(() => makeGaitModel({ ...BASE, stepLengthRightM: 3 })).toThrow(/leg lengths/);
  });
});

describe('makeGaitModel (running)', () => {
  const RUN: GaitModelParams = {
    ...BASE,
    cadenceSpm: 170,
    stepLengthLeftM: 0.86,
    stepLengthRightM: 0.86,
    stepTimeAsymmetry: 0,
    stanceLeft: 0.35,
    stanceRight: 0.35,
    running: true
  };
  const model = makeGaitModel(RUN);

  it('has a flight phase: both feet in swing and clear of the floor between toe off and the next heel strike', () => {
    const strikes = model.heelStrikes(0, 4);
    for (const off of model.toeOffs(0.5, 3)) {
      const next = strikes.find((e) => e.tS > off.tS)!;
      expect(next.side).not.toBe(off.side);
      expect(next.tS - off.tS).toBeCloseTo((0.5 - 0.35) * model.strideTimeS, 9);
      const mid = (off.tS + next.tS) / 2;
      for (const side of ['left', 'right'] as const) {
        const leg = model.legAt(side, mid);
        expect(leg.stance).toBe(false);
        // a planted foot has its heel point 30 mm and its toe tip 20 mm above the floor
        expect(leg.heel.up).toBeGreaterThan(0.03);
        expect(leg.toe.up).toBeGreaterThan(0.02);
      }
    }
  });

  it('keeps the pelvis height continuous through flight and the legs at their segment lengths', () => {
    let previous = model.pelvisAt(0).up;
    for (let t = 0.001; t < 2; t += 0.001) {
      const h = model.pelvisAt(t).up;
      expect(Math.abs(h - previous)).toBeLessThan(0.002);
      previous = h;
      const leg = model.legAt('left', t);
      expect(Math.hypot(leg.ankle.along - leg.knee.along, leg.ankle.up - leg.knee.up)).toBeCloseTo(
        model.body.shankM,
        9
      );
    }
  });

  it('accepts stance below 0.5 only when running', () => {
    expect(() => makeGaitModel({ ...RUN, running: false })).toThrow(/stanceLeft/);
    expect(() => makeGaitModel({ ...RUN, stanceRight: 0.6 })).toThrow(/running/);
  });
});
