/**
 * The app in real Chromium: the learner's terminal shows a prompt, runs a command, and stays responsive while
 * the simulation runs a busy loop.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cursorRow, launchBrowser, PROMPT, screenText, waitForPrompt } from './browser.js';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1024, height: 640 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${inject('appUrl')}?test=1&seed=1`);
  await waitForPrompt(page);
  const timing = await page.evaluate(() => ({
    prompt: performance.now(),
    marks: performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)}`),
  }));
  console.log(`first prompt on screen ${timing.prompt.toFixed(0)} ms after navigation (${timing.marks.join(', ')})`);
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

describe('terminal', () => {
  it('shows a prompt, takes keys from the focused terminal and prints the answer', async () => {
    const before = await screenText(page);
    expect(before.at(-1)).toBe(PROMPT);
    const row = await cursorRow(page);

    await page.keyboard.type('echo hello');
    await page.keyboard.press('Enter');
    await waitForPrompt(page, row + 1);

    expect((await screenText(page)).slice(-3)).toEqual([`${PROMPT}echo hello`, 'hello', PROMPT]);
  });

  it('opens the terminal at the size it is fitted to: the shell sees one size change, to the box', async () => {
    const got = await page.evaluate(() => {
      const d = window.__dockersim!;
      const sizes = d.session.journal.filter((e) => e.kind === 'open' || e.kind === 'resize').map((e) => `${e.kind} ${'rows' in e ? `${e.rows}x${e.cols}` : ''}`);
      return { sizes, now: `${d.xterm.rows}x${d.xterm.cols}` };
    });
    // 1024x640 viewport; 24x80 is the size a terminal is opened with before the page has laid it out.
    expect(got.sizes).toEqual(['open 24x80', `resize ${got.now}`]);
    expect(got.now).not.toBe('24x80');
  });

  let loopRow = 0;

  it('stays responsive while `while true; do :; done` runs', async () => {
    loopRow = await cursorRow(page);
    await page.keyboard.type('while true; do :; done');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__dockersim!.machine.kernel.sched.runnable() > 0);

    // Long tasks (> 50 ms) and the worst gap a zero-delay timer sees, over 2 s of the loop running.
    const probe = await page.evaluate(async () => {
      const long: number[] = [];
      const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration)));
      obs.observe({ type: 'longtask' });
      const v0 = window.__dockersim!.machine.kernel.now();
      let worstGap = 0;
      const end = performance.now() + 2000;
      let last = performance.now();
      while (performance.now() < end) {
        await new Promise((r) => setTimeout(r, 0));
        const t = performance.now();
        worstGap = Math.max(worstGap, t - last);
        last = t;
      }
      obs.disconnect();
      const virtualMs = window.__dockersim!.machine.kernel.now() - v0;
      return { long, worstGap, virtualMs, longestSlice: window.__dockersim!.driver.stats().longestSliceMs };
    });
    console.log(
      `busy loop: long tasks ${JSON.stringify(probe.long)}, worst timer gap ${probe.worstGap.toFixed(1)} ms, ` +
        `longest slice ${probe.longestSlice.toFixed(1)} ms, virtual time +${probe.virtualMs.toFixed(0)} ms in 2 s`,
    );
    expect(probe.long).toEqual([]);
    expect(probe.worstGap).toBeLessThan(50);
    expect(probe.virtualMs).toBeGreaterThan(1000);
    // Keys still reach the terminal (typed ahead, echoed by the tty while the loop runs).
    await page.keyboard.type('x');
    await page.waitForFunction(() => {
      const buf = window.__dockersim!.xterm.buffer.active;
      return buf.getLine(buf.baseY + buf.cursorY)?.translateToString(true) === 'x';
    });
    await page.keyboard.press('Backspace');
  });

  it('Ctrl-C stops the loop and returns to the prompt', async () => {
    await page.keyboard.press('Control+C');
    await waitForPrompt(page, loopRow + 1);
    expect((await screenText(page)).slice(-3)).toEqual([`${PROMPT}while true; do :; done`, '^C', PROMPT]);
  });
});
