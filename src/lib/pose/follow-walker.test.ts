import { describe, expect, it } from 'vitest';
import { LM } from '../analysis/landmarks';
import { FPS, jumper, person, times, walker } from '../../../tests/synthetic/stick-people';
import { dedupePoses, followWalker, linkTracks, pickContinuous, walkingScore } from './follow-walker';

describe('followWalker', () => {
  it('follows the walker in every frame although the model lists the other person first half the time', () => {
    const n = 120;
    const cands = times(n).map((_, i) => (i % 2 ? [jumper(i), walker(i)] : [walker(i), jumper(i)]));
    const picked = followWalker(cands, times(n));
    picked.forEach((p, i) => expect(p).toBe(cands[i].find((c) => c.image[LM.left_hip].y === 700)));
  });

  it('keeps the walker across an occlusion and gives null, not the bystander, while hidden', () => {
    const n = 120;
    const hidden = (i: number) => i >= 50 && i < 65; // behind a tree for half a second
    const cands = times(n).map((_, i) => (hidden(i) ? [jumper(i)] : [jumper(i), walker(i)]));
    const picked = followWalker(cands, times(n));
    picked.forEach((p, i) => {
      if (hidden(i)) expect(p).toBeNull();
      else expect(p?.image[LM.left_hip].y).toBe(700);
    });
  });

  it('takes a treadmill walker (legs crossing, no travel) over a person standing still', () => {
    const n = 90;
    const treadmill = (i: number) => person(400, 600, 80 * Math.sin((i * Math.PI) / 16));
    const stander = () => person(1200, 600, 30);
    const picked = followWalker(
      times(n).map((_, i) => [stander(), treadmill(i)]),
      times(n)
    );
    expect(picked.every((p) => p?.image[LM.left_hip].x === 400)).toBe(true);
  });

  it('returns the single person of a one-person clip, with null where nobody was found', () => {
    const n = 30;
    const cands = times(n).map((_, i) => (i === 10 ? [] : [walker(i)]));
    const picked = followWalker(cands, times(n));
    expect(picked[10]).toBeNull();
    expect(picked.filter((p) => p !== null)).toHaveLength(29);
  });

  it('gives all-null for a clip without people', () => {
    expect(followWalker([[], []], [0, 33])).toEqual([null, null]);
  });
});

describe('tracking pieces', () => {
  it('merges two detections of one person, keeping the more visible one', () => {
    const a = person(500, 500, 0, 100, 0.5);
    const b = person(510, 505, 0, 100, 0.9);
    expect(dedupePoses([a, b])).toEqual([b]);
    expect(dedupePoses([a, person(900, 500)])).toHaveLength(2);
  });

  it('links detections into one track per person and ends a track after a long gap', () => {
    const cands = [[walker(0)], [walker(1)], [], ...Array.from({ length: 60 }, () => []), [walker(3)]];
    const t = cands.map((_, i) => (i * 1000) / FPS);
    expect(linkTracks(cands, t)).toHaveLength(2); // the gap is 2 s > MAX_GAP_MS
  });

  it('scores walking (upright sideways travel, leg crossings) above jumping jacks', () => {
    const t = times(60);
    const walk = walkingScore(new Map(t.map((_, i) => [i, walker(i)])), t);
    // 59 moves of 6 px with a 100-px torso, and a leg crossing every 16 frames.
    expect(walk.progression).toBeCloseTo(3.54, 2);
    expect(walk.crossings).toBe(3);
    expect(walkingScore(new Map(t.map((_, i) => [i, jumper(i)])), t)).toEqual({
      progression: 0,
      crossings: 0
    });
  });

  it('does not count falling, or moving while lying, as walking', () => {
    const t = times(30);
    // Drops 20 px and drifts 5 px sideways per frame: the move is mostly vertical.
    const falling = new Map(t.map((_, i) => [i, person(600 + 5 * i, 250 + 20 * i)]));
    expect(walkingScore(falling, t).progression).toBe(0);
    // Lying flat (shoulders level with the hips), sliding sideways.
    const lying = new Map(
      t.map((_, i) => {
        const p = person(600 + 10 * i, 700);
        p.image[LM.left_shoulder] = { ...p.image[LM.left_shoulder], x: 700 + 10 * i, y: 700 };
        p.image[LM.right_shoulder] = { ...p.image[LM.right_shoulder], x: 700 + 10 * i, y: 700 };
        return [i, p];
      })
    );
    expect(walkingScore(lying, t).progression).toBe(0);
  });

  it('does not let a stale track take over someone far away or of another size', () => {
    // A still person seen for 10 frames, then nobody for 1 s, then a walker 700 px away.
    const n = 70;
    const cands = times(n).map((_, i) => (i < 10 ? [person(800, 450)] : i < 40 ? [] : [walker(i, 1500)]));
    expect(linkTracks(cands, times(n))).toHaveLength(2);
    // Same place, but twice the size: someone else (e.g. nearer the camera).
    const sized = times(20).map((_, i) => [i < 10 ? person(800, 450) : person(805, 450, 0, 200)]);
    expect(linkTracks(sized, times(20))).toHaveLength(2);
  });

  it('follows a walker across a one-second occlusion by predicting where she reappears', () => {
    const n = 90;
    // 6 px/frame behind a tree for 30 frames: she reappears 180 px further on.
    const cands = times(n).map((_, i) => (i >= 30 && i < 60 ? [] : [walker(i)]));
    expect(linkTracks(cands, times(n))).toHaveLength(1);
  });

  it('live pick continues with the nearest person, else the largest', () => {
    const near = person(505, 500);
    const big = person(1500, 500, 0, 200);
    expect(pickContinuous(person(500, 500), [big, near])).toBe(near);
    expect(pickContinuous(null, [near, big])).toBe(big);
    expect(pickContinuous(person(100, 100), [near, big])).toBe(big);
    expect(pickContinuous(near, [])).toBeNull();
  });
});
