/**
 * One lesson walked end to end in real Chromium BY TYPING into the terminal: every step turns done because the
 * simulated machine got into the right state, the live region says so, and the lesson finishes. Also: a
 * clicked command is typed without Enter, the lesson switches language keeping its progress, and "Reset
 * lesson" starts over on a fresh machine. The panel is mounted on its own test page (test/e2e/pages), built
 * here, until the app's main.tsx wires it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLesson, type Lesson } from '../../src/lessons/index.js';
import { cursorRow, launchBrowser, PROMPT, screenText, waitForPrompt } from './browser.js';
import { serveStatic, type StaticServer } from './server.js';

const ROOT = resolve(import.meta.dirname, '../..');
const LESSON = 'lessons/ch01-introduction/01-client-server';

function lesson(locale: 'en' | 'zh'): Lesson {
  const file = `${LESSON}.${locale}.md`;
  const r = parseLesson(file, readFileSync(join(ROOT, file), 'utf8'));
  expect(r.errors).toEqual([]);
  return r.lesson!;
}

let dist: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'dockersim-lesson-e2e-'));
  // The app's config minus its modulepreload plugin, which writes links for an index.html at the root.
  await build({
    root: ROOT,
    configFile: false,
    base: './',
    plugins: [react()],
    logLevel: 'error',
    build: {
      outDir: dist, emptyOutDir: true, sourcemap: false, target: 'es2022',
      rollupOptions: { input: join(ROOT, 'test/e2e/pages/lesson.html') },
    },
  });
  server = await serveStatic(dist);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

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
    await page.goto(`${server.url}test/e2e/pages/lesson.html?lesson=ch01-01-client-server&locale=en`);
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
        const x = window.__dockersim!.xterm;
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
    const saves = await page.evaluate(() => window.__lessonPage!.saves);
    expect(saves[saves.length - 1]).toMatchObject({
      current: 'ch01-01-client-server', finished: ['ch01-01-client-server'],
      progress: { step: 'recap', completed: tasks.map((s) => s.id) },
    });
    expect(errors).toEqual([]);
  });

  it('switches to Chinese keeping the progress, and resets on a fresh machine', { timeout: 60_000 }, async () => {
    const zh = lesson('zh');
    await page.evaluate(() => window.__lessonPage!.setLocale('zh'));
    await expect.poll(() => page.locator('.lesson-view h2').innerText()).toBe(`${zh.section} ${zh.title}`);
    expect(await page.locator('.lesson-progress span').innerText()).toBe('已完成 4/4 步');
    expect(await page.locator('.lesson-step-title').innerText()).toBe('小结');

    const oldMachine = await page.evaluate(() => window.__lessonPage!.machine().kernel.now());
    expect(oldMachine).toBeGreaterThan(0);
    await page.getByRole('button', { name: '重置本课…' }).click();
    // The confirmation takes the focus to its safe choice.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await page.getByRole('button', { name: '重置', exact: true }).click();
    await expect.poll(() => page.locator('.lesson-progress span').innerText()).toBe('已完成 0/4 步');
    expect(await page.locator('.lesson-step-title').innerText()).toBe(zh.steps[0].title);
    expect(await page.locator('.lesson-checks li.is-pending').count()).toBe(1);
    // The fresh machine's terminal shows its prompt and takes commands.
    await waitForPrompt(page);
    await typeLine('docker version');
    await page.waitForSelector('.lesson-step-dot.is-current.is-done', { timeout: 10_000 });
    expect(await liveRegion()).toBe(`这一步完成了：${zh.steps[0].title}`);
    expect((await screenText(page)).some((l) => l.startsWith('Client:'))).toBe(true);
    expect(errors).toEqual([]);
  });
});
