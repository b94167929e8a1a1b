/**
 * What analysing a 60-fps clip at 30 frames per second (every other frame, the app's default above 30 fps)
 * costs in event timing and metrics: the rendered 60-fps clips (`tests/fixtures/rendered/far` and `run`),
 * scored against their truth at the full rate and decimated to 30 fps (both phases: even and odd frames).
 * The figures are quoted in docs/SPEED.md.
 *
 * Usage: npx tsx scripts/frame-rate-cost.ts
 */
import { meanAbs, type EventErrors } from '../tests/gait/event-errors';
import { decimateSeries, scoreRendered } from '../tests/gait/rendered-recovery';

const ms = (e: EventErrors, fps: number) => e.errorsFrames.map((f) => (f * 1000) / fps);
const fmtEvents = (e: EventErrors, fps: number) => {
  const v = ms(e, fps);
  return v.length
    ? `${meanAbs(v).toFixed(0)} / ${Math.max(...v.map(Math.abs)).toFixed(0)} (${e.missed}+${e.spurious}, n ${v.length})`
    : '–';
};
const num = (x: number, d: number) => (Number.isFinite(x) ? (x >= 0 ? '+' : '') + x.toFixed(d) : '–');

console.log(
  '| clip | model | frames analysed | cadence | step length L / R | step-time SI | stance SI | trunk lean | heel strike ms | toe off ms |'
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const clip of ['far', 'run']) {
  for (const model of ['lite', 'full'] as const) {
    for (const [label, transform] of [
      ['60 fps (all)', undefined],
      ['30 fps (even)', decimateSeries(2, 0)],
      ['30 fps (odd)', decimateSeries(2, 1)]
    ] as const) {
      const { e, fps } = scoreRendered(clip, model, transform);
      console.log(
        `| ${clip} | ${model} | ${label} | ${num(e.cadenceSpm, 1)} | ${num(e.stepLengthLeftPerLeg, 3)} / ${num(e.stepLengthRightPerLeg, 3)} | ${num(e.stepTimeSiPts, 1)} | ${num(e.stanceTimeSiPts, 1)} | ${num(e.trunkLeanDeg, 1)} | ${fmtEvents(e.heelStrikes, fps)} | ${fmtEvents(e.toeOffs, fps)} |`
      );
    }
  }
}
