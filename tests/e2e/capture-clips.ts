/**
 * Test clips for the capture e2e specs, made at test time with ffmpeg from the shared synthetic
 * walk (`../shared/fixtures/synthetic-side-walk.webm`, relative to the repo root). Nothing is
 * committed: each clip is written once into a temp folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WALK_WEBM = resolve(process.cwd(), '../shared/fixtures/synthetic-side-walk.webm');
/** Kept between runs: each clip is made once (written under a temporary name, then renamed). */
const OUT_DIR = join(tmpdir(), 'gaitlens-capture-e2e');

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why tests that upload the shared walk must skip, or `null` when it is there. */
export const walkUnavailable: string | null = !existsSync(WALK_WEBM)
  ? `shared fixture ${WALK_WEBM} is absent (a clone outside the team's workspace)`
  : null;

/** Why the clip-based tests (the walk, and clips made from it with ffmpeg) must skip, or `null`. */
export const clipsUnavailable: string | null = walkUnavailable
  ? walkUnavailable
  : !hasFfmpeg()
    ? 'ffmpeg is not installed'
    : null;

function make(name: string, args: string[]): string {
  mkdirSync(OUT_DIR, { recursive: true });
  const out = join(OUT_DIR, name);
  if (existsSync(out)) return out;
  const partial = join(OUT_DIR, `partial-${process.pid}-${name}`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args, partial], { stdio: 'inherit' });
  renameSync(partial, out);
  return out;
}

/** The synthetic walk as raw Y4M, the format Chromium's fake webcam plays (looping). */
export const walkY4m = () => make('walk.y4m', ['-i', WALK_WEBM, '-pix_fmt', 'yuv420p']);

/** A real MP4 whose video is MPEG-4 Part 2 (`mp4v`), a codec Chromium cannot decode. */
export const mp4vClip = () =>
  make('mpeg4-part2.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30', '-t', '3', '-c:v', 'mpeg4']);

/** Three seconds of a colour test pattern: a valid H.264 video with nobody in it. */
export const noPersonClip = () =>
  make('no-person.mp4', [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=640x360:rate=30',
    '-t',
    '3',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p'
  ]);

/**
 * The walk played four times over (≈14 s): long enough that a test acting while it is analysed is not
 * outrun by the analysis finishing.
 */
export const longWalkClip = () =>
  make('long-walk.webm', [
    '-stream_loop',
    '3',
    '-i',
    WALK_WEBM,
    '-c:v',
    'libvpx',
    '-b:v',
    '1M',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8'
  ]);

/** The first second of the walk only: too short to analyse. */
export const tooShortClip = () => make('too-short.webm', ['-i', WALK_WEBM, '-t', '1', '-c', 'copy']);

/** A text file dressed up as a video by its name. */
export function textAsMp4(): string {
  mkdirSync(OUT_DIR, { recursive: true });
  const out = join(OUT_DIR, 'holiday.mp4');
  writeFileSync(out, 'This is a shopping list, not a video.\nmilk\nbread\n');
  return out;
}
