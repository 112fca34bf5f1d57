/**
 * A chapter 4 lesson in the app, in real Chromium, in the book's language: ch04-07 (the build cache) opened by its
 * link, its start state (static_web built once) typed on a machine of its own, then its first two steps typed
 * key by key as a learner would. Each turns done because the daemon's build record says so, and the terminal
 * shows what the learner is told to look at: BuildKit's `CACHED` on every step of the unchanged rebuild, then
 * only the edited last step run again.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isTask, parseLesson, type Lesson } from '../../src/lessons/index.js';
import { bufferLines, collectErrors, cursorRow, launchBrowser, PROMPT } from './browser.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FILE = 'lessons/ch04-images/07-build-cache.zh.md';

function lesson(): Lesson {
  const r = parseLesson(FILE, readFileSync(join(ROOT, FILE), 'utf8'));
  expect(r.errors).toEqual([]);
  return r.lesson!;
}

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  page = await context.newPage();
  collectErrors(page, errors);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The prompt in ~/static_web, where the lesson's setup leaves the terminal. */
const HERE = PROMPT.replace('~$ ', '~/static_web$ ');

/** Waits until the cursor sits right after that prompt on a row at or below `minRow` (browser.ts's waitForPrompt, for another directory). */
async function waitForHere(minRow: number): Promise<void> {
  await page.waitForFunction(
    ([prompt, min]) => {
      const buf = window.__dockersim!.xterm!.buffer.active;
      const row = buf.baseY + buf.cursorY;
      return row >= min && buf.getLine(row)?.translateToString(false).slice(0, buf.cursorX) === prompt;
    },
    [HERE, minRow] as const,
    { polling: 'raf', timeout: 60_000 },
  );
}

/** Types a line key by key into the terminal and waits for the prompt after it. */
async function typeLine(text: string): Promise<void> {
  await page.click('.xterm-screen');
  const row = await cursorRow(page);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await waitForHere(row + 1);
}

/** The terminal's lines from the last time `command` was typed at the prompt to the end. */
async function outputOf(command: string): Promise<string[]> {
  const lines = await bufferLines(page);
  const at = lines.lastIndexOf(`${HERE}${command}`);
  expect(at, `${command} on the screen`).toBeGreaterThanOrEqual(0);
  return lines.slice(at + 1);
}

describe('chapter 4 in the app', () => {
  it('walks the build cache lesson by typing: CACHED on screen, each step done from the build record', { timeout: 240_000 }, async () => {
    const zh = lesson();
    const tasks = zh.steps.filter(isTask);
    await page.goto(`${inject('appUrl')}?test=1&locale=zh&lesson=${zh.id}`);
    // A start state runs on a machine of its own; the learner may be asked first.
    const start = page.locator('.lesson-panel').getByRole('button', { name: '开始本课' });
    await Promise.race([start.waitFor({ timeout: 30_000 }).then(() => start.click()), page.waitForSelector('.lesson-progress', { timeout: 30_000 })]);
    await expect.poll(() => page.locator('.lesson-view h2').innerText(), { timeout: 30_000 }).toBe(`${zh.section} ${zh.title}`);
    // Virtual time 20× faster: apt-get in the setup's build takes seconds of it.
    await page.evaluate(() => window.__dockersim!.driver.setSpeed(20));
    // The setup is typed where the learner sees it, down to its build.
    await page.waitForFunction(() => window.__dockersim!.machine.query.findImage('jamtur01/static_web') !== undefined, undefined, { timeout: 60_000 });
    await waitForHere(0);
    expect((await bufferLines(page)).some((l) => l.endsWith('$ sudo docker build -q -t jamtur01/static_web .'))).toBe(true);
    expect(await page.locator('.lesson-progress span').innerText()).toBe(`已完成 0/${tasks.length} 步`);
    expect(await page.locator('.lesson-checks li.is-pending').count()).toBe(1);

    // Step 1: the unchanged rebuild. Every step of it is CACHED on the screen, and the step is done.
    expect(await page.locator('.lesson-step-title').innerText()).toBe(tasks[0].title);
    const rebuild = 'sudo docker build -t jamtur01/static_web .';
    await typeLine(rebuild);
    await page.waitForSelector('.lesson-step-dot.is-current.is-done', { timeout: 20_000 });
    expect(await page.locator('.lesson-checks li.is-pending').count()).toBe(0);
    expect(await page.locator('.lesson-progress span').innerText()).toBe(`已完成 1/${tasks.length} 步`);
    const shown = async (): Promise<string[]> =>
      (await outputOf(rebuild)).filter((l) => /^ => (CACHED )?\[\d\/4\]/.test(l)).map((l) => l.replace(/\s+\d+\.\ds$/, ''));
    const first = await shown();
    expect(first).toHaveLength(4);
    expect(first[0]).toMatch(/^ => CACHED \[1\/4\] FROM docker\.io\/library\/ubuntu:24\.04@sha256:/);
    expect(first.slice(1)).toEqual([
      ' => CACHED [2/4] RUN apt-get update',
      ' => CACHED [3/4] RUN apt-get install -y nginx',
      " => CACHED [4/4] RUN echo 'Hi, I am in your container' >/var/www/html/index.html",
    ]);
    expect(await page.locator('.lesson-panel [role="status"][aria-live="polite"]').innerText()).toBe(`这一步完成了：${tasks[0].title}`);

    // Step 2: only the edited last step runs again; the two before it stay CACHED.
    await page.getByRole('button', { name: '下一步' }).click();
    expect(await page.locator('.lesson-step-title').innerText()).toBe(tasks[1].title);
    for (const a of tasks[1].actions) {
      if (a.kind !== 'type') throw new Error(`this test types lines only, not ${a.kind}`);
      await typeLine(a.text);
    }
    await page.waitForSelector('.lesson-step-dot.is-current.is-done', { timeout: 20_000 });
    expect(await page.locator('.lesson-progress span').innerText()).toBe(`已完成 2/${tasks.length} 步`);
    const second = await shown();
    expect(second[0]).toMatch(/^ => CACHED \[1\/4\] FROM /);
    expect(second.slice(1)).toEqual([
      ' => CACHED [2/4] RUN apt-get update',
      ' => CACHED [3/4] RUN apt-get install -y nginx',
      " => [4/4] RUN echo 'Hello again' >/var/www/html/index.html",
    ]);
    expect(errors).toEqual([]);
  });
});
