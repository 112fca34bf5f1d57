/**
 * The images panel during `docker build`, in real Chromium, judged by what the learner sees: the steps appear as
 * the build runs, each becomes a layer as big as `docker history -H` says, a rebuild marks them CACHED, the image
 * comes with its tag and what it was built from, and re-tagging leaves the old image dangling; the builds before
 * the latest stay listed under it, each opening to its steps.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bufferLines, collectErrors, cursorRow, launchBrowser, typeLine, waitForPrompt } from './browser.js';

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  collectErrors(page, errors);
  await page.goto(`${inject('appUrl')}?test=1&seed=1&locale=en`);
  await waitForPrompt(page);
});

afterAll(async () => {
  await browser?.close();
});

/** The build card's steps as the learner reads them: label, instruction, then what the step shows on the right. */
function steps(): Promise<string[]> {
  return page.$$eval('.ibuild .ibstep', (els) =>
    els.map((e) => [e.querySelector('.ibstep-head')?.textContent, e.querySelector('.ibstep-result')?.textContent].join(' | ')),
  );
}

const DOCKERFILE = 'FROM busybox\\nRUN head -c 1500000 /dev/zero > /big && sleep 2\\nEXPOSE 80\\n';

describe('the images panel during a build', () => {
  let builtShort = '';

  it('shows the steps as they run, then each step as its layer and the image with its tag', async () => {
    await page.click('#panel-tab-images');
    await typeLine(page, `mkdir web && printf '${DOCKERFILE}' > web/Dockerfile`);
    await page.click('.xterm-screen');
    const row = await cursorRow(page);
    await page.keyboard.type('sudo docker build -t web web');
    await page.keyboard.press('Enter');
    // While the RUN sleeps, it is on the panel as running, the FROM above it done.
    await page.waitForSelector('.ibuild.is-running .ibstep.is-running[data-step="[2/2]"]', { timeout: 30_000 });
    expect(await page.textContent('.ibuild-title')).toBe('Building web:latest · BuildKit');
    const live = await steps();
    expect(live[0]).toMatch(/^\[1\/2\] FROM busybox \| no new layer/);
    expect(live[1]).toBe('[2/2] RUN head -c 1500000 /dev/zero > /big && sleep 2 | running…');
    await waitForPrompt(page, row + 1, 30_000);

    await page.waitForSelector('.ibuild.is-succeeded');
    expect(await page.textContent('.ibuild-title')).toMatch(/^Built web:latest in \d+\.\ds · BuildKit$/);
    const done = await steps();
    expect(done[1]).toMatch(/^\[2\/2\] RUN head -c 1500000 \/dev\/zero > \/big && sleep 2 \| layer [0-9a-f]{12} · 1\.5MB\d+\.\ds$/);
    const bytes = await page.getAttribute('.ibstep[data-step="[2/2]"] .ibstep-layer', 'title');
    expect(bytes).toMatch(/^\d+ bytes$/);
    expect(Number(bytes!.split(' ')[0])).toBeGreaterThanOrEqual(1_500_000);
    expect(await page.textContent('.ibuild-result')).toMatch(/^Image [0-9a-f]{12}web:latest$/);

    // The image's stack: the step's layer on top of busybox's, built from busybox.
    const stack = '.istack[data-image="web:latest"]';
    await page.waitForSelector(stack);
    builtShort = (await page.getAttribute(stack, 'data-id'))!;
    expect(await page.textContent('.ibuild-result')).toContain(builtShort);
    const layers = await page.$$eval(`${stack} .ilayer > span:first-child`, (els) => els.map((e) => e.textContent));
    expect(layers).toHaveLength(2);
    expect(layers[0]).toMatch(/^layer [0-9a-f]{12} · 1\.5MB$/);
    expect(layers[1]).toMatch(/^layer [0-9a-f]{12} · 4\.27MB$/);
    expect(done[1]).toContain(layers[0]!);
    expect(await page.textContent(`${stack} .istack-from`)).toBe('from busybox:latest');
    expect(await page.textContent('.istack[data-image="busybox:latest"] .istack-children')).toBe('base of web:latest');

    // docker history -H gives the RUN the same size.
    await typeLine(page, 'sudo docker history -H web');
    const run = (await bufferLines(page)).find((l) => l.includes('RUN /bin/sh -c head -c 1500000'));
    expect(run).toMatch(/\s1\.5MB\s+buildkit\.dockerfile\.v0$/);
  });

  it('marks every step CACHED on a rebuild of the same image', async () => {
    await typeLine(page, 'sudo docker build -t web web');
    await page.waitForSelector('.ibuild[data-build="2"].is-succeeded');
    expect(await page.$$eval('.ibuild .ibstep-badge.is-cached', (els) => els.map((e) => e.textContent))).toEqual(['CACHED', 'CACHED']);
    expect(await page.textContent('.ibuild-result')).toContain(builtShort);
  });

  it('shows the image re-tagging left behind as a dangling <none> image', async () => {
    await typeLine(page, 'sudo docker tag busybox web');
    const old = `.istack.is-dangling[data-id="${builtShort}"]`;
    await page.waitForSelector(old);
    expect(await page.textContent(`${old} .istack-name > span:first-child`)).toBe('<none> dangling');
    expect(await page.textContent(`${old} .istack-from`)).toBe('from busybox:latest');
    expect(await page.textContent('.istack[data-image="busybox:latest"] .istack-name > span:first-child')).toBe('busybox:latest, web:latest');
    expect(errors).toEqual([]);
  });

  it('redraws the build a few times per step, not once per line of a step that prints thousands', async () => {
    await typeLine(page, `mkdir loud && printf 'FROM busybox\\nRUN seq 1 5000\\n' > loud/Dockerfile`);
    await page.evaluate(() => {
      const w = window as unknown as { __buildMutations: number };
      w.__buildMutations = 0;
      new MutationObserver((list) => (w.__buildMutations += list.length)).observe(document.querySelector('.panel-body')!, {
        subtree: true, childList: true, characterData: true, attributes: true,
      });
    });
    await typeLine(page, 'sudo docker build --progress=plain -t loud loud', 60_000);
    await page.waitForSelector('.ibuild[data-build="3"].is-succeeded');
    const mutations = await page.evaluate(() => (window as unknown as { __buildMutations: number }).__buildMutations);
    // 5,000 lines of output (last: they fill the terminal's scrollback); the panel changes when a step starts or
    // ends and when the image appears.
    console.log(`panel mutations during a build printing 5,000 lines: ${mutations}`);
    expect(mutations).toBeLessThan(200);
    expect(errors).toEqual([]);
  });

  it('lists the earlier builds under the latest, one line each, opening to their steps', async () => {
    // The loud build filled the scrollback, so the cursor's row no longer tells a new prompt: the panel does.
    await page.click('.xterm-screen');
    await page.keyboard.type(`mkdir bad && printf 'FROM busybox\\nRUN false\\n' > bad/Dockerfile && sudo docker build -t bad bad`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.ibuild[data-build="4"].is-failed', { timeout: 30_000 });
    // Newest first: the loud build, then the cached rebuild of web, then web's first build.
    const lines = await page.$$eval('.ibuilds-line', (els) => els.map((e) => Array.from(e.children, (c) => c.textContent).join(' | ')));
    // A rebuild's FROM of a base already here is CACHED, as BuildKit prints it.
    expect(lines).toEqual([
      expect.stringMatching(/^loud:latest \| built in \d+\.\ds \| 2 steps · 1 cached \| BuildKit$/),
      expect.stringMatching(/^web:latest \| built in \d+\.\ds \| 2 steps · 2 cached \| BuildKit$/),
      expect.stringMatching(/^web:latest \| built in \d+\.\ds \| 2 steps \| BuildKit$/),
    ]);
    expect(await page.isVisible('.ibuilds-item[data-build="3"] .ibstep')).toBe(false);

    // Opened, a line shows that build's steps as the card showed them while it was the latest.
    await page.click('.ibuilds-item[data-build="3"] summary');
    await page.waitForSelector('.ibuilds-item[data-build="3"] .ibstep', { state: 'visible' });
    const opened = await page.$$eval('.ibuilds-item[data-build="3"] .ibstep', (els) =>
      els.map((e) => [e.querySelector('.ibstep-head')?.textContent, e.querySelector('.ibstep-result')?.textContent].join(' | ')),
    );
    expect(opened[0]).toMatch(/^\[1\/2\] FROM busybox \| /);
    // seq writes no file: the step made no layer.
    expect(opened[1]).toMatch(/^\[2\/2\] RUN seq 1 5000 \| no new layer\d+\.\ds$/);
    expect(await page.textContent('.ibuilds-item[data-build="3"] .ibuild-result')).toMatch(/^Image [0-9a-f]{12}loud:latest$/);
    await page.click('.ibuilds-item[data-build="2"] summary');
    // The steps are drawn on the details' toggle event, which comes after the click: wait for them, as above.
    await page.waitForSelector('.ibuilds-item[data-build="2"] .ibstep', { state: 'visible' });
    expect(await page.$$eval('.ibuilds-item[data-build="2"] .ibstep-badge.is-cached', (els) => els.length)).toBe(2);
    // The failed build is the card on top, its error on its step.
    expect(await page.textContent('.ibuild-title')).toMatch(/^Build of bad:latest failed · BuildKit$/);
    expect(errors).toEqual([]);
  });
});
