/**
 * The Containers panel's health badge in real Chromium: a container with a health check shows Docker's verdict
 * beside its state (starting, then healthy; unhealthy for a failing check), on screen, large enough and with
 * enough contrast to read on a projector; a container without a check shows none.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, typeLine, waitForPrompt } from './browser.js';

let browser: Browser;
let page: Page;
const errors: string[] = [];


interface Seen {
  readonly text: string;
  readonly visible: boolean;
  readonly fontPx: number;
  readonly contrast: number;
}

/** The badge of row `name` as a person sees it: its text, whether it is on screen, its size and contrast. */
function badge(name: string): Promise<Seen | null> {
  return page.evaluate((n) => {
    const li = [...document.querySelectorAll<HTMLElement>('.crow')].find((el) => el.dataset.name === n);
    const b = li?.querySelector<HTMLElement>('.health-badge');
    if (!b) return null;
    const r = b.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const st = getComputedStyle(b);
    const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: number[]): number => {
      const [R, G, B] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const [l1, l2] = [lum(rgb(st.color)), lum(rgb(st.backgroundColor))].sort((a, b2) => b2 - a);
    return {
      text: (b.textContent ?? '').trim(),
      visible: r.width > 0 && r.height > 0 && r.bottom <= innerHeight && r.right <= innerWidth && !!at && b.contains(at),
      fontPx: parseFloat(st.fontSize),
      contrast: (l1 + 0.05) / (l2 + 0.05),
    };
  }, name);
}

async function waitBadge(name: string, text: string): Promise<Seen> {
  await page.waitForFunction(([n, t]) => {
    const li = [...document.querySelectorAll<HTMLElement>('.crow')].find((el) => el.dataset.name === n);
    return (li?.querySelector('.health-badge')?.textContent ?? '').includes(t);
  }, [name, text], { timeout: 20000 });
  return (await badge(name))!;
}

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

describe('health badge', () => {
  it('shows starting, then healthy; unhealthy for a failing check; nothing without a check', async () => {
    await typeLine(page, 'sudo docker run -d --name plain busybox sleep 1000');
    await typeLine(page, "sudo docker run -d --name ok --health-cmd 'sleep 3' --health-interval 5s busybox sleep 1000");
    const starting = await waitBadge('ok', 'starting');
    expect(starting).toMatchObject({ text: '… starting', visible: true });
    const healthy = await waitBadge('ok', 'healthy');
    expect(healthy).toMatchObject({ text: '✓ healthy', visible: true });
    expect(healthy.fontPx).toBeGreaterThanOrEqual(12);
    expect(healthy.contrast).toBeGreaterThanOrEqual(7);
    await typeLine(page, 'sudo docker run -d --name bad --health-cmd false --health-interval 1s --health-retries 1 busybox sleep 1000');
    const bad = await waitBadge('bad', 'unhealthy');
    expect(bad).toMatchObject({ text: '✗ unhealthy', visible: true });
    expect(bad.contrast).toBeGreaterThanOrEqual(7);
    expect(await badge('plain')).toBeNull();
    // Stopped, the badge goes, as `docker ps -a` shows no health for an exited container.
    await typeLine(page, 'sudo docker stop -t 0 bad');
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.crow')].find((el) => el.dataset.name === 'bad')?.dataset.state === 'exited');
    expect(await badge('bad')).toBeNull();
    expect(errors).toEqual([]);
  }, 90_000);
});
