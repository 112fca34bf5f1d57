import { describe, expect, it } from 'vitest';
import type { RunOptions, RunResult } from '../../src/engine/kernel/runloop.js';
import { RealtimeDriver, type DriverHost } from '../../src/machine/driver.js';

/** Real time that only moves when the test says so, and the tasks the driver queued on it. */
class FakeHost implements DriverHost {
  t = 0;
  readonly queue: { at: number; fn: () => void }[] = [];
  /** Delays the driver asked for, in order. */
  readonly delays: number[] = [];

  now(): number {
    return this.t;
  }

  later(fn: () => void, ms: number): void {
    this.delays.push(ms);
    this.queue.push({ at: this.t + ms, fn });
  }

  /** Runs queued tasks in time order until real time reaches `until`. */
  async runUntil(until: number): Promise<void> {
    // A tick the test began (a kick runs one at once) finishes before the host moves on, as in a page.
    await new Promise((r) => setImmediate(r));
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0];
      if (!next || next.at > until) break;
      this.queue.shift();
      this.t = Math.max(this.t, next.at);
      next.fn();
      await new Promise((r) => setImmediate(r));
    }
    this.t = Math.max(this.t, until);
  }
}

/**
 * A kernel with one optional busy process: each scheduler step costs `virtualPerStep` virtual ms and
 * `realPerStep` real ms of the host's time.
 */
class FakeKernel {
  virtual = 0;
  busy = false;
  readonly runs: { until: number | undefined; result: RunResult; realMs: number }[] = [];
  readonly clock = { nextDue: (): number | undefined => undefined };
  readonly sched = { runnable: (): number => (this.busy ? 1 : 0) };

  constructor(
    private readonly host: FakeHost,
    private readonly virtualPerStep = 0.01,
    private readonly realPerStep = 0.1,
  ) {}

  now(): number {
    return this.virtual;
  }

  async run(opts: RunOptions): Promise<RunResult> {
    const t0 = this.host.t;
    const done = (result: RunResult): RunResult => {
      this.runs.push({ until: opts.until, result, realMs: this.host.t - t0 });
      return result;
    };
    const until = opts.until ?? Infinity;
    for (;;) {
      if (opts.stop?.()) return done('stopped');
      if (!this.busy) {
        this.virtual = Math.max(this.virtual, until);
        return done('until');
      }
      if (this.virtual >= until) return done('until');
      await Promise.resolve();
      this.virtual += this.virtualPerStep;
      this.host.t += this.realPerStep;
    }
  }
}

function setup(virtualPerStep?: number, realPerStep?: number) {
  const host = new FakeHost();
  const kernel = new FakeKernel(host, virtualPerStep, realPerStep);
  const driver = new RealtimeDriver(kernel, { host, sliceMs: 8, idleMs: 50, maxLagMs: 250, onError: (e) => { throw e; } });
  return { host, kernel, driver };
}

describe('RealtimeDriver', () => {
  it('moves virtual time with real time while the machine is idle, waking at most every idleMs', async () => {
    const { host, kernel, driver } = setup();
    driver.start();
    await host.runUntil(1000);
    expect(kernel.now()).toBeGreaterThanOrEqual(950);
    expect(kernel.now()).toBeLessThanOrEqual(1000);
    expect(Math.max(...host.delays)).toBeLessThanOrEqual(50);
  });

  it('runs at once when kicked during an idle wait, instead of waiting out the idle tick', async () => {
    const { host, kernel, driver } = setup();
    driver.start();
    await host.runUntil(100);
    const before = kernel.runs.length;
    host.t = 110; // 10 ms into a 50 ms idle wait
    driver.kick();
    await host.runUntil(111);
    expect(kernel.runs.length).toBe(before + 1);
    // The overtaken idle callback does not add a second tick of its own.
    await host.runUntil(150);
    expect(kernel.runs.length).toBeLessThanOrEqual(before + 2);
  });

  it('runs a busy machine in slices of about 8 ms of real time and yields between them', async () => {
    // The simulation could go faster than real time: each slice is bounded by the real-time budget or by
    // the virtual target, never longer.
    const { host, kernel, driver } = setup(0.01, 0.1);
    kernel.busy = true;
    driver.start();
    await host.runUntil(500);
    const longest = Math.max(...kernel.runs.map((r) => r.realMs));
    expect(longest).toBeLessThanOrEqual(8.1);
    expect(kernel.runs.filter((r) => r.result === 'stopped').length).toBeGreaterThan(10);
    expect(driver.stats().longestSliceMs).toBeLessThanOrEqual(8.1);
  });

  it('keeps a slow simulation at most maxLagMs behind real time', async () => {
    const { host, kernel, driver } = setup(0.01, 0.1); // 10x slower than real time
    kernel.busy = true;
    driver.start();
    await host.runUntil(3000);
    expect(driver.stats().lagMs).toBeLessThanOrEqual(250);
    expect(kernel.now()).toBeGreaterThan(200);
  });

  it('does not let a fast simulation run ahead of real time', async () => {
    const { host, kernel, driver } = setup(1, 0.01); // 100x faster than real time
    kernel.busy = true;
    driver.start();
    await host.runUntil(1000);
    expect(kernel.now()).toBeGreaterThan(990);
    expect(kernel.now()).toBeLessThanOrEqual(1001);
  });

  it('runs ten times faster at speed 10', async () => {
    const { host, kernel, driver } = setup();
    driver.setSpeed(10);
    driver.start();
    await host.runUntil(1000);
    expect(kernel.now()).toBeGreaterThanOrEqual(9500);
    expect(kernel.now()).toBeLessThanOrEqual(10000);
  });

  it('stops the clock while paused and resumes without a jump', async () => {
    const { host, kernel, driver } = setup();
    driver.start();
    await host.runUntil(500);
    driver.pause();
    const atPause = kernel.now();
    await host.runUntil(5000);
    expect(kernel.now()).toBe(atPause);
    driver.resume();
    await host.runUntil(5500);
    expect(kernel.now() - atPause).toBeGreaterThan(450);
    expect(kernel.now() - atPause).toBeLessThanOrEqual(550);
  });

  it('skips ahead on request, even while paused, then follows real time from there', async () => {
    const { host, kernel, driver } = setup();
    driver.start();
    driver.pause();
    let done = false;
    void driver.skipAhead(60_000).then(() => (done = true));
    await host.runUntil(10);
    expect(done).toBe(true);
    expect(kernel.now()).toBe(60_000);
    driver.resume();
    await host.runUntil(1010);
    expect(kernel.now()).toBeGreaterThan(60_900);
    expect(kernel.now()).toBeLessThanOrEqual(61_000);
  });

  it('runs a kick at once, inside the kick, only once the host has turned since the last tick', async () => {
    const host = new FakeHost();
    const kernel = new FakeKernel(host);
    const settled: boolean[] = [];
    const driver = new RealtimeDriver(kernel, { host, idleMs: 50, onError: (e) => { throw e; }, between: (s) => void settled.push(s) });
    driver.start();
    await host.runUntil(0);
    expect(settled).toEqual([false]);
    // The tick is over and its marker turn has run: a kick ticks synchronously, told the machine is settled.
    driver.kick();
    expect(settled).toEqual([false, true]);
    // Right after that tick, before any host turn, a kick is queued instead: its slice's promise callbacks
    // may still be in flight. It runs after the host turn, which makes it settled too.
    while (driver.ticking) await Promise.resolve();
    driver.kick();
    expect(settled).toEqual([false, true]);
    await host.runUntil(host.t);
    expect(settled).toEqual([false, true, true]);
    // The idle tick queued for later is overtaken by the ones the kicks ran, not added to them.
    const t = host.t;
    await host.runUntil(t + 49);
    expect(settled).toEqual([false, true, true]);
    await host.runUntil(t + 50);
    expect(settled).toEqual([false, true, true, true]);
  });

  it('calls `between` before every run and never while one is in flight', async () => {
    const host = new FakeHost();
    const kernel = new FakeKernel(host);
    kernel.busy = true;
    let inRun = false;
    const run = kernel.run.bind(kernel);
    kernel.run = async (opts) => {
      inRun = true;
      try {
        return await run(opts);
      } finally {
        inRun = false;
      }
    };
    const calls: boolean[] = [];
    const driver = new RealtimeDriver(kernel, {
      host,
      onError: (e) => { throw e; },
      between: async () => {
        calls.push(inRun);
        expect(driver.ticking).toBe(true);
        await Promise.resolve();
      },
    });
    driver.start();
    expect(driver.ticking).toBe(false);
    await host.runUntil(200);
    expect(calls.length).toBe(kernel.runs.length);
    expect(calls.every((c) => !c)).toBe(true);
  });

  it('still calls `between` when kicked while paused (typed keys reach the machine), without moving time', async () => {
    const { host, kernel } = setup();
    let n = 0;
    const driver = new RealtimeDriver(kernel, { host, onError: (e) => { throw e; }, between: () => void n++ });
    driver.start();
    await host.runUntil(100);
    driver.pause();
    const t = kernel.now();
    const before = n;
    driver.kick();
    await host.runUntil(1000);
    expect(n).toBe(before + 1);
    expect(kernel.now()).toBe(t);
  });

  it('stops and reports when `between` throws', async () => {
    const { host, kernel } = setup();
    const errors: unknown[] = [];
    const driver = new RealtimeDriver(kernel, { host, onError: (e) => errors.push(e), between: () => { throw new Error('bad input'); } });
    driver.start();
    await host.runUntil(100);
    expect(errors).toEqual([new Error('bad input')]);
    expect(kernel.runs).toEqual([]);
  });

  it('rejects a speed that is not positive', () => {
    const { driver } = setup();
    expect(() => driver.setSpeed(0)).toThrow('speed must be positive, got 0');
  });
});
