/**
 * The walker rule on real footage: every person the pose engine found in the Sports2D demo clip
 * (a woman walking right to left behind a tree, and an acrobat doing jumping jacks and flips on a
 * roof who then jumps down and walks off), recorded with lite and full at both model input sizes
 * (`tests/fixtures/candidates/`, made by `scripts/make-landmark-fixtures.ts`).
 */
import { describe, expect, it } from 'vitest';
import { loadSports2dCandidates, SPORTS2D_RUNS } from '../../../tests/fixtures/pose-candidates';
import { countOnWalker, isOnSports2dWalker } from '../../../tests/fixtures/sports2d-walker';
import { followWalker } from './follow-walker';

describe('followWalker on the Sports2D clip (recorded candidates)', () => {
  for (const run of SPORTS2D_RUNS) {
    it(`${run}: every chosen frame is the walker, and she is chosen while in full view`, () => {
      const { file, candidates } = loadSports2dCandidates(run);
      // The recording really holds someone else too (else the test would prove nothing).
      const others = candidates
        .flatMap((poses, i) => poses.map((p) => ({ p, i })))
        .filter(({ p, i }) => !isOnSports2dWalker(p, file.tMs[i], file.widthPx, file.heightPx)).length;
      expect(others).toBeGreaterThan(50);

      const c = countOnWalker(followWalker(candidates, file.tMs), file.tMs, file.widthPx, file.heightPx);
      expect(c.onWalker).toBe(c.posed);
      expect(c.fullViewPosed / c.fullView).toBeGreaterThanOrEqual(0.95);
    });
  }
});
