/**
 * `docker kill` (moby daemon/kill.go). Any kill by the user cancels the restart policy (ExitOnNext) and marks
 * the container manually stopped; a paused container is thawed so the signal lands. SIGKILL waits (up to 10 s)
 * for the exit. A restarting container gets no signal: cancelling its back-off is enough.
 */
import { SysError } from '../kernel/errno.js';
import { parseSignal, signalNumber, type Signal } from '../kernel/signals.js';
import { blockUntil } from './block.js';
import type { Container } from './container.js';
import type { DaemonContext } from './context.js';
import { conflict, invalidParameter, isDaemonError } from '../../pkg/errdefs.js';

export const notRunning = (id: string) => conflict(`container ${id} is not running`);

export function killWithSignal(d: DaemonContext, c: Container, sig: Signal): void {
  if (!c.State.Running) throw notRunning(c.ID);
  const rt = d.store.runtime(c);
  const stopSignal = c.Config.StopSignal ? parseSignal(c.Config.StopSignal) : undefined;
  let unpause = false;
  if (stopSignal === undefined || sig === 'SIGKILL' || stopSignal === sig) {
    rt.restart?.cancel();
    unpause = c.State.Paused;
  }
  if (!d.store.shuttingDown) c.HasBeenManuallyStopped = true;
  if (c.State.Restarting) {
    d.store.notify();
    return;
  }
  const pid1 = rt.pid1;
  if (pid1 && pid1.state === 'running') {
    try {
      d.sys.kill(pid1.hostPid, sig);
    } catch (e) {
      if (!(e instanceof SysError && e.code === 'ESRCH')) throw e;
    }
  }
  if (unpause && rt.cgroup) {
    rt.cgroup.frozen = false;
    d.store.kernel.sched.thaw();
  }
  d.store.containerEvent(c, 'kill', { signal: String(signalNumber(sig)) });
}

/** Waits until the container is not running; false on timeout. */
export function waitStopped(d: DaemonContext, c: Container, timeoutMs?: number): Promise<boolean> {
  return blockUntil(d.store.kernel, d.sys, d.store.changed, () => !c.State.Running, timeoutMs);
}

/** moby daemon.Kill: SIGKILL, then wait for the exit. */
export async function killContainer(d: DaemonContext, c: Container): Promise<void> {
  if (!c.State.Running) throw notRunning(c.ID);
  try {
    killWithSignal(d, c, 'SIGKILL');
  } catch (e) {
    if (!(isDaemonError(e, 'Conflict'))) throw e;
  }
  if (await waitStopped(d, c, 10_000)) return;
  await waitStopped(d, c);
}

/** POST /containers/{id}/kill?signal=… */
export async function containerKill(d: DaemonContext, name: string, signal = ''): Promise<void> {
  let sig: Signal = 'SIGKILL';
  if (signal !== '') {
    const parsed = parseSignal(signal);
    if (parsed === undefined) throw invalidParameter(`Invalid signal: ${signal}`);
    sig = parsed;
  }
  const c = d.store.getContainer(name);
  // The "cannot kill container: NAME: " prefix is the API route's (postContainersKill), not the daemon's.
  if (!c.State.Running) throw notRunning(c.ID);
  if (sig === 'SIGKILL') await killContainer(d, c);
  else killWithSignal(d, c, sig);
}
