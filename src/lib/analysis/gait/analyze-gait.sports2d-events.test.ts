/**
 * Event timing on real footage: the heel strikes and toe offs `analyzeGait` finds in the Sports2D demo clip
 * (full-model landmark fixture), scored against a by-eye annotation of the same frames
 * (`tests/fixtures/sports2d-events.json`, two passes, ±1 frame; see tests/fixtures/README.md).
 *
 * Measured when this test was written (full view = frames 60–180, matching window ±5 frames):
 * - heel strikes: 6/6 found, each on the foot annotated; errors +1.4 +0.9 +1.3 +0.6 +0.9 +0.8 frames, mean |err| 1.0,
 *   max 1.4, bias +1.0 (detections lag the annotated first contact by about a frame); no extras. The two strikes
 *   before 2 s (frames 39.5 and 59.5, she is coming out from behind the tree) are not detected.
 * - toe offs: 5/6 found (the left one at frame 64.5 is missed), each on the foot annotated; errors −1.2 −1.0 −2.4
 *   −3.1 −1.1 −0.3, mean |err| 1.5, max 3.1, bias −1.5 (detected early); no extras.
 * The bounds below are those numbers plus about half a frame — a third of what a 3-frame shift of every event adds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LandmarkSeries } from '../series';
import { analyzeGait } from './analyze-gait';
import { describeScore, loadSports2dEvents, matchEvents } from '../../../../tests/fixtures/sports2d-events';

const series = JSON.parse(
  readFileSync(
    new URL('../../../../tests/fixtures/landmarks/sports2d-demo.full.json', import.meta.url),
    'utf8'
  )
) as LandmarkSeries;
const annotation = loadSports2dEvents();

describe('Sports2D demo clip: detected gait events against the by-eye annotation', () => {
  const { events } = analyzeGait(series);
  const range = annotation.fullViewFrames;

  describe('heel strikes while she is in full view', () => {
    const score = matchEvents(annotation, events, 'heelStrike', { range });

    it('finds every one, on the correct foot, and no others', () => {
      expect(score.matches.length, describeScore(score)).toBe(6);
      expect(score.missed, describeScore(score)).toEqual([]);
      expect(score.extra, describeScore(score)).toEqual([]);
      expect(score.sideMismatches, describeScore(score)).toBe(0);
    });

    it('times them within the annotation: mean |error| ≤ 1.5 frames, max ≤ 2, bias within ±1.5', () => {
      expect(score.meanAbsFrames, describeScore(score)).toBeLessThanOrEqual(1.5);
      expect(score.maxAbsFrames, describeScore(score)).toBeLessThanOrEqual(2);
      expect(Math.abs(score.meanFrames), describeScore(score)).toBeLessThanOrEqual(1.5);
    });
  });

  describe('toe offs while she is in full view', () => {
    const score = matchEvents(annotation, events, 'toeOff', { range });

    it('finds at least 5 of the 6, on the correct foot, and no others', () => {
      expect(score.matches.length - score.missed.length, describeScore(score)).toBeGreaterThanOrEqual(5);
      expect(score.extra, describeScore(score)).toEqual([]);
      expect(score.sideMismatches, describeScore(score)).toBe(0);
    });

    it('times them: mean |error| ≤ 2 frames, max ≤ 3.5', () => {
      expect(score.meanAbsFrames, describeScore(score)).toBeLessThanOrEqual(2);
      expect(score.maxAbsFrames, describeScore(score)).toBeLessThanOrEqual(3.5);
    });
  });
});
