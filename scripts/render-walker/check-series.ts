/**
 * Sanity check of the rendered fixtures (no gait analysis): for each `tests/fixtures/rendered/<clip>.<model>.json`
 * next to its `<clip>.truth.json`, prints frames with a pose / total (and / frames in view), how far the
 * detected mid-hip is from the true one (x, px), the detected mid-hip x at the start and end of the clip against
 * the truth, and the share of frames (feet apart) in which the leg labels are swapped.
 *
 * Usage: npx tsx scripts/render-walker/check-series.ts [name-filter]   (e.g. `findings/`)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LandmarkSeries } from '../../src/lib/analysis/series';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/rendered');
const only = process.argv[2] ?? '';

interface Truth {
  render: { fps: number };
  frames: { landmarkIndices: number[]; inView: number[]; anyInView: number[]; px: [number, number][][] };
}

const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? s[s.length >> 1] : NaN;
};
const LEG_PAIRS = [
  [25, 26],
  [27, 28],
  [29, 30],
  [31, 32]
];

// recursive: the findings clips are in `findings/` (names `findings/<clip>`)
const truthFiles = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .map((f) => f.split('\\').join('/'))
  .filter((f) => f.endsWith('.truth.json') && f.includes(only))
  .sort();
for (const file of truthFiles) {
  const name = file.replace('.truth.json', '');
  const truth = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Truth;
  const at = (i: number, k: number) => truth.frames.px[i][truth.frames.landmarkIndices.indexOf(k)];
  const n = truth.frames.px.length;
  const inView = truth.frames.inView.reduce((a, b) => a + b, 0);
  const anyInView = truth.frames.anyInView.reduce((a, b) => a + b, 0);
  for (const model of ['lite', 'full', 'heavy']) {
    const path = join(dir, `${name}.${model}.json`);
    if (!existsSync(path)) continue;
    const s = JSON.parse(readFileSync(path, 'utf8')) as LandmarkSeries;
    const posed = s.frames.filter((f) => f.pose);
    const posedInView = s.frames.filter((f, i) => f.pose && truth.frames.inView[i]).length;
    const posedOutOfView = s.frames.filter((f, i) => f.pose && !truth.frames.anyInView[i]).length;
    const hipErr: number[] = [];
    let apart = 0;
    let swapped = 0;
    const hipX: [number, number, number][] = []; // frame, detected, true
    s.frames.forEach((f, i) => {
      if (!f.pose || i >= n || !truth.frames.inView[i]) return;
      const img = f.pose.image;
      const det = (img[23].x + img[24].x) / 2;
      const tru = (at(i, 23)[0] + at(i, 24)[0]) / 2;
      hipErr.push(Math.abs(det - tru));
      hipX.push([i, det, tru]);
      const d = (k: number, [x, y]: [number, number]) => Math.hypot(img[k].x - x, img[k].y - y);
      const [ax, ay] = at(i, 27);
      const [bx, by] = at(i, 28);
      const legLen = Math.hypot(at(i, 23)[0] - ax, at(i, 23)[1] - ay);
      if (Math.hypot(ax - bx, ay - by) < 0.2 * legLen) return;
      apart++;
      let same = 0;
      let cross = 0;
      for (const [l, r] of LEG_PAIRS) {
        same += d(l, at(i, l)) + d(r, at(i, r));
        cross += d(l, at(i, r)) + d(r, at(i, l));
      }
      if (cross < same) swapped++;
    });
    const first = hipX[0];
    const last = hipX[hipX.length - 1];
    console.log(
      `${name}.${model}: ${s.frames.length} frames (truth ${n}), posed ${posed.length}/${s.frames.length}, ` +
        `posed in view ${posedInView}/${inView}, posed with nothing in view ${posedOutOfView}/${n - anyInView}; ` +
        `mid-hip x error median ${median(hipErr).toFixed(1)} px, max ${Math.max(...hipErr).toFixed(1)} px; ` +
        (first
          ? `mid-hip x frame ${first[0]} ${first[1].toFixed(0)} (true ${first[2].toFixed(0)}) → frame ${last[0]} ` +
            `${last[1].toFixed(0)} (true ${last[2].toFixed(0)}); `
          : '') +
        `legs swapped in ${swapped}/${apart} frames with the feet apart`
    );
  }
}
