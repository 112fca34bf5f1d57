/**
 * Lessons in the app (index.html), in real Chromium. One lesson walked end to end BY TYPING into the terminal:
 * every step turns done because the simulated machine got into the right state, the live region says so, and
 * the lesson finishes; its progress survives a reload with the machine. Also: a clicked command is typed
 * without Enter, the lesson switches language keeping its progress, "Reset lesson" starts over on a fresh
 * machine, and a lesson with a declared start state types it into a fresh machine, which a reload keeps.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isTask, parseLesson, type Lesson } from '../../src/lessons/index.js';
import { bufferLines, cursorRow, launchBrowser, PROMPT, screenText, waitForPrompt } from './browser.js';

const ROOT = resolve(import.meta.dirname, '../..');
const LESSON = 'lessons/ch01-introduction/01-client-server';

function lesson(locale: 'en' | 'zh', file = LESSON): Lesson {
  const path = `${file}.${locale}.md`;
  const r = parseLesson(path, readFileSync(join(ROOT, path), 'utf8'));
  expect(r.errors).toEqual([]);
  return r.lesson!;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  // A context of its own: its IndexedDB and localStorage start empty.
  context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const app = (query: string): string => `${inject('appUrl')}?test=1&${query}`;

const liveRegion = (): Promise<string> => page.locator('.lesson-panel [role="status"][aria-live="polite"]').innerText();

async function typeLine(text: string, timeout = 20_000): Promise<void> {
  await page.click('.xterm-screen');
  const row = await cursorRow(page);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await waitForPrompt(page, row + 1, timeout);
}

describe('lesson panel', () => {
  it('walks ch01-01-client-server by typing: every step turns done', { timeout: 120_000 }, async () => {
    const en = lesson('en');
    await page.goto(app('lesson=ch01-01-client-server&locale=en'));
    await page.waitForSelector('.lesson-view h2');
    expect(await page.locator('.lesson-view h2').innerText()).toBe(`${en.section} ${en.title}`);
    await waitForPrompt(page);
    const tasks = en.steps.filter((s) => s.id !== 'recap');
    expect(await page.locator('.lesson-progress span').innerText()).toBe(`0 of ${tasks.length} steps done`);

    // A clicked command is typed, not run: the line waits for Enter.
    const before = await cursorRow(page);
    await page.getByRole('button', { name: 'Type into the terminal: docker version' }).click();
    await page.waitForFunction(
      (want) => {
        const x = window.__dockersim!.xterm!;
        const buf = x.buffer.active;
        return buf.getLine(buf.baseY + buf.cursorY)?.translateToString(true) === want;
      },
      `${PROMPT}docker version`,
    );
    expect(await cursorRow(page)).toBe(before);
    expect(await page.locator('.lesson-checks li.is-passed').count()).toBe(0);
    await page.keyboard.press('Control+U');

    for (const [i, step] of tasks.entries()) {
      expect(await page.locator('.lesson-step-title').innerText()).toBe(step.title);
      for (const a of step.actions) {
        if (a.kind !== 'type') throw new Error(`this test types lines only, not ${a.kind}`);
        await typeLine(a.text);
      }
      await page.waitForSelector(`.lesson-step-dot.is-current.is-done`, { timeout: 10_000 });
      expect(await page.locator('.lesson-checks li.is-pending').count()).toBe(0);
      expect(await liveRegion()).toBe(i === tasks.length - 1 ? `Lesson complete: ${en.title}` : `Step done: ${step.title}`);
      expect(await page.locator('.lesson-progress span').innerText()).toBe(`${i + 1} of ${tasks.length} steps done`);
      await page.getByRole('button', { name: 'Next step' }).click();
    }
    expect(await page.locator('.lesson-step-title').innerText()).toBe('Recap');
    await expect.poll(() => page.locator('.lesson-done').innerText()).toContain('Lesson complete. Well done!');
    const saved = await page.evaluate(() => window.__lessons!.progress());
    expect(saved).toMatchObject({
      current: 'ch01-01-client-server', finished: ['ch01-01-client-server'],
      progress: { step: 'recap', completed: tasks.map((s) => s.id) },
    });
    // The link was taken in: a reload opens the saved session and the lesson where it was.
    expect(new URL(page.url()).searchParams.has('lesson')).toBe(false);
    const uptime = await page.evaluate(() => window.__dockersim!.machine.kernel.now());
    await page.evaluate(() => window.__dockersim!.save());
    await page.reload();
    await page.waitForSelector('.lesson-view h2');
    expect(await page.locator('.lesson-step-title').innerText()).toBe('Recap');
    expect(await page.locator('.lesson-progress span').innerText()).toBe(`${tasks.length} of ${tasks.length} steps done`);
    expect(await page.evaluate(() => window.__dockersim!.start.source)).toBe('saved');
    expect(await page.evaluate(() => window.__dockersim!.machine.kernel.now())).toBeGreaterThanOrEqual(uptime);
    expect(errors).toEqual([]);
  });

  it('switches to Chinese keeping the progress, and resets on a fresh machine', { timeout: 60_000 }, async () => {
    const zh = lesson('zh');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('.lesson-view h2').innerText()).toBe(`${zh.section} ${zh.title}`);
    expect(await page.locator('.lesson-progress span').innerText()).toBe('已完成 4/4 步');
    expect(await page.locator('.lesson-step-title').innerText()).toBe('小结');

    const oldMachine = await page.evaluate(() => window.__dockersim!.machine.kernel.now());
    expect(oldMachine).toBeGreaterThan(0);
    await page.evaluate(() => ((window as unknown as { oldMachine: unknown }).oldMachine = window.__dockersim!.machine));
    await page.getByRole('button', { name: '重置本课…' }).click();
    // The confirmation takes the focus to its safe choice.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await page.locator('.lesson-panel').getByRole('button', { name: '重置', exact: true }).click();
    await expect.poll(() => page.locator('.lesson-progress span').innerText()).toBe('已完成 0/4 步');
    expect(await page.locator('.lesson-step-title').innerText()).toBe(zh.steps[0].title);
    expect(await page.locator('.lesson-checks li.is-pending').count()).toBe(1);
    // The fresh machine's terminal shows its prompt and takes commands.
    expect(await page.evaluate(() => (window as unknown as { oldMachine: unknown }).oldMachine !== window.__dockersim!.machine)).toBe(true);
    await waitForPrompt(page);
    await typeLine('docker version');
    await page.waitForSelector('.lesson-step-dot.is-current.is-done', { timeout: 10_000 });
    expect(await liveRegion()).toBe(`这一步完成了：${zh.steps[0].title}`);
    expect((await screenText(page)).some((l) => l.startsWith('Client:'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('opens a lesson with a start state on a fresh machine, typed where the learner sees it, kept by a reload', { timeout: 90_000 }, async () => {
    const zh = lesson('zh', 'lessons/ch03-getting-started/06-top-stats');
    const total = zh.steps.filter(isTask).length;
    const before = await page.evaluate(() => window.__dockersim!.machine.kernel.now());
    expect(before).toBeGreaterThan(0);
    await page.getByRole('button', { name: '← 全部课程' }).click();
    await page.locator('.lesson-item', { hasText: zh.title }).click();
    // Asked first: the learner's machine is kept, not wiped.
    await page.locator('.lesson-panel').getByRole('button', { name: '开始本课' }).click();
    await expect.poll(() => page.locator('.lesson-view h2').innerText(), { timeout: 30_000 }).toBe(`${zh.section} ${zh.title}`);
    // The setup ran on a machine booted for it, on the learner's terminal.
    await waitForPrompt(page);
    expect((await bufferLines(page)).filter((l) => l.startsWith(PROMPT))).toEqual([...zh.setup.map((l) => `${PROMPT}${l}`), PROMPT]);
    expect(await page.evaluate(() => window.__dockersim!.machine.daemonStore.getContainer('daemon_dave').State.Running)).toBe(true);
    expect(await page.locator('.lesson-progress span').innerText()).toBe(`已完成 0/${total} 步`);

    await typeLine(zh.steps[0].actions[0].kind === 'type' ? zh.steps[0].actions[0].text : '');
    await page.waitForSelector('.lesson-step-dot.is-current.is-done', { timeout: 10_000 });
    expect(await page.locator('.lesson-progress span').innerText()).toBe(`已完成 1/${total} 步`);

    await page.evaluate(() => window.__dockersim!.save());
    await page.reload();
    await page.waitForSelector('.lesson-view h2');
    expect(await page.locator('.lesson-view h2').innerText()).toBe(`${zh.section} ${zh.title}`);
    expect(await page.locator('.lesson-progress span').innerText()).toBe(`已完成 1/${total} 步`);
    expect(await page.evaluate(() => window.__dockersim!.machine.daemonStore.getContainer('daemon_dave').State.Running)).toBe(true);
    const restored = (await bufferLines(page)).filter((l) => l.startsWith(PROMPT));
    expect(restored).toEqual([...zh.setup.map((l) => `${PROMPT}${l}`), `${PROMPT}sudo docker top daemon_dave`, PROMPT]);
    expect(errors).toEqual([]);
  });
});
