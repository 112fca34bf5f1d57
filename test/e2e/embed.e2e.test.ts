/**
 * The docs and classroom side in real Chromium: embed.html types its `cmd` at the prompt, a plain HTML page with
 * two `<docker-sim>` tags runs two independent terminals, a command cannot inject markup, presenter mode
 * enlarges the terminal, the header's language switch turns the page Chinese and stays so after a reload, and
 * the header's link opens the slide decks in that language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openMenu, PROMPT, screenText, waitForPrompt } from './browser.js';

let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A header narrower than its tools folds them into a menu (App.tsx): open it if it is folded. */
async function open(path: string, viewport = { width: 1024, height: 640 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport, locale: 'en-US' });
  pages.push(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${inject('appUrl')}${path}`);
  return { page, errors };
}

/** Waits until the focused xterm (test hooks) shows `lines` as consecutive rows. */
async function waitForLines(page: Page, lines: readonly string[]): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const x = window.__dockersim?.xterm;
      if (!x) return false;
      const buf = x.buffer.active;
      const rows: string[] = [];
      for (let y = 0; y < buf.length; y++) rows.push(buf.getLine(y)?.translateToString(true) ?? '');
      return rows.some((_, i) => want.every((w, j) => rows[i + j] === w));
    },
    lines,
    { polling: 100, timeout: 30000 },
  );
}

/** The rows an embedded frame's xterm shows on screen (its DOM renderer's text, which spaces with U+00A0). */
function frameRows(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => [...document.querySelectorAll('.xterm-rows > div')].map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+$/, '')));
}

async function waitForFrameRows(frame: Frame, lines: readonly string[]): Promise<void> {
  await frame.waitForFunction(
    (want) => {
      const rows = [...document.querySelectorAll('.xterm-rows > div')].map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+$/, ''));
      return rows.some((_, i) => want.every((w, j) => rows[i + j] === w.trimEnd()));
    },
    lines,
    { polling: 100, timeout: 30000 },
  ).catch(async (e: unknown) => {
    console.log(`${frame.url()} shows`, JSON.stringify(await frameRows(frame)));
    throw e;
  });
}

describe('embed.html', () => {
  it('types `cmd` at the prompt and shows its output, with no session menu', async () => {
    const { page, errors } = await open('embed.html?test=1&cmd=echo%20hi');
    await waitForLines(page, [`${PROMPT}echo hi`, 'hi', PROMPT]);
    expect((await screenText(page)).slice(-3)).toEqual([`${PROMPT}echo hi`, 'hi', PROMPT]);
    // Typed through the session's input path, so it is journaled like the reader's own keys.
    const keys = await page.evaluate(() => window.__dockersim!.session.journal.filter((e) => e.kind === 'keys').map((e) => (e as { data: string }).data));
    expect(keys).toEqual(['echo hi\r']);
    expect(await page.locator('.session-menu, .app-header, .term-tabs').count()).toBe(0);
    // The reader can go on typing.
    await page.keyboard.type('echo more');
    await page.keyboard.press('Enter');
    await waitForLines(page, [`${PROMPT}echo more`, 'more', PROMPT]);
    // No persistence by default: the app's saved session (database `dockersim`) is never opened.
    const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(dbs).not.toContain('dockersim');
    expect(errors).toEqual([]);
  });

  it('starts the reader in group docker, so a docs example runs `docker ps` as written; ?user=sudo as the book', async () => {
    const ps = 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES';
    const { page, errors } = await open('embed.html?test=1&cmd=docker%20ps');
    await waitForLines(page, [`${PROMPT}docker ps`, ps, PROMPT]);
    const book = await open('embed.html?test=1&user=sudo&cmd=docker%20ps%0Asudo%20docker%20ps');
    await waitForLines(book.page, [`${PROMPT}sudo docker ps`, ps, PROMPT]);
    const text = await screenText(book.page);
    expect(text[text.indexOf(`${PROMPT}docker ps`) + 1]).toMatch(/^permission denied while trying to connect to the Docker daemon socket/);
    expect([...errors, ...book.errors]).toEqual([]);
  });

  it('runs several commands in order, seeded, in the language asked for', async () => {
    const cmd = encodeURIComponent('echo $RANDOM\necho second');
    const { page, errors } = await open(`embed.html?test=1&seed=7&locale=zh&cmd=${cmd}`);
    await waitForLines(page, [`${PROMPT}echo second`, 'second', PROMPT]);
    const text = await screenText(page);
    const at = text.indexOf(`${PROMPT}echo $RANDOM`);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(text[at + 1]).toMatch(/^\d+$/);
    expect(await page.evaluate(() => [window.__dockersim!.session.seed, document.documentElement.lang])).toEqual([7, 'zh-CN']);
    expect(await page.locator('.embed-toggle').textContent()).toBe('守护进程视图');
    // The same seed and the same typing give the same machine: $RANDOM again.
    const again = await open(`embed.html?test=1&seed=7&locale=zh&cmd=${cmd}`);
    await waitForLines(again.page, [`${PROMPT}echo second`, 'second', PROMPT]);
    const t2 = await screenText(again.page);
    expect(t2[t2.indexOf(`${PROMPT}echo $RANDOM`) + 1]).toBe(text[at + 1]);
    expect([...errors, ...again.errors]).toEqual([]);
  });

  it('shows a command with markup as text: nothing is injected', async () => {
    const evil = `echo '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'`;
    const { page, errors } = await open(`embed.html?test=1&cmd=${encodeURIComponent(evil)}`);
    const shown = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await waitForLines(page, [`${PROMPT}${evil}`, shown, PROMPT]);
    // The buffer has it; the DOM renderer paints it on a later frame.
    await page.waitForFunction(() => document.querySelector('.xterm-rows')?.textContent?.includes('<script>window.__pwned=2</script>'), undefined, { timeout: 30000 });
    const probe = await page.evaluate(() => ({
      pwned: (window as { __pwned?: number }).__pwned ?? null,
      imgs: document.querySelectorAll('img').length,
      inline: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      text: document.querySelector('.xterm-rows')?.textContent?.includes('<script>window.__pwned=2</script>') ?? false,
    }));
    expect(probe).toEqual({ pwned: null, imgs: 0, inline: 0, text: true });
    expect(errors).toEqual([]);
  });

  it('folds the compact daemon view in and out', async () => {
    const { page, errors } = await open('embed.html?test=1&panel=1');
    await waitForPrompt(page);
    await page.locator('.embed-panel .daemon-panel').waitFor();
    await page.locator('.embed-toggle').click();
    expect(await page.locator('.embed-panel').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('opens `lesson` beside the terminal, with its start state typed on the machine', { timeout: 60_000 }, async () => {
    const { page, errors } = await open('embed.html?test=1&lesson=ch03-06-top-stats&locale=en');
    await page.waitForSelector('.embed-lesson .lesson-view h2', { timeout: 30_000 });
    expect(await page.locator('.embed-lesson .lesson-view h2').innerText()).toBe('3.9 Processes and resource use of a container');
    await waitForLines(page, [`${PROMPT}sudo docker pull ubuntu`]);
    await waitForPrompt(page);
    expect(await page.evaluate(() => window.__dockersim!.machine.daemonStore.getContainer('daemon_dave').State.Running)).toBe(true);
    await page.click('.xterm-screen');
    await page.keyboard.type('sudo docker top daemon_dave');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.lesson-step-dot.is-current.is-done', { timeout: 15_000 });
    expect(await page.locator('.lesson-progress span').innerText()).toMatch(/^1 of \d+ steps done$/);
    expect(errors).toEqual([]);
  });
});

describe('<docker-sim>', () => {
  it('runs two independent simulators on a plain HTML page', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 }, locale: 'en-US' });
    pages.push(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The docs page is served from the app's own address (a page elsewhere needs the script served with CORS).
    const html = readFileSync(join(import.meta.dirname, 'pages/embed-two.html'), 'utf8');
    const url = `${inject('appUrl')}docs-two-examples.html`;
    await page.route(url, (r) => r.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(url);

    const frames = async (): Promise<Frame[]> => {
      await page.waitForFunction(() => document.querySelectorAll('docker-sim').length === 2 && [...document.querySelectorAll('docker-sim')].every((e) => e.shadowRoot?.querySelector('iframe')));
      const srcs = await page.evaluate(() => [...document.querySelectorAll('docker-sim')].map((e) => e.shadowRoot!.querySelector('iframe')!.src));
      for (;;) {
        const fs = srcs.map((s) => page.frames().find((f) => f.url() === s));
        if (fs.every((f) => f !== undefined)) return fs as Frame[];
        await page.waitForTimeout(50);
      }
    };
    const [one, two] = await frames();
    expect(one!.url()).toBe(`${inject('appUrl')}embed.html?cmd=echo+one&seed=3&locale=en`);
    expect(two!.url()).toBe(`${inject('appUrl')}embed.html?cmd=echo+two%0Aecho+again&locale=zh`);

    await waitForFrameRows(one!, [`${PROMPT}echo one`, 'one', PROMPT]);
    await waitForFrameRows(two!, [`${PROMPT}echo two`, 'two', `${PROMPT}echo again`, 'again', PROMPT]);
    expect(await two!.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    // Typing in the first reaches only the first.
    await one!.locator('.xterm').click();
    await page.keyboard.type('echo typed-here');
    await page.keyboard.press('Enter');
    await waitForFrameRows(one!, [`${PROMPT}echo typed-here`, 'typed-here', PROMPT]);
    expect((await frameRows(two!)).join('\n')).not.toContain('typed-here');

    // The page's CSS does not reach the terminal.
    expect(await one!.evaluate(() => getComputedStyle(document.querySelector('.xterm-rows')!).color)).not.toBe('rgb(255, 0, 0)');

    // Attributes and properties reflect; height resizes the frame without reloading it.
    const reflect = await page.evaluate(() => {
      const el = document.getElementById('one') as HTMLElementTagNameMap['docker-sim'];
      const before = el.embedSrc;
      el.height = '200';
      el.panel = true;
      const frame = el.shadowRoot!.querySelector('iframe')!;
      return { seed: el.seed, cmd: el.cmd, height: el.getAttribute('height'), panelAttr: el.hasAttribute('panel'), frameHeight: frame.style.height, reloaded: el.embedSrc !== before, src: el.embedSrc };
    });
    expect(reflect).toEqual({
      seed: '3', cmd: 'echo one', height: '200', panelAttr: true, frameHeight: '200px', reloaded: true,
      src: `${inject('appUrl')}embed.html?cmd=echo+one&seed=3&locale=en&panel=1`,
    });
    expect(errors).toEqual([]);
  });

  it('passes a hostile cmd attribute to the frame as text', async () => {
    const page = await browser.newPage();
    pages.push(page);
    const url = `${inject('appUrl')}docs/evil.html`;
    const body = `<!doctype html><script type="module" src="../docker-sim.js"></script><docker-sim id="x"></docker-sim>`;
    await page.route(url, (r) => r.fulfill({ contentType: 'text/html', body }));
    await page.goto(url);
    const src = await page.evaluate(async () => {
      await customElements.whenDefined('docker-sim');
      const el = document.getElementById('x')!;
      el.setAttribute('cmd', `echo '"><img src=x onerror=alert(1)>'`);
      return el.shadowRoot!.querySelector('iframe')!.getAttribute('src')!;
    });
    expect(src).toBe(`${inject('appUrl')}embed.html?cmd=echo+%27%22%3E%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E%27`);
    expect(await page.evaluate(() => document.querySelectorAll('img').length + (document.getElementById('x')!.shadowRoot!.querySelectorAll('img').length))).toBe(0);
  });
});

describe('the app header', () => {
  it('presenter mode enlarges the terminal font and a button turns it off', async () => {
    const { page, errors } = await open('?test=1&presenter=1');
    await waitForPrompt(page);
    const look = () =>
      page.evaluate(() => ({
        font: window.__dockersim!.xterm!.options.fontSize,
        rows: window.__dockersim!.xterm!.rows,
        cls: document.documentElement.classList.contains('is-presenter'),
        bg: window.__dockersim!.xterm!.options.theme?.background,
      }));
    const on = await look();
    expect([on.font, on.cls, on.bg]).toEqual([24, true, '#000000']);
    await openMenu(page);
    await page.locator('.presenter-toggle').click();
    await page.waitForFunction(() => window.__dockersim!.xterm!.options.fontSize === 14);
    const off = await look();
    expect([off.font, off.cls, off.bg]).toEqual([14, false, '#1e1e1e']);
    // Smaller cells: more rows fit the same box once refitted, and the shell is told the new size.
    await page.waitForFunction((r) => window.__dockersim!.xterm!.rows > r, on.rows);
    await page.waitForFunction(() => window.__dockersim!.term!.tty.winsize.rows === window.__dockersim!.xterm!.rows);
    expect(errors).toEqual([]);
  });

  it('the language switch turns the header Chinese and keeps it after a reload', async () => {
    const { page, errors } = await open('?test=1');
    await waitForPrompt(page);
    expect(await page.locator('.app-meta').textContent()).toBe('simulated host · seed 1');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await openMenu(page);
    await page.locator('.lang-switch button', { hasText: '中文' }).click();
    expect(await page.locator('.app-meta').textContent()).toBe('模拟主机 · 种子 1');
    expect(await page.locator('.session-reset').textContent()).toBe('重置');
    expect(await page.locator('.presenter-toggle').textContent()).toBe('演示模式');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.reload();
    await waitForPrompt(page);
    expect(await page.locator('.app-meta').textContent()).toBe('模拟主机 · 种子 1');
    await openMenu(page);
    await page.locator('.lang-switch button', { hasText: 'English' }).click();
    expect(await page.locator('.app-meta').textContent()).toBe('simulated host · seed 1');
    expect(errors).toEqual([]);
  });

  it('links to the slide decks in the page’s language, in a new tab, and the deck opens in that language', async () => {
    const { page, errors } = await open('?test=1');
    await waitForPrompt(page);
    await openMenu(page);
    const link = page.locator('a.app-decks');
    expect(await link.textContent()).toBe('Slides');
    await page.locator('.lang-switch button', { hasText: '中文' }).click();
    expect(await link.textContent()).toBe('幻灯片');
    const [decks] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    pages.push(decks);
    await decks.waitForLoadState();
    expect(new URL(decks.url()).pathname).toMatch(/\/deck\.html$/);
    // The deck list, then the chapters 1–3 deck in Chinese, as the app's header was.
    await decks.getByRole('link', { name: 'ch1-3' }).click();
    await decks.locator('.slide h1').filter({ hasText: '运行你的第一个容器' }).waitFor({ timeout: 15000 });
    expect(await decks.locator('.deck-title').textContent()).toBe('Docker 第 1–3 章：运行你的第一个容器');
    // The learner's terminal is still there in the app's tab.
    expect(page.isClosed()).toBe(false);
    await page.locator('.lang-switch button', { hasText: 'English' }).click();
    expect(await link.getAttribute('href')).toBe('./deck.html?locale=en');
    expect(errors).toEqual([]);
  });
});
