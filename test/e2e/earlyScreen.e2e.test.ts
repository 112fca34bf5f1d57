/**
 * The npm package's early screen (src/ui/early/) in real Chromium, on the one-`<DockerSim>` sample page built
 * from the sources as the package ships (scripts/packagePage.ts), with xterm.js's chunk held back as on a slow
 * network: the first prompt is drawn without it, keys typed meanwhile run, output the early screen does not
 * understand is not drawn, the handover to xterm.js changes no pixel of the prompt, and two instances on a page
 * stay apart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackagePage } from '../../scripts/packagePage.js';
import { holdXterm } from '../package/weigh.js';
import { launchBrowser, PROMPT } from './browser.js';
import { serveStatic, type StaticServer } from './server.js';

let browser: Browser;
let server: StaticServer;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'dockersim-early-'));
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildPackagePage(dist, { emptyOutDir: true, pages: ['one.html', 'index.html'] });
  } finally {
    process.env.NODE_ENV = env;
  }
  server = await serveStatic(dist);
  browser = await launchBrowser();
}, 300000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

const EARLY = '.dockersim [data-early]';
const XTERM = '.dockersim [class*="xterm-dom-renderer-owner-"]';

/** The rows `root` shows, as a reader sees them. */
function rows(page: Page, root: string): Promise<string[]> {
  return page.$$eval(`${root} .xterm-rows > div`, (divs) => divs.map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
}

function waitForRows(page: Page, root: string, want: (rows: string[]) => boolean): Promise<unknown> {
  return page.waitForFunction(
    ([sel, src]) => {
      const all = [...document.querySelectorAll(`${sel} .xterm-rows > div`)].map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd());
      return all.length > 0 && (new Function('rows', `return (${src})(rows)`) as (r: string[]) => boolean)(all);
    },
    [root, want.toString()] as const,
    { timeout: 60000 },
  );
}

async function open(path = 'one.html'): Promise<{ page: Page; release: () => void; held: () => string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const hold = await holdXterm(page, dist, '/');
  // Not until `load`: the held chunk holds that back.
  await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
  return { page, ...hold, errors };
}

/** Two frames: whatever was scheduled has been drawn. */
const frames = (page: Page): Promise<unknown> => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** How many pixels differ between two PNG screenshots of the same size (decoded by the page). */
function pixelsDiffer(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([x, y]) => {
      const load = async (b64: string): Promise<ImageData> => {
        const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const c = new OffscreenCanvas(img.width, img.height).getContext('2d')!;
        c.drawImage(img, 0, 0);
        return c.getImageData(0, 0, img.width, img.height);
      };
      const [p, q] = [await load(x), await load(y)];
      if (p.width !== q.width || p.height !== q.height) return -1;
      let n = 0;
      for (let i = 0; i < p.data.length; i += 4) {
        if (p.data[i] !== q.data[i] || p.data[i + 1] !== q.data[i + 1] || p.data[i + 2] !== q.data[i + 2]) n++;
      }
      return n;
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

describe('the early screen', () => {
  it('draws the first prompt without xterm.js, and xterm.js takes over without moving a pixel', async () => {
    const { page, release, held, errors } = await open();
    try {
      await waitForRows(page, EARLY, (r) => r.includes('user@dockersim:~$'));
      await page.waitForSelector(`${EARLY} .xterm-cursor.xterm-cursor-block`);
      expect(held()).toHaveLength(1);
      expect(await page.$(XTERM)).toBeNull();
      await frames(page);
      const box = page.locator('.dockersim');
      // The cursor's blink is an animation: shown still, as at its start, in both.
      const before = await box.screenshot({ animations: 'disabled' });
      const shown = await rows(page, EARLY);

      release();
      await page.waitForSelector(EARLY, { state: 'detached', timeout: 60000 });
      await page.waitForSelector(`${XTERM} .xterm-cursor.xterm-cursor-block`);
      await frames(page);
      expect(await rows(page, XTERM)).toEqual(shown);
      const after = await box.screenshot({ animations: 'disabled' });
      expect(await pixelsDiffer(page, before, after)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('sends keys typed before xterm.js is in, and xterm.js shows what they did', async () => {
    const { page, release, errors } = await open();
    try {
      await waitForRows(page, EARLY, (r) => r.includes('user@dockersim:~$'));
      await page.click(`${EARLY} .xterm-screen`);
      await page.keyboard.type('echo early $((6*7)) 中文');
      // The line editor rubs out a wide character (two cells) and redraws.
      await page.keyboard.press('Backspace');
      await page.keyboard.type('字符');
      await page.keyboard.press('Enter');
      await waitForRows(page, EARLY, (r) => r.includes('early 42 中字符') && r.at(-1) !== undefined && r.filter((x) => x === 'user@dockersim:~$').length === 1);
      const early = await rows(page, EARLY);
      const at = early.findIndex((r) => r.startsWith(`${PROMPT}echo early $((6*7)) 中`));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(early.slice(at + 1, at + 3)).toEqual(['early 42 中字符', PROMPT.trimEnd()]);
      expect(await page.getAttribute(EARLY, 'data-early')).toBe('drawing');

      release();
      await page.waitForSelector(EARLY, { state: 'detached', timeout: 60000 });
      // What the line editor drew, the echo and the prompt: the same rows in xterm.js.
      const after = await rows(page, XTERM);
      expect(after.slice(at, at + 3)).toEqual(early.slice(at, at + 3));
      // And the terminal goes on in xterm.js.
      await page.keyboard.type('echo later');
      await page.keyboard.press('Enter');
      await waitForRows(page, XTERM, (r) => r.includes('later'));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('stops drawing at output it does not understand, and xterm.js draws it', async () => {
    const { page, release, errors } = await open();
    try {
      await waitForRows(page, EARLY, (r) => r.includes('user@dockersim:~$'));
      await page.click(`${EARLY} .xterm-screen`);
      // Underline is not the early screen's: it shows the line typed, not the output, until xterm.js is in.
      await page.keyboard.type("printf '\\e[4munder\\e[0m\\n'; echo after");
      await page.keyboard.press('Enter');
      await page.waitForSelector('.dockersim [data-early="stopped"]');
      await frames(page);
      const early = await rows(page, EARLY);
      expect(early.some((r) => r.includes('under') && !r.includes('printf'))).toBe(false);
      expect(early).not.toContain('after');
      // Keys typed while it does not draw wait for xterm.js, in order.
      await page.keyboard.type('echo held');
      await page.keyboard.press('Enter');

      release();
      await page.waitForSelector(EARLY, { state: 'detached', timeout: 60000 });
      await waitForRows(page, XTERM, (r) => r.includes('held'));
      const shown = await rows(page, XTERM);
      const at = shown.indexOf(`${PROMPT}printf '\\e[4munder\\e[0m\\n'; echo after`);
      expect(shown.slice(at + 1, at + 6)).toEqual(['under', 'after', `${PROMPT}echo held`, 'held', PROMPT.trimEnd()]);
      expect(await page.$$eval(`${XTERM} .xterm-rows span`, (s) => s.filter((e) => e.textContent === 'under').map((e) => e.className))).toEqual(['xterm-underline-1']);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('keeps two instances on a page apart, before and after xterm.js', async () => {
    const { page, release, errors } = await open('index.html');
    try {
      // #one's commands are typed into its early screen (what docker pull prints may stop it); #two is another machine.
      await waitForRows(page, '#one [data-early]', (r) => r.includes('user@dockersim:~$ docker run -d --name web busybox sleep 300'));
      await waitForRows(page, '#two [data-early]', (r) => r.includes('user@dockersim:~$'));
      await page.click('#two [data-early] .xterm-screen');
      await page.keyboard.type('docker ps -q | wc -l');
      await page.keyboard.press('Enter');
      await waitForRows(page, '#two [data-early]', (r) => r.filter((x) => x === 'user@dockersim:~$').length === 1 && r.includes('0'));
      const one = await rows(page, '#one [data-early]');
      const two = await rows(page, '#two [data-early]');
      expect(one.some((r) => r.includes('wc -l'))).toBe(false);

      release();
      await page.waitForSelector('[data-early]', { state: 'detached', timeout: 60000 });
      await frames(page);
      const xterm = (box: string): Promise<string[]> => rows(page, `${box} [class*="xterm-dom-renderer-owner-"]`);
      expect(await xterm('#two')).toEqual(two);
      await waitForRows(page, '#one [class*="xterm-dom-renderer-owner-"]', (r) => r.includes('one-ready'));
      const at = one.indexOf('user@dockersim:~$ docker run -d --name web busybox sleep 300');
      expect((await xterm('#one'))[at]).toBe(one[at]);
      expect((await xterm('#one')).some((r) => r.includes('wc -l'))).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
