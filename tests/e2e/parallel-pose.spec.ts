/**
 * Parallel pose workers (`workers/pose-team.ts`) give what one worker gives, in the built app's
 * diagnostics page: the same frames (none twice, none missing, times strictly increasing, the same
 * every-other frame of a 60-fps clip on both sides of a seam), the same landmarks once the tracker has
 * settled, and, on a rendered walker with exact truth, every metric within the rendered-recovery limits
 * of the truth and close to the one-worker figures. Prints the landmark and metric differences
 * (docs/SPEED.md quotes them).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { diagnosticsBaseURL } from '../../playwright.config';
import { analyzeGait } from '../../src/lib/analysis/gait';
import type { LandmarkSeries } from '../../src/lib/analysis/series';
import { segmentsOf } from '../../src/lib/workers/time-segments';
import { meanAbs } from '../gait/event-errors';
import { RENDERED_LIMITS, scoreSeries, type RenderedTruth } from '../gait/rendered-recovery';
import {
  FFMPEG_MISSING,
  FIXTURES,
  FIXTURES_MISSING,
  HAS_FFMPEG,
  ffmpeg,
  fixture,
  readSeries,
  runOnDevPage,
  tmpDir
} from './pose-helpers';

test.use({ baseURL: diagnosticsBaseURL });

/** Hips, knees, ankles, heels and toes (left, right): what the gait metrics are made of. */
const LEG_PAIRS = [
  [23, 24],
  [25, 26],
  [27, 28],
  [29, 30],
  [31, 32]
];

/** Poses `file` with the upload path on `workers` new workers and returns the walker's series. */
async function pose(page: Page, file: string, workers: 1 | 2, variant: 'lite' | 'full' = 'full') {
  const out = await runOnDevPage(page, file, {
    variant,
    mode: 'parallel',
    workers,
    navigate: false,
    timeoutMs: 110_000
  });
  expect(out.error, out.error?.message).toBeNull();
  expect(out.summary?.workers).toBe(workers);
  return readSeries(page);
}

/**
 * Largest pixel distance between the two series' leg landmarks, per frame where both found the walker,
 * split into frames within `nearMs` of a seam and the rest; and how many frames only one found them.
 */
function landmarkDifferences(one: LandmarkSeries, two: LandmarkSeries, seamsMs: number[], nearMs = 500) {
  const near: number[] = [];
  const away: number[] = [];
  let presenceDiffers = 0;
  one.frames.forEach((f, i) => {
    const g = two.frames[i];
    if (!f.pose || !g.pose) {
      if (!!f.pose !== !!g.pose) presenceDiffers++;
      return;
    }
    // The farthest leg landmark, with the legs' labels as they are or swapped, whichever is closer: the
    // model swaps left and right now and then, which the analysis corrects (analysis/gait/correct-leg-swaps.ts).
    const dist = (a: number, b: number) =>
      Math.hypot(f.pose!.image[a].x - g.pose!.image[b].x, f.pose!.image[a].y - g.pose!.image[b].y);
    const farthest = (swap: boolean) =>
      Math.max(
        ...LEG_PAIRS.flatMap(([l, r]) => (swap ? [dist(l, r), dist(r, l)] : [dist(l, l), dist(r, r)]))
      );
    const d = Math.min(farthest(false), farthest(true));
    (seamsMs.some((s) => Math.abs(f.tMs - s) < nearMs) ? near : away).push(d);
  });
  const q = (a: number[], p: number) =>
    a.length ? [...a].sort((x, y) => x - y)[Math.floor(p * (a.length - 1))] : 0;
  return {
    nearMedian: q(near, 0.5),
    nearMax: q(near, 1),
    awayMedian: q(away, 0.5),
    awayP95: q(away, 0.95),
    awayMax: q(away, 1),
    nearFrames: near.length,
    presenceDiffers
  };
}

/** The seams of a clip posed by `workers` workers, ms. */
const seamsOf = (s: LandmarkSeries, workers: number) =>
  segmentsOf(s.source.durationMs, workers)
    .slice(1)
    .map((seg) => seg.keepFromMs);

/** The headline metrics of a series' analysis (NaN where not measured). */
function headline(s: LandmarkSeries) {
  const m = analyzeGait(s).metrics;
  const value = (id: keyof typeof m) => {
    const x = m[id];
    return x.status === 'measured' ? x.value : NaN;
  };
  const step = m.stepLength.status === 'measured' ? m.stepLength : null;
  return {
    cadence: value('cadence'),
    stepLeft: step?.left ?? NaN,
    stepRight: step?.right ?? NaN,
    trunkLean: value('trunkLean')
  };
}

/** Same frames in both, times strictly increasing. */
function expectSameFrames(one: LandmarkSeries, two: LandmarkSeries) {
  expect(two.frames.map((f) => f.tMs)).toEqual(one.frames.map((f) => f.tMs));
  two.frames.forEach((f, i) => i > 0 && expect(f.tMs).toBeGreaterThan(two.frames[i - 1].tMs));
}

test.describe('two pose workers against one', () => {
  test.skip(!FIXTURES, FIXTURES_MISSING);
  test.skip(!HAS_FFMPEG, FFMPEG_MISSING);

  test('the real walker (Sports2D, 7.7 s, two passes): same frames, same landmarks away from the seam', async ({
    page
  }) => {
    test.setTimeout(240_000);
    await page.goto('/dev/pose');
    const file = fixture('sports2d-demo.mp4');
    const one = await pose(page, file, 1);
    const two = await pose(page, file, 2);
    expectSameFrames(one, two);
    const seams = seamsOf(one, 2);
    expect(seams).toHaveLength(1);
    const d = landmarkDifferences(one, two, seams);
    const [h1, h2] = [headline(one), headline(two)];
    console.log(`parallel, sports2d (full): landmarks ${JSON.stringify(d)}`);
    console.log(`  1 worker ${JSON.stringify(h1)}; 2 workers ${JSON.stringify(h2)}`);
    // Mostly the very same landmarks; where the walker leaves the picture after the seam, the two trackers
    // (one following the walker since they came into view, one since the overlap) part for up to ≈ 1.8 s
    // (measured: p95 48 px, walker found by one only in 8 frames; the same with a 1-s overlap).
    expect(d.nearFrames).toBeGreaterThan(10);
    expect(d.awayMedian).toBeLessThan(2);
    expect(d.presenceDiffers).toBeLessThanOrEqual(15);
    expect(Math.abs(h1.cadence - h2.cadence)).toBeLessThanOrEqual(2);
    expect(Math.abs(h1.stepLeft - h2.stepLeft)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(h1.stepRight - h2.stepRight)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(h1.trunkLean - h2.trunkLean)).toBeLessThanOrEqual(1);
  });

  test('a 60-fps clip: every other frame on both sides of the seam, as one worker keeps them', async ({
    page
  }) => {
    test.setTimeout(240_000);
    const dir = tmpDir();
    const file = join(dir, 'sixty.mp4');
    // The synthetic walk played four times, at double speed, 60 frames a second: 6.9 s, each frame different.
    const encode = '-vf setpts=0.5*PTS -r 60 -an -c:v libx264 -preset veryfast -pix_fmt yuv420p';
    ffmpeg('-stream_loop', '3', '-i', fixture('synthetic-side-walk.webm'), ...encode.split(' '), file);
    await page.goto('/dev/pose');
    const one = await pose(page, file, 1, 'lite');
    const two = await pose(page, file, 2, 'lite');
    expectSameFrames(one, two);
    const gaps = one.frames.slice(1).map((f, i) => f.tMs - one.frames[i].tMs);
    expect(Math.min(...gaps)).toBeGreaterThan(30);
    expect(Math.max(...gaps)).toBeLessThan(37);
    expect(seamsOf(one, 2)).toHaveLength(1);
    const d = landmarkDifferences(one, two, seamsOf(one, 2));
    console.log(`parallel, 60 fps at 30 (lite): ${JSON.stringify(d)}`);
    expect(d.awayMedian).toBeLessThan(2);
  });

  test('a rendered limp: every metric within its limits of the truth, and close to one worker', async ({
    page
  }) => {
    test.setTimeout(420_000);
    const dir = tmpDir();
    // Renders the limp clip (6 s) with its exact truth into `dir` (software WebGL: ≈ 15–40 s).
    execFileSync('npx', ['tsx', 'scripts/render-walker/render.ts', 'limp', dir, dir], { stdio: 'pipe' });
    const truth = JSON.parse(readFileSync(join(dir, 'limp.truth.json'), 'utf8')) as RenderedTruth;
    await page.goto('/dev/pose');
    const one = await pose(page, join(dir, 'limp.webm'), 1);
    const two = await pose(page, join(dir, 'limp.webm'), 2);
    expectSameFrames(one, two);
    expect(seamsOf(one, 2)).toHaveLength(1);
    const d = landmarkDifferences(one, two, seamsOf(one, 2));
    const [a, b] = [scoreSeries(one, truth).e, scoreSeries(two, truth).e];
    const figures = (e: typeof a) => ({
      cadence: +e.cadenceSpm.toFixed(2),
      stepL: +e.stepLengthLeftPerLeg.toFixed(3),
      stepR: +e.stepLengthRightPerLeg.toFixed(3),
      stepTimeSi: +e.stepTimeSiPts.toFixed(1),
      stanceSi: +e.stanceTimeSiPts.toFixed(1),
      lean: +e.trunkLeanDeg.toFixed(2),
      hsMeanFrames: +meanAbs(e.heelStrikes.errorsFrames).toFixed(2),
      toMeanFrames: +meanAbs(e.toeOffs.errorsFrames).toFixed(2)
    });
    console.log(`parallel, rendered limp (full): landmarks ${JSON.stringify(d)}`);
    console.log(`  errors vs truth, 1 worker: ${JSON.stringify(figures(a))}`);
    console.log(`  errors vs truth, 2 workers: ${JSON.stringify(figures(b))}`);
    // Both within the limits against the truth, or no further from it than one worker (which this render
    // puts at +0.07 leg lengths for the left step, beyond the committed fixture's +0.05).
    const lim = RENDERED_LIMITS.full;
    const within = (x: number, y: number, limit: number) =>
      expect(Math.abs(y)).toBeLessThanOrEqual(Math.max(limit, Math.abs(x) + limit / 4));
    expect([a.activity, b.activity]).toEqual(['walking', 'walking']);
    expect([a.passesUsed, b.passesUsed]).toEqual([1, 1]);
    within(a.cadenceSpm, b.cadenceSpm, lim.cadence);
    within(a.stepLengthLeftPerLeg, b.stepLengthLeftPerLeg, lim.stepLength);
    within(a.stepLengthRightPerLeg, b.stepLengthRightPerLeg, lim.stepLength);
    within(a.trunkLeanDeg, b.trunkLeanDeg, lim.lean);
    within(a.stepTimeSiPts, b.stepTimeSiPts, lim.si);
    within(a.stanceTimeSiPts, b.stanceTimeSiPts, lim.si);
    expect(meanAbs(b.heelStrikes.errorsFrames)).toBeLessThanOrEqual(lim.eventMaeFrames);
    expect(meanAbs(b.toeOffs.errorsFrames)).toBeLessThanOrEqual(lim.eventMaeFrames);
    // Two workers against one, for what does not hinge on a single strike: well inside those limits. (The
    // symmetry indices rest on 5 strides a side, and one strike a frame off moves them by several points:
    // measured 1 → 2 workers with the seam at 3.0 s: step-time SI +4.0 → −7.2 and stance SI +10.4 → −3.7
    // points from the truth; at 3.25 s, +0.6 and +1.0.)
    expect(d.awayMedian).toBeLessThan(2);
    expect(Math.abs(a.cadenceSpm - b.cadenceSpm)).toBeLessThanOrEqual(1);
    expect(Math.abs(a.stepLengthLeftPerLeg - b.stepLengthLeftPerLeg)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(a.stepLengthRightPerLeg - b.stepLengthRightPerLeg)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(a.trunkLeanDeg - b.trunkLeanDeg)).toBeLessThanOrEqual(0.5);
  });
});
