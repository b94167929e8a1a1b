/**
 * Real files as phones, editors and broken copies make them, made at test time with ffmpeg and
 * run through /upload in the build people get: the ones that are fine give a report; the others
 * are named in one sentence, never "something unexpected", never a hang.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { clipsUnavailable, WALK_WEBM } from './capture-clips';

test.skip(clipsUnavailable !== null, `hostile file tests skipped: ${clipsUnavailable}`);

const DIR = join(tmpdir(), `gaitlens-hostile-${process.pid}`);
/** Five seconds of the synthetic walk, small: enough steps for a report, quick to pose. */
const WALK = ['-i', WALK_WEBM, '-t', '5', '-vf'];
const H264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'];

/** Runs ffmpeg with `args` into DIR/name and returns the path. */
function make(name: string, ...args: string[]): string {
  mkdirSync(DIR, { recursive: true });
  const out = join(DIR, name);
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args, out], { stdio: 'pipe' });
  return out;
}

/** The first half of `path`'s bytes, as a copy interrupted halfway would leave it. */
function firstHalf(path: string, name: string): string {
  const bytes = readFileSync(path);
  const out = join(DIR, name);
  writeFileSync(out, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return out;
}

async function analyse(page: Page, path: string): Promise<void> {
  await page.addInitScript(() => {
    localStorage.setItem(
      'gaitlens.settings.v1',
      JSON.stringify({ analysisModel: 'lite', liveModel: 'lite', heightCm: null, keepVideo: false })
    );
  });
  await page.goto('/upload');
  await page.getByLabel('Choose a video…').setInputFiles(path);
  await page.getByRole('button', { name: 'Analyse this walk' }).click();
}

const fine: [string, () => string][] = [
  ['B-frames (x264 default preset)', () => make('bframes.mp4', ...WALK, 'scale=480:270', ...H264)],
  [
    'duplicate timestamps',
    () =>
      make(
        'duplicate-times.webm',
        ...WALK,
        "scale=480:270,setpts='floor(N/2)*2/(30*TB)'",
        '-fps_mode',
        'passthrough',
        '-c:v',
        'libvpx-vp9',
        '-b:v',
        '400k'
      )
  ],
  [
    'variable frame rate (30 then 15 frames/s)',
    () =>
      make(
        'vfr.mp4',
        ...WALK,
        "scale=480:270,setpts='if(lt(N,60),N/30,2+(N-60)/15)/TB'",
        '-fps_mode',
        'vfr',
        ...H264
      )
  ],
  [
    'rotation 180°',
    () =>
      make(
        'rotate-180.mp4',
        '-i',
        make('turned-180.mp4', ...WALK, 'scale=480:270,hflip,vflip', ...H264),
        '-c',
        'copy',
        '-metadata:s:v:0',
        'rotate=180'
      )
  ],
  [
    'rotation 270°',
    () =>
      make(
        'rotate-270.mp4',
        '-i',
        make('turned-90.mp4', ...WALK, 'scale=480:270,transpose=1', ...H264),
        '-c',
        'copy',
        '-metadata:s:v:0',
        'rotate=270'
      )
  ]
];

for (const [name, clip] of fine) {
  test(`${name}: analysed to a report`, async ({ page }) => {
    await analyse(page, clip());
    await page.waitForURL(/\/report\/[0-9a-f-]{36}$/, { timeout: 90_000 });
    await expect(page.getByTestId('report')).toBeVisible();
  });
}

const named: [string, () => string, RegExp][] = [
  [
    'a WebM cut in half',
    () =>
      firstHalf(
        make('whole.webm', ...WALK, 'scale=480:270', '-c:v', 'libvpx-vp9', '-b:v', '400k'),
        'half.webm'
      ),
    /cut short: it holds frames for [\d.]+ s of the [\d.]+ s its header announces/
  ],
  [
    'an MP4 cut in half',
    () =>
      firstHalf(
        make('whole-faststart.mp4', ...WALK, 'scale=480:270', ...H264, '-movflags', '+faststart'),
        'half.mp4'
      ),
    /cut short: its index lists frames whose data is missing/
  ],
  [
    'an audio-only MP4',
    () => make('audio-only.mp4', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=4', '-c:a', 'aac'),
    /no video picture/
  ],
  [
    'a video with zero frames',
    () =>
      make(
        'zero-frames.webm',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=160x90:rate=30',
        '-frames:v',
        '0',
        '-c:v',
        'libvpx-vp9'
      ),
    /no frames|no video picture|not a video we can read|cut short|damaged/
  ]
];

async function expectNamed(page: Page, message: RegExp): Promise<void> {
  const error = page.getByTestId('job-error');
  await expect(error).toBeVisible({ timeout: 60_000 });
  await expect(error).toContainText(message);
  await expect(error).not.toContainText('Something unexpected');
}

for (const [name, clip, message] of named) {
  test(`${name}: named in one sentence`, async ({ page }) => {
    await analyse(page, clip());
    await expectNamed(page, message);
  });
}

test('a 125-s clip whose duration the browser cannot read is refused as too long', async ({ page }) => {
  // 125 s at 2 frames/s, 160×90: quick to make and to decode.
  const clip = make(
    'long.webm',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=160x90:rate=2',
    '-t',
    '125',
    '-c:v',
    'libvpx-vp9'
  );
  // As for a MediaRecorder WebM or a slow probe: the up-front check cannot judge the length.
  await page.addInitScript(() => {
    Object.defineProperty(HTMLMediaElement.prototype, 'duration', { get: () => Infinity });
  });
  await analyse(page, clip);
  await expectNamed(page, /longer than 120 s|125 s long; GaitLens analyses up to 120 s/);
});
