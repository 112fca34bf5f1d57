/**
 * A learner writes a Dockerfile in nano in real Chromium: the editor fills the terminal, ^O Enter saves, ^X
 * leaves it, and `cat` shows what was written, judged on what the terminal shows.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, cursorRow, launchBrowser, PROMPT, screen, screenText, waitForPrompt } from './browser.js';

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1024, height: 640 } });
  collectErrors(page, errors);
  await page.goto(`${inject('appUrl')}?test=1&seed=1`);
  await waitForPrompt(page);
});

afterAll(async () => {
  await browser?.close();
});

/** Waits until some row of the screen is `row` (trailing blanks trimmed). */
async function waitForRow(row: string): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const x = window.__dockersim?.xterm;
      if (!x) return false;
      const buf = x.buffer.active;
      for (let y = 0; y < x.rows; y++) if (buf.getLine(buf.viewportY + y)?.translateToString(true).trim() === want) return true;
      return false;
    },
    row,
    { polling: 'raf', timeout: 20_000 },
  );
}

describe('nano in the browser', () => {
  it('writes a Dockerfile, saves it with ^O Enter, leaves with ^X, and cat shows it', async () => {
    await page.click('.xterm-screen');
    const row = await cursorRow(page);
    await page.keyboard.type('nano Dockerfile');
    await page.keyboard.press('Enter');
    await waitForRow('[ New File ]');
    const editor = await screen(page);
    expect(editor[0].trimEnd()).toMatch(/^ {2}GNU nano 7\.2 +Dockerfile$/);
    expect(editor.at(-2)!.trimEnd()).toMatch(/^\^G Help +\^O Write Out +\^W Where Is/);

    await page.keyboard.type('FROM ubuntu:24.04');
    await page.keyboard.press('Enter');
    await page.keyboard.type('RUN apt-get update');
    await waitForRow('RUN apt-get update');
    expect((await screen(page))[0].trimEnd()).toMatch(/Dockerfile \*$/);

    await page.keyboard.press('Control+O');
    await waitForRow('File Name to Write: Dockerfile');
    await page.keyboard.press('Enter');
    await waitForRow('[ Wrote 2 lines ]');
    await page.keyboard.press('Control+X');
    await waitForPrompt(page, row);

    const back = await cursorRow(page);
    await page.keyboard.type('cat Dockerfile');
    await page.keyboard.press('Enter');
    await waitForPrompt(page, back + 1);
    expect((await screenText(page)).slice(-4)).toEqual([`${PROMPT}cat Dockerfile`, 'FROM ubuntu:24.04', 'RUN apt-get update', PROMPT]);
    expect(errors).toEqual([]);
  });
});
