/**
 * vim in the page's terminal, as a learner uses it: open a new Dockerfile, type it in insert mode, leave with
 * ESC, :wq, and see it with cat. Judged on the screen xterm.js shows. Also prints (never asserts) how long
 * a key takes to reach the screen and how long a 1 MB file takes to open.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, cursorRow, launchBrowser, PROMPT, screen, typeLine, waitForPrompt } from './browser.js';

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  collectErrors(page, errors);
  await page.goto(`${inject('appUrl')}?test=1&seed=1`);
  await waitForPrompt(page);
});

afterAll(async () => {
  await browser?.close();
});

/** Waits until the bottom row of the screen matches. */
async function bottomRow(p: Page, re: RegExp): Promise<void> {
  await p.waitForFunction(
    (source) => {
      const x = window.__dockersim!.xterm!;
      const buf = x.buffer.active;
      const text = buf.getLine(buf.viewportY + x.rows - 1)?.translateToString(true) ?? '';
      return new RegExp(source).test(text);
    },
    re.source,
    { polling: 'raf', timeout: 20_000 },
  ).catch(async (e: unknown) => {
    throw new Error(`bottom row never matched ${re.source}; the screen:\n${(await screen(p)).join('\n')}\n${String(e)}`);
  });
}

describe('vim in the browser', () => {
  it('writes a Dockerfile: insert mode, ESC, :wq, and cat shows it', async () => {
    await page.click('.xterm-screen');
    await page.keyboard.type('vim Dockerfile');
    await page.keyboard.press('Enter');
    await bottomRow(page, /^"Dockerfile" \[New\] +0,0-1 +All$/);
    const opened = await screen(page);
    expect(opened[0]).toBe('');
    expect(opened.slice(1, -1).every((r) => r === '~')).toBe(true);

    await page.keyboard.press('i');
    await bottomRow(page, /^-- INSERT -- +0,1 +All$/);
    await page.keyboard.type('FROM ubuntu:24.04');
    await page.keyboard.press('Enter');
    await page.keyboard.type('RUN apt-get update && apt-get install -y nginx');
    await bottomRow(page, /^-- INSERT -- +2,47 +All$/);
    await page.keyboard.press('Escape');
    // ESC alone is a key once 'ttimeoutlen' (100 ms) has passed with nothing after it.
    await bottomRow(page, /^ +2,46 +All$/);
    const typed = await screen(page);
    expect(typed.slice(0, 2)).toEqual(['FROM ubuntu:24.04', 'RUN apt-get update && apt-get install -y nginx']);

    const row = await cursorRow(page);
    await page.keyboard.type(':wq');
    await bottomRow(page, /^:wq$/);
    await page.keyboard.press('Enter');
    await waitForPrompt(page, 0);
    expect(await cursorRow(page)).toBeGreaterThanOrEqual(0);
    void row;
    await typeLine(page, 'cat Dockerfile');
    const after = (await screen(page)).filter((r) => r !== '');
    expect(after.slice(-4)).toEqual([
      `${PROMPT}cat Dockerfile`, 'FROM ubuntu:24.04', 'RUN apt-get update && apt-get install -y nginx', PROMPT,
    ]);
    // Back on the normal screen: the command that started vim is still there above.
    expect(after).toContain(`${PROMPT}vim Dockerfile`);
    expect(errors).toEqual([]);
  });

  it('measures a key in insert mode reaching the screen, and opening a 1 MB file (printed, not asserted)', async () => {
    await typeLine(page, 'seq 1 159000 > big.txt');
    await page.keyboard.type('vim big.txt');
    const t0 = Date.now();
    await page.keyboard.press('Enter');
    await bottomRow(page, /^"big\.txt" 159000L, 1001895B +1,1 +Top$/);
    const openMs = Date.now() - t0;
    await page.keyboard.press('G');
    await bottomRow(page, /^"big\.txt" 159000L, 1001895B +159000,1 +Bot$/);
    await page.keyboard.press('o');
    await bottomRow(page, /^-- INSERT --/);
    const samples: number[] = [];
    for (const ch of 'dockersim') {
      const ms = await page.evaluate(async (key) => {
        const x = window.__dockersim!.xterm!;
        const start = performance.now();
        const painted = new Promise<number>((resolve) => {
          const d = x.onRender(() => {
            const buf = x.buffer.active;
            const line = buf.getLine(buf.baseY + buf.cursorY)?.translateToString(true) ?? '';
            if (line.endsWith(key)) {
              d.dispose();
              resolve(performance.now() - start);
            }
          });
        });
        x.textarea!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        x.textarea!.dispatchEvent(new KeyboardEvent('keypress', { key, charCode: key.charCodeAt(0), bubbles: true }));
        return painted;
      }, ch);
      samples.push(ms);
    }
    samples.sort((a, b) => a - b);
    console.log(`vim: 1 MB file (159,000 lines) opened on screen in ${openMs} ms (from Enter, wall clock); key → painted in insert mode: median ${samples[Math.floor(samples.length / 2)].toFixed(1)} ms, worst ${samples[samples.length - 1].toFixed(1)} ms`);
    await page.keyboard.press('Escape');
    await page.keyboard.type(':q!');
    await page.keyboard.press('Enter');
    await waitForPrompt(page, 0);
    expect(errors).toEqual([]);
  });
});
