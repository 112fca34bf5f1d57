/**
 * A deck presented end to end, judged on what the room and the presenter see: deck.html opened at a slide, moved
 * by keyboard, a command clicked on a slide and run with Enter, the container it started still running two
 * slides later in another terminal of the same machine, the presenter window in step with the audience window
 * both ways, and a reload that keeps the machine.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bufferLines, collectErrors, cursorRow, launchBrowser, PROMPT, waitForPrompt } from './browser.js';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
});

afterAll(async () => {
  await browser?.close();
});

const RUN = 'sudo docker run --name daemon_dave -d ubuntu /bin/sh -c "while true; do echo hello world; sleep 1; done"';

/** The heading of the slide the window shows. */
function heading(page: Page): Promise<string> {
  return page.locator('.slide h1, .slide h2').first().innerText();
}

async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('.slide h1, .slide h2')?.textContent === t, text, { timeout: 15000 });
}

/** The presenter's notes as shown. */
async function waitForNotes(page: Page, start: string): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('.presenter-notes-text')?.textContent?.trim().startsWith(s) ?? false, start, { timeout: 15000 });
}

/** Waits for `lines` as consecutive logical lines of the shown terminal (scrollback included). */
async function waitForLines(page: Page, lines: readonly (string | RegExp)[]): Promise<string[]> {
  const match = (all: string[]): boolean =>
    all.some((_, i) => lines.every((w, j) => (typeof w === 'string' ? all[i + j] === w : w.test(all[i + j] ?? ''))));
  for (let i = 0; i < 300; i++) {
    const all = await bufferLines(page);
    if (match(all)) return all;
    await page.waitForTimeout(100);
  }
  throw new Error(`not shown: ${JSON.stringify(lines.map(String))}\n${(await bufferLines(page)).join('\n')}`);
}

describe('deck.html', () => {
  it('presents the chapter 1–3 deck: keys, a clicked command, one machine across slides, the presenter window in step, a reload', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    collectErrors(page, errors);
    await page.goto(`${inject('appUrl')}deck.html?deck=ch1-3&slide=9&test=1&locale=en`);
    await waitForHeading(page, 'Start it again, attach to it');
    expect(await page.locator('.deck-position').innerText()).toBe('9 / 15');
    // Opened at slide 9; the arrow key moves on, and the address follows.
    await page.keyboard.press('ArrowRight');
    await waitForHeading(page, 'A daemonized container');
    expect(new URL(page.url()).searchParams.get('slide')).toBe('10');
    await waitForPrompt(page);

    // A command on the slide is typed into its terminal by a click; Enter stays the presenter's.
    await page.getByRole('button', { name: RUN }).click();
    await waitForLines(page, [`${PROMPT}${RUN}`]);
    expect((await bufferLines(page)).at(-1)).toBe(`${PROMPT}${RUN}`);
    const row = await cursorRow(page);
    await page.keyboard.press('Enter');
    await waitForPrompt(page, row + 1);
    await waitForLines(page, [
      `${PROMPT}${RUN}`,
      "Unable to find image 'ubuntu:latest' locally",
      'latest: Pulling from library/ubuntu',
      // Docker's progress line ends in a space where the progress bar was.
      '85cddd2fcda6: Pull complete ',
      'Digest: sha256:09186d8d280cb5a172d2116e462c2a056de4c84683264a1e244bf81f848fb82e',
      'Status: Downloaded newer image for ubuntu:latest',
      // The same ID as `npm run sim -- --seed 1` gives for this command: the deck's seed, the same machine.
      'eb46b8c2a352a3329c169cc0da997ee66350637adf166859869d43f5c1145880',
      PROMPT,
    ]);
    // The daemon view beside the terminal shows it.
    await page.locator('.slide-panel').getByText('daemon_dave').first().waitFor({ timeout: 15000 });

    // The focus is in the terminal: PageDown (a clicker's key) still moves, twice.
    await page.keyboard.press('PageDown');
    await waitForHeading(page, 'What is it doing? Logs');
    await page.keyboard.press('PageDown');
    await waitForHeading(page, 'Processes and statistics');
    // Another terminal (`second`) on the same machine: the container is still running there.
    await waitForPrompt(page);
    expect(await bufferLines(page)).not.toContain(`${PROMPT}${RUN}`);
    await page.locator('.slide-command', { hasText: /^sudo docker ps$/ }).click();
    const psRow = await cursorRow(page);
    await page.keyboard.press('Enter');
    await waitForPrompt(page, psRow + 1);
    await waitForLines(page, [
      `${PROMPT}sudo docker ps`,
      /^CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES$/,
      /^[0-9a-f]{12} +ubuntu +"\/bin\/sh -c 'while t…" +.+ ago +Up .+ +daemon_dave$/,
      PROMPT,
    ]);

    // The presenter window: opened from the deck, showing this slide's notes and the next slide.
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Presenter window' }).click()]);
    collectErrors(presenter, errors);
    await waitForNotes(presenter, 'top shows the shell loop and its sleep.');
    await presenter.waitForFunction(() => document.querySelector('.presenter-position')?.textContent?.startsWith('12 / 15'));
    expect(await presenter.locator('.presenter-next .slide h2').innerText()).toBe('Running a process inside: exec');
    expect(await presenter.locator('.presenter-current .slide h2').innerText()).toBe('Processes and statistics');
    expect(await presenter.locator('.presenter-timer').innerText()).toMatch(/^\d\d:\d\d$/);

    // The audience window moves: the presenter follows.
    await page.bringToFront();
    await page.keyboard.press('PageDown');
    await waitForHeading(page, 'Running a process inside: exec');
    await waitForNotes(presenter, 'ps -ef inside shows PID 1 is the shell loop.');
    // And the other way round.
    await presenter.bringToFront();
    await presenter.keyboard.press('ArrowRight');
    await waitForNotes(presenter, 'The loop ignores SIGTERM');
    await waitForHeading(page, 'Stop and remove');
    expect(await heading(page)).toBe('Stop and remove');
    expect(new URL(page.url()).searchParams.get('slide')).toBe('14');

    // A reload keeps the deck's machine (its journal, replayed) and the slide.
    await page.bringToFront();
    await page.evaluate(() => window.__dockersim!.save());
    await page.reload();
    await waitForHeading(page, 'Stop and remove');
    await page.waitForFunction(() => window.__dockersim?.start.source === 'saved');
    // Slide 14 shows terminal `main`, with what it showed before the reload.
    await waitForLines(page, [`${PROMPT}${RUN}`]);
    await waitForPrompt(page);
    await page.locator('.slide-command', { hasText: /^sudo docker ps -a$/ }).first().click();
    const again = await cursorRow(page);
    await page.keyboard.press('Enter');
    await waitForPrompt(page, again + 1);
    await waitForLines(page, [`${PROMPT}sudo docker ps -a`, /^CONTAINER ID/, /^[0-9a-f]{12} +ubuntu .* Up .* daemon_dave$/, PROMPT]);

    // The next class: a fresh machine, same slide, no container.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'New machine' }).click();
    await page.waitForFunction(() => window.__dockersim?.start.source === 'fresh');
    await waitForHeading(page, 'Stop and remove');
    await waitForPrompt(page);
    expect(await bufferLines(page)).not.toContain(`${PROMPT}${RUN}`);
    await page.locator('.slide-command', { hasText: /^sudo docker ps -a$/ }).first().click();
    const fresh = await cursorRow(page);
    await page.keyboard.press('Enter');
    await waitForPrompt(page, fresh + 1);
    expect((await bufferLines(page)).slice(-3)).toEqual([`${PROMPT}sudo docker ps -a`, 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES', PROMPT]);
    expect(errors).toEqual([]);
  });

  it('opens in Chinese, with the fragments of a slide revealed one key at a time', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    collectErrors(page, errors);
    await page.goto(`${inject('appUrl')}deck.html?deck=ch1-3&slide=2&locale=zh`);
    await waitForHeading(page, '容器不是“小号虚拟机”');
    const shown = (): Promise<string[]> => page.$$eval('.slide [data-fragment]', (els) => els.map((e) => (e as HTMLElement).dataset.shown ?? ''));
    expect(await shown()).toEqual(['no', 'no', 'no', 'no']);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    expect(await shown()).toEqual(['yes', 'current', 'no', 'no']);
    expect(await page.locator('.slide [data-fragment]').nth(1).isVisible()).toBe(true);
    expect(await page.locator('.slide [data-fragment]').nth(2).isVisible()).toBe(false);
    await page.keyboard.press('ArrowLeft');
    expect(await shown()).toEqual(['current', 'no', 'no', 'no']);
    await page.keyboard.press('End');
    await waitForHeading(page, '小结');
    await page.keyboard.press('Home');
    await waitForHeading(page, '运行你的第一个容器');
    expect(errors).toEqual([]);
  });
});
