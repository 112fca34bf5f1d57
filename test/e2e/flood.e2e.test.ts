/**
 * A flood in real Chromium: twenty containers running `yes` and the learner's own terminal flooded by `yes`
 * at the same time. No main-thread task of the page may come near LONG_TASK_BOUND_MS (a regression bound; the
 * 50 ms budget is measured by `npm run bench:web`), and the page keeps answering: a key typed during the flood
 * is echoed, Ctrl-C stops it and the prompt comes back.
 *
 * What is asserted is what the page controls: the work each of its main-thread tasks does (the driver's
 * slices, xterm's parsing batches, the panel's renders), in CPU time (longTasks.ts). The window
 * starts after the page has loaded and the chunks a first `docker run` needs have been fetched and compiled
 * (the warm-up below), so the page's boot is not counted in it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cursorRow, launchBrowser, PROMPT, screenText, waitForPrompt } from './browser.js';
import { cpuTimes, LONG_TASK_BOUND_MS, startProbe, startTrace, stopProbe } from './longTasks.js';

const CONTAINERS = 20;
/** Real ms the terminal floods, with the containers flooding their logs beside it. */
const FLOOD_MS = 6000;

let browser: Browser;
let page: Page;
const errors: string[] = [];

async function typeCommand(cmd: string, timeout = 30000): Promise<void> {
  const row = await cursorRow(page);
  await page.keyboard.type(cmd);
  await page.keyboard.press('Enter');
  await waitForPrompt(page, row + 1, timeout);
}

/**
 * Types `key` and resolves with the real ms until xterm has parsed the terminal's echo of it (-1 if it has not
 * after 10 s): the echo leaves the tty as a chunk of its own, and an empty write queued right behind it calls
 * back once xterm is there.
 */
async function echoLatency(key: string): Promise<number> {
  const armed = page.evaluate(
    (k) =>
      new Promise<number>((resolve) => {
        const d = window.__dockersim!;
        const x = d.xterm!;
        let typed = 0;
        setTimeout(() => resolve(-1), 10000);
        window.addEventListener('keydown', () => (typed ||= performance.now()), { capture: true, once: true });
        const sub = d.term!.tty.onOutput((data, echo) => {
          if (!echo || data !== k) return;
          sub.dispose();
          x.write('', () => {
            const buf = x.buffer.active;
            const shown = buf.getLine(buf.baseY + buf.cursorY)?.getCell(buf.cursorX - 1)?.getChars();
            resolve(shown === k ? performance.now() - typed : -1);
          });
        });
      }),
    key,
  );
  // The listener is in place once the evaluate's script has run; a frame later is safely after that.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  await page.keyboard.type(key);
  return armed;
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${inject('appUrl')}?test=1&seed=1&locale=en`);
  await waitForPrompt(page);
  // Warm-up, outside the window: pulls busybox and loads the code a container start needs.
  await typeCommand('sudo docker run --rm busybox true');
});

afterAll(async () => {
  await browser?.close();
});

describe('a flood', () => {
  it(`keeps every main-thread task within ${LONG_TASK_BOUND_MS} ms of CPU with ${CONTAINERS} containers and the terminal running yes`, async () => {
    const stopTrace = await startTrace(await page.context().newCDPSession(page));
    await startProbe(page);
    const v0 = await page.evaluate(() => window.__dockersim!.machine.kernel.now());
    await typeCommand(`for i in $(seq ${CONTAINERS}); do sudo docker run -d --name y$i busybox yes >/dev/null; done`, 60000);
    const running = (): Promise<number> =>
      page.evaluate(() => [...window.__dockersim!.machine.daemonStore.containers.values()].filter((c) => c.State.Running).length);
    expect(await running()).toBe(CONTAINERS);

    const row = await cursorRow(page);
    await page.keyboard.type('yes');
    await page.keyboard.press('Enter');
    const floodStart = Date.now();
    await page.waitForFunction(() => {
      const buf = window.__dockersim!.xterm!.buffer.active;
      return buf.getLine(buf.baseY + buf.cursorY - 1)?.translateToString(true) === 'y';
    });
    await page.waitForTimeout(FLOOD_MS / 2);
    const echoMs = await echoLatency('x');
    await page.waitForTimeout(Math.max(0, floodStart + FLOOD_MS - Date.now()));
    const probe = await stopProbe(page);
    const cpu = cpuTimes(probe, await stopTrace());
    const v1 = await page.evaluate(() => window.__dockersim!.machine.kernel.now());

    const ms = (n: number): string => `${n.toFixed(0)} ms`;
    console.log(
      `flood (${CONTAINERS} containers + terminal, ${(probe.windowMs / 1000).toFixed(1)} s): ` +
        `longest task ${ms(Math.max(0, ...probe.long.map(([, d]) => d)))} wall, ${ms(Math.max(0, ...cpu))} CPU; ` +
        `long tasks (wall/CPU) [${probe.long.map(([, d], i) => `${d.toFixed(0)}/${cpu[i].toFixed(0)}`).join(', ')}]; ` +
        `${((probe.frames * 1000) / probe.windowMs).toFixed(1)} fps, worst frame gap ${ms(probe.worstFrameGap)}; ` +
        `echo of a key ${ms(echoMs)}; virtual time +${ms(v1 - v0)}`,
    );
    expect(echoMs).toBeGreaterThanOrEqual(0); // the key came back, and xterm shows it before the cursor
    expect(Math.max(0, ...cpu)).toBeLessThanOrEqual(LONG_TASK_BOUND_MS);
    expect(probe.frames).toBeGreaterThan(0);

    // Ctrl-C reaches `yes` through the flood; the containers go on.
    await page.keyboard.press('Control+C');
    await waitForPrompt(page, row + 1);
    expect((await screenText(page)).slice(-2)).toEqual(['^C', PROMPT]);
    expect(await running()).toBe(CONTAINERS);
    await page.waitForFunction(
      (n) => document.querySelector('.panel-tab[aria-selected="true"]')?.textContent === `Containers (${n})`,
      CONTAINERS,
    );
    expect(errors).toEqual([]);
  });
});
