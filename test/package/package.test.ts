/**
 * The npm package, proven the way a docs author uses it: `npm run build:lib`, `npm pack`, the tarball
 * installed into a fresh folder outside the repository, and three sites built from it there (a Vite + React
 * page with `<DockerSim>`, a plain HTML page loading the standalone `<docker-sim>` script, a VitePress page
 * with `<docker-sim>` in its Markdown), served and driven in Chromium: a command typed, its exact output on
 * screen, two simulators on one page with machines (and daemon views) of their own, and a share link replayed.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionOf } from '../../src/machine/journal.js';
import { Machine } from '../../src/machine/machine.js';
import { nodeDrain } from '../../src/node/drain.js';
import { encodeShared } from '../../src/ui/persist/shareLink.js';
import { Session } from '../../src/ui/session.js';
import { launchBrowser, PROMPT } from '../e2e/browser.js';
import { serveStatic, type StaticServer } from '../e2e/server.js';
import { buildAndPack, siteProject, siteTool } from './install.js';
import { weighBeforePrompt } from './weigh.js';

let browser: Browser;
let site: string;
let packDir: string;
const servers: StaticServer[] = [];
const urls: Record<'react' | 'html' | 'vitepress', string> = { react: '', html: '', vitepress: '' };

beforeAll(async () => {
  const t0 = performance.now();
  packDir = mkdtempSync(join(tmpdir(), 'dockersim-pack-'));
  const tarball = buildAndPack(packDir);
  site = siteProject(tarball);
  siteTool(site, 'vite', ['build', '-c', 'react/vite.config.mjs', '--logLevel', 'error']);
  cpSync(join(site, 'node_modules/dockersim/standalone'), join(site, 'html/dockersim'), { recursive: true });
  siteTool(site, 'vitepress', ['build', 'vitepress/docs']);
  for (const [name, dir] of [['react', 'react/dist'], ['html', 'html'], ['vitepress', 'vitepress/docs/.vitepress/dist']] as const) {
    const s = await serveStatic(join(site, dir));
    servers.push(s);
    urls[name] = s.url;
  }
  browser = await launchBrowser();
  console.log(`package: built, packed, installed and three sites built in ${Math.round((performance.now() - t0) / 1000)} s (${site})`);
});

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  if (site) rmSync(site, { recursive: true, force: true });
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

/** The rows an instance's terminal shows on the page, as a reader sees them (xterm's DOM rows). */
function rows(page: Page, box: string): Promise<string[]> {
  return page.$$eval(`${box} .xterm-rows > div`, (divs) => divs.map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
}

async function waitForRow(page: Page, box: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) => [...document.querySelectorAll(`${sel} .xterm-rows > div`)].some((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd() === want),
    [box, text] as const,
    { timeout: 60000 },
  );
}

/** Types a command into an instance's terminal as a reader does (click, keys, Enter) and returns what it printed. */
async function typeAndRead(page: Page, box: string, cmd: string): Promise<string[]> {
  const typed = `${PROMPT}${cmd}`;
  await waitForRow(page, box, PROMPT.trimEnd());
  await page.click(`${box} .xterm-screen`);
  await page.keyboard.type(cmd);
  await page.keyboard.press('Enter');
  // Done when a prompt follows the typed line.
  await page.waitForFunction(
    ([sel, line, prompt]) => {
      const all = [...document.querySelectorAll(`${sel} .xterm-rows > div`)].map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd());
      const at = all.lastIndexOf(line);
      return at >= 0 && all.slice(at + 1).some((r) => r === prompt);
    },
    [box, typed, PROMPT.trimEnd()] as const,
    { timeout: 60000 },
  );
  const all = await rows(page, box);
  const at = all.lastIndexOf(typed);
  const end = all.indexOf(PROMPT.trimEnd(), at + 1);
  return all.slice(at + 1, end);
}

/** What every sample page shows: #one started `web` from its commands; #two is another machine. */
async function twoInstances(url: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await waitForRow(page, '#one', 'one-ready');
    expect(await typeAndRead(page, '#one', "docker ps --format '{{.Names}} {{.Image}} {{.Command}}'")).toEqual(['web busybox "sleep 300"']);
    expect(await typeAndRead(page, '#two', 'docker ps -a --format {{.Names}}')).toEqual([]);
    expect(await typeAndRead(page, '#two', 'echo $((6*7)) $(whoami)')).toEqual(['42 user']);
    // Still there in the first, after the second was used.
    expect(await typeAndRead(page, '#one', 'docker ps -q | wc -l')).toEqual(['1']);
    // Each daemon view shows its own machine's containers (the views' stores are not shared).
    await page.waitForFunction(() => [...document.querySelectorAll('#one .crow-name')].some((e) => e.textContent === 'web'), undefined, { timeout: 30000 });
    expect(await page.$$eval('#two .crow-name', (els) => els.map((e) => e.textContent))).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}

const SHARED = ['id -nG', 'sudo docker run --name linked busybox echo from the link'];

/**
 * A share link as the app makes one (src/ui/persist/shareLink.ts): the app's machine (the learner not in group
 * docker, as in the book) with SHARED typed at its prompt, recorded headless from the same sources.
 */
async function appShareLink(seed: number): Promise<string> {
  const session = await Session.fresh(seed, (s) => Machine.boot({ seed: s, drain: nodeDrain }), { now: () => 0, later: () => {} }, (e) => {
    throw e;
  });
  const k = session.machine.kernel;
  await k.run({ until: 500 });
  session.recorder.submit({ kind: 'keys', term: 0, data: SHARED.map((c) => `${c}\r`).join('') });
  await session.recorder.flush();
  await k.run({ until: 30_000 });
  const param = await encodeShared({ seed, journal: session.recorder.entries, head: positionOf(k) });
  session.stop();
  return `https://docs.example.com/dockersim/?session=${param}`;
}

describe('the packed package in a docs site', () => {
  it('a Vite + React page with two <DockerSim>', async () => {
    await twoInstances(urls.react);
  });

  it('a plain HTML page with the standalone <docker-sim> script', async () => {
    await twoInstances(urls.html);
  });

  it('a VitePress page with <docker-sim> in its Markdown', async () => {
    await twoInstances(urls.vitepress);
  });

  it('a <DockerSim> with a lesson beside its terminal', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${urls.react}lesson.html`);
      await page.locator('.embed-lesson', { hasText: 'Running our first container' }).waitFor({ timeout: 60000 });
      await page.locator('.embed-lesson', { hasText: 'Start the container' }).waitFor({ timeout: 60000 });
      // A lesson starts where the book does: not in group docker.
      expect(await typeAndRead(page, '.dockersim', 'id -nG')).toEqual(['user adm cdrom sudo dip plugdev lxd']);
    } finally {
      await page.close();
    }
  });

  it('a <DockerSim replay> shows the shared session, read-only', async () => {
    const link = await appShareLink(3);
    const page = await browser.newPage({ viewport: { width: 1100, height: 600 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${urls.react}replay.html?link=${encodeURIComponent(link)}`);
      // What the sharer saw, on the sharer's machine: not in group docker, the image pulled, the echo.
      await waitForRow(page, '.dockersim', 'from the link');
      // Read once xterm.js has taken over from the early screen (src/ui/early/), which showed the rows until then.
      await page.waitForSelector('.dockersim [data-early]', { state: 'detached', timeout: 60000 });
      const shown = await rows(page, '.dockersim');
      const at = shown.indexOf(`${PROMPT}${SHARED[0]}`);
      expect(shown.slice(at, at + 4)).toEqual([`${PROMPT}${SHARED[0]}`, 'user adm cdrom sudo dip plugdev lxd', `${PROMPT}${SHARED[1]}`, "Unable to find image 'busybox:latest' locally"]);
      expect(shown.filter((r) => r !== '').at(-1)).toBe(PROMPT.trimEnd());
      // Read-only: keys typed into it reach no shell (a live terminal echoes in the next frame).
      await page.click('.dockersim .xterm-screen');
      await page.keyboard.type('echo typed');
      await page.keyboard.press('Enter');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await rows(page, '.dockersim')).toEqual(shown);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('weighs the JS a page with one <DockerSim> loads before its first prompt, React aside', async () => {
    const page = await browser.newPage();
    const w = await weighBeforePrompt(page, `${urls.react}one.html`, join(site, 'react/dist'));
    await page.close();
    const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
    console.log(
      `package: one <DockerSim> before its first prompt: ${kib(w.ours)} gzip of JS beside React (${kib(w.react)}); ${w.files.join(' ')}; xterm.js after it: ${kib(w.heldBytes)} (${w.held.join(' ')})`,
    );
    expect(w.react).toBeGreaterThan(0);
    expect(w.ours).toBeGreaterThan(0);
    // Issue 19's budget, 150 KB of 1,000 bytes: the figure is ~144 KB (bench:web reports it), so the bound
    // catches a regression of a few KB, not noise (these are bytes of a deterministic build).
    expect(w.ours).toBeLessThan(150_000);
    // xterm.js's chunk is asked for at once and was held back until the prompt showed (weigh.ts): the early
    // screen (src/ui/early/) drew the prompt without it.
    expect(w.held).toHaveLength(1);
    expect(w.files).not.toContain(w.held[0]);
    // The simulator's boot code comes as one file (scripts/bootChunk.ts), not the ~35 small ones of the
    // bundler's default split, which gzip packed 9 KiB worse.
    expect(w.files.length).toBeLessThan(10);
    // The code no boot runs (src/machine/late.ts) is fetched after the prompt is on screen, not before.
    expect(w.files.filter((f) => /\/late-[\w-]+\.js$/.test(f))).toEqual([]);
  });
});
