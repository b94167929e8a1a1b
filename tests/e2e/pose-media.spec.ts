/**
 * Decoding in the pose worker of the built app: the formats phones and webcams make (H.264 MP4,
 * rotated MP4, WebM) decode with the right orientation and real timestamps; bad files give the
 * right typed error; cancelling stops the work and leaves the worker usable; and a whole run makes
 * no request to any other origin. Clips are made at test time with ffmpeg.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosticsBaseURL } from '../../playwright.config';
import { expect, test, type Page } from '@playwright/test';
import type { LandmarkSeries } from '../../src/lib/analysis/series';
import {
  FFMPEG_MISSING,
  FIXTURES,
  FIXTURES_MISSING,
  HAS_FFMPEG,
  ffmpeg,
  fixture,
  readSeries,
  runOnDevPage,
  tmpDir
} from './pose-helpers';

const FRAMES = 30;
let dir = '';
const clip = (name: string) => join(dir, name);

// These specs drive the diagnostics page, which only the diagnostics build has.
test.use({ baseURL: diagnosticsBaseURL });

test.describe('video files in the pose worker', () => {
  test.skip(!FIXTURES, FIXTURES_MISSING);
  test.skip(!HAS_FFMPEG, FFMPEG_MISSING);

  test.beforeAll(() => {
    dir = tmpDir();
    const src = ['-i', fixture('synthetic-side-walk.webm'), '-frames:v', String(FRAMES), '-an'];
    /** The walk through the filter `vf`, encoded as H.264 (`pixel`: pixel format and colour tags). */
    const h264 = (vf: string, name: string, pixel = ['-pix_fmt', 'yuv420p']) =>
      ffmpeg(...src, '-vf', vf, '-c:v', 'libx264', ...pixel, '-preset', 'ultrafast', clip(name));
    // Upright 640×360 H.264, as most Android phones and "Most Compatible" iPhones record.
    h264('scale=640:360', 'h264.mp4');
    // A phone held sideways: pixels stored rotated 90° counter-clockwise (360×640), with a display
    // matrix telling the player to turn them 90° clockwise, so that the person shows upright. (ffmpeg
    // 5 writes its `rotate` tag as a counter-clockwise angle: 270 ccw = 90 clockwise.)
    h264('scale=640:360,transpose=2', 'stored.mp4');
    ffmpeg('-i', clip('stored.mp4'), '-c', 'copy', '-metadata:s:v:0', 'rotate=270', clip('rotated.mp4'));
    // A webcam-style WebM (VP8).
    ffmpeg(
      ...src,
      '-vf',
      'scale=640:360',
      '-c:v',
      'libvpx',
      '-deadline',
      'realtime',
      '-b:v',
      '1M',
      clip('webcam.webm')
    );
    // Full HD, which the engine halves to 960×540 for the model.
    h264('scale=1920:1080', 'fullhd.mp4');
    // The same frames at 60 fps (half a second), as phones record in their "smooth" mode.
    h264('scale=640:360,setpts=0.5*PTS', 'sixty.mp4', ['-pix_fmt', 'yuv420p', '-r', '60']);
    // Full-range BT.601 (as some Android phones tag their video).
    h264('scale=640:360:out_range=full:out_color_matrix=bt601', 'bt601-full.mp4', [
      '-pix_fmt',
      'yuvj420p',
      '-colorspace',
      'smpte170m',
      '-color_range',
      'pc'
    ]);
  });

  const expectTimestamps = (s: LandmarkSeries) => {
    expect(s.frames).toHaveLength(FRAMES);
    s.frames.forEach((f, i) => expect(Math.abs(f.tMs - (i * 1000) / 30)).toBeLessThanOrEqual(1));
  };
  const upright = (s: LandmarkSeries) =>
    s.frames.filter((f) => f.pose && f.pose.image[0].y < (f.pose.image[27].y + f.pose.image[28].y) / 2)
      .length;

  async function decode(page: Page, name: string) {
    const out = await runOnDevPage(page, clip(name), { variant: 'lite', navigate: false });
    expect(out.error, `${name}: ${out.error?.message}`).toBeNull();
    return readSeries(page);
  }

  test('H.264 MP4, rotated MP4 and WebM decode upright with real timestamps', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('/dev/pose');
    const h264 = await decode(page, 'h264.mp4');
    expect([h264.widthPx, h264.heightPx, h264.source.container, h264.source.codec]).toEqual([
      640,
      360,
      'mp4',
      'avc'
    ]);
    expect(h264.source.rotationDeg).toBe(0);
    expectTimestamps(h264);
    expect(upright(h264)).toBeGreaterThanOrEqual(FRAMES - 2);

    const rotated = await decode(page, 'rotated.mp4');
    // Stored 360×640, displayed 640×360: the rotation metadata was applied.
    expect(rotated.source.rotationDeg).toBe(90);
    expect([rotated.widthPx, rotated.heightPx]).toEqual([640, 360]);
    expectTimestamps(rotated);
    expect(upright(rotated)).toBeGreaterThanOrEqual(FRAMES - 2);
    // Same person in the same place as in the upright clip.
    const d: number[] = [];
    rotated.frames.forEach((f, i) => {
      const g = h264.frames[i].pose;
      if (f.pose && g)
        for (const k of [0, 11, 12, 23, 24, 27, 28])
          d.push(Math.hypot(f.pose.image[k].x - g.image[k].x, f.pose.image[k].y - g.image[k].y));
    });
    d.sort((a, b) => a - b);
    expect(d.length).toBeGreaterThan(FRAMES * 5);
    expect(d[Math.floor(d.length / 2)]).toBeLessThan(6); // px in a 640×360 frame

    const webm = await decode(page, 'webcam.webm');
    expect([webm.widthPx, webm.heightPx, webm.source.container, webm.source.codec]).toEqual([
      640,
      360,
      'webm',
      'vp8'
    ]);
    expectTimestamps(webm);
    expect(upright(webm)).toBeGreaterThanOrEqual(FRAMES - 2);
  });

  test('a 60-fps clip is analysed at every other frame by default, at every frame when asked', async ({
    page
  }) => {
    test.setTimeout(120_000);
    await page.goto('/dev/pose');
    const times = async (maxFps: 0 | 30) => {
      const out = await runOnDevPage(page, clip('sixty.mp4'), { variant: 'lite', navigate: false, maxFps });
      expect(out.error, out.error?.message).toBeNull();
      return (await readSeries(page)).frames.map((f) => f.tMs);
    };
    const every = await times(0);
    expect(every).toHaveLength(FRAMES);
    every.forEach((t, i) => expect(Math.abs(t - (i * 1000) / 60)).toBeLessThanOrEqual(1));
    const capped = await times(30);
    expect(capped).toEqual(every.filter((_t, i) => i % 2 === 0));
  });

  test('our YUV → RGB conversion gives the pixels the browser would, at full size and halved', async ({
    page
  }) => {
    test.setTimeout(120_000);
    await page.goto('/dev/pose');
    for (const [name, size] of [
      ['h264.mp4', [640, 360]],
      ['webcam.webm', [640, 360]],
      ['fullhd.mp4', [960, 540]],
      ['bt601-full.mp4', [640, 360]]
    ] as const) {
      const { summary: m, error } = await runOnDevPage(page, clip(name), {
        mode: 'conversion',
        navigate: false
      });
      expect(error, `${name}: ${error?.message}`).toBeNull();
      console.log(`conversion, ${name}: ${JSON.stringify(m)}`);
      expect([m?.frames, m?.skipped, m?.widthPx, m?.heightPx], name).toEqual([FRAMES, 0, ...size]);
      // Chroma is upsampled slightly differently (and a halved frame is averaged, not resampled).
      expect(Number(m?.meanAbsDiff), name).toBeLessThan(0.5);
      expect(Number(m?.p99AbsDiff), name).toBeLessThanOrEqual(2);
    }
    // A rotated file is drawn turned by the browser, so every frame is left to the browser.
    const { summary: rotated } = await runOnDevPage(page, clip('rotated.mp4'), {
      mode: 'conversion',
      navigate: false
    });
    expect([rotated?.frames, rotated?.skipped]).toEqual([0, FRAMES]);
  });

  test('bad files give typed errors a person can act on', async ({ page }) => {
    test.setTimeout(180_000);
    writeFileSync(clip('notes.mp4'), 'These are my walking notes, not a video.\n'.repeat(50));
    const whole = readFileSync(clip('h264.mp4'));
    ffmpeg('-i', clip('h264.mp4'), '-c', 'copy', '-movflags', '+faststart', clip('faststart.mp4'));
    const fast = readFileSync(clip('faststart.mp4'));
    writeFileSync(clip('truncated.mp4'), fast.subarray(0, Math.floor(fast.length * 0.5)));
    expect(whole.length).toBeGreaterThan(1000);
    ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:a', 'aac', clip('audio-only.mp4'));
    ffmpeg('-i', clip('h264.mp4'), '-c:v', 'mpeg4', clip('mpeg4-part2.mp4'));

    const cases: [string, string, RegExp][] = [
      ['notes.mp4', 'not-a-video', /not a video/],
      ['truncated.mp4', 'truncated', /cut short/],
      ['audio-only.mp4', 'no-video-track', /no video picture/],
      ['mpeg4-part2.mp4', 'unsupported-codec', /MPEG-4 Part 2.*H\.264/]
    ];
    await page.goto('/dev/pose');
    for (const [name, code, message] of cases) {
      const out = await runOnDevPage(page, clip(name), { variant: 'lite', navigate: false });
      expect(out.error?.code, `${name}: ${JSON.stringify(out)}`).toBe(code);
      expect(out.error?.message).toMatch(message);
    }
  });

  test('cancel stops the run and the same worker then processes the next file', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/dev/pose');
    await page.getByTestId('variant').selectOption('lite');
    await page.getByTestId('file').setInputFiles(fixture('synthetic-side-walk.webm'));
    await page.getByTestId('run').click();
    await expect
      .poll(
        async () =>
          Number(
            (await page
              .getByTestId('frames-done')
              .textContent({ timeout: 1000 })
              .catch(() => '0')) ?? 0
          ),
        {
          timeout: 120_000
        }
      )
      .toBeGreaterThanOrEqual(3);
    await page.getByTestId('cancel').click();
    await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'error');
    await expect(page.getByTestId('error')).toHaveAttribute('data-name', 'AbortError');
    const after = await runOnDevPage(page, clip('h264.mp4'), { variant: 'lite', navigate: false });
    expect(after.error).toBeNull();
    expect(after.summary?.frames).toBe(FRAMES);
    expect(after.summary?.createMs).toBeLessThan(100); // same worker and landmarker, not a new one
  });

  test('a whole pose run makes zero requests to any other origin', async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    const origin = new URL(baseURL ?? '').origin;
    const seen: string[] = [];
    context.on('request', (r) => seen.push(r.url()));
    await context.route('**/*', (route) => route.continue());
    const out = await runOnDevPage(page, clip('h264.mp4'), { variant: 'lite' });
    expect(out.error).toBeNull();
    // The worker's own requests are seen too (the model bundle is fetched by the worker).
    expect(seen.some((u) => u.endsWith('/models/pose_landmarker_lite.task'))).toBe(true);
    const offOrigin = seen.filter(
      (u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin
    );
    expect(offOrigin).toEqual([]);
    console.log(
      `${seen.length} requests, all to ${origin}; worker fetch guard answered ${out.summary?.blockedRequests} locally`
    );
  });
});
