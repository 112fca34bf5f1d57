/**
 * `docker stop` (moby daemon/stop.go): the stop signal (SIGTERM unless the image or `--stop-signal` says
 * otherwise), up to the timeout (10 s, `-t`, or the container's StopTimeout) for the exit, then SIGKILL.
 * Events: kill, [kill,] die, stop.
 */
import { parseSignal } from '../kernel/signals.js';
import type { Container } from './container.js';
import type { DaemonContext } from './context.js';
import { notModified } from '../../pkg/errdefs.js';
import { killContainer, killWithSignal, waitStopped } from './kill.js';

export interface StopOptions {
  /** Seconds; negative waits forever. */
  readonly timeout?: number;
  readonly signal?: string;
}

export const DEFAULT_STOP_TIMEOUT = 10;

export async function containerStop(d: DaemonContext, name: string, opts: StopOptions = {}): Promise<void> {
  const c = d.store.getContainer(name);
  if (!c.State.Running) throw notModified('container is already stopped');
  await stopContainer(d, c, opts);
}

export async function stopContainer(d: DaemonContext, c: Container, opts: StopOptions = {}): Promise<void> {
  if (!c.State.Running) return;
  if (!d.store.shuttingDown) c.HasBeenManuallyStopped = true;
  const sig = parseSignal(opts.signal || c.Config.StopSignal || 'SIGTERM') ?? 'SIGTERM';
  const timeout = opts.timeout ?? c.Config.StopTimeout ?? DEFAULT_STOP_TIMEOUT;
  let waitMs = timeout >= 0 ? timeout * 1000 : Infinity;
  try {
    killWithSignal(d, c, sig);
  } catch {
    waitMs = 2000;
  }
  if (!(await waitStopped(d, c, waitMs))) await killContainer(d, c);
  d.store.containerEvent(c, 'stop');
}
