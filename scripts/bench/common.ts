/**
 * What the browser benchmarks (`pose.ts`, `report.ts`) share: clips made with ffmpeg, a built app served
 * the way the e2e tests serve it, headless Chromium with the same flags, repeats and medians, the load
 * average, and the summary table printed at the end of `npm run bench`.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from '@playwright/test';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Debian's Chromium where it exists (no browser downloads here), else Playwright's own. */
export const CHROMIUM = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking'
];
/** The shared synthetic walk (a person the model finds), when the shared fixtures are present. */
export const FIXTURE = resolve(ROOT, '../shared/fixtures/synthetic-side-walk.webm');

/** Figures one page run reports (the JSON of /dev/pose's summary, or a report run's timings). */
export type Summary = Record<string, number | string>;

export const f1 = (x: number) => x.toFixed(1);

export function hasFfmpeg(): boolean {
  return spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
}

export function ffmpeg(...args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'inherit' });
}

/**
 * A clip of `seconds` at `fps` (30 by default) and the given size: the synthetic walk looped (played faster
 * above 30 fps, so that every frame differs), or testsrc2.
 */
export function makeClip(
  dir: string,
  name: string,
  seconds: number,
  width: number,
  height: number,
  fps = 30
): string {
  const out = join(dir, name);
  const input = existsSync(FIXTURE)
    ? ['-stream_loop', '-1', '-i', FIXTURE]
    : ['-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}`];
  ffmpeg(
    ...input,
    '-t',
    String(seconds),
    '-r',
    String(fps),
    '-vf',
    `setpts=${30 / fps}*PTS,scale=${width}:${height}`,
    '-an',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-pix_fmt',
    'yuv420p',
    out
  );
  return out;
}

/** The 1-, 5- and 15-minute load averages, as /proc/loadavg gives them ("" where it is missing). */
export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '';
  }
}

/** Builds `dir` with `npm run <script>` when it is missing (never rebuilds one that exists). */
export function ensureBuild(dir: string, script: string, env: NodeJS.ProcessEnv = {}): void {
  if (existsSync(dir)) return;
  execFileSync('npm', ['run', script], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

/**
 * Serves the built app in `dir` on 127.0.0.1:`port` with `scripts/serve-static.ts` (as the e2e tests do) and
 * waits until it answers. `stop()` ends the server and its children.
 */
export async function serveBuild(dir: string, port: number): Promise<{ base: string; stop: () => void }> {
  const base = `http://127.0.0.1:${port}`;
  const taken = await fetch(base).then(
    () => true,
    () => false
  );
  if (taken) throw new Error(`port ${port} is already in use; set BENCH_PORT`);
  // Own process group, so that the server and its children end with the benchmark.
  const server = spawn('npx', ['tsx', 'scripts/serve-static.ts', dir, String(port)], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true
  });
  const stop = () => {
    if (server.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        /* already gone */
      }
    }
  };
  try {
    await waitForServer(`${base}/`);
  } catch (e) {
    stop();
    throw e;
  }
  return { base, stop };
}

/** Headless Chromium with the benchmarks' flags (`extraArgs` after them). */
export function launchChromium(extraArgs: string[] = [], options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    ...options
  });
}

/**
 * Runs of each measurement; the figures printed are medians (this machine's speed drifts by ±15 %).
 * BENCH_REPS sets it; `npm run bench` with no arguments uses 2 to keep the whole run short.
 */
let reps = Number(process.env.BENCH_REPS ?? 3);
export const benchReps = () => reps;
export function setDefaultReps(n: number): void {
  if (process.env.BENCH_REPS === undefined) reps = n;
}

/** Runs each measure {@link benchReps} times, interleaved (A B C A B C …), and keeps each summary. */
export async function interleaved(measures: (() => Promise<Summary>)[]): Promise<Summary[][]> {
  const out: Summary[][] = measures.map(() => []);
  for (let r = 0; r < reps; r++) for (const [k, m] of measures.entries()) out[k].push(await m());
  return out;
}

/** One row of the summary table printed at the end of `npm run bench`. */
interface Row {
  figure: string;
  value: string;
  target: string;
  load: string;
}
const rows: Row[] = [];

/** Adds a figure to the summary table, with the 1-minute load average of its runs (by default: now). */
export function addSummary(
  figure: string,
  value: string,
  target = '',
  load = loadAverage().split(' ')[0]
): void {
  rows.push({ figure, value, target, load });
}

/** Prints the summary table (one line per figure), if anything was added. */
export function printSummary(totalS: number): void {
  if (rows.length === 0) return;
  const w = (k: keyof Row, title: string) => Math.max(title.length, ...rows.map((r) => r[k].length));
  const widths = { figure: w('figure', 'figure'), value: w('value', 'value'), target: w('target', 'target') };
  const line = (r: Row) =>
    `| ${r.figure.padEnd(widths.figure)} | ${r.value.padEnd(widths.value)} | ${r.target.padEnd(widths.target)} | ${r.load} |`;
  console.log(`\nsummary (${f1(totalS / 60)} min in all, medians of ${reps} runs unless said):`);
  console.log(line({ figure: 'figure', value: 'value', target: 'target', load: 'load' }));
  console.log(
    `|${'-'.repeat(widths.figure + 2)}|${'-'.repeat(widths.value + 2)}|${'-'.repeat(widths.target + 2)}|${'-'.repeat(6)}|`
  );
  for (const r of rows) console.log(line(r));
}
