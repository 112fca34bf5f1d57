/**
 * A lesson without a start state runs on the machine the learner left behind: when that machine is not what
 * the lesson's text assumes (3.2: "there are no images yet"), the panel says so, and a fresh machine is one
 * click away while the learner's own is kept. Judged on what the learner sees, in real Chromium.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectErrors, engineContainers, launchBrowser, typeLine, waitForPrompt } from './browser.js';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  page = await context.newPage();
  collectErrors(page, errors);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const app = (query: string): string => `${inject('appUrl')}?test=1&${query}`;

const containers = engineContainers;
const images = (p: Page): Promise<number> => p.evaluate(() => window.__dockersim!.machine.daemonStore.images.all().length);
const TITLE = 'Running our first container';

describe('a lesson that assumes what the machine is not', () => {
  it('says nothing on a machine as the lesson assumes it', { timeout: 120_000 }, async () => {
    await page.goto(app('locale=en&lesson=ch03-02-first-container'));
    await page.waitForSelector('.lesson-view h2');
    await waitForPrompt(page);
    await typeLine(page, 'true');
    expect(await page.locator('.lesson-assumes').count()).toBe(0);
  });

  it('says which assumption fails; the button gives a fresh machine and the learner\'s is kept', { timeout: 180_000 }, async () => {
    // A new visitor (nothing saved from the test before).
    await context.close();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app('locale=en'));
    await waitForPrompt(page);
    await typeLine(page, 'sudo docker pull ubuntu');
    await typeLine(page, 'sudo docker create --name mine ubuntu');
    await page.locator('.lesson-item', { hasText: TITLE }).click();
    const banner = page.locator('.lesson-assumes');
    await expect.poll(() => banner.innerText(), { timeout: 30_000 }).toContain('This lesson assumes:');
    const said = await banner.innerText();
    expect(said).toContain('The image ubuntu is not present locally\n(now: images: ubuntu:latest)');
    expect(said).toContain('exactly 0 container(s) (image ubuntu)\n(now: 1 matching; mine (ubuntu, created');

    await page.getByRole('button', { name: 'Start on a fresh machine (yours is kept)' }).click();
    await expect.poll(() => page.locator('.lesson-view h2').innerText(), { timeout: 30_000 }).toBe(`3.2 ${TITLE}`);
    await waitForPrompt(page);
    await expect.poll(() => containers(page)).toEqual([]);
    expect(await images(page)).toBe(0);
    await expect.poll(() => banner.count()).toBe(0);
    const back = page.locator('.machine-switch');
    expect(await back.innerText()).toBe('Switch to your machine');
    await page.evaluate(() => window.__dockersim!.save());

    await Promise.all([page.waitForEvent('load'), back.click()]);
    await waitForPrompt(page);
    await expect.poll(() => containers(page)).toEqual(['mine']);
    expect(await images(page)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('says it in the learner\'s language', { timeout: 120_000 }, async () => {
    await context.close();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app('locale=zh'));
    await waitForPrompt(page);
    await typeLine(page, 'sudo docker pull ubuntu');
    await page.evaluate(() => window.__dockersim!.save());
    await page.goto(app('locale=zh&lesson=ch03-02-first-container'));
    const banner = page.locator('.lesson-assumes');
    await expect.poll(() => banner.innerText(), { timeout: 30_000 }).toContain('本课假定：');
    expect(await banner.innerText()).toContain('本地还没有镜像 ubuntu\n（现在：本地镜像：ubuntu:latest）');
    expect(await page.getByRole('button', { name: '在一台全新的机器上开始（你的机器会保留）' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
