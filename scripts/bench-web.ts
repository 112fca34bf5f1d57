/**
 * `npm run bench:web`: the browser figures, in Debian's headless Chromium on this machine. Measured, not
 * asserted: initial JS size, navigation → first prompt (median of a few loads, with the page's own marks
 * on the way), keystroke → echo, and the page's responsiveness while `while true; do :; done` runs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { launchBrowser, waitForPrompt } from '../test/e2e/browser.js';
import { serveStatic } from '../test/e2e/server.js';

const ROOT = resolve(import.meta.dirname, '..');

const LOADS = 5;

interface Load {
  readonly prompt: number;
  /** The page's own marks (src/ui/main.tsx), ms after navigation start; -1 if missing. */
  readonly start: number;
  readonly booted: number;
  readonly firstOutput: number;
}

async function timeLoad(page: Page, url: string): Promise<Load> {
  const t0 = Date.now();
  await page.goto(`${url}?test=1`);
  await waitForPrompt(page);
  const prompt = Date.now() - t0;
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, Math.round(e.startTime)])),
  );
  const mark = (name: string): number => marks[`dockersim:${name}`] ?? -1;
  return { prompt, start: mark('start'), booted: mark('booted'), firstOutput: mark('first-output') };
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * Gzipped JS by how the page gets it: what index.html runs (the entry and the chunks it imports statically),
 * what it preloads beside that (modulepreload links: chunks a machine needs soon), and the rest, loaded on
 * demand with import().
 */
function jsSizes(dist: string): { initial: number; preloaded: number; lazy: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = (re: RegExp): string[] => [...html.matchAll(re)].map((m) => m[1].replace(/^\.\//, ''));
  const gz = (f: string): number => gzipSync(readFileSync(join(dist, f))).length;
  const imports = (f: string): string[] => {
    const code = readFileSync(join(dist, f), 'utf8');
    // Static imports between chunks (`import{…}from"./x.js"`, `import "./x.js"`); import() is not one.
    return [...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{},\s]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)].map((m) => `assets/${m[1]}`);
  };
  const closure = (roots: string[]): Set<string> => {
    const seen = new Set<string>();
    const visit = (f: string): void => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const i of imports(f)) visit(i);
    };
    roots.forEach(visit);
    return seen;
  };
  const initial = closure(refs(/<script[^>]*\ssrc="([^"]+\.js)"/g));
  const preloaded = [...closure(refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g))].filter((f) => !initial.has(f));
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const sum = (fs: Iterable<string>): number => [...fs].reduce((n, f) => n + gz(f), 0);
  const lazy = all.filter((f) => !initial.has(f) && !preloaded.includes(f));
  return { initial: sum(initial), preloaded: sum(preloaded), lazy: sum(lazy) };
}

async function main(): Promise<void> {
  const dist = mkdtempSync(join(tmpdir(), 'dockersim-bench-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: dist, sourcemap: false } });
  const js = jsSizes(dist);
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  const rows: [string, string, string][] = [
    ['initial JS (gzip): entry + its static imports', kib(js.initial), '≤ 300 KB'],
    ['JS preloaded beside it (gzip)', kib(js.preloaded), '—'],
    ['JS loaded on demand (gzip)', kib(js.lazy), '—'],
  ];
  try {
    // A shared, busy machine makes one load an anecdote: the median of a few fresh pages (fresh profiles).
    const loads: Load[] = [];
    for (let i = 0; i < LOADS - 1; i++) {
      const p = await browser.newPage({ viewport: { width: 1100, height: 700 } });
      loads.push(await timeLoad(p, server.url));
      await p.close();
    }
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    loads.push(await timeLoad(page, server.url));
    const med = (k: keyof Load): number => loads.map((l) => l[k]).sort((a, b) => a - b)[Math.floor(loads.length / 2)];
    const all = loads.map((l) => l.prompt).sort((a, b) => a - b).join(', ');
    rows.push([`navigation → first prompt (median of ${LOADS})`, `${med('prompt')} ms`, '≤ 300 ms']);
    rows.push(['  all loads', `${all} ms`, '—']);
    rows.push(['  → main script runs (median)', `${med('start')} ms`, '—']);
    rows.push(['  → machine booted, page wired (median)', `${med('booted')} ms`, '—']);
    rows.push(['  → first terminal output (median)', `${med('firstOutput')} ms`, '—']);

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
