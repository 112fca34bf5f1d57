/**
 * `docker start` (moby daemon/start.go): refuse paused (409) and running (304) containers, make a fresh
 * restart manager, prepare the task and hand it to a new shim, then wait until PID 1 exists. A failed start
 * leaves the container in its old state with the error and exit code recorded (an `--rm` one is removed).
 */
import { blockUntil } from './block.js';
import type { Container } from './container.js';
import type { DaemonContext } from './context.js';
import { removeContainer } from './delete.js';
import { conflict, isDaemonError, notModified } from '../../pkg/errdefs.js';
import { RestartManager } from './restartmanager.js';
import { prepareStart } from './runtime/prepare.js';
import { SHIM_PATH, shimArgv, shimProgram } from './runtime/shim.js';

export async function containerStart(d: DaemonContext, name: string): Promise<void> {
  const c = d.store.getContainer(name);
  if (c.State.Paused) throw conflict('cannot start a paused container, try unpause instead');
  if (c.State.Running) throw notModified('container is already running');
  if (c.State.RemovalInProgress || c.State.Dead) throw conflict('container is marked for removal and cannot be started');
  await startContainer(d, c);
}

export async function startContainer(d: DaemonContext, c: Container): Promise<void> {
  const engine = d.store;
  const k = engine.kernel;
  const rt = engine.runtime(c);
  rt.restart?.cancel();
  rt.restart = new RestartManager(c.HostConfig.RestartPolicy, c.RestartCount);
  c.HasBeenManuallyStopped = false;
  try {
    prepareStart(engine, c, rt);
  } catch (e) {
    if (isDaemonError(e)) {
      c.State.setError(e.message);
      if (c.State.ExitCode === 0) c.State.ExitCode = 128;
      if (c.HostConfig.AutoRemove) removeContainer(engine, c, true);
      engine.notify();
    }
    throw e;
  }
  rt.phase = 'starting';
  const pid = d.sys.spawn({
    program: shimProgram(engine, c, rt), argv: shimArgv(c.ID), env: {}, cwd: '/', fds: {}, setsid: true,
    cred: { uid: 0, gid: 0, groups: [0] },
  });
  const shim = k.procs.get(pid);
  if (shim) {
    shim.exe = SHIM_PATH;
    shim.comm = 'containerd-shim';
    rt.shim = shim;
  }
  await blockUntil(k, d.sys, engine.changed, () => rt.phase !== 'starting');
  if (rt.startError) {
    c.State.setError(rt.startError.message);
    throw rt.startError;
  }
}
