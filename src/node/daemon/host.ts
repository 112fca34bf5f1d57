/**
 * One simulated host for the HTTP daemon, and the clock that moves it. Two ways to move it:
 * - `realtime`: the browser's RealtimeDriver on Node timers, so `docker run … sleep 5` takes five real seconds;
 * - `manual` (tests): virtual time stands still unless `advance(ms)` moves it; bytes from a real client only
 *   let the runnable work run (with a little slack for timers due right away). Outputs with times in them
 *   ("Up 2 hours", `logs -t`) are then the same for the real client and the in-sim CLI.
 */
import { performance } from 'node:perf_hooks';
import { RealtimeDriver, type DriverHost } from '../../machine/driver.js';
import { Machine } from '../../machine/machine.js';
import type { Process } from '../../engine/kernel/process.js';
import type { CpuCosts } from '../../engine/kernel/scheduler.js';
import { nodeDrain } from '../drain.js';

export const DOCKER_SOCK = '/var/run/docker.sock';
const DOCKER_PIDFILE = '/var/run/docker.pid';
/** Virtual ms of boot (init, the docker unit, dockerd's start-up) after which dockerd must be listening. */
const BOOT_BUDGET_MS = 60_000;
/** Real-time mode: the longest the clock stands still while the host is idle (how far behind a request may find it). */
const REALTIME_IDLE_MS = 5;
/** Manual mode: timers due within this many virtual ms of a kick still fire (a `sleep 0`, a poll). */
const MANUAL_SLACK_MS = 20;

export type ClockMode = { readonly kind: 'realtime'; readonly speed?: number } | { readonly kind: 'manual' };

export interface HostOptions {
  readonly seed?: number;
  /** Wall clock at boot (ms since the epoch). The daemon uses the real time, so the real CLI's "ago" is right. */
  readonly bootEpochMs?: number;
  readonly clock: ClockMode;
  /**
   * Virtual CPU time per scheduler slice (the kernel's default if unset). Goldens captured from the real client run
   * with none: how a client's bytes happen to arrive in chunks then never moves the clock, so timestamps and the
   * IDs that hash them do not depend on the real machine.
   */
  readonly costs?: CpuCosts;
  /** The simulation faulted (a bug in the simulator). */
  readonly onError?: (err: unknown) => void;
}

/** Node timers for the RealtimeDriver: setImmediate for "now", setTimeout otherwise. */
export function nodeDriverHost(): DriverHost {
  return {
    now: () => performance.now(),
    later: (fn, ms) => void (ms > 0 ? setTimeout(fn, ms) : setImmediate(fn)),
  };
}

export class SimHost {
  private driver: RealtimeDriver | null = null;
  private settling: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  private constructor(
    readonly machine: Machine,
    private readonly mode: ClockMode,
  ) {}

  /** Boots the machine and runs it until dockerd listens on its socket. */
  static async boot(opts: HostOptions): Promise<SimHost> {
    const machine = Machine.boot({ seed: opts.seed ?? 1, bootEpochMs: opts.bootEpochMs, costs: opts.costs, drain: nodeDrain });
    const host = new SimHost(machine, opts.clock);
    const k = machine.kernel;
    const deadline = k.now() + BOOT_BUDGET_MS;
    await k.run({ until: deadline, stop: () => host.dockerd() !== null });
    if (host.dockerd() === null) throw new Error('the simulated dockerd did not start');
    if (opts.clock.kind === 'realtime') {
      const driver = new RealtimeDriver(k, {
        host: nodeDriverHost(),
        onError: opts.onError ?? ((e) => { throw e; }),
        // The host's clock is the wall clock a real client compares with (`logs --since 2s`, "4 seconds ago"):
        // time the simulation could not keep up with (a chunk loading, a busy host) is caught up, never dropped.
        maxLagMs: Number.POSITIVE_INFINITY,
        // Between ticks the clock stands still; a request that arrives runs at the time the last tick left.
        idleMs: REALTIME_IDLE_MS,
      });
      const speed = opts.clock.speed ?? 1;
      if (speed !== 1) driver.setSpeed(speed);
      // Boot ran flat out while the wall clock moved on: start where real time has got to.
      driver.start(opts.bootEpochMs === undefined ? undefined : (Date.now() - opts.bootEpochMs) * speed);
      host.driver = driver;
    }
    return host;
  }

  get kernel() {
    return this.machine.kernel;
  }

  /** The running dockerd, once its API socket exists. */
  dockerd(): Process | null {
    const init = this.kernel.hostPidNs.init;
    if (!init) return null;
    const fs = init.fsView;
    if (!fs.exists(DOCKER_SOCK) || !fs.exists(DOCKER_PIDFILE)) return null;
    const pid = Number(fs.readText(DOCKER_PIDFILE).trim());
    const p = this.kernel.procs.get(pid);
    return p && p.state === 'running' && !p.dying ? p : null;
  }

  /** Something arrived from outside (bytes from a client): let the simulation handle it. */
  kick(): void {
    if (this.stopped) return;
    if (this.driver) {
      this.driver.kick();
      return;
    }
    if (this.settling) {
      this.again = true;
      return;
    }
    this.settling = this.settle().finally(() => (this.settling = null));
  }

  /** Manual mode: moves virtual time on by `ms` (running everything due), then settles. */
  async advance(ms: number): Promise<void> {
    if (this.driver) {
      await this.driver.skipAhead(ms);
      return;
    }
    while (this.settling) await this.settling;
    const p = this.kernel.runFor(ms).then(() => this.settle());
    this.settling = p.finally(() => (this.settling = null));
    await this.settling;
  }

  /** Resolves once the simulation has nothing left to do at the current time (manual mode). */
  async idle(): Promise<void> {
    while (this.settling) await this.settling;
  }

  stop(): void {
    this.stopped = true;
    this.driver?.stop();
  }

  get clockMode(): ClockMode {
    return this.mode;
  }

  /** Runs what is runnable now, and timers due within the slack; never more than the slack of virtual time. */
  private async settle(): Promise<void> {
    const k = this.kernel;
    const limit = k.now() + MANUAL_SLACK_MS;
    do {
      this.again = false;
      for (;;) {
        await k.run({ stop: () => k.sched.runnable() === 0 });
        // Promise callbacks still in flight (a worker's result on its way to a connection) may wake a task.
        await k.sched.drainPending();
        if (k.sched.runnable() > 0) continue;
        const due = k.clock.nextDue();
        if (due === undefined || due > limit) break;
        await k.run({ until: due });
      }
    } while (this.again && !this.stopped);
  }
}
