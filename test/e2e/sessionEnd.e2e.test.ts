/**
 * A terminal whose shell has exited says so and offers a new shell (Enter or a button), as terminal apps do;
 * the new shell survives a reload; closing the last terminal leaves a way to open another.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bufferLines, cursorRow, launchBrowser, openMenu, PROMPT, screenText, waitForPrompt } from './browser.js';

let browser: Browser;
let page: Page;
const errors: string[] = [];
const ENDED = '[Session ended. Press Enter for a new shell.]';

function parsed(p: Page): Promise<void> {
  return p.evaluate(() => new Promise<void>((resolve) => window.__dockersim!.xterm!.write('', resolve)));
}

async function typeLine(p: Page, line: string): Promise<void> {
  await p.keyboard.type(line);
  await p.keyboard.press('Enter');
}

function waitForEnded(p: Page): Promise<unknown> {
  return p.waitForFunction((text) => {
    const x = window.__dockersim!.xterm!;
    const buf = x.buffer.active;
    for (let y = 0; y < buf.length; y++) if (buf.getLine(y)?.translateToString(true) === text) return true;
    return false;
  }, ENDED);
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1024, height: 640 } });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${inject('appUrl')}?test=1&seed=1&locale=en`);
  await waitForPrompt(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('a terminal whose shell exited', () => {
  it('says the session ended, drops typed keys, and Enter starts a new login shell below the old screen', async () => {
    const first = await cursorRow(page);
    await typeLine(page, 'echo before');
    await waitForPrompt(page, first + 1);
    await typeLine(page, 'exit');
    await waitForEnded(page);
    expect((await screenText(page)).slice(-3)).toEqual([`${PROMPT}exit`, 'logout', ENDED]);
    await expect(page.getByRole('button', { name: 'New shell' }).isVisible()).resolves.toBe(true);

    const journalled = await page.evaluate(() => window.__dockersim!.session.journal.length);
    await page.keyboard.type('ls');
    await parsed(page);
    expect(await page.evaluate(() => window.__dockersim!.session.journal.length)).toBe(journalled);

    const row = await cursorRow(page);
    await page.keyboard.press('Enter');
    await waitForPrompt(page, row);
    const text = await screenText(page);
    expect(text).toContain(`${PROMPT}echo before`);
    expect(text.at(-1)).toBe(PROMPT);
    await expect(page.getByRole('button', { name: 'New shell' }).count()).resolves.toBe(0);
    // The new shell is a real login: it takes commands.
    const at = await cursorRow(page);
    await typeLine(page, 'echo again $0');
    await waitForPrompt(page, at + 1);
    expect((await screenText(page)).slice(-2)).toEqual(['again -bash', PROMPT]);
    expect(await page.evaluate(() => window.__dockersim!.session.journal.filter((e) => e.kind === 'respawn').length)).toBe(1);
  });

  it('the New shell button does the same, and a reload replays the new shell', async () => {
    await typeLine(page, 'exit');
    await waitForEnded(page);
    const row = await cursorRow(page);
    await page.getByRole('button', { name: 'New shell' }).click();
    await waitForPrompt(page, row);
    await typeLine(page, 'echo third');
    await waitForPrompt(page, row + 2);

    await page.evaluate(() => window.__dockersim!.save());
    await page.reload();
    await waitForPrompt(page);
    await parsed(page);
    const lines = await bufferLines(page);
    expect(lines.filter((l) => l === ENDED)).toHaveLength(2);
    expect(lines.slice(-2)).toEqual(['third', PROMPT]);
    expect(await page.evaluate(() => window.__dockersim!.term?.alive())).toBe(true);
  });

  it('after the last terminal is closed, offers a new one (Enter or the button)', async () => {
    // At 1024 px the header folds its tools, the terminal tabs among them, into its menu.
    await openMenu(page);
    await page.getByRole('button', { name: 'Close terminal 1' }).click();
    const button = page.getByRole('button', { name: 'Open a new terminal' });
    await button.waitFor();
    await expect(page.getByText('No terminal is open.').isVisible()).resolves.toBe(true);
    // The button has the focus: Enter opens the terminal.
    await page.keyboard.press('Enter');
    await waitForPrompt(page);
    await page.waitForFunction(() => document.activeElement?.classList.contains('xterm-helper-textarea'));
    const row = await cursorRow(page);
    await typeLine(page, 'tty');
    await waitForPrompt(page, row + 1);
    expect((await screenText(page)).slice(-2)).toEqual(['/dev/pts/0', PROMPT]);
    expect(errors).toEqual([]);
  });
});
