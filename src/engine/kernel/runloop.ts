/**
 * The kernel's run loop: runs processes and timers on the virtual clock, parks processes on wait queues, and
 * holds the machine still while the host delivers something a process waits for, so the run is the same
 * whenever the host's promise settles in real time.
 */
import type { VirtualClock } from './clock.js';
import { afterWake, checkAlive, deliverPending, isProcessEnd, ProcessKilled, type Process } from './process.js';
import type { Scheduler, WaitQueue } from './scheduler.js';

export interface RunOptions {
  /** Stop when the clock reaches this uptime (ms); timers beyond it stay pending. */
  readonly until?: number;
  /** Checked between slices. */
  readonly stop?: () => boolean;
  readonly maxSlices?: number;
  /**
   * No promise callback of the machine is in flight as the run starts: the host has turned its event loop
   * since the kernel last ran, and nothing has touched the machine since. Until this run does something
   * (fires a timer, runs a task, waits for the host), finding nothing runnable then needs no host turn.
   */
  readonly settled?: boolean;
}

export type RunResult = 'idle' | 'until' | 'stopped' | 'slices';

/** Microtask turns to wait for in-flight promise callbacks before the clock jumps or the run ends. */
const SETTLE_TURNS = 16;

export class RunLoop {
  /** Host promises the machine stands still for (see `hostWait`), each already turned into a non-rejecting one. */
  private hostWaits: Promise<void>[] = [];
  /** What `hostLoad` loaded in this machine, by key. */
  private readonly hostLoads = new Map<string, { value: unknown } | { error: unknown }>();
  /** See `holdWhenIdle`. */
  private idleHold: { readonly when: () => boolean; readonly wait: () => Promise<void> } | undefined;

  constructor(
    private readonly clock: VirtualClock,
    private readonly sched: Scheduler,
  ) {}

  /**
   * Runs processes and timers. Returns 'idle' when nothing is runnable and no timer is pending, 'until' when
   * the clock reached `until`, 'stopped' when `stop()` said so, 'slices' after `maxSlices`.
   */
  async run(opts: RunOptions = {}): Promise<RunResult> {
    let slices = 0;
    let quiet = opts.settled === true;
    for (;;) {
      if (opts.stop?.()) return 'stopped';
      // The machine is frozen in virtual time while the host delivers something a process waits for: no
      // task runs and the clock does not move, so the run is the same as one where it was there at once.
      if (this.hostWaits.length > 0) {
        quiet = false;
        await this.settleHostWaits();
      }
      if (this.clock.fireDue() > 0) quiet = false;
      this.sched.thaw();
      if (this.sched.runnable() > 0) {
        if (opts.until !== undefined && this.clock.now() >= opts.until) return 'until';
        quiet = false;
        await this.sched.step();
        if (opts.maxSlices !== undefined && ++slices >= opts.maxSlices) return 'slices';
        continue;
      }
      // Promise callbacks still in flight (a stream callback settling a waiter another process set up) may
      // wake a process now; let them run before time jumps or the machine is called idle.
      if (!quiet && (await this.settleMicrotasks())) continue;
      // Nothing runnable, nothing in flight: waiting here for the host changes nothing in the machine.
      if (this.idleHold?.when()) {
        const { wait } = this.idleHold;
        this.idleHold = undefined;
        await wait();
        quiet = false;
        continue;
      }
      const due = this.clock.nextDue();
      if (due === undefined) {
        if (opts.until !== undefined) this.clock.advanceTo(opts.until);
        return opts.until !== undefined ? 'until' : 'idle';
      }
      if (opts.until !== undefined && due > opts.until) {
        this.clock.advanceTo(opts.until);
        return 'until';
      }
      this.clock.advanceTo(due);
    }
  }

  private async settleHostWaits(): Promise<void> {
    while (this.hostWaits.length > 0) {
      const waits = this.hostWaits;
      this.hostWaits = [];
      await Promise.all(waits);
    }
  }

  /**
   * Waits, in `p`, for a promise of the host (a code chunk the page loads on demand). Its real-time arrival
   * must not show in the simulation, so the process always yields here (whether or not the promise has
   * settled) and `run` awaits every such promise before it runs any task or moves the clock: the machine
   * stands still until the host delivers.
   */
  async hostWait<T>(p: Process, promise: Promise<T>): Promise<T> {
    checkAlive(p);
    let outcome: { value: T } | { error: unknown } | undefined;
    this.hostWaits.push(
      promise.then(
        (value) => void (outcome = { value }),
        (error: unknown) => void (outcome = { error }),
      ),
    );
    const parked = this.sched.park(p.task);
    this.sched.wake(p.task);
    await parked;
    await deliverPending(p);
    if (!outcome) throw new Error('hostWait: resumed before the host promise settled');
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  /**
   * `load()`'s result, waited for with `hostWait` the first time this machine asks for `key` and remembered
   * after: whether a machine waits depends only on its own history, never on what the page loaded already.
   */
  async hostLoad<T>(p: Process, key: string, load: () => Promise<T>): Promise<T> {
    let got = this.hostLoads.get(key);
    if (!got) {
      try {
        got = { value: await this.hostWait(p, load()) };
      } catch (error) {
        // A process killed while it waited leaves the key unloaded: the next one to ask waits again.
        if (isProcessEnd(error)) throw error;
        got = { error };
      }
      this.hostLoads.set(key, got);
    }
    if ('error' in got) throw got.error;
    return got.value as T;
  }

  /**
   * The first time the machine is idle (nothing runnable, no promise callback in flight) while `when()` holds,
   * it stands still until `wait()` settles: no task runs and the clock does not move. Taken where the run would
   * otherwise jump the clock or end, the wait leaves nothing different from a run without it, so whether the
   * host was quick or slow (or the hold was never set) never shows in the simulation. A page uses it to fetch
   * code no boot runs once its first prompt is up (machine/late.ts).
   */
  holdWhenIdle(when: () => boolean, wait: () => Promise<void>): void {
    this.idleHold = { when, wait };
  }

  /** Drains pending promise callbacks (a bounded number of turns); true if that made a task runnable. */
  private async settleMicrotasks(): Promise<boolean> {
    for (let i = 0; i < SETTLE_TURNS; i++) {
      await null;
      if (this.sched.runnable() > 0) return true;
    }
    // Longer chains (a daemon worker's result reaching its connection) get a full host turn.
    await this.sched.drainPending();
    return this.sched.runnable() > 0;
  }

  /** Runs for `ms` of virtual time. */
  runFor(ms: number, stop?: () => boolean): Promise<RunResult> {
    return this.run({ until: this.clock.now() + ms, stop });
  }

  /**
   * Parks the process until one of the queues wakes it; then applies pending signals. Not an async function:
   * every idle process is parked here, and a suspended async frame (~400 B with its promise and reaction) per
   * idle process was a tenth of what a running container keeps; a reaction is half that.
   */
  block(p: Process, queues: readonly WaitQueue[]): Promise<void> {
    if (p.dying) return Promise.reject(new ProcessKilled(p.dying));
    for (const q of queues) q.add(p.task);
    p.sleeping = true;
    return this.sched.park(p.task).then(() => {
      p.sleeping = false;
      for (const q of queues) q.remove(p.task);
      return afterWake(p);
    });
  }
}
