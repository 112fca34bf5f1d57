/**
 * A flood in real Chromium: twenty containers running `yes` and the learner's own terminal flooded by `yes`
 * at the same time. No main-thread task of the page may reach 50 ms, and the page keeps answering: a key
 * typed during the flood is echoed, Ctrl-C stops it and the prompt comes back.
 *
 * What is asserted is what the page controls: the work each of its main-thread tasks does (the driver's
 * slices, xterm's parsing batches, the panel's renders). The browser's 'longtask' entries time tasks by the
 * wall clock, and on a 2-core machine shared with other suites a task of 5 ms can take 60 ms of wall time
 * while the renderer waits for a core. So each long task is looked up in Chromium's trace of the page's main
 * thread, and the CPU time that thread spent on it is what must stay under 50 ms; on a quiet machine the two
 * agree. Frame gaps are reported, not asserted: they measure whoever else holds the CPU as well. The window
 * starts after the page has loaded and the chunks a first `docker run` needs have been fetched and compiled
 * (the warm-up below), so the page's boot is not counted in it.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cursorRow, launchBrowser, PROMPT, screenText, waitForPrompt } from './browser.js';

const CONTAINERS = 20;
/** Real ms the terminal floods, with the containers flooding their logs beside it. */
const FLOOD_MS = 6000;

let browser: Browser;
let page: Page;
const errors: string[] = [];

async function typeCommand(cmd: string, timeout = 30000): Promise<void> {
  const row = await cursorRow(page);
  await page.keyboard.type(cmd);
  await page.keyboard.press('Enter');
  await waitForPrompt(page, row + 1, timeout);
}

interface Probe {
  /** Where the window began, on the page's clock (performance.now()). */
  readonly t0: number;
  /** Long tasks that began in the window: [start, duration], ms on the page's clock. */
  readonly long: [number, number][];
  readonly windowMs: number;
  readonly frames: number;
  readonly worstFrameGap: number;
}

declare global {
  interface Window {
    __floodProbe?: { stop(): Probe };
  }
}

const WINDOW_MARK = 'flood-window';

/** Starts watching long tasks and frames; `window.__floodProbe.stop()` ends the window and returns them. */
function startProbe(): Promise<void> {
  return page.evaluate((mark) => {
    // The mark ties the page's clock to the trace's.
    const t0 = performance.mark(mark).startTime;
    const long: [number, number][] = [];
    const take = (entries: PerformanceEntryList): void => {
      // `buffered` also hands over the page's load: only tasks that began in the window count.
      for (const e of entries) if (e.startTime >= t0) long.push([e.startTime, e.duration]);
    };
    const obs = new PerformanceObserver((list) => take(list.getEntries()));
    obs.observe({ type: 'longtask', buffered: true });
    let frames = 0;
    let worstFrameGap = 0;
    let last = t0;
    let running = true;
    const frame = (t: number): void => {
      frames++;
      worstFrameGap = Math.max(worstFrameGap, t - last);
      last = t;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    window.__floodProbe = {
      stop() {
        running = false;
        take(obs.takeRecords());
        obs.disconnect();
        return { t0, long, windowMs: performance.now() - t0, frames, worstFrameGap };
      },
    };
  }, WINDOW_MARK);
}

/** A complete ('X') trace event: µs of wall time (`ts`, `dur`) and of the thread's CPU time (`tts`, `tdur`). */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tts?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** Chromium's trace of top-level tasks (every thread), from now until the returned function is called. */
async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'], excludedCategories: ['*'] },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/**
 * The main-thread CPU ms of each long task: the thread clock read at the first top-level event that starts
 * with the task and at the end of the last one that ends with it (a task and its microtask checkpoint are
 * two events). A task the trace cannot place counts with its wall time, as if the machine were quiet.
 */
function cpuTimes(probe: Probe, trace: TraceEvent[]): number[] {
  const mark = trace.find((e) => e.name === WINDOW_MARK);
  const main = mark && trace.find((e) => e.pid === mark.pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!mark || !main) return probe.long.map(([, d]) => d);
  const shift = mark.ts / 1000 - probe.t0;
  const tasks = trace
    .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.tts !== undefined && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  // The long task API rounds its figures: a millisecond either way.
  const slack = 1;
  return probe.long.map(([start, duration]) => {
    const from = start + shift - slack;
    const to = start + shift + duration + slack;
    const inside = tasks.filter((e) => e.ts / 1000 >= from && (e.ts + e.dur!) / 1000 <= to);
    if (inside.length === 0) return duration;
    const first = inside[0];
    // Events that do not span the task would leave part of its CPU time out.
    const span = (Math.max(...inside.map((e) => e.ts + e.dur!)) - first.ts) / 1000;
    if (span < duration - 2 * slack) return duration;
    const end = Math.max(...inside.map((e) => e.tts! + e.tdur!));
    return (end - first.tts!) / 1000;
  });
}

/**
 * Types `key` and resolves with the real ms until xterm has parsed the terminal's echo of it (-1 if it has not
 * after 10 s): the echo leaves the tty as a chunk of its own, and an empty write queued right behind it calls
 * back once xterm is there.
 */
async function echoLatency(key: string): Promise<number> {
  const armed = page.evaluate(
    (k) =>
      new Promise<number>((resolve) => {
        const d = window.__dockersim!;
        const x = d.xterm;
        let typed = 0;
        setTimeout(() => resolve(-1), 10000);
        window.addEventListener('keydown', () => (typed ||= performance.now()), { capture: true, once: true });
        const sub = d.term!.tty.onOutput((data, echo) => {
          if (!echo || data !== k) return;
          sub.dispose();
          x.write('', () => {
            const buf = x.buffer.active;
            const shown = buf.getLine(buf.baseY + buf.cursorY)?.getCell(buf.cursorX - 1)?.getChars();
            resolve(shown === k ? performance.now() - typed : -1);
          });
        });
      }),
    key,
  );
  // The listener is in place once the evaluate's script has run; a frame later is safely after that.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  await page.keyboard.type(key);
  return armed;
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${inject('appUrl')}?test=1&seed=1&locale=en`);
  await waitForPrompt(page);
  // Warm-up, outside the window: pulls busybox and loads the code a container start needs.
  await typeCommand('sudo docker run --rm busybox true');
});

afterAll(async () => {
  await browser?.close();
});

describe('a flood', () => {
  it(`keeps every main-thread task under 50 ms of CPU with ${CONTAINERS} containers and the terminal running yes`, async () => {
    const stopTrace = await startTrace(await page.context().newCDPSession(page));
    await startProbe();
    const v0 = await page.evaluate(() => window.__dockersim!.machine.kernel.now());
    await typeCommand(`for i in $(seq ${CONTAINERS}); do sudo docker run -d --name y$i busybox yes >/dev/null; done`, 60000);
    const running = (): Promise<number> =>
      page.evaluate(() => [...window.__dockersim!.machine.engine.containers.values()].filter((c) => c.State.Running).length);
    expect(await running()).toBe(CONTAINERS);

    const row = await cursorRow(page);
    await page.keyboard.type('yes');
    await page.keyboard.press('Enter');
    const floodStart = Date.now();
    await page.waitForFunction(() => {
      const buf = window.__dockersim!.xterm.buffer.active;
      return buf.getLine(buf.baseY + buf.cursorY - 1)?.translateToString(true) === 'y';
    });
    await page.waitForTimeout(FLOOD_MS / 2);
    const echoMs = await echoLatency('x');
    await page.waitForTimeout(Math.max(0, floodStart + FLOOD_MS - Date.now()));
    const probe = await page.evaluate(() => window.__floodProbe!.stop());
    const cpu = cpuTimes(probe, await stopTrace());
    const v1 = await page.evaluate(() => window.__dockersim!.machine.kernel.now());

    const ms = (n: number): string => `${n.toFixed(0)} ms`;
    console.log(
      `flood (${CONTAINERS} containers + terminal, ${(probe.windowMs / 1000).toFixed(1)} s): ` +
        `longest task ${ms(Math.max(0, ...probe.long.map(([, d]) => d)))} wall, ${ms(Math.max(0, ...cpu))} CPU; ` +
        `long tasks (wall/CPU) [${probe.long.map(([, d], i) => `${d.toFixed(0)}/${cpu[i].toFixed(0)}`).join(', ')}]; ` +
        `${((probe.frames * 1000) / probe.windowMs).toFixed(1)} fps, worst frame gap ${ms(probe.worstFrameGap)}; ` +
        `echo of a key ${ms(echoMs)}; virtual time +${ms(v1 - v0)}`,
    );
    expect(echoMs).toBeGreaterThanOrEqual(0); // the key came back, and xterm shows it before the cursor
    expect(Math.max(0, ...cpu)).toBeLessThan(50);
    expect(probe.frames).toBeGreaterThan(0);

    // Ctrl-C reaches `yes` through the flood; the containers go on.
    await page.keyboard.press('Control+C');
    await waitForPrompt(page, row + 1);
    expect((await screenText(page)).slice(-2)).toEqual(['^C', PROMPT]);
    expect(await running()).toBe(CONTAINERS);
    await page.waitForFunction(
      (n) => document.querySelector('.panel-tab[aria-selected="true"]')?.textContent === `Containers (${n})`,
      CONTAINERS,
    );
    expect(errors).toEqual([]);
  });
});
