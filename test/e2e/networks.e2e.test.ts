/**
 * The Docker view's network tab in real Chromium: a user-defined network with a member and its DNS names, a
 * named volume and a bind mount with the containers that mount them, as a learner reads them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { cursorRow, launchBrowser, waitForPrompt } from './browser.js';

let browser: Browser;
let page: Page;
const errors: string[] = [];

async function typeCommand(cmd: string, timeout = 30000): Promise<void> {
  await page.click('.xterm-screen');
  const row = await cursorRow(page);
  await page.keyboard.type(cmd);
  await page.keyboard.press('Enter');
  await waitForPrompt(page, row + 1, timeout);
}

const cells = (sel: string): Promise<string[][]> =>
  page.$$eval(`${sel} tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${inject('appUrl')}?test=1&seed=1&locale=en`);
  await waitForPrompt(page);
});

afterAll(async () => {
  await browser?.close();
});

it('shows every network with its members, the volumes and the bind mounts', async () => {
  await typeCommand('sudo docker network create app');
  await typeCommand('sudo docker run -d --network app --name db busybox sleep 1000');
  await typeCommand('mkdir site && sudo docker volume create data');
  await typeCommand('sudo docker run -d --name web -v data:/data -v $HOME/site:/site:ro busybox sleep 1000');
  await page.click('#panel-tab-network');
  await page.waitForSelector('.binds .mounts', { timeout: 5000 });
  const titles = await page.$$eval('.network-title', (hs) => hs.map((h) => h.textContent));
  expect(titles).toEqual(['network “bridge” · bridge docker0', 'network “app” · driver bridge', 'Volumes', 'Bind mounts']);
  // Docker 28 gives each endpoint a random MAC (GenerateRandomMAC): locally administered, unicast.
  expect(await cells('section.network[aria-label="bridge"] .endpoints')).toEqual([['web', '172.17.0.2', expect.stringMatching(/^[0-9a-f][26ae](:[0-9a-f]{2}){5}$/)]]);
  const app = await cells('section.network[aria-label="app"] .endpoints');
  expect(app.map((r) => r.slice(0, 2))).toEqual([['db', '172.18.0.2']]);
  expect(app[0]![3]).toContain('db');
  expect(await page.textContent('section.network[aria-label="app"] .facts')).toContain('172.18.0.1/16');
  expect(await cells('.volumes .mounts')).toEqual([['data', 'web', '/data', 'rw']]);
  expect(await cells('.binds .mounts')).toEqual([['web', '/home/user/site', '/site', 'ro']]);
  expect(errors).toEqual([]);
});
