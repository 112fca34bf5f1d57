/**
 * What happens when a container's PID 1 or an exec process exits (moby daemon/monitor.go,
 * handleContainerExit): tear the task down (network, terminal, stdin, cgroup), ask the restart manager, set
 * the state (stopped, or restarting), emit `die`, and remove an `--rm` container that will not restart.
 */
import type { WaitStatus } from '../kernel/sys.js';
import type { Container } from './container.js';
import { removeContainer } from './delete.js';
import { stopHealthchecks } from './health.js';
import type { DaemonStore } from './store.js';
import type { RestartDecision } from './restartmanager.js';
import { closeOutput } from './runtime/output.js';
import { unpublishPorts } from './network/ports.js';
import type { ContainerRuntime } from './runtime/task.js';
import { execEnded } from './execStore.js';

function teardown(engine: DaemonStore, c: Container, rt: ContainerRuntime): void {
  unpublishPorts(engine, c);
  engine.networks.endpoints.detachAll(c, rt);
  engine.bridge.disconnect(c, rt, engine.ipam);
  closeOutput(c, rt);
  rt.ttySub?.dispose();
  rt.ttySub = null;
  if (rt.tty) engine.kernel.releaseTty(rt.tty);
  rt.tty = null;
  rt.stdin?.release();
  rt.stdin = null;
  if (rt.cgroup) rt.cgroup.frozen = false;
  rt.cgroup = null;
  rt.pid1 = null;
  rt.phase = 'stopped';
  rt.exits++;
}

export function handleExit(engine: DaemonStore, c: Container, rt: ContainerRuntime, exitCode: number): RestartDecision {
  // Health checks start again if and when the container does.
  stopHealthchecks(c);
  teardown(engine, c, rt);
  const ranForMs = engine.kernel.clock.now() - rt.startedAtMs;
  const decision: RestartDecision = rt.restart
    ? rt.restart.shouldRestart(exitCode, c.HasBeenManuallyStopped, ranForMs)
    : { restart: false, canceled: false };
  const now = engine.nowNs();
  if (decision.restart) {
    c.RestartCount++;
    c.State.setRestarting({ exitCode }, now);
  } else c.State.setStopped({ exitCode }, now);
  engine.containerEvent(c, 'die', { exitCode: String(exitCode), execDuration: String(Math.floor(ranForMs / 1000)) });
  if (!decision.restart) autoRemove(engine, c, rt);
  engine.notify();
  return decision;
}

/** The back-off ended in a stop/kill/rm (or the restart failed): the container is simply exited now. */
export function restartCanceled(engine: DaemonStore, c: Container, rt: ContainerRuntime): void {
  if (c.State.Restarting) c.State.setStopped({ exitCode: c.State.ExitCode, exitedAt: c.State.FinishedAt ?? undefined }, engine.nowNs());
  autoRemove(engine, c, rt);
  engine.notify();
}

function autoRemove(engine: DaemonStore, c: Container, rt: ContainerRuntime): void {
  if (c.HostConfig.AutoRemove && !rt.manualRestart && engine.containers.has(c.ID) && !c.State.RemovalInProgress) {
    // moby's AutoRemove is ContainerRm with RemoveVolume: the anonymous volumes go with it.
    removeContainer(engine, c, true);
  }
}

/** An exec process ended: record its code, end its streams, emit `exec_die`. */
export function execExited(engine: DaemonStore, c: Container, rt: ContainerRuntime, st: WaitStatus): void {
  const rec = rt.execs.get(st.pid);
  if (!rec) return;
  rt.execs.delete(st.pid);
  rec.running = false;
  rec.exitCode = st.status;
  rec.pid = 0;
  execEnded(engine, c, rec);
  rec.stdin?.release();
  rec.stdin = null;
  if (rec.tty) engine.kernel.releaseTty(rec.tty);
  rec.sink?.close();
  engine.containerEvent(c, 'exec_die', { execID: rec.ID, exitCode: String(st.status) });
  rec.onExit?.(st.status);
  engine.notify();
}
