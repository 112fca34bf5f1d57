/**
 * The web preview, judged on what a person sees: nginx on the host serves a page; the preview (its code
 * loaded only when shown) shows it with its stylesheet and image, nginx's access log has each request; an
 * edited page shows after Reload; a link on the page opens in the pane; nothing listening says so; a page
 * whose scripts try to reach the app runs none of them and the app is untouched; a reload of the app replays
 * the requests (the access log is the same) without asking the server again.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cursorRow, launchBrowser, typeLine, waitForPrompt } from './browser.js';

let browser: Browser;
let page: Page;
const errors: string[] = [];

const PAGE =
  '<!DOCTYPE html><html><head><title>site</title><link rel=stylesheet href=/site.css></head>' +
  '<body><h1>Hello from nginx</h1><img id=dot alt=dot src=dot.svg><a href=/about.html>About us</a></body></html>';
const CSS = 'h1 { color: rgb(200, 0, 0) }';
const SVG = '<svg xmlns=\\"http://www.w3.org/2000/svg\\" width=\\"40\\" height=\\"30\\"><rect width=\\"40\\" height=\\"30\\" fill=\\"blue\\"/></svg>';
// Every way this page could reach the app, if it ran: none of it may happen.
const EVIL =
  "<p>evil page</p><script>document.body.append('SCRIPT RAN');parent.document.title='PWNED';" +
  "top.document.body.setAttribute('data-pwned','1');top.location='http://example.com/'</script>" +
  "<img src=x onerror=\\\"parent.document.title='PWNED2'\\\">";

/** Lines a command printed. */
async function run(line: string, timeout = 60_000): Promise<string[]> {
  await page.click('.xterm-screen');
  const from = await cursorRow(page);
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  const to = await waitForPrompt(page, from + 1, timeout);
  // Rows between the two prompts, long lines (the access log's) joined where xterm wrapped them.
  return page.evaluate(
    ([a, b]) => {
      const buf = window.__dockersim!.xterm!.buffer.active;
      const lines: string[] = [];
      for (let y = a; y < b; y++) {
        const line = buf.getLine(y);
        if (!line) continue;
        const text = line.translateToString(true);
        if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
        else lines.push(text);
      }
      return lines;
    },
    [from + 1, to] as const,
  );
}

function accessLog(): Promise<string[]> {
  return run('sudo cat /var/log/nginx/access.log');
}

const frame = () => page.frameLocator('.preview-frame');

async function open(address: string): Promise<void> {
  if ((await page.locator('.preview-pane').count()) === 0) await page.getByRole('button', { name: 'Web preview', exact: true }).click();
  const bar = page.getByLabel('Address on the host (port and path)');
  await bar.fill(address);
  await bar.press('Enter');
}

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${inject('appUrl')}?test=1&seed=1&locale=en`);
  await waitForPrompt(page);
  await page.evaluate(() => window.__dockersim!.driver.setSpeed(20));
  await typeLine(page, 'sudo apt-get update >/dev/null && sudo apt-get install -y nginx >/dev/null 2>&1 && sudo nginx', 120_000);
  await typeLine(page, `echo '${PAGE}' | sudo tee /var/www/html/index.html >/dev/null; echo '${CSS}' | sudo tee /var/www/html/site.css >/dev/null`);
  await typeLine(page, `echo "${SVG}" | sudo tee /var/www/html/dot.svg >/dev/null; echo "${EVIL}" | sudo tee /var/www/html/evil.html >/dev/null`);
  await page.evaluate(() => window.__dockersim!.driver.setSpeed(1));
});

afterAll(async () => {
  await browser?.close();
});

describe('the web preview', () => {
  it('shows the page nginx serves, with its stylesheet and image, and nginx logs each request', async () => {
    const scripts = (): Promise<string[]> => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
    expect((await scripts()).some((s) => /PreviewPane/.test(s))).toBe(false);
    await page.getByRole('button', { name: 'Web preview', exact: true }).click();
    await page.locator('.preview-pane').waitFor();
    expect((await scripts()).some((s) => /PreviewPane/.test(s))).toBe(true);
    await open('localhost/');
    await frame().getByRole('heading', { name: 'Hello from nginx' }).waitFor();
    const status = await page.locator('.preview-status').innerText();
    expect(status).toContain('200 OK');
    expect(status).toContain('text/html');
    // The stylesheet and the image came from nginx too, through the same way in.
    expect(await frame().locator('h1').evaluate((h) => getComputedStyle(h).color)).toBe('rgb(200, 0, 0)');
    expect(await frame().locator('#dot').evaluate((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).src.slice(0, 26)])).toEqual([40, 'data:image/svg+xml;base64,']);
    const log = await accessLog();
    expect(log).toHaveLength(3);
    expect(log[0]).toMatch(/^127\.0\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "Mozilla\/5\.0 \(X11; Linux x86_64\) dockersim-preview\/1\.0"$/);
    expect(log[1]).toMatch(/"GET \/site\.css HTTP\/1\.1" 200 \d+ "http:\/\/localhost\/"/);
    expect(log[2]).toMatch(/"GET \/dot\.svg HTTP\/1\.1" 200 \d+ "http:\/\/localhost\/"/);
  });

  it('shows an edited page after Reload', async () => {
    await run(`echo '<h1>Changed page</h1>' | sudo tee /var/www/html/index.html`);
    await page.getByRole('button', { name: 'Reload' }).click();
    await frame().getByRole('heading', { name: 'Changed page' }).waitFor();
    expect((await accessLog()).slice(-1)[0]).toMatch(/"GET \/ HTTP\/1\.1" 200 22 /);
  });

  it('follows a link on the page from the pane, and shows an error page as served', async () => {
    await run(`echo '${PAGE}' | sudo tee /var/www/html/index.html >/dev/null`);
    await page.getByRole('button', { name: 'Reload' }).click();
    await frame().getByRole('heading', { name: 'Hello from nginx' }).waitFor();
    // In the frame the link is text (the frame cannot navigate); the pane offers it.
    expect(await frame().getByText('About us').getAttribute('href')).toBeNull();
    await page.getByRole('navigation', { name: 'Links on this page' }).getByRole('button', { name: '/about.html' }).click();
    await frame().getByRole('heading', { name: '404 Not Found' }).waitFor();
    expect(await page.getByLabel('Address on the host (port and path)').inputValue()).toBe('localhost/about.html');
    expect(await page.locator('.preview-status').innerText()).toContain('404 Not Found');
  });

  it('says so when nothing listens on the port', async () => {
    await open('localhost:8081/');
    await page.getByRole('alert').filter({ hasText: 'Nothing answers at localhost:8081: the connection was refused.' }).waitFor();
  });

  it('runs none of a page’s scripts: the app cannot be reached from it', async () => {
    const title = await page.title();
    await open('localhost/evil.html');
    await frame().getByText('evil page').waitFor();
    const iframe = page.locator('.preview-frame');
    expect(await iframe.getAttribute('sandbox')).toBe('');
    expect(await iframe.getAttribute('srcdoc')).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
    expect(await page.locator('.preview-status').innerText()).toContain('2 script(s) not run');
    // What a person sees: the page without the script's text, the app as it was.
    expect(await frame().locator('body').innerText()).not.toContain('SCRIPT RAN');
    expect(await page.title()).toBe(title);
    expect(await page.evaluate(() => document.body.getAttribute('data-pwned'))).toBeNull();
    expect(page.url()).toContain('?test=1');
    expect(await run('echo still here')).toEqual(['still here']);
  });

  it('comes back after a reload of the app: the requests are replayed, not made again', async () => {
    const before = await accessLog();
    // Hiding and showing the pane asks nothing either: only Open, Reload or a link does.
    await page.getByRole('button', { name: 'Close the web preview' }).click();
    await page.getByRole('button', { name: 'Web preview', exact: true }).click();
    await page.locator('.preview-pane').waitFor();
    expect(await accessLog()).toEqual(before);
    await page.evaluate(() => window.__dockersim!.save());
    await page.reload();
    await waitForPrompt(page);
    expect(await page.locator('.preview-pane').count()).toBe(0);
    expect(await accessLog()).toEqual(before);
    expect(errors).toEqual([]);
  });
});
