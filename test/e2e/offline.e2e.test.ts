/**
 * Offline for real (issue 19): after one visit the service worker has precached the build, so the app and the
 * embed page start, boot and run `sudo docker run hello-world` with the network off; and a new build is picked up on
 * a later visit, once no page of the old one is open, never half of one and half of the other.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bufferLines, launchBrowser, waitForPrompt } from './browser.js';
import { serveStatic, type StaticServer } from './server.js';

let browser: Browser;
const temps: string[] = [];
const servers: StaticServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** Resolves once the page's service worker is active, i.e. its precache is complete. */
async function workerActive(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), { timeout: 60000, interval: 250 })
    .toBe('activated');
}

async function typeLine(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

async function waitForLine(page: Page, line: string): Promise<void> {
  await expect.poll(async () => (await bufferLines(page)).includes(line), { timeout: 60000, interval: 200 }).toBe(true);
}

describe('offline', () => {
  it('starts the app and the embed page with the network off after one visit', async () => {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1200, height: 760 }, locale: 'en-US' });
    try {
      const first = await context.newPage();
      await first.goto(`${inject('appUrl')}?test=1`);
      await waitForPrompt(first);
      await workerActive(first);
      await first.close();

      await context.setOffline(true);
      // Offline for real: a request that reaches the network fails.
      const probe = await context.newPage();
      await expect(probe.goto(`${inject('appUrl')}no-such-page.html`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
      await probe.close();

      const app = await context.newPage();
      const errors: string[] = [];
      app.on('pageerror', (e) => errors.push(String(e)));
      await app.goto(`${inject('appUrl')}?test=1`);
      await waitForPrompt(app);
      // The terminal takes the keys once it has the focus (a click, as a person would give it).
      await app.click('.xterm-screen');
      await typeLine(app, 'sudo docker run hello-world');
      await waitForLine(app, 'Hello from Docker!');

      const embed = await context.newPage();
      await embed.goto(`${inject('appUrl')}embed.html?test=1&cmd=echo%20offline%20too`);
      await waitForLine(embed, 'offline too');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps serving the build a page opened with until no page of it is open, then the new one', async () => {
    // Two builds: A is the one under test, B the same with a marked index.html (and so a different sw.js).
    const base = inject('appUrl');
    const sw = await (await fetch(`${base}sw.js`)).text();
    const files = ['sw.js', ...new Set([...sw.matchAll(/\burl"?\s*:\s*"([^"]+)"/g)].map((m) => m[1])), ...[...sw.matchAll(/"\.\/(workbox-[\w-]+)"/g)].map((m) => `${m[1]}.js`)];
    expect(files).toContain('index.html');
    const a = mkdtempSync(join(tmpdir(), 'dockersim-sw-a-'));
    const b = mkdtempSync(join(tmpdir(), 'dockersim-sw-b-'));
    temps.push(a, b);
    for (const f of files) {
      const bytes = Buffer.from(await (await fetch(`${base}${f}`)).arrayBuffer());
      for (const dir of [a, b]) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        writeFileSync(join(dir, f), bytes);
      }
    }
    writeFileSync(join(b, 'index.html'), readFileSync(join(a, 'index.html'), 'utf8').replace('<head>', '<head><meta name="dockersim-build" content="B">'));
    const swB = sw.replace(/(\burl"?\s*:\s*"index\.html"\s*,\s*"?revision"?\s*:\s*")[0-9a-f]+"/, '$1b0000000000000000000000000000000"');
    expect(swB).not.toBe(sw);
    writeFileSync(join(b, 'sw.js'), swB);
    let root = a;
    const server = await serveStatic(() => root);
    servers.push(server);

    const context = await browser.newContext({ viewport: { width: 1200, height: 760 }, locale: 'en-US' });
    const build = (page: Page): Promise<string> =>
      page.evaluate(() => document.querySelector('meta[name="dockersim-build"]')?.getAttribute('content') ?? 'A');
    try {
      const old = await context.newPage();
      await old.goto(`${server.url}?test=1`);
      await waitForPrompt(old);
      await workerActive(old);
      expect(await build(old)).toBe('A');

      root = b;
      // While a page of A is open, a new page still gets A, all of it (B's worker installs and waits).
      const second = await context.newPage();
      await second.goto(`${server.url}?test=1`);
      await waitForPrompt(second);
      expect(await build(second)).toBe('A');
      await expect.poll(() => second.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await reg?.update();
        return reg?.waiting?.state ?? 'none';
      }), { timeout: 60000, interval: 500 }).toBe('installed');

      await old.close();
      await second.close();
      // With no page of A left, B's worker takes over: the next visit is B.
      let seen = 'A';
      for (let i = 0; i < 10 && seen !== 'B'; i++) {
        const next = await context.newPage();
        await next.goto(`${server.url}?test=1`);
        seen = await build(next);
        if (seen === 'B') await waitForPrompt(next);
        await next.close();
      }
      expect(seen).toBe('B');
    } finally {
      await context.close();
    }
  });
});
