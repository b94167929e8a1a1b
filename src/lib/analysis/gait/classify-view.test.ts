import { describe, expect, it } from 'vitest';
import { makeSyntheticWalk } from '../../../../tests/synthetic/make-synthetic-walk';
import { classifyView } from './classify-view';
import { extractLandmarkTracks } from './extract-landmark-tracks';

describe('classifyView', () => {
  it('tells a side view from a front view by body width against torso length', () => {
    const side = classifyView(extractLandmarkTracks(makeSyntheticWalk({ view: 'side', seed: 1 }).series));
    const front = classifyView(extractLandmarkTracks(makeSyntheticWalk({ view: 'front', seed: 1 }).series));
    expect(side.view).toBe('side');
    expect(front.view).toBe('front');
    expect(side.widthToTorsoRatio).toBeLessThan(front.widthToTorsoRatio);
    expect(side.viewFit).toBeGreaterThan(0);
  });
});
