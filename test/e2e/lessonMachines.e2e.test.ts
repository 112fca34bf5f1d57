/**
 * Lessons and the learner's machines, in real Chromium, judged on what the learner sees: a lesson with a start
 * state asks first and runs on a machine of its own while the learner's machine is kept (the header switches
 * between them); every step is watched, not only the one on screen; the list shows steps done, a lesson opened
 * again resumes where it was, and a share link carries the lesson, the step and the language.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isTask, parseLesson, type Lesson } from '../../src/lessons/index.js';
import { collectErrors, engineContainers, launchBrowser, typeLine, waitForPrompt } from './browser.js';

const ROOT = resolve(import.meta.dirname, '../..');

function lesson(path: string): Lesson {
  const r = parseLesson(path, readFileSync(join(ROOT, path), 'utf8'));
  expect(r.errors).toEqual([]);
  return r.lesson!;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

function watch(p: Page): void {
  collectErrors(p, errors);
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  page = await context.newPage();
  watch(page);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const app = (query: string): string => `${inject('appUrl')}?test=1&${query}`;

const containers = engineContainers;
const progressText = (p: Page): Promise<string> => p.locator('.lesson-progress span').innerText();

describe('a lesson with a start state', () => {
  const top = lesson('lessons/ch03-getting-started/06-top-stats.en.md');
  const total = top.steps.filter(isTask).length;

  it('asks first, runs on its own machine, and the learner switches back to theirs and again', { timeout: 180_000 }, async () => {
    await page.goto(app('locale=en'));
    await waitForPrompt(page);
    await typeLine(page, 'sudo docker run -d --name demo busybox sleep 100000');
    await page.locator('.lesson-item', { hasText: top.title }).click();
    // Said before it happens, and nothing has happened yet.
    const ask = page.locator('.lesson-fresh');
    await expect.poll(() => ask.innerText()).toContain('This lesson starts on a fresh machine');
    expect(await ask.innerText()).toContain('Your current machine is kept');
    expect(await containers(page)).toEqual(['demo']);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForSelector('.lesson-list');
    expect(await containers(page)).toEqual(['demo']);

    await page.locator('.lesson-item', { hasText: top.title }).click();
    await page.getByRole('button', { name: 'Start the lesson' }).click();
    await expect.poll(() => page.locator('.lesson-view h2').innerText(), { timeout: 30_000 }).toBe(`${top.section} ${top.title}`);
    await waitForPrompt(page);
    expect(await containers(page)).toEqual(['daemon_dave']);
    const back = page.locator('.machine-switch');
    expect(await back.innerText()).toBe('Switch to your machine');
    await typeLine(page, 'sudo docker top daemon_dave');
    await expect.poll(() => progressText(page)).toBe(`1 of ${total} steps done`);
    await page.evaluate(() => window.__dockersim!.save());

    // Back on the learner's own machine: their container is there, the lesson machine is offered.
    await Promise.all([page.waitForEvent('load'), back.click()]);
    await waitForPrompt(page);
    await expect.poll(() => containers(page)).toEqual(['demo']);
    await expect.poll(() => back.innerText()).toBe(`Switch to the machine of lesson ${top.section} ${top.title}`);
    // The list shows how far the lesson got.
    await expect.poll(() => page.locator('.lesson-item', { hasText: top.title }).innerText()).toContain(`1/${total}`);

    await Promise.all([page.waitForEvent('load'), back.click()]);
    await expect.poll(() => page.locator('.lesson-view h2').innerText(), { timeout: 30_000 }).toBe(`${top.section} ${top.title}`);
    expect(await progressText(page)).toBe(`1 of ${total} steps done`);
    expect(await containers(page)).toEqual(['daemon_dave']);
    expect(await back.innerText()).toBe('Switch to your machine');
    expect(errors).toEqual([]);
  });
});

describe('progress', () => {
  const cs = lesson('lessons/ch01-introduction/01-client-server.en.md');
  const tasks = cs.steps.filter(isTask);
  const lines = (i: number): string[] => tasks[i].actions.map((a) => (a.kind === 'type' ? a.text : ''));

  it('is kept per lesson, shown in the list, resumed on reopening, and carried by a share link', { timeout: 180_000 }, async () => {
    await page.goto(app('locale=en&lesson=ch01-01-client-server'));
    await page.waitForSelector('.lesson-view h2');
    await waitForPrompt(page);
    for (const i of [0, 1]) {
      for (const l of lines(i)) await typeLine(page, l);
      await expect.poll(() => progressText(page)).toBe(`${i + 1} of ${tasks.length} steps done`);
      await page.getByRole('button', { name: 'Next step' }).click();
    }
    await page.getByRole('button', { name: '← All lessons' }).click();
    await expect.poll(() => page.locator('.lesson-item', { hasText: cs.title }).innerText()).toContain(`2/${tasks.length}`);
    await page.locator('.lesson-item', { hasText: cs.title }).click();
    await expect.poll(() => progressText(page)).toBe(`2 of ${tasks.length} steps done`);
    expect(await page.locator('.lesson-step-title').innerText()).toBe(tasks[2].title);

    // A share link opens the same lesson at the same step, in the same language.
    await page.getByRole('button', { name: '中文' }).click();
    const link = await page.evaluate(() => window.__dockersim!.shareLink());
    expect(new URL(link).searchParams.get('locale')).toBe('zh');
    const other = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const p2 = await other.newPage();
    watch(p2);
    await p2.goto(`${link}&test=1`);
    const zh = lesson('lessons/ch01-introduction/01-client-server.zh.md');
    await expect.poll(() => p2.locator('.lesson-view h2').innerText(), { timeout: 30_000 }).toBe(`${zh.section} ${zh.title}`);
    expect(await p2.locator('.lesson-step-title').innerText()).toBe(zh.steps[2].title);
    expect(await p2.locator('.lesson-progress span').innerText()).toBe(`已完成 2/${tasks.length} 步`);
    await other.close();
    await page.getByRole('button', { name: 'English' }).click();
    expect(errors).toEqual([]);
  });

  it('watches every step: the rest done while the recap is on screen completes the lesson', { timeout: 120_000 }, async () => {
    await page.locator('.lesson-step-dot', { hasText: '★' }).click();
    await expect.poll(() => page.locator('.lesson-step-title').innerText()).toBe('Recap');
    for (const i of [2, 3]) for (const l of lines(i)) await typeLine(page, l);
    await expect.poll(() => progressText(page), { timeout: 10_000 }).toBe(`${tasks.length} of ${tasks.length} steps done`);
    await expect.poll(() => page.locator('.lesson-done').innerText()).toContain('Lesson complete. Well done!');
    expect(await page.locator('.lesson-panel [role="status"][aria-live="polite"]').innerText()).toBe(`Lesson complete: ${cs.title}`);
    expect(errors).toEqual([]);
  });
});

describe('a lesson on a machine that is not where it assumes', () => {
  it('says in Chinese what the machine shows, refuses a host command inside a container, and says why a step is stuck', { timeout: 120_000 }, async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const p = await ctx.newPage();
    watch(p);
    await p.goto(app('locale=zh&lesson=ch03-02-first-container'));
    await p.waitForSelector('.lesson-view h2');
    await waitForPrompt(p);
    // What the machine shows, in Chinese words around the machine's own values.
    await expect.poll(() => p.locator('.lesson-check-found').first().innerText()).toBe('机器上现在是：符合的有 0 个；没有这样的容器');

    await p.click('.xterm-screen');
    await p.keyboard.type('sudo docker run -i -t ubuntu /bin/bash');
    await p.keyboard.press('Enter');
    const line = (): Promise<string> =>
      p.evaluate(() => {
        const buf = window.__dockersim!.xterm!.buffer.active;
        return buf.getLine(buf.baseY + buf.cursorY)?.translateToString(true) ?? '';
      });
    await expect.poll(line, { timeout: 20_000 }).toMatch(/^root@[0-9a-f]{12}:\/# ?$/);
    const prompt = await line();
    // The step's host command clicked inside the container: not typed there; the panel says to leave first.
    await p.locator('.lesson-cmd-type', { hasText: 'sudo docker run -i -t ubuntu /bin/bash' }).first().click();
    await expect.poll(() => p.locator('.lesson-inside').innerText()).toContain('终端现在在容器');
    expect(await p.locator('.lesson-inside').innerText()).toContain('先输入 exit');
    expect(await line()).toBe(prompt);

    // The book's apt-get fails in the container, and `exit` passes the failure on: the step says why it is stuck.
    await p.click('.xterm-screen');
    await p.keyboard.type('ls /nope');
    await p.keyboard.press('Enter');
    await p.keyboard.type('exit');
    await p.keyboard.press('Enter');
    await waitForPrompt(p);
    await p.getByRole('button', { name: '下一步' }).click();
    const stuck = p.locator('.lesson-check-stuck');
    await expect.poll(() => stuck.innerText()).toMatch(/^\S+ 的退出码是 2，不是 0：/);
    expect(await stuck.innerText()).toContain('重新运行一个容器');
    await ctx.close();
    expect(errors).toEqual([]);
  });
});
