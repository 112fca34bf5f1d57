/**
 * containerd-shim-runc-v2: one process per running container, child of whoever started it (reparented to
 * init, as on a real host). It spawns PID 1 in new namespaces with the container's stdio, waits for it (and
 * for exec processes, which are its children too), reports each exit to the monitor, and performs
 * restart-policy restarts after the back-off — interruptible by `docker stop`/`kill`/`rm -f`.
 */
import { CONTAINER_RLIMITS } from '../../kernel/rlimits.js';
import { deviceFile } from '../../kernel/files.js';
import { SysError } from '../../kernel/errno.js';
import { isProcessEnd, type Process } from '../../kernel/process.js';
import type { OpenFile } from '../../kernel/openfile.js';
import type { Program, Sys, WaitStatus } from '../../kernel/sys.js';
import { blockUntil } from '../block.js';
import type { Container } from '../container.js';
import type { DaemonStore } from '../store.js';
import { isDaemonError, systemError } from '../../../pkg/errdefs.js';
import { initHealthMonitor } from '../health.js';
import { execExited, handleExit, restartCanceled } from '../monitor.js';
import { drainAttached, emitOutput } from './output.js';
import { prepareStart } from './prepare.js';
import { initProgram } from './runc.js';
import { drainedPipe } from './stdio.js';
import type { ContainerRuntime } from './task.js';

export const SHIM_PATH = '/usr/bin/containerd-shim-runc-v2';

export function shimArgv(id: string): string[] {
  return [SHIM_PATH, '-namespace', 'moby', '-id', id, '-address', '/run/containerd/containerd.sock'];
}

export function shimProgram(engine: DaemonStore, c: Container, rt: ContainerRuntime): Program {
  return async (sys) => {
    const k = engine.kernel;
    const self = k.procs.get(sys.hostPid)!;
    for (;;) {
      try {
        spawnInit(engine, sys, self, c, rt);
      } catch (e) {
        if (isProcessEnd(e)) throw e;
        rt.startError = isDaemonError(e) ? e : systemError(e instanceof Error ? e.message : String(e));
        rt.phase = 'stopped';
        engine.notify();
        return 1;
      }
      const status = await waitInit(engine, sys, c, rt);
      await drainAttached(engine, sys, rt);
      const decision = handleExit(engine, c, rt, status.status);
      if (!decision.restart) return 0;
      const canceled = await blockUntil(k, sys, engine.changed, () => rt.restart?.isCanceled !== false || !engine.containers.has(c.ID), decision.delayMs);
      if (canceled) {
        restartCanceled(engine, c, rt);
        return 0;
      }
      try {
        prepareStart(engine, c, rt);
      } catch (e) {
        if (isProcessEnd(e)) throw e;
        if (isDaemonError(e)) c.State.setError(e.message);
        restartCanceled(engine, c, rt);
        return 1;
      }
    }
  };
}

/** One function for every container's stdout and stderr pipes, which need nothing done when they close. */
const ignoreClose = (): void => undefined;

/** Spawns PID 1 (via runc init's exec) with the container's stdio and marks the container running. */
function spawnInit(engine: DaemonStore, sys: Sys, self: Process, c: Container, rt: ContainerRuntime): void {
  const k = engine.kernel;
  const spec = rt.spec!;
  let fds: Record<number, number> = {};
  if (!rt.tty) {
    let stdin: OpenFile;
    if (c.Config.OpenStdin) {
      const pipe = k.newPipe();
      stdin = pipe.readEnd();
      rt.stdin = pipe.writeEnd();
      rt.flushInput();
    } else stdin = deviceFile('null', k.prng);
    k.installFd(self, 0, stdin);
    k.installFd(self, 1, drainedPipe(k.nextIno(), (t) => emitOutput(c, rt, 'stdout', t), ignoreClose, k, rt.gate));
    k.installFd(self, 2, drainedPipe(k.nextIno(), (t) => emitOutput(c, rt, 'stderr', t), ignoreClose, k, rt.gate));
    fds = { 0: 0, 1: 1, 2: 2 };
  }
  const pid = sys.spawn({
    program: initProgram(spec), argv: spec.argv, env: spec.env, cwd: spec.cwd, cred: spec.cred, fds, setsid: true,
    // CgroupnsMode "private", Docker's default on cgroup v2.
    unshare: { pid: true, uts: c.Config.Hostname, mnt: rt.mnt!, net: rt.netns ?? undefined, cgroup: true },
    cgroup: rt.cgroup ?? undefined, rlimits: CONTAINER_RLIMITS,
  });
  if (!rt.tty) for (const fd of [0, 1, 2]) sys.close(fd);
  const child = k.procs.get(pid)!;
  if (rt.tty) k.attachTty(child, rt.tty);
  rt.pid1 = child;
  rt.phase = 'running';
  rt.startedAtMs = k.clock.now();
  c.State.setRunning(child.hostPid, engine.nowNs());
  initHealthMonitor(engine, c, rt);
  engine.containerEvent(c, 'start');
  engine.notify();
}

/**
 * Waits for PID 1, recording exec exits on the way; then collects the execs its death took down. A chain of
 * reactions rather than an async loop: every running container's shim waits here, and a suspended async frame
 * keeps its generator and registers. Each turn resolves in the same microtask an `await` would resume in.
 */
function waitInit(engine: DaemonStore, sys: Sys, c: Container, rt: ContainerRuntime): Promise<WaitStatus> {
  const initPid = rt.pid1!.hostPid;
  let init: WaitStatus | undefined;
  return new Promise<WaitStatus>((resolve, reject) => {
    const done = (): void => resolve(init ?? { pid: initPid, code: undefined, signal: 'SIGKILL', status: 137 });
    const onStatus = (st: WaitStatus | null): void => {
      if (st) {
        if (st.pid === initPid) init = st;
        else execExited(engine, c, rt, st);
      }
      next();
    };
    const onError = (e: unknown): void => {
      if (e instanceof SysError && e.code === 'ECHILD') done();
      else reject(e);
    };
    const next = (): void => {
      if (init !== undefined && rt.execCount === 0) done();
      else sys.wait().then(onStatus, onError);
    };
    next();
  });
}
