/**
 * The JS a page loads before its first prompt is on screen, gzipped, with React's chunk apart (the sample
 * page puts React, react-dom and scheduler in a chunk named `react-…`; bench:web's also xterm.js in `xterm-…`). Used by the package test and by
 * bench:web, which reports it against issue 19's 150 KB.
 *
 * xterm.js's chunk is asked for at once but the first prompt does not wait for it (the early screen,
 * src/ui/early/): on a local server it would still arrive first. So it is held back until the prompt is on
 * screen, which proves the prompt does not need it, and what is weighed is what had arrived by then.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { PROMPT } from '../e2e/browser.js';

/** xterm.js's renderer, told by its content (chunk names differ between builds). */
export function isXtermChunk(text: string): boolean {
  return text.includes('xterm-dom-renderer-owner-');
}

/**
 * Holds back the JS file of `dist` (served at `base`) that holds xterm.js until `release` is called: the
 * page's request waits, as on a slow network.
 */
export async function holdXterm(page: Page, dist: string, base: string): Promise<{ release: () => void; held: () => string[] }> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const held: string[] = [];
  await page.route(
    (u) => u.pathname.endsWith('.js'),
    async (route) => {
      const path = new URL(route.request().url()).pathname;
      let text = '';
      try {
        text = readFileSync(join(dist, path.slice(base.length)), 'utf8');
      } catch {
        // Not one of the build's files: not held.
      }
      if (isXtermChunk(text)) {
        held.push(path);
        await released;
      }
      await route.continue();
    },
  );
  return { release, held: () => [...held] };
}

export interface Weight {
  /** Gzipped bytes of the page's own and the simulator's JS. */
  readonly ours: number;
  /** Gzipped bytes of React's chunk. */
  readonly react: number;
  /** Gzipped bytes of xterm.js's chunk (bench:web's page names it) in `ours`: 0 when the prompt did not need it. */
  readonly xterm: number;
  /** Paths of the JS files fetched before the prompt. */
  readonly files: readonly string[];
  /** Paths of xterm.js's files, held until the prompt was on screen. */
  readonly held: readonly string[];
  /** Their gzipped bytes. */
  readonly heldBytes: number;
}

/** Opens `url` in `page` and weighs the scripts fetched before the first frame showing the prompt; `dist` is the served folder. */
export async function weighBeforePrompt(page: Page, url: string, dist: string): Promise<Weight> {
  // Under tsx (bench:web) esbuild wraps named functions in `__name(...)` calls, which a function sent to the
  // page then makes there: give the page a no-op one (vitest adds none).
  await page.addInitScript('globalThis.__name ??= (f) => f');
  // The page's own clock: the first frame whose terminal rows show the prompt.
  await page.addInitScript((prompt) => {
    const look = (): void => {
      const shown = [...document.querySelectorAll('.xterm-rows > div')].some((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd() === prompt);
      if (shown) (window as unknown as { promptAt: number }).promptAt = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, PROMPT.trimEnd());
  const base = new URL(url).pathname.replace(/[^/]*$/, '');
  const hold = await holdXterm(page, dist, base);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // An early screen that stopped before the prompt needs xterm.js for it: let it come, and be weighed.
  await page.waitForFunction(() => (window as unknown as { promptAt?: number }).promptAt !== undefined || document.querySelector('[data-early="stopped"]') !== null, undefined, {
    timeout: 60000,
  });
  hold.release();
  await page.waitForFunction(() => (window as unknown as { promptAt?: number }).promptAt !== undefined, undefined, { timeout: 60000 });
  const files = await page.evaluate(() => {
    const at = (window as unknown as { promptAt: number }).promptAt;
    const scripts = performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).responseEnd < at && new URL(e.name).pathname.endsWith('.js'));
    return [...new Set(scripts.map((e) => new URL(e.name).pathname))];
  });
  const gz = (f: string): number => gzipSync(readFileSync(join(dist, f.slice(base.length)))).length;
  const isReact = (f: string): boolean => /\/react-[\w-]+\.js$/.test(f);
  return {
    ours: files.filter((f) => !isReact(f)).reduce((a, f) => a + gz(f), 0),
    react: files.filter(isReact).reduce((a, f) => a + gz(f), 0),
    xterm: files.filter((f) => /\/xterm-[\w-]+\.js$/.test(f) && !/headless/.test(f)).reduce((a, f) => a + gz(f), 0),
    files,
    held: hold.held(),
    heldBytes: hold.held().reduce((a, f) => a + gz(f), 0),
  };
}
