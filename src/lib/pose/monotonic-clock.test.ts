import { describe, expect, it } from 'vitest';
import { MonotonicClock } from './monotonic-clock';

describe('MonotonicClock', () => {
  it('passes increasing frame times through, rounded to whole milliseconds, within a segment', () => {
    const c = new MonotonicClock();
    c.startSegment(0);
    expect([0, 33.333, 66.667, 100].map((t) => c.stamp(t))).toEqual([0, 33, 67, 100]);
  });

  it('nudges an equal, earlier or same-millisecond time forward by 1 ms, so MediaPipe never sees a repeat', () => {
    const c = new MonotonicClock();
    c.startSegment(0);
    expect([10, 10, 9, 10.0004, 12.2, 12.4].map((t) => c.stamp(t))).toEqual([10, 11, 12, 13, 14, 15]);
  });

  it('starts each new clip after the previous one, even though clips start at 0 ms', () => {
    const c = new MonotonicClock(500);
    c.startSegment(0);
    c.stamp(0);
    c.stamp(3000);
    c.startSegment(0);
    expect(c.stamp(0)).toBe(3500);
    expect(c.stamp(40)).toBe(3540);
  });

  it('maps a segment that starts at a non-zero time (e.g. an edit list) onto the timeline', () => {
    const c = new MonotonicClock(1000);
    c.startSegment(-66);
    expect(c.stamp(-66)).toBe(0);
    expect(c.stamp(0)).toBe(66);
  });

  it('rejects a non-positive gap', () => {
    expect(() => new MonotonicClock(0)).toThrow(RangeError);
  });
});
