/**
 * The book's chapter 3 done in the app by typing, in real Chromium: every ch03 lesson in order, each step's
 * reference solution typed into the focused terminal (text and control keys such as Ctrl-C and Ctrl-P Ctrl-Q
 * through xterm's input, Enter from the keyboard), each step turning done because the machine got there, and after every step
 * the daemon view showing exactly the containers the engine has, in their states. Lessons are opened the way
 * a learner goes on: the "Next lesson" button at the end of the one before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isTask, parseLesson, type Lesson, type SolutionAction } from '../../src/lessons/index.js';
import { launchBrowser, waitForPrompt } from './browser.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = 'lessons/ch03-getting-started';

const lessons: Lesson[] = readdirSync(join(ROOT, DIR))
  .filter((f) => f.endsWith('.en.md'))
  .sort()
  .map((f) => {
    const r = parseLesson(`${DIR}/${f}`, readFileSync(join(ROOT, DIR, f), 'utf8'));
    if (!r.lesson) throw new Error(r.errors.join('\n'));
    return r.lesson;
  });

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en-US' });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/**
 * Waits until what was typed has finished, as a learner waits for the prompt: the focused terminal (or the
 * container program it relays to) waits for input and nothing is runnable — or, for a command that never
 * asks (`docker logs -f`, `docker stats`), until `ms` of real time passed.
 */
async function settle(ms = 2500): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const d = window.__dockersim!;
        const term = d.term;
        if (!term || !term.alive()) return true;
        const k = d.machine.kernel;
        // bash's line editor reads in raw mode too; only a docker client relays the keys to a container.
        const relaying = k.procs.get(term.tty.fgPgrp)?.comm === 'docker';
        const relayed = !relaying || [...k.ttys.values()].some((t) => t !== term.tty && t.waitingForInput);
        return term.tty.waitingForInput && k.sched.runnable() === 0 && relayed;
      },
      undefined,
      { polling: 50, timeout: ms },
    )
    .catch(() => undefined);
}

async function perform(a: SolutionAction): Promise<void> {
  await settle();
  switch (a.kind) {
    case 'type':
      // The text as xterm hands over keystrokes (its keyboard layer is exercised by the other browser tests;
      // a CDP round trip per character would make this chapter take minutes), then a real Enter key.
      await page.evaluate((text) => window.__dockersim!.xterm!.input(text, true), a.text);
      await page.keyboard.press('Enter');
      return;
    case 'keys':
      // Control keys as xterm sends them when pressed (Ctrl-C is \x03, Ctrl-P Ctrl-Q is \x10\x11).
      await page.evaluate((keys) => window.__dockersim!.xterm!.input(keys, true), a.keys);
      return;
    case 'wait':
      await page.evaluate((ms) => window.__dockersim!.driver.skipAhead(ms), a.ms);
      return;
    case 'terminal':
      throw new Error('chapter 3 uses one terminal');
  }
}

/**
 * The daemon view lists the engine's containers, each in its state (it is fed by events, not by the screen).
 * A step may have turned the view to what it is about (an image, the network): the Containers tab is clicked
 * as a learner would.
 */
async function panelMatchesEngine(where: string): Promise<void> {
  await page.click('#panel-tab-containers');
  const compare = (): { want: string; shown: string } => {
    const engine = window.__dockersim!.machine.daemonStore;
    const want = [...engine.containers.values()].map((c) => `${c.Name.slice(1)}=${c.State.stateString()}`).sort();
    const shown = [...document.querySelectorAll<HTMLElement>('.crow')].map((li) => `${li.dataset.name}=${li.dataset.state}`).sort();
    return { want: want.join(' '), shown: shown.join(' ') };
  };
  await expect
    .poll(async () => {
      const r = await page.evaluate(compare);
      return r.shown === r.want ? 'same' : `engine: ${r.want}\npanel:  ${r.shown}`;
    }, { message: `${where}: the daemon view`, interval: 100, timeout: 10_000 })
    .toBe('same');
}

describe('chapter 3 in the app', () => {
  it('does every lesson of chapter 3 by typing, each step checked on the machine and shown in the panel', { timeout: 600_000 }, async () => {
    expect(lessons.map((l) => l.id)).toEqual([
      'ch03-01-docker-info', 'ch03-02-first-container', 'ch03-03-naming', 'ch03-04-start-attach',
      'ch03-05-daemon-logs', 'ch03-06-top-stats', 'ch03-07-exec', 'ch03-08-stop-kill', 'ch03-09-restart',
      'ch03-10-inspect', 'ch03-11-rm',
    ]);
    await page.goto(`${inject('appUrl')}?test=1&locale=en&lesson=${lessons[0].id}`);
    await waitForPrompt(page);
    for (const [n, lesson] of lessons.entries()) {
      if (n > 0) await page.getByRole('button', { name: `Next lesson: ${lesson.title}` }).click();
      // A start state runs on a machine of its own, which the learner agrees to first.
      if (n > 0 && lesson.setup.length > 0) await page.getByRole('button', { name: 'Start the lesson' }).click();
      await page.waitForFunction((title) => document.querySelector('.lesson-view h2')?.textContent === title, `${lesson.section} ${lesson.title}`, {
        timeout: 30_000,
      });
      await waitForPrompt(page);
      // Virtual time runs 20× faster: `docker stop` waits 10 s for a shell that ignores SIGTERM.
      await page.evaluate(() => window.__dockersim!.driver.setSpeed(20));
      const tasks = lesson.steps.filter(isTask);
      for (const [i, step] of tasks.entries()) {
        expect(await page.locator('.lesson-step-title').innerText(), `${lesson.id}`).toBe(step.title);
        await page.click('.xterm-screen');
        for (const a of step.actions) await perform(a);
        await page.waitForSelector('.lesson-step-dot.is-current.is-done', { timeout: 20_000 }).catch(async () => {
          const pending = await page.locator('.lesson-checks li.is-pending').allInnerTexts();
          throw new Error(`${lesson.id} step ${step.id} not done; pending: ${pending.join(' | ')}`);
        });
        expect(await page.locator('.lesson-progress span').innerText()).toBe(`${i + 1} of ${tasks.length} steps done`);
        await panelMatchesEngine(`${lesson.id} ${step.id}`);
        await page.getByRole('button', { name: 'Next step' }).click();
      }
      await page.waitForSelector('.lesson-done');
    }
    const finished = await page.evaluate(() => window.__lessons!.progress().finished);
    expect(finished).toEqual(lessons.map((l) => l.id));
    expect(errors).toEqual([]);
  });
});
