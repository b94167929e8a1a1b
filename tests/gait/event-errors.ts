/**
 * Timing errors of detected gait events against true ones, shared by the recovery scorers of synthetic
 * scenarios (`scenario-recovery.ts`) and rendered clips (`rendered-recovery.ts`).
 */
import type { GaitAnalysis } from '../../src/lib/analysis/gait';

/** A true event: which foot, when (s), and whether the walker was in view. */
export interface TrueEvent {
  side: 'left' | 'right';
  tS: number;
  inView: boolean;
}

/** Timing errors of one event kind, in frames at the clip's rate (measured − true). */
export interface EventErrors {
  /** Signed errors of the detected events matched to a true event of the same foot within 3 frames. */
  errorsFrames: number[];
  /** Detected events with no true event of the same foot within 3 frames. */
  spurious: number;
  /** True in-view events between the first and last detection that nothing matched. */
  missed: number;
}

/** Match each detected event of `kind` to the nearest true event of the same foot. */
export function eventErrors(
  a: GaitAnalysis,
  kind: 'heelStrike' | 'toeOff',
  truth: TrueEvent[],
  fpsHz: number
): EventErrors {
  const found = a.events.filter((e) => e.kind === kind);
  const errorsFrames: number[] = [];
  const matched = new Set<TrueEvent>();
  let spurious = 0;
  for (const e of found) {
    let best: TrueEvent | null = null;
    for (const t of truth) {
      if (t.side !== e.side) continue;
      if (!best || Math.abs(e.tMs / 1000 - t.tS) < Math.abs(e.tMs / 1000 - best.tS)) best = t;
    }
    const err = best ? (e.tMs / 1000 - best.tS) * fpsHz : Infinity;
    if (best && Math.abs(err) <= 3) {
      errorsFrames.push(err);
      matched.add(best);
    } else spurious++;
  }
  const first = found.length ? found[0].tMs / 1000 : Infinity;
  const last = found.length ? found[found.length - 1].tMs / 1000 : -Infinity;
  const missed = truth.filter((t) => t.inView && t.tS >= first && t.tS <= last && !matched.has(t)).length;
  return { errorsFrames, spurious, missed };
}

/** Mean absolute value (NaN for none). */
export const meanAbs = (xs: number[]): number => xs.reduce((s, x) => s + Math.abs(x), 0) / xs.length;
