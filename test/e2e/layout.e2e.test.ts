/**
 * The page's layout as a learner sees it, at a laptop's 1440×900 and 1280×720, a phone's 390×844 and in
 * presenter mode: `docker ps -a` with the book's containers is not wrapped (xterm's own isWrapped), no box
 * scrolls inside another, names and statuses are whole (scrollWidth ≤ clientWidth), a TTY container's log
 * shows what its terminal showed, image and layer sizes agree with `docker images`, the event timeline keeps
 * created → running → exited, and a first-time visitor is pointed at the first lesson.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bufferLines, cursorRow, launchBrowser, waitForPrompt } from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function open(width: number, height: number, presenter = false): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${inject('appUrl')}?test=1&seed=1&locale=en&presenter=${presenter ? 1 : 0}`);
  await waitForPrompt(page);
  await page.waitForSelector('.panel-tab[aria-selected="true"]', { state: 'attached' });
  return { page, errors };
}

async function typeCommand(page: Page, cmd: string, prompt?: string): Promise<void> {
  await page.click('.xterm-screen');
  const row = await cursorRow(page);
  await page.keyboard.type(cmd);
  await page.keyboard.press('Enter');
  if (prompt === undefined) await waitForPrompt(page, row + 1);
  else {
    await page.waitForFunction(
      ([p, r]) => {
        const buf = window.__dockersim!.xterm!.buffer.active;
        const at = buf.baseY + buf.cursorY;
        return at > r && (buf.getLine(at)?.translateToString(true) ?? '').startsWith(p);
      },
      [prompt, row] as const,
      { polling: 'raf', timeout: 30000 },
    );
  }
}

/** Elements that scroll (content beyond their box, overflow auto/scroll) inside another that scrolls. */
function nestedScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scrolls = (el: Element): boolean => {
      const cs = getComputedStyle(el);
      const y = /auto|scroll/.test(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
      const x = /auto|scroll/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1;
      return y || x;
    };
    const all = [...document.querySelectorAll('body *')].filter(scrolls);
    const name = (el: Element): string => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    return all.filter((el) => all.some((o) => o !== el && o.contains(el))).map((el) => `${name(el)} in ${name(all.find((o) => o !== el && o.contains(el))!)}`);
  });
}

/** Text elements of the dock cut short (ellipsis or clipped): their content is wider than their box. */
function cutText(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) => [...document.querySelectorAll<HTMLElement>(sel)].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? ''),
    selector,
  );
}

const DOCK_TEXT = '.crow-name, .crow-status, .crow-command, .crow-image, .event-line, .logs li, .lesson-panel p, .detail-header h3';

describe('at 1440×900', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ page, errors } = await open(1440, 900));
  });
  afterAll(async () => {
    await page.context().close();
  });

  it('points a first-time visitor at the first lesson, without covering the terminal', async () => {
    const hint = page.locator('.first-step');
    await hint.waitFor();
    expect(await hint.innerText()).toMatch(/New here\? Start with the first lesson:\s*1\.2\.1 Client and server →/);
    const [h, term] = await Promise.all([hint.boundingBox(), page.locator('.workspace-terminal').boundingBox()]);
    expect(h!.y + h!.height).toBeLessThanOrEqual(term!.y);
    // The terminal keeps the keyboard meanwhile.
    await typeCommand(page, 'echo still here');
    expect((await bufferLines(page)).includes('still here')).toBe(true);
  });

  it('fits docker ps -a with the book’s containers on unwrapped rows', async () => {
    await typeCommand(page, 'sudo docker run --name bob_the_container -i -t ubuntu /bin/bash', 'root@');
    await typeCommand(page, 'exit');
    await typeCommand(page, 'sudo docker run -d --name daemon_dave ubuntu /bin/sh -c "while true; do echo hello world; sleep 1; done"');
    await page.selectOption('select[aria-label="Speed"]', '60');
    await typeCommand(page, 'sleep 100');
    await page.selectOption('select[aria-label="Speed"]', '1');
    await typeCommand(page, 'sudo docker stop -t 1 daemon_dave');
    await typeCommand(page, 'sudo docker ps -a');
    const rows = await page.evaluate(() => {
      const buf = window.__dockersim!.xterm!.buffer.active;
      let start = -1;
      for (let y = buf.length - 1; y >= 0; y--) {
        if (buf.getLine(y)?.translateToString(true).endsWith('$ sudo docker ps -a')) {
          start = y;
          break;
        }
      }
      const out: { text: string; wrapped: boolean }[] = [];
      for (let y = start + 1; y < buf.baseY + buf.cursorY; y++) {
        const line = buf.getLine(y)!;
        out.push({ text: line.translateToString(true), wrapped: line.isWrapped });
      }
      return { out, cols: window.__dockersim!.xterm!.cols };
    });
    expect(rows.out.map((r) => r.text.split(/\s{2,}/)[0])).toEqual(['CONTAINER ID', expect.stringMatching(/^[0-9a-f]{12}$/), expect.stringMatching(/^[0-9a-f]{12}$/)]);
    expect(rows.out.some((r) => /Exited \(0\) (About a minute|\d minutes) ago\s+bob_the_container$/.test(r.text))).toBe(true);
    expect(rows.out.filter((r) => r.wrapped)).toEqual([]);
    expect(Math.max(...rows.out.map((r) => r.text.length))).toBeGreaterThanOrEqual(115);
    // Room to spare for longer names and statuses: ~150 columns.
    expect(rows.cols).toBeGreaterThanOrEqual(150);
  });

  it('shows the lesson, the container list and one container’s detail, each readable, none scrolling inside another', async () => {
    await page.click('.crow[data-name="bob_the_container"] .crow-button');
    await page.waitForSelector('.detail .logs li');
    const boxes = await page.evaluate(() =>
      ['.lesson-panel', '.daemon-split > .panel-body', '.detail'].map((s) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return { s, w: Math.round(r.width), h: Math.round(r.height), bottom: r.bottom };
      }),
    );
    for (const b of boxes) {
      expect(b.w, b.s).toBeGreaterThanOrEqual(380);
      expect(b.h, b.s).toBeGreaterThanOrEqual(300);
      expect(b.bottom, b.s).toBeLessThanOrEqual(900);
    }
    expect(await nestedScrollers(page)).toEqual([]);
    expect(await cutText(page, DOCK_TEXT)).toEqual([]);
    const rows = await page.$$eval('.crow', (els) => els.map((el) => [el.querySelector('.crow-name')!.textContent, el.querySelector('.crow-status')!.textContent]));
    expect(rows, JSON.stringify(rows)).toEqual([
      ['daemon_dave', expect.stringMatching(/^Exited \(137\) (Less than a second|\d+ seconds?) ago$/)],
      ['bob_the_container', expect.stringMatching(/^Exited \(0\) (About a minute|\d minutes) ago$/)],
    ]);
  });

  it('shows a TTY container’s log as its terminal showed it, not the bytes', async () => {
    const id = (await page.evaluate(() => window.__dockersim!.session.machine.daemonStore.getContainer('bob_the_container').ID)).slice(0, 12);
    await page.waitForFunction(() => document.querySelector('.detail .logs li')?.textContent?.startsWith('root@'));
    const lines = await page.$$eval('.detail .logs li', (els) => els.map((e) => e.textContent ?? ''));
    expect(lines).toEqual([`root@${id}:/# exit`, 'exit']);
    // The whole tail is on the page: the log is not a box of its own to scroll.
    const logs = await page.$eval('.detail .logs', (el) => ({ sh: el.scrollHeight, ch: el.clientHeight, oy: getComputedStyle(el).overflowY }));
    expect(logs.oy).toBe('visible');
  });

  it('keeps created → running → exited in the container’s events and the Events tab, newest first', async () => {
    const transitions = await page.$$eval('.detail .event', (els) =>
      els.filter((e) => e.querySelector('.event-transition')).map((e) => e.querySelector('.event-transition')!.textContent),
    );
    expect(transitions).toEqual(['running → exited', 'created → running', 'created']);
    await page.click('#panel-tab-events');
    const events = await page.$$eval('.panel-body .events .event', (els) => els.map((e) => `${(e as HTMLElement).dataset.action} ${(e as HTMLElement).dataset.name}`));
    const bob = events.filter((e) => e.endsWith(' bob_the_container'));
    // docker run -it sizes the container's terminal once it has started: a resize event, as moby logs it.
    expect(bob, JSON.stringify(bob)).toEqual(['die bob_the_container', 'resize bob_the_container', 'start bob_the_container', 'attach bob_the_container', 'create bob_the_container']);
    expect(events.indexOf('die daemon_dave')).toBeLessThan(events.indexOf('die bob_the_container'));
    const line = await page.$eval('.event[data-action="die"][data-name="bob_the_container"] .event-line', (e) => e.textContent);
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z container die [0-9a-f]{12} \(execDuration=0, exitCode=0, image=ubuntu, name=bob_the_container\)$/);
    expect(await cutText(page, DOCK_TEXT)).toEqual([]);
    expect(await nestedScrollers(page)).toEqual([]);
  });

  it('gives the image and its only layer the size docker images gives it', async () => {
    await typeCommand(page, 'sudo docker images');
    expect((await bufferLines(page)).some((l) => /^ubuntu\s+latest\s+[0-9a-f]{12}\s+.+\s78\.1MB$/.test(l))).toBe(true);
    await page.click('#panel-tab-images');
    await page.waitForSelector('.istack[data-image="ubuntu:latest"]');
    expect(await page.textContent('.istack[data-image="ubuntu:latest"] .istack-meta')).toMatch(/ · 78\.1MB$/);
    expect(await page.$$eval('.istack[data-image="ubuntu:latest"] .ilayer', (els) => els.map((e) => e.firstElementChild!.textContent))).toEqual([
      expect.stringMatching(/^layer [0-9a-f]{12} · 78\.1MB$/),
    ]);
    expect(errors).toEqual([]);
  });
});

describe('at 1280×720', () => {
  it('still gives the terminal the width of docker ps -a, and nothing scrolls inside another', async () => {
    const { page, errors } = await open(1280, 720);
    expect(await page.evaluate(() => window.__dockersim!.xterm!.cols)).toBeGreaterThanOrEqual(140);
    const header = await page.locator('.app-header').boundingBox();
    expect(header!.height).toBeLessThan(50);
    await page.locator('.first-step-start').click();
    await page.waitForSelector('.lesson-view');
    expect(await nestedScrollers(page)).toEqual([]);
    expect(await cutText(page, DOCK_TEXT)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('at 390×844 (a phone)', () => {
  it('keeps the header to one row and a lesson readable and usable above the terminal', async () => {
    const { page, errors } = await open(390, 844);
    const header = await page.locator('.app-header').boundingBox();
    expect(header!.height).toBeLessThan(50);
    await page.locator('.first-step-start').click();
    await page.waitForSelector('.lesson-view');
    const text = await page.locator('.lesson-view p').first().boundingBox();
    expect(text!.width).toBeGreaterThanOrEqual(330);
    const body = await page.evaluate(() => {
      const el = [...document.querySelectorAll<HTMLElement>('.lesson-view *')].find((e) => /auto|scroll/.test(getComputedStyle(e).overflowY))!;
      const r = el.getBoundingClientRect();
      return { h: r.height, top: r.top, bottom: r.bottom };
    });
    expect(body.h).toBeGreaterThanOrEqual(140);
    expect(body.bottom).toBeLessThanOrEqual(844);
    // Usable: the step's controls are on screen, and the terminal below still takes the keys.
    const next = await page.getByRole('button', { name: 'Next step' }).boundingBox();
    expect(next!.y + next!.height).toBeLessThanOrEqual(844);
    await typeCommand(page, 'echo on a phone');
    expect((await bufferLines(page)).includes('on a phone')).toBe(true);
    // The header's tools are one tap away.
    await page.click('.app-menu-button');
    expect(await page.locator('.time-controls').isVisible()).toBe(true);
    await page.click('.app-menu-button');
    // The daemon view is the other half of the dock.
    await page.click('.dock-switch-daemon');
    expect(await page.locator('.daemon-panel').isVisible()).toBe(true);
    expect(await page.locator('.lesson-panel').isVisible()).toBe(false);
    expect(await nestedScrollers(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('in presenter mode', () => {
  async function fonts(page: Page): Promise<{ terminal: number; lesson: number; panel: number }> {
    await page.waitForSelector('.lesson-panel');
    return page.evaluate(() => ({
      terminal: window.__dockersim!.xterm!.options.fontSize!,
      lesson: parseFloat(getComputedStyle(document.querySelector('.lesson-panel')!).fontSize),
      panel: parseFloat(getComputedStyle(document.querySelector('.crow, .panel-empty')!).fontSize),
    }));
  }

  it('grows the lesson and panel text with the terminal’s', async () => {
    const normal = await open(1440, 900);
    const n = await fonts(normal.page);
    await normal.page.context().close();
    const presenter = await open(1440, 900, true);
    await presenter.page.waitForFunction(() => window.__dockersim!.xterm!.options.fontSize === 24);
    const p = await fonts(presenter.page);
    expect(p.terminal / n.terminal).toBeGreaterThan(1.5);
    expect(p.lesson / n.lesson).toBeCloseTo(p.terminal / n.terminal, 1);
    expect(p.panel / n.panel).toBeCloseTo(p.terminal / n.terminal, 1);
    const header = await presenter.page.locator('.app-header').boundingBox();
    expect(header!.height).toBeLessThan(80);
    expect(await nestedScrollers(presenter.page)).toEqual([]);
    expect(presenter.errors).toEqual([]);
    await presenter.page.context().close();
  });
});
