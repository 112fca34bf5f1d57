/**
 * A container's state as moby keeps it (container/state.go): stored flags plus a status DERIVED from them with
 * a fixed precedence. Running and Paused are not mutually exclusive: a paused container is Running *and* Paused
 * (the freezer needs live processes). A restarting container is Running *and* Restarting, so rm/stop/kill treat
 * it as running. Times are epoch nanoseconds from the kernel clock; `null` is Go's zero time.
 */
import { formatRFC3339Nano } from '../../pkg/timetypes.js';
import { humanDuration } from '../../pkg/units.js';

/** `State.Status` in the API, `State` in `/containers/json`. */
export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export const CONTAINER_STATUSES: readonly ContainerStatus[] = [
  'created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead',
];

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy' | 'none';

/** One run of a health probe (HealthcheckResult); times are epoch nanoseconds. */
export interface HealthcheckResult {
  readonly Start: bigint;
  readonly End: bigint;
  /** 0 healthy, 1 unhealthy, anything else (-1: timed out or could not run) counts as a failure. */
  readonly ExitCode: number;
  readonly Output: string;
}

/**
 * container.Health: the status the monitor keeps (it survives a stop, as `unhealthy`), the failures in a row and
 * the last results, oldest first. `monitor` is moby's stop channel: set while a monitor runs.
 */
export class ContainerHealth {
  Status: Exclude<HealthStatus, 'none'> = 'starting';
  FailingStreak = 0;
  Log: HealthcheckResult[] = [];
  monitor: { stop(): void } | null = null;

  toJSON(): HealthJSON {
    return {
      Status: this.Status, FailingStreak: this.FailingStreak,
      Log: this.Log.map((r) => ({ Start: formatRFC3339Nano(r.Start), End: formatRFC3339Nano(r.End), ExitCode: r.ExitCode, Output: r.Output })),
    };
  }
}

export interface HealthJSON {
  Status: HealthStatus;
  FailingStreak: number;
  Log: Array<{ Start: string; End: string; ExitCode: number; Output: string }>;
}

export interface ExitStatus {
  readonly exitCode: number;
  /** When the process ended; defaults to "now". */
  readonly exitedAt?: bigint;
}

/** The `State` object of `/containers/{id}/json`, in moby's field order. */
export interface ContainerStateJSON {
  Status: ContainerStatus;
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  StartedAt: string;
  FinishedAt: string;
  Health?: HealthJSON;
}

/** `docker wait`'s conditions (API `condition=`): not-running (default), next-exit, removed. */
export type WaitCondition = 'not-running' | 'next-exit' | 'removed';

export interface WaitResult {
  readonly StatusCode: number;
  readonly Error?: string;
}

export class ContainerState {
  Running = false;
  Paused = false;
  Restarting = false;
  OOMKilled = false;
  /** Not persisted by moby; set while `docker rm` is working. */
  RemovalInProgress = false;
  Dead = false;
  Pid = 0;
  ExitCode = 0;
  /** The last error seen while starting, stopping or removing. */
  Error = '';
  StartedAt: bigint | null = null;
  FinishedAt: bigint | null = null;
  Health: ContainerHealth | null = null;

  private stopWaiters: Array<() => void> = [];
  private removeWaiters: Array<() => void> = [];

  /** `State.Status`: moby's StateString(). */
  stateString(): ContainerStatus {
    if (this.Running) {
      if (this.Paused) return 'paused';
      if (this.Restarting) return 'restarting';
      return 'running';
    }
    if (this.RemovalInProgress) return 'removing';
    if (this.Dead) return 'dead';
    if (this.StartedAt === null) return 'created';
    return 'exited';
  }

  /** The human `Status` column of `docker ps`: moby's State.String(), relative to `nowNs`. */
  statusString(nowNs: bigint): string {
    if (this.Running) {
      const up = humanDuration(nowNs - (this.StartedAt ?? nowNs));
      if (this.Paused) return `Up ${up} (Paused)`;
      if (this.Restarting) return `Restarting (${this.ExitCode}) ${humanDuration(nowNs - (this.FinishedAt ?? nowNs))} ago`;
      if (this.Health !== null) return `Up ${up} (${this.Health.Status === 'starting' ? 'health: starting' : this.Health.Status})`;
      return `Up ${up}`;
    }
    if (this.RemovalInProgress) return 'Removal In Progress';
    if (this.Dead) return 'Dead';
    if (this.StartedAt === null) return 'Created';
    if (this.FinishedAt === null) return '';
    return `Exited (${this.ExitCode}) ${humanDuration(nowNs - this.FinishedAt)} ago`;
  }

  /** Every real start (restarts too) sets StartedAt; `initial = false` keeps it, for re-attaching to a live task. */
  setRunning(pid: number, nowNs: bigint, initial = true): void {
    this.Error = '';
    this.Running = true;
    this.Paused = false;
    this.Restarting = false;
    this.ExitCode = 0;
    this.Pid = pid;
    this.OOMKilled = false;
    if (initial) this.StartedAt = nowNs;
  }

  setStopped(exit: ExitStatus, nowNs: bigint): void {
    this.Running = false;
    this.Paused = false;
    this.Restarting = false;
    this.Pid = 0;
    this.FinishedAt = exit.exitedAt ?? nowNs;
    this.ExitCode = exit.exitCode;
    this.fire('stop');
  }

  /** Between an exit and the restart manager's next start: still "running" for every check. */
  setRestarting(exit: ExitStatus, nowNs: bigint): void {
    this.Running = true;
    this.Restarting = true;
    this.Paused = false;
    this.Pid = 0;
    this.FinishedAt = exit.exitedAt ?? nowNs;
    this.ExitCode = exit.exitCode;
    this.fire('stop');
  }

  setError(message: string | null): void {
    this.Error = message ?? '';
  }

  /** Returns true if a removal was already in progress (the caller then refuses). */
  setRemovalInProgress(): boolean {
    if (this.RemovalInProgress) return true;
    this.RemovalInProgress = true;
    return false;
  }

  resetRemovalInProgress(): void {
    this.RemovalInProgress = false;
  }

  setDead(): void {
    this.Dead = true;
  }

  /** The container is gone (or its removal failed with `error`): wakes `wait` callers. */
  setRemoved(error: string | null = null): void {
    this.setError(error);
    this.fire('remove');
  }

  /** moby's State.Wait. A stopped container answers not-running at once; next-exit waits for the next stop. */
  wait(condition: WaitCondition): Promise<WaitResult> {
    const result = (): WaitResult => (this.Error ? { StatusCode: this.ExitCode, Error: this.Error } : { StatusCode: this.ExitCode });
    if (condition === 'not-running' && !this.Running) return Promise.resolve(result());
    return new Promise((resolve) => {
      const done = (): void => resolve(result());
      if (condition !== 'removed') this.stopWaiters.push(done);
      this.removeWaiters.push(done);
    });
  }

  toJSON(): ContainerStateJSON {
    const out: ContainerStateJSON = {
      Status: this.stateString(),
      Running: this.Running,
      Paused: this.Paused,
      Restarting: this.Restarting,
      OOMKilled: this.OOMKilled,
      Dead: this.Dead,
      Pid: this.Pid,
      ExitCode: this.ExitCode,
      Error: this.Error,
      StartedAt: formatRFC3339Nano(this.StartedAt),
      FinishedAt: formatRFC3339Nano(this.FinishedAt),
    };
    if (this.Health !== null) out.Health = this.Health.toJSON();
    return out;
  }

  private fire(which: 'stop' | 'remove'): void {
    // A waiter resolves once: drop it from both lists.
    const list = which === 'stop' ? this.stopWaiters : this.removeWaiters;
    const fired = new Set(list);
    this.stopWaiters = this.stopWaiters.filter((w) => !fired.has(w));
    this.removeWaiters = this.removeWaiters.filter((w) => !fired.has(w));
    for (const w of fired) w();
  }
}
