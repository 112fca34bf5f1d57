/**
 * The editor pane, judged on what a person sees: it opens beside the terminal (its code loaded only then), a
 * Dockerfile written in it and saved with Ctrl-S is what `cat Dockerfile` prints in the terminal, a refused
 * save says the kernel's reason, a change made in the terminal is noticed without being overwritten, and the
 * saved file and the open pane come back after a reload.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bufferLines, cursorRow, launchBrowser, openMenu, waitForPrompt } from './browser.js';

let browser: Browser;
let page: Page;
const errors: string[] = [];

function parsed(p: Page): Promise<void> {
  return p.evaluate(() => new Promise<void>((resolve) => window.__dockersim!.xterm!.write('', resolve)));
}

/** Types a line into the terminal that has the keyboard and returns the lines it printed. */
async function run(p: Page, line: string): Promise<string[]> {
  await parsed(p);
  const from = await cursorRow(p);
  await p.keyboard.type(line);
  await p.keyboard.press('Enter');
  const to = await waitForPrompt(p, from + 1, 20000);
  await parsed(p);
  const lines = await bufferLines(p);
  return lines.slice(from + 1, to);
}

function scripts(p: Page): Promise<string[]> {
  return p.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
}

/** The editor's text as CodeMirror shows it, one string per line. */
function editorLines(p: Page): Promise<string[]> {
  return p.locator('.editor-pane .cm-line').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
}

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${inject('appUrl')}?test=1&seed=1&locale=en`);
  await waitForPrompt(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('the editor pane', () => {
  it('opens beside the terminal, loading CodeMirror only then', async () => {
    expect((await scripts(page)).some((s) => /EditorPane/.test(s))).toBe(false);
    const colsBefore = await page.evaluate(() => window.__dockersim!.xterm!.cols);
    await openMenu(page);
    await page.click('.editor-toggle');
    await page.locator('.editor-pane').waitFor();
    expect((await scripts(page)).some((s) => /EditorPane/.test(s))).toBe(true);
    // The learner's home, as `ls -a ~` would list it.
    await page.locator('.editor-tree .tree-row', { hasText: '.bashrc' }).waitFor();
    const term = await page.locator('.work-split-terminal').boundingBox();
    const pane = await page.locator('.editor-pane').boundingBox();
    expect(term && pane).toBeTruthy();
    // Side by side, both fully on screen at 1280×800; the terminal re-fitted to what it has left.
    expect(pane!.x).toBeGreaterThanOrEqual(term!.x + term!.width);
    expect(pane!.x + pane!.width).toBeLessThanOrEqual(1280);
    await page.waitForFunction((before) => window.__dockersim!.xterm!.cols < before, colsBefore);
    expect(await page.evaluate(() => window.__dockersim!.xterm!.cols)).toBeGreaterThanOrEqual(60);
  });

  it('writes a Dockerfile, saves it with Ctrl-S, and the terminal cats it', async () => {
    await page.click('.editor-new');
    const name = page.getByLabel('Path of the new file');
    expect(await name.inputValue()).toBe('/home/user/');
    await name.press('End');
    await name.pressSequentially('Dockerfile');
    await name.press('Enter');
    await expect.poll(() => page.locator('.editor-path').innerText()).toBe('/home/user/Dockerfile');
    expect(await page.locator('.editor-bar').innerText()).toContain('new file, not saved yet');
    await page.locator('.editor-pane .cm-content').click();
    await page.keyboard.type('FROM ubuntu:24.04\nRUN apt-get update\nCMD ["/bin/bash"]\n');
    // Unsaved: a marker says so, and the machine does not have the file yet.
    await page.locator('.editor-dirty').waitFor();
    await page.keyboard.press('Control+s');
    await page.locator('.editor-notice', { hasText: 'Saved /home/user/Dockerfile' }).waitFor();
    expect(await page.locator('.editor-dirty').count()).toBe(0);
    // Dockerfile syntax: the instruction is coloured differently from its argument.
    const colours = await page.evaluate(() => {
      const line = document.querySelector('.editor-pane .cm-line')!;
      const from = [...line.querySelectorAll('span')].find((s) => s.textContent === 'FROM');
      return from ? [getComputedStyle(from).color, getComputedStyle(line).color] : [];
    });
    expect(colours).toHaveLength(2);
    expect(colours[0]).not.toBe(colours[1]);
    // Esc gives the keyboard back to the terminal: typing goes there without a click.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.classList.contains('xterm-helper-textarea'));
    expect(await run(page, 'cat Dockerfile')).toEqual(['FROM ubuntu:24.04', 'RUN apt-get update', 'CMD ["/bin/bash"]']);
    expect(await run(page, 'ls -l Dockerfile')).toEqual([expect.stringMatching(/^-rw-r--r-- 1 user user 55 .* Dockerfile$/)]);
  });

  it("refuses a save the learner may not make with the kernel's reason", async () => {
    await page.click('.editor-new');
    const name = page.getByLabel('Path of the new file');
    await name.fill('/etc/motd.d');
    await name.press('Enter');
    await page.locator('.editor-pane .cm-content').click();
    await page.keyboard.type('hello');
    await page.keyboard.press('Control+s');
    await page.locator('.editor-notice', { hasText: 'Cannot save /etc/motd.d: Permission denied' }).waitFor();
    await page.locator('.editor-dirty').waitFor();
    await page.locator('.editor-pane .cm-content').press('Escape');
    expect(await run(page, 'ls /etc/motd.d')).toEqual(["ls: cannot access '/etc/motd.d': No such file or directory"]);
  });

  it('notices a change made in the terminal and reloads it only when asked', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.locator('.editor-tree .tree-row', { hasText: 'Dockerfile' }).click();
    await expect.poll(() => page.locator('.editor-path').innerText()).toBe('/home/user/Dockerfile');
    await page.locator('.editor-pane .cm-content').press('Escape');
    await run(page, 'echo "EXPOSE 80" >> Dockerfile');
    await page.locator('.editor-notice.is-stale', { hasText: 'changed on the machine' }).waitFor();
    // Not overwritten: the pane still shows what it had, and a save asks first (declined here).
    expect(await editorLines(page)).toEqual(['FROM ubuntu:24.04', 'RUN apt-get update', 'CMD ["/bin/bash"]', '']);
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.message()))));
    await page.locator('.editor-pane .cm-content').press('Control+s');
    expect(await asked).toBe('/home/user/Dockerfile changed on the machine since it was opened here. Overwrite it with the text in the editor?');
    await page.locator('.editor-pane .cm-content').press('Escape');
    expect(await run(page, 'tail -1 Dockerfile')).toEqual(['EXPOSE 80']);
    await page.getByRole('button', { name: 'Reload from the machine' }).click();
    await expect.poll(() => editorLines(page)).toEqual(['FROM ubuntu:24.04', 'RUN apt-get update', 'CMD ["/bin/bash"]', 'EXPOSE 80', '']);
    expect(await page.locator('.editor-notice.is-stale').count()).toBe(0);
  });

  it('comes back after a reload: the saved file, and the pane with it open', async () => {
    await page.locator('.editor-pane .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('WORKDIR /app\n');
    await page.keyboard.press('Control+s');
    await page.locator('.editor-notice', { hasText: 'Saved /home/user/Dockerfile' }).waitFor();
    await page.evaluate(() => window.__dockersim!.save());
    await page.reload();
    await waitForPrompt(page, 0, 30000);
    expect(await page.evaluate(() => window.__dockersim!.start.source)).toBe('saved');
    await page.locator('.editor-pane').waitFor();
    await expect.poll(() => page.locator('.editor-path').innerText()).toBe('/home/user/Dockerfile');
    await expect.poll(() => editorLines(page)).toEqual(['FROM ubuntu:24.04', 'RUN apt-get update', 'CMD ["/bin/bash"]', 'EXPOSE 80', 'WORKDIR /app', '']);
    await page.click('.xterm-screen');
    expect(await run(page, 'tail -2 Dockerfile')).toEqual(['EXPOSE 80', 'WORKDIR /app']);
    expect(errors).toEqual([]);
  });

  it("edits a running container's file as root, which docker exec sees", async () => {
    await run(page, 'sudo docker run -d --name web busybox sleep 1000');
    await page.locator('.editor-where option', { hasText: 'Container web' }).waitFor({ state: 'attached' });
    const id = await page.evaluate(() => window.__dockersim!.machine.query.findContainer('web')!.ID);
    await page.selectOption('.editor-where', id);
    await page.locator('.editor-tree .tree-row', { hasText: 'etc/' }).click();
    await page.locator('.editor-tree .tree-row', { hasText: /^hostname$/ }).click();
    await expect.poll(() => page.locator('.editor-path').innerText()).toBe('/etc/hostname');
    expect(await editorLines(page)).toEqual([id.slice(0, 12), '']);
    await page.locator('.editor-pane .cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('webhost\n');
    await page.keyboard.press('Control+s');
    await page.locator('.editor-notice', { hasText: 'Saved /etc/hostname' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await run(page, 'sudo docker exec web cat /etc/hostname')).toEqual(['webhost']);
    // Stopped, the container has no mounts to go through: the pane says so and holds the text read-only.
    await run(page, 'sudo docker stop -t 0 web');
    await page.locator('.editor-notice.is-stale', { hasText: 'not running' }).waitFor();
    expect(await page.locator('.editor-save').isDisabled()).toBe(true);
  });

  it('goes below the terminal on a narrow window, and closes', async () => {
    await page.setViewportSize({ width: 600, height: 800 });
    await expect
      .poll(async () => {
        const term = await page.locator('.work-split-terminal').boundingBox();
        const pane = await page.locator('.editor-pane').boundingBox();
        return term && pane ? pane.y >= term.y + term.height && pane.x + pane.width <= 600 : false;
      })
      .toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Close the editor' }).click();
    expect(await page.locator('.editor-pane').count()).toBe(0);
    expect(await page.locator('.editor-toggle').getAttribute('aria-pressed')).toBe('false');
  });
});
