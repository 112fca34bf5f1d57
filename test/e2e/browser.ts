/**
 * Debian's Chromium driven by playwright-core, and helpers that read the terminal the way a learner sees it:
 * through xterm's buffer, exposed by the app as `window.__dockersim` when opened with `?test=1`.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type {} from '../../src/ui/testHooks.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless, with a fresh temporary profile (playwright creates and removes it). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-chromium.sh`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export const PROMPT = 'user@dockersim:~$ ';

/** The visible screen, one string per row, trailing blanks trimmed. */
export function screen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const x = window.__dockersim!.xterm!;
    const buf = x.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < x.rows; y++) rows.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    return rows;
  });
}

/** The screen without the blank rows below the last text. */
export async function screenText(page: Page): Promise<string[]> {
  const rows = await screen(page);
  while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
  return rows;
}

/** Everything in the buffer (scrollback and screen) as logical lines: rows xterm wrapped are joined again. */
export function bufferLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const buf = window.__dockersim!.xterm!.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < buf.length; y++) {
      const line = buf.getLine(y);
      if (!line) continue;
      const text = line.translateToString(true);
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  });
}

/**
 * Waits until the cursor sits right after a prompt on a new line (after `afterRow` rows of scrollback +
 * screen, if given), so a prompt printed before a command does not count. The 30 s ceiling is for a loaded CI
 * machine; a healthy run takes well under a second.
 */
export async function waitForPrompt(page: Page, minCursorRow = 0, timeout = 30000): Promise<number> {
  const handle = await page.waitForFunction(
    ([prompt, minRow]) => {
      const x = window.__dockersim?.xterm;
      if (!x) return false;
      const buf = x.buffer.active;
      const row = buf.baseY + buf.cursorY;
      if (row < minRow) return false;
      const text = buf.getLine(row)?.translateToString(false).slice(0, buf.cursorX);
      // An object, not the row: row 0 (a login with no banner) would read as "not yet".
      return text === prompt ? { row } : false;
    },
    [PROMPT, minCursorRow] as const,
    { polling: 'raf', timeout },
  );
  return ((await handle.jsonValue()) as { row: number }).row;
}

/** Absolute row of the cursor (scrollback included). */
export function cursorRow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const buf = window.__dockersim!.xterm!.buffer.active;
    return buf.baseY + buf.cursorY;
  });
}

/** Opens the header's menu where a narrow page has folded its tools into it (1300 px and below). */
export async function openMenu(page: Page): Promise<void> {
  const button = page.locator('.app-menu-button');
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Clicks into the terminal, types `text` and Enter, and waits for the next prompt below the one typed at. */
export async function typeLine(page: Page, text: string, timeout = 20_000): Promise<void> {
  await page.click('.xterm-screen');
  const row = await cursorRow(page);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await waitForPrompt(page, row + 1, timeout);
}

/** Collects the page's uncaught errors and console errors into `into`. */
export function collectErrors(page: Page, into: string[]): void {
  page.on('pageerror', (e) => into.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') into.push(m.text());
  });
}

/** The names of the containers the engine holds, sorted (the model, not the panel). */
export function engineContainers(page: Page): Promise<string[]> {
  return page.evaluate(() => [...window.__dockersim!.machine.daemonStore.containers.values()].map((c) => c.Name.replace(/^\//, '')).sort());
}
