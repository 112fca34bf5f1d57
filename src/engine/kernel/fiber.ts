/**
 * Fibers: coroutines inside a process that are no kernel task. A simulated program sometimes needs a second
 * line of control that the real program does not have as a thread: nginx multiplexes its listening sockets
 * and connections with epoll in one thread, redis runs its clients and its cron in the main thread's event
 * loop, and the model writes each of those as a loop of its own. Made as threads they had TIDs, counted in
 * the pids cgroup (`docker stats` PIDS, `--pids-limit`) and took PID numbers from everything started later.
 * A fiber is scheduled like a task and makes system calls as its process, but has no TID, is not in the
 * process table or /proc, is charged to nobody's pids count, and ends when its process does.
 *
 * What a fiber holds of its own: a descriptor table (the fds handed to it, as a thread's here) and the task it
 * is scheduled on. Its identity (PIDs, credentials, cwd, namespaces, cgroup, signal handlers) is its
 * process's; its CPU time is charged to its process.
 */
import * as fdtable from './fdtable.js';
import { Process, ProcessExit, ProcessKilled } from './process.js';

export class Fiber extends Process {
  constructor(
    /** The process it runs in (a thread group leader or a thread; never another fiber). */
    readonly owner: Process,
    startMs: number,
  ) {
    super(
      owner.hostPid, owner.nsPids, owner.pidns, owner.parent, owner.argv, owner.env, owner.fsctx, owner.uts,
      owner.mnt, owner.net, owner.cgroup, startMs,
    );
    this.fsView = owner.fsView;
    this.exe = owner.exe;
    this.comm = owner.comm;
    this.realUid = owner.realUid;
    this.tgid = owner.tgid;
    this.pgid = owner.pgid;
    this.sid = owner.sid;
    this.ctty = owner.ctty;
    this.rlimits = owner.rlimits;
    this.cgroupNs = owner.cgroupNs;
  }

  /** Its process's time, as a thread's is in the process's total. */
  override chargeCpu(ms: number): void {
    this.owner.chargeCpu(ms);
  }

  /** A frozen process's fibers run on to their end once the process is being killed, as its tasks do. */
  override isDying(): boolean {
    return this.dying !== null || this.owner.dying !== null;
  }
}

const fibersOf = new WeakMap<Process, Set<Fiber>>();

/** The process a new fiber joins when `caller` starts one: a fiber's fibers are its process's. */
export function fiberOwner(caller: Process): Process {
  return caller instanceof Fiber ? caller.owner : caller;
}

export function addFiber(f: Fiber): void {
  let set = fibersOf.get(f.owner);
  if (!set) fibersOf.set(f.owner, (set = new Set()));
  set.add(f);
}

/** The fiber's program is over: its descriptors close and its task is done. */
export function dropFiber(f: Fiber, finish: (f: Fiber) => void): void {
  if (f.state !== 'running') return;
  f.state = 'reaped';
  fibersOf.get(f.owner)?.delete(f);
  for (const fd of [...f.fds.keys()]) fdtable.closeFd(f, fd);
  finish(f);
}

/** Its process has exited: every fiber in it ends where it is, in the order they were started. */
export function dropFibers(p: Process, finish: (f: Fiber) => void): void {
  const set = fibersOf.get(p);
  if (!set) return;
  fibersOf.delete(p);
  for (const f of set) dropFiber(f, finish);
}

/** How a fiber's end ends its process: `exit()` in any thread ends them all (exit_group); a kill is its process's. */
export function fiberExit(err: unknown): { code: number } | 'killed' | 'fault' | null {
  if (err === undefined) return null;
  if (err instanceof ProcessExit) return { code: err.code };
  if (err instanceof ProcessKilled) return 'killed';
  return 'fault';
}
