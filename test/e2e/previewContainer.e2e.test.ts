/**
 * Issue 17's end-to-end preview: nginx in a container serves a folder of the learner's home through a bind
 * mount and a published port; the port's link in the Docker view opens the page in the web preview; an edit on
 * the host shows after Reload, and the container's log has both requests, from the address Docker gives them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, typeLine, waitForPrompt } from './browser.js';

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${inject('appUrl')}?test=1&seed=1&locale=en`);
  await waitForPrompt(page);
});

afterAll(async () => {
  await browser?.close();
});

const frame = () => page.frameLocator('.preview-frame');

describe('the web preview of a container', () => {
  it('opens a published port from the Docker view and shows a bind-mounted page, edited on the host', async () => {
    await typeLine(page, "mkdir -p site && echo '<h1>Served from the container</h1>' > site/index.html");
    await page.evaluate(() => window.__dockersim!.driver.setSpeed(20));
    await typeLine(page, 'sudo docker run -d --name web -p 8080:80 -v ~/site:/usr/share/nginx/html:ro nginx', 60_000);
    // nginx is up once the host can fetch the page through the published port.
    await typeLine(page, 'until curl -sf localhost:8080/ >/dev/null; do sleep 1; done', 60_000);
    await page.evaluate(() => window.__dockersim!.driver.setSpeed(1));

    const link = page.getByRole('button', { name: /^localhost:8080 → 80/ });
    await link.waitFor({ timeout: 30_000 });
    await link.click();
    await frame().getByRole('heading', { name: 'Served from the container' }).waitFor();
    expect(await page.getByLabel('Address on the host (port and path)').inputValue()).toBe('localhost:8080/');

    await typeLine(page, "echo '<h1>Edited on the host</h1>' > site/index.html");
    await page.getByRole('button', { name: 'Reload' }).click();
    await frame().getByRole('heading', { name: 'Edited on the host' }).waitFor();

    // The container's nginx logged the preview's requests; through docker-proxy the client is the bridge's gateway.
    await typeLine(page, 'sudo docker logs web 2>/dev/null | grep -c dockersim-preview > /tmp/n; sudo docker logs web 2>/dev/null | grep dockersim-preview | head -1 | cut -d" " -f1 >> /tmp/n');
    await typeLine(page, 'cat /tmp/n');
    const shown = await page.evaluate(() => {
      const buf = window.__dockersim!.xterm!.buffer.active;
      const rows: string[] = [];
      for (let y = 0; y < buf.length; y++) rows.push(buf.getLine(y)?.translateToString(true) ?? '');
      return rows;
    });
    const at = shown.lastIndexOf(shown.filter((r) => r.endsWith('$ cat /tmp/n')).pop()!);
    // Exactly the two page views (the link, then Reload): opening the pane asks the server once.
    const [count, client] = shown.slice(at + 1, at + 3);
    expect(Number(count)).toBe(2);
    expect(client).toBe('172.17.0.1');
    expect(errors).toEqual([]);
  });
});
