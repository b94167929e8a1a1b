/**
 * Renders the app's icon (`static/icon.svg`, our own drawing) to the PNG sizes browsers and
 * installers want, with Chromium through Playwright (Debian's `/usr/bin/chromium` when present):
 *
 * - `icon-192.png`, `icon-512.png`: "any" purpose, corners rounded (transparent outside);
 * - `icon-maskable-512.png`: full bleed, for launchers that cut their own shape (safe zone: the mark
 *   sits inside the central 80 %);
 * - `apple-touch-icon.png` (180 px, full bleed: iOS rounds it) and `favicon-32.png`.
 *
 * The PNGs are committed; run again after changing the SVG: `npx tsx scripts/make-icons.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const STATIC = resolve(import.meta.dirname, '../static');
const svg = readFileSync(resolve(STATIC, 'icon.svg'), 'utf8');
/** The "any" icons: the same drawing with rounded corners. */
const rounded = svg.replace('<rect width="512" height="512"', '<rect width="512" height="512" rx="112"');

const OUTPUTS: { file: string; size: number; source: string }[] = [
  { file: 'icon-192.png', size: 192, source: rounded },
  { file: 'icon-512.png', size: 512, source: rounded },
  { file: 'icon-maskable-512.png', size: 512, source: svg },
  { file: 'apple-touch-icon.png', size: 180, source: svg },
  { file: 'favicon-32.png', size: 32, source: rounded }
];

const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--no-sandbox', '--disable-gpu']
});
try {
  const page = await browser.newPage();
  for (const { file, size, source } of OUTPUTS) {
    await page.setViewportSize({ width: size, height: size });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="${dataUrl}" width="${size}" height="${size}">`
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    writeFileSync(resolve(STATIC, file), await page.screenshot({ omitBackground: true, type: 'png' }));
    console.log(`static/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
