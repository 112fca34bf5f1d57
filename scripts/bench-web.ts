/**
 * `npm run bench:web`: the browser figures, in Debian's headless Chromium on this machine. Measured, not
 * asserted: initial JS size, navigation → first prompt, keystroke → echo, and the page's responsiveness
 * while `while true; do :; done` runs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchBrowser, waitForPrompt } from '../test/e2e/browser.js';
import { serveStatic } from '../test/e2e/server.js';

const ROOT = resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const dist = mkdtempSync(join(tmpdir(), 'dockersim-bench-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: dist, sourcemap: false } });
  const js = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(join(dist, 'assets', f))).length, 0);
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  const rows: [string, string, string][] = [['initial JS (gzip)', `${(gz / 1024).toFixed(1)} KiB`, '≤ 300 KB']];
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    const t0 = Date.now();
    await page.goto(`${server.url}?test=1`);
    await waitForPrompt(page);
    rows.push(['navigation → first prompt', `${Date.now() - t0} ms`, '≤ 300 ms']);

    const echo = await page.evaluate(async () => {
      const x = window.__dockersim!.xterm;
      const samples: number[] = [];
      for (let i = 0; i < 20; i++) {
        const before = x.buffer.active.cursorX;
        const t = performance.now();
        x.input('a');
        while (x.buffer.active.cursorX === before) await new Promise((r) => requestAnimationFrame(() => r(null)));
        samples.push(performance.now() - t);
      }
      x.input('\x15');
      return samples.sort((a, b) => a - b)[10];
    });
    rows.push(['keystroke → echo (median of 20)', `${echo.toFixed(1)} ms`, '≤ 16 ms']);

    await page.keyboard.type('while true; do :; done\n');
    const probe = await page.evaluate(async () => {
      const long: number[] = [];
      const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration)));
      obs.observe({ type: 'longtask' });
      let worst = 0;
      let last = performance.now();
      const end = last + 2000;
      while (performance.now() < end) {
        await new Promise((r) => setTimeout(r, 0));
        const t = performance.now();
        worst = Math.max(worst, t - last);
        last = t;
      }
      obs.disconnect();
      return { longest: Math.max(0, ...long), worst };
    });
    rows.push(['busy loop: longest main-thread task', `${probe.longest.toFixed(1)} ms`, 'no task over 50 ms']);
    rows.push(['busy loop: worst zero-delay timer gap', `${probe.worst.toFixed(1)} ms`, '—']);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
  const w = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(`| ${'measure'.padEnd(w[0])} | ${'value'.padEnd(w[1])} | target |`);
  console.log(`|${'-'.repeat(w[0] + 2)}|${'-'.repeat(w[1] + 2)}|---|`);
  for (const r of rows) console.log(`| ${r[0].padEnd(w[0])} | ${r[1].padEnd(w[1])} | ${r[2]} |`);
}

void main();
