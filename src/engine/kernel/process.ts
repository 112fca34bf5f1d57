/** The kernel's record of a process, and the namespaces it lives in. */
import type { Cgroup } from './cgroup.js';
import type { ArgArea } from './proctitle.js';
import { HOST_RLIMITS, type Rlimits } from './rlimits.js';
import type { NetNamespace } from './net.js';
import type { OpenFile } from './openfile.js';
import { Task, WaitQueue, type TaskOwner } from './scheduler.js';
import type { Signal } from './signals.js';
import type { SignalDisposition, WaitStatus } from './sys.js';
import type { Tty } from './tty.js';
import type { Fs, FsContext, MountNamespace } from './fsTypes.js';

export class PidNamespace {
  private next = 1;
  readonly byPid = new Map<number, Process>();
  init: Process | null = null;

  constructor(
    readonly parent: PidNamespace | null,
    /** Linux's default pid_max (32768): 10,000 containers need a shim and a PID 1 each; it also bounds fork bombs. */
    readonly maxPids: number,
  ) {}

  get level(): number {
    return this.parent ? this.parent.level + 1 : 0;
  }

  alloc(): number {
    while (this.byPid.has(this.next)) this.next++;
    return this.next++;
  }

  /** True if `ns` is this namespace or one nested inside it. */
  contains(ns: PidNamespace): boolean {
    for (let n: PidNamespace | null = ns; n; n = n.parent) if (n === this) return true;
    return false;
  }
}

export class UtsNamespace {
  constructor(
    public hostname: string,
    public domainname = '(none)',
  ) {}
}

export type ProcState = 'running' | 'zombie' | 'reaped';

const NO_CHILDREN: ReadonlySet<Process> = new Set();

export class Process implements TaskOwner {
  readonly task: Task = new Task(this);
  /** Made at the first child: most processes never fork (a published port's two docker-proxies, a sleep). */
  private kids: Set<Process> | null = null;
  readonly fds = new Map<number, OpenFile>();
  /** Signal handlers and ignores; null while every signal has its default action (most processes). */
  dispositions: Map<Signal, SignalDisposition> | null = null;
  readonly pending: Signal[] = [];
  readonly childWait = new WaitQueue();
  readonly exitListeners: ((p: Process) => void)[] = [];
  state: ProcState = 'running';
  exit: WaitStatus | null = null;
  /** Set once a fatal signal has been delivered: the program is unwinding. */
  dying: Signal | null = null;
  /** Code passed to exit(), if the program called it. */
  exitCode: number | null = null;
  /** Reparented to an init: reaped as soon as it exits. */
  orphan = false;
  cpuMs = 0;
  /** CPU its waited-for children (and theirs) used: times(2)'s tms_cutime, what bash's `time` adds up. */
  childCpuMs = 0;
  private cpuUnits = 0;
  /** Memory the program holds beyond its baseline (`sys.hold`), charged to its cgroup. */
  heldBytes = 0;
  fsView!: Fs;
  /** Path of the executable, for /proc/N/exe. */
  exe = '';
  comm = '';
  /** The argument block after the program wrote a title over it (proctitle.ts); null: argv and env as exec'd. */
  argArea: ArgArea | null = null;
  /** Real uid; `fsctx.cred.uid` is the effective one, which permission checks use. */
  realUid: number;
  pgid = 0;
  sid = 0;
  ctty: Tty | null = null;
  /** Resource limits; a child starts with its parent's (the object is replaced, never changed in place). */
  rlimits: Rlimits = HOST_RLIMITS;
  /** Root of the process's cgroup namespace; null: the initial one, where cgroup paths are absolute. */
  cgroupNs: Cgroup | null = null;
  /** Host PID of the thread group leader: itself, unless spawned as a thread. */
  tgid = 0;
  /** A leader's threads, in spawn order: exit_group looks here, not at every process (a fork bomb has 4,096). */
  threads: Set<Process> | null = null;
  /** Blocked in a system call, for ps's STAT column. */
  sleeping = false;

  constructor(
    readonly hostPid: number,
    /** PID as seen from each namespace it is visible in, innermost first (pairs, not a Map: one or two each). */
    readonly nsPids: readonly (readonly [PidNamespace, number])[],
    readonly pidns: PidNamespace,
    public parent: Process | null,
    public argv: readonly string[],
    public env: Record<string, string>,
    readonly fsctx: FsContext,
    public uts: UtsNamespace,
    public mnt: MountNamespace,
    public net: NetNamespace,
    public cgroup: Cgroup,
    /** Uptime (ms) at start. */
    readonly startMs: number,
  ) {
    this.realUid = fsctx.cred.uid;
  }

  get children(): ReadonlySet<Process> {
    return this.kids ?? NO_CHILDREN;
  }

  addChild(c: Process): void {
    (this.kids ??= new Set()).add(c);
  }

  removeChild(c: Process): void {
    this.kids?.delete(c);
  }

  clearChildren(): void {
    this.kids?.clear();
  }

  get euid(): number {
    return this.fsctx.cred.uid;
  }

  /** A setuid binary changes only the effective uid (and so what the filesystem lets it do). */
  set euid(uid: number) {
    if (uid !== this.fsctx.cred.uid) this.fsctx.cred = { ...this.fsctx.cred, uid };
  }

  /** PID as `ns` sees it; 0 if invisible there. */
  pidIn(ns: PidNamespace): number {
    const pids = this.nsPids;
    for (let i = 0; i < pids.length; i++) if (pids[i][0] === ns) return pids[i][1];
    return 0;
  }

  get pid(): number {
    return this.pidIn(this.pidns);
  }

  isFrozen(): boolean {
    return this.cgroup.isFrozen();
  }

  isDying(): boolean {
    return this.dying !== null;
  }

  addCpuUnits(n: number): void {
    this.cpuUnits += n;
  }

  takeCpuUnits(): number {
    const n = this.cpuUnits;
    this.cpuUnits = 0;
    return n;
  }

  chargeCpu(ms: number): void {
    this.cpuMs += ms;
    this.cgroup.charge(0, ms);
  }
}

/** Thrown inside a program to end it: by exit(), or by a fatal signal. Programs must not swallow it. */
export class ProcessExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ProcessExit';
  }
}

export class ProcessKilled extends Error {
  constructor(readonly signal: Signal) {
    super(`killed by ${signal}`);
    this.name = 'ProcessKilled';
  }
}

/** True for the errors that end a process; a program's catch-all must rethrow these. */
export function isProcessEnd(err: unknown): err is ProcessExit | ProcessKilled {
  return err instanceof ProcessExit || err instanceof ProcessKilled;
}

/** Throws if the process is being killed. Every system call starts here. */
export function checkAlive(p: Process): void {
  if (p.dying) throw new ProcessKilled(p.dying);
}

/** `deliverPending` when there is something to deliver (a kill or a caught signal); nothing to wait for otherwise. */
export function afterWake(p: Process): Promise<void> | undefined {
  return p.dying !== null || p.pending.length > 0 ? deliverPending(p) : undefined;
}

/** Runs the handlers of signals caught while `p` was away (blocked, or between slices). */
export async function deliverPending(p: Process): Promise<void> {
  checkAlive(p);
  while (p.pending.length > 0) {
    const sig = p.pending.shift()!;
    const d = p.dispositions?.get(sig);
    if (typeof d === 'function') await d(sig);
    checkAlive(p);
  }
}
