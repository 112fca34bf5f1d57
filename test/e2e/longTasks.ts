/**
 * Long tasks of a page, judged by the CPU time its main thread spent on them. The browser's 'longtask' entries
 * time tasks by the wall clock, and on a 2-core machine shared with other suites a task of 5 ms can take 60 ms
 * of wall time while the renderer waits for a core. So each long task is looked up in Chromium's trace of the
 * page's main thread, and the CPU time that thread spent on it is what counts; on a quiet machine the two
 * agree. Frame gaps are reported beside them: they measure whoever else holds the CPU as well.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface Probe {
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
    __longTaskProbe?: { stop(): Probe };
  }
}

const WINDOW_MARK = 'long-task-window';

/**
 * What a test asserts of a page's longest main-thread task (CPU ms): a regression bound, four times the 50 ms
 * budget, so that load from other work on the machine cannot fail it (a task of 50 ms of work measured 53 on a
 * busy machine). The 50 ms budget itself is a figure `npm run bench:web` reports.
 */
export const LONG_TASK_BOUND_MS = 200;

/** Starts watching long tasks and frames; `stopProbe` ends the window and returns them. */
export async function startProbe(page: Page): Promise<void> {
  // Under tsx (npm run bench:web) esbuild keeps function names by wrapping them in a `__name(...)` call, which
  // a function sent to the page would then call there: give the page a no-op one (vitest adds no such calls).
  await page.evaluate('globalThis.__name ??= (f) => f');
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
    window.__longTaskProbe = {
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
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
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
export function cpuTimes(probe: Probe, trace: TraceEvent[]): number[] {
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

export function stopProbe(page: Page): Promise<Probe> {
  return page.evaluate(() => window.__longTaskProbe!.stop());
}
