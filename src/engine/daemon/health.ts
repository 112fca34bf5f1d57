/**
 * The health monitor (moby daemon/health.go): while a container with a health check runs (and is not paused),
 * a probe runs in it every Interval on the kernel's clock, the first one Interval after the start (StartInterval
 * while the start period lasts and the container is still `starting`). A probe is an exec in the container —
 * `exec_create`, `exec_start`, `exec_die` events and all — whose exit code decides: 0 is a success, anything else
 * a failure; Retries failures in a row make the container `unhealthy` (failures within the start period, before
 * any success, do not count). A probe that outlives Timeout is killed and fails with exit code -1. One probe at a
 * time: the next is scheduled Interval after the last one ended. Its output is kept up to 4096 bytes, and the
 * last five results in State.Health.Log. A status change is a `health_status: …` event.
 *
 * moby runs the monitor as a goroutine; here it is timers on the virtual clock and the probe's exit callback,
 * so it adds no process of its own (the probe itself is a real process the shim reaps, as an exec is).
 */
import type { Timer } from '../kernel/clock.js';
import { deviceFile } from '../kernel/files.js';
import type { Process } from '../kernel/process.js';
import { utf8Length } from '../kernel/utf8.js';
import { goDurationString } from '../../pkg/timetypes.js';
import { isDaemonError, systemError } from '../../pkg/errdefs.js';
import type { Container } from './container.js';
import { ExecRecord } from './execRecord.js';
import { execEnded, sweepExecs } from './execStore.js';
import { generateID } from './ids.js';
import { linkedEnv } from './network/links.js';
import { daemonEnvironment, envRecord, execFailure, lookPath, resolveUser, spawnJoined } from './runtime/runc.js';
import { drainedPipe } from './runtime/stdio.js';
import type { ContainerRuntime } from './runtime/task.js';
import { ContainerHealth, type HealthcheckResult } from './state.js';
import type { DaemonStore } from './store.js';

const MS = 1_000_000;
export const DEFAULT_PROBE_INTERVAL_NS = 30_000 * MS;
export const DEFAULT_PROBE_TIMEOUT_NS = 30_000 * MS;
export const DEFAULT_START_INTERVAL_NS = 5_000 * MS;
export const DEFAULT_PROBE_RETRIES = 3;
/** Longest probe output kept; more is cut and marked with `...`. */
export const MAX_OUTPUT_LEN = 4096;
export const MAX_LOG_ENTRIES = 5;

/** getProbe: the command a probe runs, or null (no health check, `NONE`, an unknown type, no command). */
export function probeCommand(c: Container): string[] | null {
  const test = c.Config.Healthcheck?.Test;
  if (!test || test.length === 0) return null;
  const args = test.slice(1);
  switch (test[0]) {
    case 'CMD':
      return args.length > 0 ? args : null;
    case 'CMD-SHELL':
      // getShell: the image's SHELL, else /bin/sh -c.
      return args.length > 0 ? [...(c.Config.Shell && c.Config.Shell.length > 0 ? c.Config.Shell : ['/bin/sh', '-c']), ...args] : null;
    default:
      return null;
  }
}

/** initHealthMonitor: on every start (restarts too) a container with a probe is `starting`, its streak reset. */
export function initHealthMonitor(engine: DaemonStore, c: Container, rt: ContainerRuntime): void {
  if (probeCommand(c) === null) return;
  stopHealthchecks(c);
  if (c.State.Health) {
    c.State.Health.Status = 'starting';
    c.State.Health.FailingStreak = 0;
  } else c.State.Health = new ContainerHealth();
  updateHealthMonitor(engine, c, rt);
}

/** updateHealthMonitor: a monitor runs exactly while the container runs unpaused. */
export function updateHealthMonitor(engine: DaemonStore, c: Container, rt: ContainerRuntime): void {
  const h = c.State.Health;
  if (!h) return;
  const cmd = probeCommand(c);
  if (c.State.Running && !c.State.Paused && cmd !== null) {
    if (!h.monitor) h.monitor = new HealthMonitor(engine, c, rt, h, cmd);
  } else closeMonitor(h);
}

/** stopHealthchecks: the container stopped; the status stays `unhealthy` until it starts again. */
export function stopHealthchecks(c: Container): void {
  if (c.State.Health) closeMonitor(c.State.Health);
}

/** CloseMonitorChannel: moby marks the status unhealthy whenever a monitor stops, for compatibility. */
function closeMonitor(h: ContainerHealth): void {
  if (!h.monitor) return;
  h.monitor.stop();
  h.monitor = null;
  h.Status = 'unhealthy';
}

/** limitedBuffer: the first MAX_OUTPUT_LEN bytes of stdout and stderr together. */
class LimitedOutput {
  private text = '';
  private bytes = 0;
  private truncated = false;

  write(data: string): void {
    if (this.truncated) return;
    const len = utf8Length(data);
    if (this.bytes + len <= MAX_OUTPUT_LEN) {
      this.text += data;
      this.bytes += len;
      return;
    }
    for (const ch of data) {
      const n = utf8Length(ch);
      if (this.bytes + n > MAX_OUTPUT_LEN) break;
      this.text += ch;
      this.bytes += n;
    }
    this.truncated = true;
  }

  toString(): string {
    return this.truncated ? `${this.text}...` : this.text;
  }
}

class HealthMonitor {
  private timer: Timer | null = null;
  private probe: { proc: Process; timeout: Timer | null } | null = null;
  private stopped = false;
  private readonly startedNs: bigint;

  constructor(
    private readonly engine: DaemonStore,
    private readonly c: Container,
    private readonly rt: ContainerRuntime,
    private readonly h: ContainerHealth,
    private readonly cmd: readonly string[],
  ) {
    this.startedNs = c.State.StartedAt ?? engine.nowNs();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) this.engine.kernel.clock.cancel(this.timer);
    this.timer = null;
    const p = this.probe;
    this.probe = null;
    if (p) {
      if (p.timeout) this.engine.kernel.clock.cancel(p.timeout);
      // cancelProbe: the probe dies with the monitor, its result unread.
      if (p.proc.state === 'running') this.engine.kernel.kill(p.proc, 'SIGKILL', null);
    }
  }

  /** getInterval: StartInterval only while inside the start period and still `starting`. */
  private intervalNs(): number {
    const hc = this.c.Config.Healthcheck ?? {};
    const interval = hc.Interval || DEFAULT_PROBE_INTERVAL_NS;
    const startPeriod = hc.StartPeriod || 0;
    if (this.engine.nowNs() - this.startedNs >= BigInt(startPeriod)) return interval;
    return this.h.Status === 'starting' ? hc.StartInterval || DEFAULT_START_INTERVAL_NS : interval;
  }

  private schedule(): void {
    const clock = this.engine.kernel.clock;
    this.timer = clock.setTimer(clock.now() + this.intervalNs() / MS, () => {
      this.timer = null;
      if (!this.stopped) this.runProbe();
    });
  }

  private runProbe(): void {
    // PID 1 died and the shim has not reported it yet: the monitor is about to stop, as moby's would.
    if (this.rt.pid1?.state !== 'running') return;
    const start = this.engine.nowNs();
    try {
      this.startProbe(start);
    } catch (e) {
      if (!isDaemonError(e)) throw e;
      // A probe that cannot start fails with the error as its output.
      this.finish({ Start: start, End: this.engine.nowNs(), ExitCode: -1, Output: e.message });
    }
  }

  /** cmdProbe.run: an exec as the container's user, in its working directory, with stdout and stderr kept. */
  private startProbe(start: bigint): void {
    const { engine, c, rt } = this;
    const k = engine.kernel;
    if (!rt.pid1 || !rt.shim || !rt.mnt) throw systemError('container is not running');
    const [entrypoint, ...args] = this.cmd;
    const id = generateID(k.prng);
    const env = daemonEnvironment(c.Config.Hostname, false, c.Config.Env, linkedEnv(engine, c));
    const rec = new ExecRecord(id, c.ID, entrypoint, args, { Cmd: this.cmd, AttachStdout: true, AttachStderr: true }, env, c.Config.User, c.Config.WorkingDir);
    sweepExecs(engine);
    engine.execs.set(id, rec);
    c.ExecIDs.push(id);
    // The probe's exec leaves the container's list when it ends; the daemon keeps it for the GC, as moby does.
    const unregister = (): void => execEnded(engine, c, rec);
    engine.containerEvent(c, `exec_create: ${entrypoint} ${args.join(' ')}`, { execID: id });
    engine.containerEvent(c, `exec_start: ${entrypoint} ${args.join(' ')}`, { execID: id });
    rec.started = true;
    let child: Process;
    const output = new LimitedOutput();
    try {
      const root = rt.mnt!.view({ cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 0 } });
      const user = resolveUser(root, rec.user);
      if ('error' in user) throw execFailure(user.error);
      const envRec = envRecord(rec.env, user.home);
      const cwd = rec.workingDir || '/';
      const found = lookPath(rt.mnt!.view({ cred: user.cred, cwd, umask: 0o022, caller: { hostPid: 0 } }), entrypoint, envRec.PATH ?? '');
      if (!found.ok) throw execFailure(found.message);
      child = spawnJoined(k, rt.pid1!, rt.shim!, { path: found.path, argv: [entrypoint, ...args], env: envRec, cwd, cred: user.cred });
    } catch (e) {
      unregister();
      throw e;
    }
    k.installFd(child, 0, deviceFile('null', k.prng));
    k.installFd(child, 1, drainedPipe(k.nextIno(), (t) => output.write(t), () => {}, k));
    k.installFd(child, 2, drainedPipe(k.nextIno(), (t) => output.write(t), () => {}, k));
    rec.pid = child.hostPid;
    rec.running = true;
    rt.execs.set(child.hostPid, rec);

    const timeoutNs = c.Config.Healthcheck?.Timeout || DEFAULT_PROBE_TIMEOUT_NS;
    let timedOut = false;
    const probe: { proc: Process; timeout: Timer | null } = { proc: child, timeout: null };
    probe.timeout = k.clock.setTimer(k.clock.now() + timeoutNs / MS, () => {
      probe.timeout = null;
      timedOut = true;
      if (child.state === 'running') k.kill(child, 'SIGKILL', null);
    });
    this.probe = probe;
    rec.onExit = (code) => {
      unregister();
      if (this.probe !== probe) return;
      this.probe = null;
      if (probe.timeout) k.clock.cancel(probe.timeout);
      // The container's own death took the probe with it: the monitor is stopping, the result is not read.
      if (this.stopped || rt.pid1?.state !== 'running') return;
      const out = output.toString();
      const limit = goDurationString(timeoutNs);
      this.finish(timedOut
        ? { Start: start, End: engine.nowNs(), ExitCode: -1, Output: out !== '' ? `Health check exceeded timeout (${limit}): ${out}` : `Health check exceeded timeout (${limit})` }
        : { Start: start, End: engine.nowNs(), ExitCode: code, Output: out });
    };
  }

  private finish(result: HealthcheckResult): void {
    if (this.stopped) return;
    handleProbeResult(this.engine, this.c, this.h, result, this.startedNs);
    this.schedule();
  }
}

/** handleProbeResult: the log (last five), the streak, the status, and an event when the status changed. */
export function handleProbeResult(engine: DaemonStore, c: Container, h: ContainerHealth, result: HealthcheckResult, startedNs: bigint): void {
  const hc = c.Config.Healthcheck ?? {};
  const retries = hc.Retries && hc.Retries > 0 ? hc.Retries : DEFAULT_PROBE_RETRIES;
  const old = h.Status;
  h.Log.push(result);
  if (h.Log.length > MAX_LOG_ENTRIES) h.Log.splice(0, h.Log.length - MAX_LOG_ENTRIES);
  if (result.ExitCode === 0) {
    h.FailingStreak = 0;
    h.Status = 'healthy';
  } else {
    // Before the first success, failures inside the start period do not count.
    const inStartPeriod = h.Status === 'starting' && result.Start - startedNs < BigInt(hc.StartPeriod || 0);
    if (!inStartPeriod) {
      h.FailingStreak++;
      if (h.FailingStreak >= retries) h.Status = 'unhealthy';
    }
  }
  if (h.Status !== old) engine.containerEvent(c, `health_status: ${h.Status}`);
  engine.notify();
}
