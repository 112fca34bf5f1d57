/**
 * State that survives: a running container, its logs, the terminals and their screens come back after a
 * reload (by replaying the input journal), a share link reproduces the session elsewhere, and a corrupt saved
 * session is reported and set aside while a fresh machine starts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cursorRow, launchBrowser, PROMPT, screenText, waitForPrompt } from './browser.js';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

const DAVE = "sudo docker run -d --name dave busybox sh -c 'while true; do echo hello; sleep 1; done'";

/**
 * Waits until xterm has parsed everything written so far (it parses in chunks, frame by frame: a restored
 * screen shows intermediate prompts on the way).
 */
function parsed(p: Page): Promise<void> {
  return p.evaluate(() => new Promise<void>((resolve) => window.__dockersim!.xterm!.write('', resolve)));
}

async function run(p: Page, line: string): Promise<{ from: number; to: number }> {
  await parsed(p);
  const from = await cursorRow(p);
  await p.keyboard.type(line);
  await p.keyboard.press('Enter');
  const to = await waitForPrompt(p, from + 1, 20000);
  return { from, to };
}

/** What the machine printed for `line` in the terminal in focus: logical lines (wrapped rows joined). */
async function output(p: Page, line: string): Promise<string[]> {
  const { from, to } = await run(p, line);
  const lines = await p.evaluate(
    ([a, b]) => {
      const buf = window.__dockersim!.xterm!.buffer.active;
      const out: string[] = [];
      for (let y = a; y < b; y++) {
        const l = buf.getLine(y)!;
        if (l.isWrapped && out.length > 0) out[out.length - 1] += l.translateToString(true);
        else out.push(l.translateToString(true));
      }
      return out;
    },
    [from, to] as const,
  );
  return lines.slice(1);
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 700 } });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${inject('appUrl')}?test=1&seed=1`);
  await waitForPrompt(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('state that survives', () => {
  let before: string[] = [];

  it('restores a running container, its logs and the screen after a reload', async () => {
    await run(page, DAVE);
    await run(page, 'echo one two');
    // A few virtual seconds of the loop, in an instant.
    await page.evaluate(() => window.__dockersim!.driver.skipAhead(5000));
    // Freeze the machine so the screen and the saved session match exactly, then save (as pagehide does).
    await page.evaluate(() => window.__dockersim!.driver.pause());
    before = await screenText(page);
    await page.evaluate(() => window.__dockersim!.save());

    await page.reload();
    await waitForPrompt(page, 0, 30000);
    const start = await page.evaluate(() => window.__dockersim!.start);
    const virtualMs = await page.evaluate(() => window.__dockersim!.machine.kernel.now());
    console.log(`restore: ${start.source}, replay ${start.replayMs.toFixed(0)} ms for ${virtualMs.toFixed(0)} virtual ms`);
    expect(start.source).toBe('saved');
    await parsed(page);
    expect(await screenText(page)).toEqual(before);

    const ps = await output(page, 'sudo docker ps --format "{{.Names}} {{.Status}}"');
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatch(/^dave Up \d+ seconds$/);
    const logs = await output(page, 'sudo docker logs dave');
    expect(logs.length).toBeGreaterThanOrEqual(5);
    expect(new Set(logs)).toEqual(new Set(['hello']));
    // The shell's history came back with it: it is the same shell, having read the same lines.
    const hist = await output(page, 'history');
    expect(hist.slice(0, 2)).toEqual([`    1  ${DAVE}`, '    2  echo one two']);
    expect(errors).toEqual([]);
  });

  it('saves on its own when the page goes away (no explicit save)', async () => {
    await page.evaluate(() => window.__dockersim!.driver.resume());
    await run(page, 'echo saved-by-pagehide');
    await page.reload();
    await waitForPrompt(page, 0, 30000);
    const hist = await output(page, 'history');
    expect(hist.at(-2)).toMatch(/^ +\d+  echo saved-by-pagehide$/);
  });

  it('restores several terminals, each with its own screen', async () => {
    await page.click('.term-add');
    await page.waitForFunction(() => window.__dockersim!.deck.store.getState().ids.length === 2);
    await page.waitForFunction(() => window.__dockersim!.deck.store.getState().active === 1);
    await waitForPrompt(page);
    await run(page, 'echo second');
    await page.click('.term-split');
    await page.evaluate(() => window.__dockersim!.driver.pause());
    const second = await screenText(page);
    await page.evaluate(() => window.__dockersim!.save());

    await page.reload();
    await page.waitForFunction(() => window.__dockersim?.deck.store.getState().ids.length === 2, undefined, { timeout: 30000 });
    expect(await page.evaluate(() => window.__dockersim!.deck.store.getState())).toEqual({ ids: [0, 1], active: 1, split: true, ended: [] });
    await parsed(page);
    expect(await screenText(page)).toEqual(second);
    expect(await page.locator('.deck-pane').count()).toBe(2);
  });

  it('a share link replays the session in another browser profile', async () => {
    const link = await page.evaluate(() => window.__dockersim!.shareLink());
    expect(link).toMatch(/[?&]session=/);
    const other = await browser.newContext({ viewport: { width: 1366, height: 700 } });
    const p2 = await other.newPage();
    await p2.goto(`${link}&test=1`);
    await p2.waitForFunction(() => window.__dockersim?.start.source === 'link', undefined, { timeout: 30000 });
    expect(new URL(p2.url()).searchParams.has('session')).toBe(false);
    await waitForPrompt(p2);
    const ps = await output(p2, 'sudo docker ps --format "{{.Names}}"');
    expect(ps).toEqual(['dave']);
    await other.close();
  });

  it('replays ten virtual minutes of a container loop (measured, reported)', async () => {
    const other = await browser.newContext({ viewport: { width: 1366, height: 700 } });
    const p = await other.newPage();
    await p.goto(`${inject('appUrl')}?test=1&seed=1`);
    await waitForPrompt(p);
    await run(p, DAVE);
    const live = await p.evaluate(async () => {
      const t = performance.now();
      await window.__dockersim!.driver.skipAhead(600_000);
      window.__dockersim!.driver.pause();
      await window.__dockersim!.save();
      return performance.now() - t;
    });
    await p.reload();
    await waitForPrompt(p, 0, 60000);
    const r = await p.evaluate(() => ({
      ...window.__dockersim!.start,
      virtualMs: window.__dockersim!.machine.kernel.now(),
      entries: window.__dockersim!.session.journal.length,
    }));
    console.log(
      `10 min of daemon_dave: fast-forward ${live.toFixed(0)} ms, replay after reload ${r.replayMs.toFixed(0)} ms ` +
        `(${r.entries} journal entries, ${(r.virtualMs / 1000).toFixed(0)} virtual s)`,
    );
    expect(r.source).toBe('saved');
    const logs = await output(p, 'sudo docker logs dave | wc -l');
    expect(Number(logs[0])).toBeGreaterThanOrEqual(600);
    await other.close();
  });

  it('exports the session to a file and imports it again', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.session-export')]);
    expect(download.suggestedFilename()).toMatch(/^dockersim-session-.*\.json$/);
    const file = await download.path();
    const other = await browser.newContext({ viewport: { width: 1366, height: 700 } });
    const p = await other.newPage();
    await p.goto(`${inject('appUrl')}?test=1`);
    await waitForPrompt(p);
    await p.setInputFiles('.session-menu input[type=file]', file);
    await p.waitForFunction(() => window.__dockersim?.start.source === 'saved', undefined, { timeout: 30000 });
    await p.waitForFunction(() => window.__dockersim!.deck.store.getState().ids.length === 2);
    await p.evaluate(() => window.__dockersim!.deck.activate(0));
    await waitForPrompt(p);
    expect(await output(p, 'sudo docker ps --format "{{.Names}}"')).toEqual(['dave']);
    await other.close();
  });

  it('Reset asks, then starts a new machine', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.click('.session-reset');
    await page.waitForFunction(() => window.__dockersim?.start.source === 'fresh', undefined, { timeout: 30000 });
    await waitForPrompt(page);
    expect(await output(page, 'sudo docker ps -aq')).toEqual([]);
  });

  it('sets a corrupt saved session aside, says so, and starts a working machine', async () => {
    await page.evaluate(() => window.__dockersim!.driver.pause());
    await page.evaluate(() => window.__dockersim!.save());
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('dockersim');
          req.onsuccess = () => {
            const tx = req.result.transaction('sessions', 'readwrite');
            tx.objectStore('sessions').put('{"format": 1, "seed": 1, "journal": [', 'session');
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
          // The copy a leaving page writes synchronously is damaged too, and stays so.
          localStorage.setItem('dockersim:session', '{"format": 1, "seed": ');
          Storage.prototype.setItem = () => {};
        }),
    );
    await page.reload();
    await waitForPrompt(page, 0, 30000);
    expect(await page.evaluate(() => window.__dockersim!.start.source)).toBe('fresh');
    const notice = await page.locator('.notice-setAside').innerText();
    expect(notice).toContain('The saved session could not be restored (json: ');
    expect(notice).toContain('set-aside:');
    expect(await output(page, 'echo still here')).toEqual(['still here']);
    const kept = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const req = indexedDB.open('dockersim');
          req.onsuccess = () => {
            const keys = req.result.transaction('sessions').objectStore('sessions').getAllKeys();
            keys.onsuccess = () => resolve(keys.result.map(String));
          };
        }),
    );
    expect(kept.filter((k) => k.startsWith('set-aside:'))).toHaveLength(2);
  });
});
