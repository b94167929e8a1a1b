import { describe, expect, it } from 'vitest';
import { jumper, person, times, walker } from '../../../tests/synthetic/stick-people';
import { loadSports2dCandidates, SPORTS2D_RUNS } from '../../../tests/fixtures/pose-candidates';
import { onePersonSuffices, SCOUT_MS } from './one-person';

/** The opening: every frame of the first SCOUT_MS, at 30 fps. */
const opening = times(Math.round((SCOUT_MS * 30) / 1000) + 1);

describe('onePersonSuffices (may the model stop looking for a second person?)', () => {
  it('yes, when one person walks across the opening', () => {
    expect(
      onePersonSuffices(
        opening.map((_, i) => [walker(i)]),
        opening
      )
    ).toBe(true);
  });

  it('no, for a treadmill walker: leg crossings alone are not trusted (flips and label swaps give them too)', () => {
    const treadmill = (i: number) => person(400, 600, 80 * Math.sin((i * Math.PI) / 16));
    expect(
      onePersonSuffices(
        opening.map((_, i) => [treadmill(i)]),
        opening
      )
    ).toBe(false);
  });

  it('no, for a slow drift: the one person must travel 1.5 torso lengths', () => {
    // 1 px per frame with a 100-px torso: 0.6 torso lengths in 2 s.
    expect(
      onePersonSuffices(
        opening.map((_, i) => [walker(i, 800, 1)]),
        opening
      )
    ).toBe(false);
  });

  it('no, when a second person shows up in any frame of the opening', () => {
    const cands = opening.map((_, i) => (i === 40 ? [walker(i), jumper(i)] : [walker(i)]));
    expect(onePersonSuffices(cands, opening)).toBe(false);
  });

  it('no, when the one person does not walk (a bystander before the walker comes into view)', () => {
    expect(
      onePersonSuffices(
        opening.map((_, i) => [jumper(i)]),
        opening
      )
    ).toBe(false);
    expect(
      onePersonSuffices(
        opening.map(() => [person(800, 600, 20)]),
        opening
      )
    ).toBe(false);
  });

  it('no, when nobody, or somebody in under half the frames, was seen', () => {
    expect(
      onePersonSuffices(
        opening.map(() => []),
        opening
      )
    ).toBe(false);
    expect(
      onePersonSuffices(
        opening.map((_, i) => (i % 3 ? [] : [walker(i)])),
        opening
      )
    ).toBe(false);
    expect(onePersonSuffices([], [])).toBe(false);
  });

  it('no, when the opening holds two people one after the other (two tracks)', () => {
    const cands = opening.map((_, i) => [i < 30 ? walker(i) : walker(i, 300, 6)]);
    expect(onePersonSuffices(cands, opening)).toBe(false);
  });
});

describe('onePersonSuffices on the Sports2D opening (recorded candidates)', () => {
  it('never drops the search for a second person while only the acrobat is in view', () => {
    for (const run of SPORTS2D_RUNS) {
      const { file, candidates } = loadSports2dCandidates(run);
      // Frames before the walker comes out from behind the tree, keeping only the first person
      // found (as if the acrobat were alone).
      const before = candidates.slice(0, 56).map((poses) => poses.slice(0, 1));
      expect(onePersonSuffices(before, file.tMs.slice(0, 56)), run).toBe(false);
    }
  });
});
