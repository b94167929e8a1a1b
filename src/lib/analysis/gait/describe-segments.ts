import type { SegmentKind, WalkSegment } from './types';

/** Singular and plural nouns of each kind of stretch, as the summary counts them. */
const NOUNS: Record<SegmentKind, [string, string]> = {
  pass: ['pass', 'passes'],
  turn: ['turn', 'turns'],
  standing: ['spell of standing', 'spells of standing'],
  'toward-camera': ['walk toward the camera', 'walks toward the camera'],
  'away-from-camera': ['walk away from the camera', 'walks away from the camera'],
  oblique: ['stretch at an angle', 'stretches at an angle'],
  'out-of-view': ['time out of view', 'times out of view'],
  partial: ['partial pass', 'partial passes']
};

const count = (n: number, kind: SegmentKind) => `${n} ${NOUNS[kind][n === 1 ? 0 : 1]}`;

/**
 * One line saying what of the clip was used: "2 passes used, 1 turn and 1 spell of standing left out".
 * Kinds are listed in order of first appearance.
 */
export function describeSegments(segments: WalkSegment[]): string {
  const tally = (used: boolean) => {
    const byKind = new Map<SegmentKind, number>();
    for (const s of segments) if (s.used === used) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + 1);
    return [...byKind].map(([kind, n]) => count(n, kind));
  };
  const join = (parts: string[]) =>
    parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const used = tally(true);
  const left = tally(false);
  const usedText = used.length ? `${join(used)} used` : 'nothing used';
  return left.length ? `${usedText}, ${join(left)} left out` : usedText;
}
