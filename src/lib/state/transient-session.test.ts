import { describe, expect, it } from 'vitest';
import { makeAnalysis } from '../../../tests/helpers/make-analysis';
import type { LandmarkSeries } from '$lib/analysis/series';
import { getTransientSession, putTransientSession } from './transient-session';

const series = { version: 1, frames: [] } as unknown as LandmarkSeries;
const put = (id: string, video: Blob | null = null) =>
  putTransientSession({
    id,
    series,
    analysis: makeAnalysis(),
    video,
    settings: { model: 'full', heightCm: null }
  });

describe('transient session', () => {
  it('keeps the just-analysed session with its video in memory, stamped with a time', () => {
    const video = new Blob(['v'], { type: 'video/webm' });
    put('a', video);
    const got = getTransientSession('a');
    expect(got?.video).toBe(video);
    expect(Number.isNaN(Date.parse(got?.createdAt ?? ''))).toBe(false);
    expect(getTransientSession('missing')).toBeNull();
  });
  it('keeps only the two most recent sessions, so old videos are released', () => {
    put('x');
    put('y');
    put('z');
    expect(getTransientSession('x')).toBeNull();
    expect(getTransientSession('y')?.id).toBe('y');
    expect(getTransientSession('z')?.id).toBe('z');
  });
});
