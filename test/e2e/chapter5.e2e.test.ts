/**
 * The book's chapter 5 website, done in the app by typing, in real Chromium: lesson ch05-02 opened on its
 * start state (the nginx image built, the site in ~/sample/website), the container run with a bind mount and
 * `-p 80`, the page opened through the published port from the Docker view's port link, each step turning done
 * because the machine got there (the preview's request is in nginx's access log, and the lesson's own request
 * through the port got the page), then the page changed on the host through the bind mount and seen changed,
 * in the preview after Reload and in curl's output.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isTask, parseLesson, type Lesson } from '../../src/lessons/index.js';
import { bufferLines, collectErrors, cursorRow, launchBrowser } from './browser.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FILE = 'lessons/ch05-testing/02-website.en.md';
const parsed = parseLesson(FILE, readFileSync(resolve(ROOT, FILE), 'utf8'));
if (!parsed.lesson) throw new Error(parsed.errors.join('\n'));
const lesson: Lesson = parsed.lesson;
const tasks = lesson.steps.filter(isTask);

/** The lesson's setup ends with `cd sample`: the prompt shows the folder. */
const PROMPT = 'user@dockersim:~/sample$ ';

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
  collectErrors(page, errors);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function waitForPrompt(minRow: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    ([prompt, min]) => {
      const x = window.__dockersim?.xterm;
      if (!x) return false;
      const buf = x.buffer.active;
      const row = buf.baseY + buf.cursorY;
      return row >= min && buf.getLine(row)?.translateToString(false).slice(0, buf.cursorX) === prompt;
    },
    [PROMPT, minRow] as const,
    { polling: 100, timeout },
  );
}

/** Types a line into the terminal as keystrokes, then Enter, and waits for the next prompt. */
async function type(line: string): Promise<void> {
  await page.click('.xterm-screen');
  const row = await cursorRow(page);
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await waitForPrompt(row + 1);
}

async function stepDone(id: string, n: number): Promise<void> {
  await page.waitForSelector('.lesson-step-dot.is-current.is-done', { timeout: 30_000 }).catch(async () => {
    const pending = await page.locator('.lesson-checks li.is-pending').allInnerTexts();
    throw new Error(`step ${id} not done; pending: ${pending.join(' | ')}`);
  });
  expect(await page.locator('.lesson-progress span').innerText()).toBe(`${n} of ${tasks.length} steps done`);
}

const frame = () => page.frameLocator('.preview-frame');

describe('chapter 5 in the app: the test website', () => {
  it('serves the bind-mounted site through a published port, the step done, and shows an edit on the host', { timeout: 300_000 }, async () => {
    expect(tasks.map((s) => s.id)).toEqual(['run', 'port', 'visit', 'challenge']);
    await page.goto(`${inject('appUrl')}?test=1&locale=en&lesson=${lesson.id}`);
    const start = page.getByRole('button', { name: 'Start the lesson' });
    const title = page.locator('.lesson-view h2');
    // Opened by its address the lesson may ask before it takes a machine of its own.
    await expect
      .poll(async () => ((await start.isVisible()) ? (await start.click(), 'asked') : await title.innerText().catch(() => '')), { timeout: 60_000 })
      .toBe(`${lesson.section} ${lesson.title}`);
    // The start state builds the image: its prompt comes back in ~/sample.
    await page.evaluate(() => window.__dockersim!.driver.setSpeed(20));
    await waitForPrompt(0, 120_000);

    expect(await page.locator('.lesson-step-title').innerText()).toBe(tasks[0].title);
    await type('sudo docker run -d -p 80 --name website -v $PWD/website:/var/www/html/website jamtur01/nginx nginx');
    await stepDone('run', 1);
    await page.getByRole('button', { name: 'Next step' }).click();

    await type('sudo docker port website 80');
    expect((await bufferLines(page)).slice(-3, -1)).toEqual(['0.0.0.0:32768', '[::]:32768']);
    await stepDone('port', 2);
    await page.getByRole('button', { name: 'Next step' }).click();

    // The page, as a learner opens it: the lesson's own link, which finds the port the container publishes now
    // (the Docker view's port link beside it opens the same address).
    await page.evaluate(() => window.__dockersim!.driver.setSpeed(1));
    await page.getByRole('button', { name: /^localhost:32768 → 80/ }).waitFor({ timeout: 30_000 });
    await page.locator('.lesson-step a.lesson-preview', { hasText: 'open the website in the web preview' }).click();
    await expect.poll(() => page.locator('.preview-address').inputValue().catch(() => ''), { timeout: 30_000 }).toContain('localhost:32768');
    await frame().getByRole('heading', { name: 'This is a test website' }).waitFor({ timeout: 30_000 });
    // The preview's request reached nginx in the container (the step reads nginx's access log), and then the
    // lesson asked the port itself (its http check) through the same journaled path as the preview: once, and
    // not again for a step already done when the next command runs.
    await stepDone('visit', 3);
    await type('sudo docker exec website grep -c dockersim-lesson-check /var/log/nginx/default_access.log');
    expect((await bufferLines(page)).slice(-2, -1)).toEqual(['1']);

    // Changed on the host, served at once through the bind mount: no rebuild, no restart.
    await type("sed -i 's/This is a test website/Edited through the bind mount/' website/index.html");
    await page.getByRole('button', { name: 'Reload' }).click();
    await frame().getByRole('heading', { name: 'Edited through the bind mount' }).waitFor({ timeout: 30_000 });
    await type('curl -s localhost:32768');
    expect(await bufferLines(page)).toContain('<h1>Edited through the bind mount</h1>');
    expect(errors).toEqual([]);
  });
});
