/**
 * The real-time driver: lets the simulation's virtual clock follow real time in the browser. It runs the
 * kernel in short slices (about 8 ms of real time each) and hands the main thread back to the page between
 * them, so a busy loop inside the simulation never blocks rendering or typing.
 *
 * Virtual time is a target that grows with real time × speed. When the simulation needs more CPU than real
 * time allows, the clock falls behind; the gap is capped (`maxLagMs`) so a burst of work is not followed by a
 * burst of catch-up timers. `skipAhead` runs the clock forward on purpose, as fast as the CPU allows.
 */
import type { RunOptions, RunResult } from '../engine/kernel/runloop.js';

/** The part of the kernel the driver uses. */
export interface DrivenKernel {
  now(): number;
  run(opts: RunOptions): Promise<RunResult>;
  readonly clock: { nextDue(): number | undefined };
  readonly sched: { runnable(): number };
}

/** Real time and task scheduling, injectable so tests control them. */
export interface DriverHost {
  /** Real milliseconds, monotonic (performance.now()). */
  now(): number;
  /** Runs `fn` after `ms` real milliseconds (0: as soon as the browser has handled pending events). */
  later(fn: () => void, ms: number): void;
}

export interface DriverOptions {
  /** Real ms one slice may use before yielding to the page. */
  readonly sliceMs?: number;
  /** Longest real ms between ticks when the simulation is idle (keeps the clock moving). */
  readonly idleMs?: number;
  /** Largest virtual-time debt (ms at 1×) kept when the simulation cannot keep up. */
  readonly maxLagMs?: number;
  /** The page's performance.now()/MessageChannel, or Node's timers. */
  readonly host: DriverHost;
  /** The simulation faulted (a bug): the driver has stopped. */
  readonly onError: (err: unknown) => void;
  /**
   * Runs at the start of every tick, while no `kernel.run` is in flight, even when paused: the one place
   * where input may enter the machine (see src/machine/journal.ts). A tick is also queued by `kick`.
   * `settled`: the host has turned its event loop since the last tick ended (no promise callback of the
   * machine is in flight), as `settleAt` may take for granted.
   */
  readonly between?: (settled: boolean) => void | Promise<void>;
}

export interface DriverStats {
  /** Virtual ms since boot. */
  readonly virtualMs: number;
  /** How far the simulation is behind real time, virtual ms. */
  readonly lagMs: number;
  /** Longest real ms one slice took since start. */
  readonly longestSliceMs: number;
  readonly slices: number;
}

export class RealtimeDriver {
  private readonly sliceMs: number;
  private readonly idleMs: number;
  private readonly maxLagMs: number;
  private readonly host: DriverHost;
  private readonly onError: (err: unknown) => void;
  private readonly between: (settled: boolean) => void | Promise<void>;
  private started = false;
  private isPaused = false;
  private factor = 1;
  private target = 0;
  private lastReal = 0;
  private skipTo = 0;
  private skipWaiters: (() => void)[] = [];
  /** A tick is queued; `busy` while one runs; `kicked` when woken during one. */
  private queued = false;
  private queuedDue = 0;
  private queueToken = 0;
  private busy = false;
  private kicked = false;
  /** Ticks begun; a host turn after the last one ended sets `settled` (see `kick`). */
  private ticks = 0;
  private settled = false;
  private longest = 0;
  private sliceCount = 0;

  constructor(
    private readonly kernel: DrivenKernel,
    opts: DriverOptions,
  ) {
    this.sliceMs = opts.sliceMs ?? 8;
    this.idleMs = opts.idleMs ?? 50;
    this.maxLagMs = opts.maxLagMs ?? 250;
    this.host = opts.host;
    this.onError = opts.onError;
    this.between = opts.between ?? (() => {});
  }

  /**
   * `target`: the virtual time real time has already reached (a host that booted flat out while the wall clock
   * ran on starts behind, and catches up); by default the kernel's own clock.
   */
  start(target?: number): void {
    if (this.started) return;
    this.started = true;
    this.lastReal = this.host.now();
    this.target = Math.max(this.kernel.now(), target ?? 0);
    this.schedule(0);
  }

  stop(): void {
    this.started = false;
  }

  /** True while a tick is in progress (`between` or `kernel.run`): the kernel is not at a tick boundary. */
  get ticking(): boolean {
    return this.busy;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  pause(): void {
    this.follow();
    this.isPaused = true;
  }

  resume(): void {
    if (!this.isPaused) return;
    this.isPaused = false;
    this.lastReal = this.host.now();
    this.kick();
  }

  get speed(): number {
    return this.factor;
  }

  /** Virtual ms per real ms (1 = real time, 10 = ten times faster). */
  setSpeed(factor: number): void {
    if (!(factor > 0)) throw new RangeError(`speed must be positive, got ${factor}`);
    this.follow();
    this.factor = factor;
    this.kick();
  }

  /** Runs the clock `ms` virtual ms ahead (even while paused); resolves when it got there. */
  skipAhead(ms: number): Promise<void> {
    this.skipTo = Math.max(this.skipTo, this.kernel.now(), this.target) + ms;
    const done = new Promise<void>((resolve) => this.skipWaiters.push(resolve));
    this.kick();
    return done;
  }

  /**
   * The kernel was run outside the driver (a lesson's setup typed flat out): real time continues from where
   * its clock got to, instead of the clock standing still until real time catches up with it.
   */
  syncToKernel(): void {
    this.follow();
    this.target = Math.max(this.target, this.kernel.now());
  }

  /**
   * Something changed outside the simulation (keys typed, output drained): run soon. When the host has turned
   * since the last tick, the tick runs at once, inside the caller's event: a key's echo is then written
   * before the frame that follows the key is drawn, instead of in a task after it (a frame later).
   */
  kick(): void {
    if (this.busy) this.kicked = true;
    else if (this.settled && this.started) {
      this.queueToken++;
      this.queued = false;
      void this.tick();
    } else this.schedule(0);
  }

  stats(): DriverStats {
    const virtualMs = this.kernel.now();
    return { virtualMs, lagMs: Math.max(0, this.target - virtualMs), longestSliceMs: this.longest, slices: this.sliceCount };
  }

  /** Moves the target with the real time passed since the last call. */
  private follow(): void {
    const real = this.host.now();
    if (!this.isPaused) this.target += (real - this.lastReal) * this.factor;
    this.lastReal = real;
    const ceiling = this.kernel.now() + this.maxLagMs * this.factor;
    if (this.target > ceiling) this.target = ceiling;
  }

  /**
   * Queues the next tick `ms` from now. A tick already queued for later is overtaken by an earlier one (a key
   * or a network request arriving during a 50 ms idle wait runs at once); the later callback then finds it
   * is stale and does nothing.
   */
  private schedule(ms: number): void {
    if (!this.started) return;
    const due = this.host.now() + ms;
    if (this.queued && this.queuedDue <= due) return;
    this.queued = true;
    this.queuedDue = due;
    const token = ++this.queueToken;
    this.host.later(() => {
      if (token !== this.queueToken) return;
      this.queued = false;
      void this.tick();
    }, ms);
  }

  private skipping(): boolean {
    return this.skipWaiters.length > 0;
  }

  private async tick(): Promise<void> {
    if (!this.started || this.busy) return;
    this.busy = true;
    this.kicked = false;
    const settled = this.settled;
    this.settled = false;
    const tick = ++this.ticks;
    let result: RunResult;
    // The slice's budget starts after `between`: it may wait a message-loop turn behind the page's own work.
    let t0 = this.host.now();
    try {
      await this.between(settled);
      if (this.isPaused && !this.skipping()) {
        this.ended(tick);
        if (this.kicked) this.schedule(0);
        return;
      }
      t0 = this.host.now();
      this.follow();
      const until = this.skipping() ? Math.max(this.skipTo, this.isPaused ? 0 : this.target) : this.target;
      result = await this.kernel.run({ until, stop: () => this.host.now() - t0 >= this.sliceMs });
    } catch (err) {
      this.busy = false;
      this.started = false;
      this.onError(err);
      return;
    }
    this.ended(tick);
    this.sliceCount++;
    this.longest = Math.max(this.longest, this.host.now() - t0);
    this.finishSkip();
    this.schedule(this.kicked || result === 'stopped' ? 0 : this.nextDelay());
  }

  /** The tick is over; promise callbacks its slice left in flight are done once the host has turned. */
  private ended(tick: number): void {
    this.busy = false;
    this.host.later(() => {
      if (tick === this.ticks && !this.busy) this.settled = true;
    }, 0);
  }

  private finishSkip(): void {
    if (!this.skipping() || this.kernel.now() < this.skipTo) return;
    // Real time resumes from where the skip landed.
    this.target = Math.max(this.target, this.kernel.now());
    this.lastReal = this.host.now();
    const waiters = this.skipWaiters;
    this.skipWaiters = [];
    for (const w of waiters) w();
  }

  /** Real ms until there is something to do: virtual time must catch up, or the next timer fall due. */
  private nextDelay(): number {
    if (this.skipping()) return 0;
    const now = this.kernel.now();
    let virtualWait = this.idleMs * this.factor;
    if (this.kernel.sched.runnable() > 0) virtualWait = now - this.target;
    else {
      const due = this.kernel.clock.nextDue();
      if (due !== undefined) virtualWait = Math.min(virtualWait, due - now);
    }
    // At least 1 ms: the clock caught up with real time, so waiting less would only spin.
    return Math.min(this.idleMs, Math.max(1, virtualWait / this.factor));
  }
}
