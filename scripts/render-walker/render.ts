/**
 * Renders the walker clips of `variants.ts` in headless Chromium (software WebGL) and writes, per clip,
 * - the VP9 WebM to `<videoDir>/<name>.webm` (not committed: run the pose engine on it with
 *   `scripts/make-landmark-fixtures.ts`),
 * - the exact truth to `tests/fixtures/rendered/<name>.truth.json`.
 * Names may have a folder (`findings/<clip>`: the clips of `FINDINGS`).
 *
 * Usage: npx tsx scripts/render-walker/render.ts [name-filter] [videoDir=tests/.tmp/rendered] [truthDir=tests/fixtures/rendered]
 * (a test that renders a clip for itself gives its own truthDir, so that the committed truth is left alone)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { buildSegments, truthEvents, type ClipSpec } from './clip';
import type { RenderResult } from './page';
import { FINDINGS, VARIANTS } from './variants';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const only = process.argv[2] ?? '';
const videoDir = resolve(process.argv[3] ?? join(root, 'tests/.tmp/rendered'));
const truthDir = resolve(process.argv[4] ?? join(root, 'tests/fixtures/rendered'));

/** Landmarks that must all be inside the image for a frame to count as "in view". */
const KEY = [0, 11, 12, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32];

const r = (v: number, d: number) => Number(v.toFixed(d));
const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? s[s.length >> 1] : NaN;
};

function truthFile(spec: ClipSpec, res: RenderResult) {
  const segs = buildSegments(spec);
  const events = truthEvents(spec, segs);
  const idx = res.landmarkIndices;
  const inViewAt = (i: number) => {
    const f = res.frames[i];
    return (
      !!f &&
      KEY.every((k) => {
        const [x, y] = f.px[idx.indexOf(k)];
        return x >= 0 && x <= spec.W && y >= 0 && y <= spec.H;
      })
    );
  };
  const anyInViewAt = (i: number) =>
    res.frames[i].px.some(([x, y]) => x >= 0 && x <= spec.W && y >= 0 && y <= spec.H);
  const legLength = segs[0].gait.A.legLen;
  const mid = (i: number, a: number, b: number) => {
    const [pa, pb] = [res.frames[i].px[idx.indexOf(a)], res.frames[i].px[idx.indexOf(b)]];
    return [(pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2];
  };
  /** median over the segment's frames in view of the projected line from → to vs the image vertical (deg, +
   * = leaning the way the walker faces; meaningful in a side view only) */
  const projectedAngle = (si: number, from: [number, number], to: [number, number]) => {
    const s = segs[si];
    const out: number[] = [];
    res.frames.forEach((f, i) => {
      if (f.segment !== si || !inViewAt(i)) return;
      const [ax, ay] = mid(i, ...from);
      const [bx, by] = mid(i, ...to);
      out.push((Math.atan2(s.gait.P.dir * (bx - ax), ay - by) * 180) / Math.PI);
    });
    return r(median(out), 2);
  };
  const ev = (kind: 'heelStrike' | 'toeOff') =>
    events
      .filter((e) => e.kind === kind)
      .map((e) => ({
        foot: e.foot,
        t: r(e.t, 5),
        frame: r(e.frame, 3),
        segment: e.segment,
        footprintX: segs[e.segment].gait.P.treadmill ? null : r(e.footprintX, 4),
        inView: inViewAt(Math.round(e.frame))
      }));
  const heelStrikes = ev('heelStrike');
  // steps: a heel strike after a heel strike of the other foot in the same segment
  const steps = heelStrikes.flatMap((h, i) => {
    const prev = heelStrikes[i - 1];
    if (!prev || prev.segment !== h.segment || prev.foot === h.foot) return [];
    const seg = segs[h.segment];
    const P = seg.gait.P;
    const len = h.foot === 'L' ? P.stepL : P.stepR;
    // the gait clock ran at rate 1 through the step (no standing, starting, stopping or turning in it)
    const underWay =
      Math.abs(seg.tau(h.t) - seg.tau(prev.t) - (h.t - prev.t)) < 1e-3 &&
      !(seg.spec.turn && seg.spec.turn.start < h.t && seg.spec.turn.end > prev.t);
    return [
      {
        foot: h.foot,
        t: h.t,
        frame: h.frame,
        segment: h.segment,
        stepTimeS: r(h.t - prev.t, 5),
        stepLengthM: len,
        stepLengthOverLeg: r(len / legLength, 5),
        underWay,
        inView: h.inView && prev.inView
      }
    ];
  });
  const fps = spec.fps;
  return {
    about: spec.about,
    how: `npx tsx scripts/render-walker/render.ts ${spec.name} (three.js walker, exact by construction; units m, s, deg)`,
    render: {
      width: spec.W,
      height: spec.H,
      fps,
      frames: spec.frames,
      durationS: spec.frames / fps,
      camera: spec.camera,
      appearance: spec.appearance,
      codec: 'vp9',
      bitrate: spec.bitrate,
      webmBytes: res.bytes
    },
    walker: {
      heightM: segs[0].gait.P.H,
      legLengthM: r(legLength, 5),
      hipHeightStandingM: r(segs[0].gait.A.hipHeight, 5)
    },
    segments: segs.map((s, si) => {
      const P = s.gait.P;
      const stepTimeL = s.gait.stepTimeL;
      const stepTimeR = s.gait.stepTimeR;
      return {
        label: s.spec.label,
        fromS: s.from,
        toS: r(s.to, 5),
        fromFrame: Math.ceil(s.from * fps - 1e-9),
        toFrame: Math.ceil(s.to * fps - 1e-9) - 1,
        style: P.style,
        direction: P.treadmill
          ? 'treadmill'
          : spec.camera.dist === 0 // front view: the camera stands on the walking line
            ? P.dir * (spec.camera.x - (s.spec.x0 ?? P.startX)) > 0
              ? 'towards the camera'
              : 'away from the camera'
            : P.dir > 0
              ? 'left→right'
              : 'right→left',
        gaitTimeRate: s.spec.rate ?? 'constant 1 (clip time = gait time)',
        turn: s.spec.turn ?? null,
        whenUnderWay: {
          cadence: P.cadence,
          strideTimeS: r(s.gait.T, 5),
          speedMps: r(s.gait.v, 5),
          stepLengthL: P.stepL,
          stepLengthR: P.stepR,
          stepLengthL_over_leg: r(P.stepL / legLength, 5),
          stepLengthR_over_leg: r(P.stepR / legLength, 5),
          stepTimeL: r(stepTimeL, 5),
          stepTimeR: r(stepTimeR, 5),
          stepTimeSIPct: r((100 * Math.abs(stepTimeR - stepTimeL)) / (0.5 * (stepTimeR + stepTimeL)), 3),
          stepLengthSIPct: r((100 * Math.abs(P.stepR - P.stepL)) / (0.5 * (P.stepR + P.stepL)), 3),
          stanceL: P.stanceL,
          stanceR: P.stanceR,
          trunkLeanDeg: P.lean,
          neckFlexDeg: P.neckFlex
        },
        projected: {
          note:
            'medians over the frames in view of the projected truth markers (side view only): mid-hip → ' +
            'mid-shoulder and mid-shoulder → mid-ear against the image vertical, deg, + = towards the walking direction',
          trunkFromVerticalDeg: projectedAngle(si, [23, 24], [11, 12]),
          shoulderEarFromVerticalDeg: projectedAngle(si, [11, 12], [7, 8])
        }
      };
    }),
    heelStrikes,
    toeOffs: ev('toeOff'),
    steps,
    frames: {
      note:
        'per frame i (t = i / fps): inView = the nose, shoulders, hips, knees, ankles, heels and toes are all ' +
        'inside the image; anyInView = some marker is; stance = feet on the ground; px = projected marker ' +
        'positions [x, y] (px) for the MediaPipe indices in landmarkIndices (indices without a marker omitted)',
      landmarkIndices: idx,
      inView: res.frames.map((_, i) => (inViewAt(i) ? 1 : 0)),
      anyInView: res.frames.map((_, i) => (anyInViewAt(i) ? 1 : 0)),
      stance: res.frames.map((f) => (f.stanceL ? 'L' : '') + (f.stanceR ? 'R' : '')),
      pelvisX: res.frames.map((f) => r(f.pelvisX, 4)),
      yawDeg: res.frames.map((f) => r(f.yawDeg, 2)),
      pxPerM: res.frames.map((f) => r(f.pxPerM, 2)),
      px: res.frames.map((f) => f.px.map(([x, y]) => [r(x, 1), r(y, 1)]))
    }
  };
}

async function main() {
  const bundle = await build({
    entryPoints: [join(here, 'page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning'
  });
  const js = bundle.outputFiles[0].text;
  mkdirSync(videoDir, { recursive: true });
  mkdirSync(truthDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: [...chromiumArgs, '--use-angle=swiftshader', '--enable-unsafe-swiftshader']
  });
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // a localhost origin is a secure context, which WebCodecs needs; nothing is served from the network
  const origin = 'http://localhost:9';
  await page.route(`${origin}/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith('/page.js')) return route.fulfill({ contentType: 'text/javascript', body: js });
    return route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><meta charset="utf-8"><body style="margin:0"><script type="module" src="/page.js"></script>'
    });
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => typeof window.renderClip === 'function');
  for (const spec of [...VARIANTS, ...FINDINGS].filter((v) => v.name.includes(only))) {
    const t0 = Date.now();
    const res = await page.evaluate((s) => window.renderClip(s), spec);
    const wall = (Date.now() - t0) / 1000;
    const video = join(videoDir, `${spec.name}.webm`);
    mkdirSync(dirname(video), { recursive: true });
    writeFileSync(video, Buffer.from(res.webmBase64, 'base64'));
    const truth = truthFile(spec, res);
    const out = join(truthDir, `${spec.name}.truth.json`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(truth));
    const inView = truth.frames.inView.reduce<number>((a, b) => a + b, 0);
    console.log(
      `${spec.name}: ${spec.frames} frames (${inView} fully in view), ${truth.heelStrikes.length} heel strikes, ` +
        `${(res.bytes / 1e6).toFixed(2)} MB, render ${res.renderMsMedian.toFixed(0)} ms/frame median, ` +
        `${wall.toFixed(0)} s wall [${res.webgl}] → ${video}, ${out}`
    );
  }
  await browser.close();
}

await main();
