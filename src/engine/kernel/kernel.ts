/**
 * The simulated Linux kernel: processes on a virtual clock, their namespaces, descriptors and signals.
 * Everything above it (shells, coreutils, dockerd) runs as processes through `Sys`.
 *
 * This file holds the kernel's state and the process lifecycle (fork/spawn, execve, exit, reap, signals);
 * the run loop is in runloop.ts, descriptor tables in fdtable.ts, terminals in devpts.ts, executable lookup
 * in binfmt.ts, and the system calls in syscalls.ts, which see the kernel only through SyscallKernel.
 */
import { basename, resolveProgram, type ResolvedProgram } from './binfmt.js';
import { Cgroup } from './cgroup.js';
import { releaseHeld } from './memory.js';
import { VirtualClock } from './clock.js';
import { Devpts } from './devpts.js';
import { stacklessSysError, SysError } from './errno.js';
import * as fdtable from './fdtable.js';
import { addFiber, dropFiber, dropFibers, Fiber, fiberExit, fiberOwner } from './fiber.js';
import { loopbackInterface, NetNamespace } from './net.js';
import { NetworkStack } from './netstack.js';
import type { OpenFile } from './openfile.js';
import { Pipe } from './pipe.js';
import { PidNamespace, Process, ProcessExit, ProcessKilled, UtsNamespace } from './process.js';
import { Prng } from './prng.js';
import { RunLoop, type RunOptions, type RunResult } from './runloop.js';
import { DEFAULT_COSTS, Scheduler, type CpuCosts, type WaitQueue } from './scheduler.js';
import { defaultAction, signalNumber, type Signal } from './signals.js';
import type { SyscallKernel } from './syscallKernel.js';
import type { Program, SpawnOptions, Sys, WaitStatus } from './sys.js';
import { ProcessSys } from './syscalls.js';
import type { Tty } from './tty.js';
import type { Listener } from './socket.js';
import type { Backend, Credentials, FsContext, MountNamespace } from './fsTypes.js';

export interface KernelOptions {
  readonly seed: number;
  /** Wall-clock time at boot, ms since the epoch. */
  readonly bootEpochMs: number;
  readonly hostname: string;
  readonly rootMnt: MountNamespace;
  readonly programs: ReadonlyMap<string, Program>;
  readonly net?: NetNamespace;
  readonly costs?: CpuCosts;
  /** Max processes in one PID namespace. */
  readonly maxPids?: number;
  readonly release?: string;
  readonly version?: string;
  /** Resolves after pending promise callbacks ran: setImmediate in Node, a MessageChannel in a page. */
  readonly drain?: () => Promise<void>;
}

/** A program that threw something other than an exit: a bug in the simulation, kept for tests to check. */
export interface Fault {
  readonly argv: readonly string[];
  readonly error: unknown;
}

/** A child's descriptors when the caller names none: the parent's stdin, stdout and stderr. */
const STDIO: Readonly<Record<number, number>> = { 0: 0, 1: 1, 2: 2 };

/** The status a program returned, as the exit that ends its process. */
const exited = (code: number): never => {
  throw new ProcessExit(code);
};

/** A program's run as a promise: one that throws before its first await rejects like one that throws after. */
function runAsPromise(program: Program, sys: ProcessSys): Promise<number> {
  try {
    return program(sys);
  } catch (err) {
    return Promise.reject(err);
  }
}

export class Kernel implements SyscallKernel {
  readonly clock: VirtualClock;
  readonly prng: Prng;
  /** The machine's seed, for PRNGs of their own (a read must not move `prng`). */
  readonly seed: number;
  readonly sched: Scheduler;
  readonly hostPidNs: PidNamespace;
  readonly rootCgroup: Cgroup;
  readonly hostUts: UtsNamespace;
  readonly hostNet: NetNamespace;
  readonly rootMnt: MountNamespace;
  readonly programs: ReadonlyMap<string, Program>;
  readonly procs = new Map<number, Process>();
  private readonly devpts: Devpts;
  private readonly loop: RunLoop;
  readonly faults: Fault[] = [];
  readonly release: string;
  readonly version: string;
  /** Unix sockets by the filesystem object they are bound to (TCP listeners live in their namespace). */
  readonly unixListeners = new WeakMap<Backend, Map<string, Listener>>();
  readonly network: NetworkStack;
  private readonly maxPids: number;
  private nextInode = 20000;

  constructor(opts: KernelOptions) {
    this.clock = new VirtualClock(opts.bootEpochMs);
    this.prng = new Prng(opts.seed);
    this.seed = opts.seed;
    this.sched = new Scheduler(this.clock, opts.costs ?? DEFAULT_COSTS, opts.drain);
    this.maxPids = opts.maxPids ?? 32768;
    this.hostPidNs = new PidNamespace(null, this.maxPids);
    this.rootCgroup = new Cgroup('/', null);
    this.hostUts = new UtsNamespace(opts.hostname);
    this.hostNet = opts.net ?? new NetNamespace([loopbackInterface()]);
    this.rootMnt = opts.rootMnt;
    this.devpts = new Devpts(this.rootMnt, this.sched, (pgid, sig) => this.signalGroup(pgid, sig, null));
    this.loop = new RunLoop(this.clock, this.sched);
    this.network = new NetworkStack(opts.seed, this.clock, this.sched, () => this.nextInode++);
    this.programs = opts.programs;
    this.release = opts.release ?? '6.8.0-49-generic';
    this.version = opts.version ?? '#49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024';
  }

  // ---------------------------------------------------------------- running

  /** Uptime in ms. */
  now(): number {
    return this.clock.now();
  }

  /**
   * Runs processes and timers. Returns 'idle' when nothing is runnable and no timer is pending, 'until' when
   * the clock reached `until`, 'stopped' when `stop()` said so, 'slices' after `maxSlices`.
   */
  run(opts: RunOptions = {}): Promise<RunResult> {
    return this.loop.run(opts);
  }

  /** Runs for `ms` of virtual time. */
  runFor(ms: number, stop?: () => boolean): Promise<RunResult> {
    return this.loop.runFor(ms, stop);
  }

  /** Stands the machine still at its first idle moment with `when()` true, until `wait()` settles (RunLoop.holdWhenIdle). */
  holdWhenIdle(when: () => boolean, wait: () => Promise<void>): void {
    this.loop.holdWhenIdle(when, wait);
  }

  /** `load()`'s result for `p`, the machine standing still until the host delivers it (see RunLoop.hostLoad). */
  hostLoad<T>(p: Process, key: string, load: () => Promise<T>): Promise<T> {
    return this.loop.hostLoad(p, key, load);
  }

  /** Parks the process until one of the queues wakes it; then applies pending signals. */
  block(p: Process, queues: readonly WaitQueue[]): Promise<void> {
    return this.loop.block(p, queues);
  }

  // ---------------------------------------------------------------- processes

  /** Starts the host's PID 1. */
  startInit(program: Program, argv: readonly string[], env: Record<string, string> = {}): Process {
    if (this.hostPidNs.init) throw new Error('init already running');
    const p = this.newProcess(null, this.hostPidNs, argv, env, { uid: 0, gid: 0, groups: [0] }, '/', 0o022, {
      uts: this.hostUts,
      mnt: this.rootMnt,
      net: this.hostNet,
      cgroup: this.rootCgroup,
    });
    p.pgid = p.hostPid;
    p.sid = p.hostPid;
    p.tgid = p.hostPid;
    p.exe = argv[0] ?? '/sbin/init';
    p.comm = basename(p.exe);
    this.launch(p, program);
    return p;
  }

  spawn(parent: Process, opts: SpawnOptions): Process {
    let resolved: ResolvedProgram;
    if (opts.program) {
      resolved = { program: opts.program, argv: opts.argv, exe: parent.exe, name: parent.comm, setuid: undefined };
    } else if (opts.path !== undefined) {
      // The binary is looked up where the child will live: its mount namespace, cwd and credentials.
      const fs =
        opts.unshare?.mnt || opts.cred || opts.cwd !== undefined
          ? (opts.unshare?.mnt ?? parent.mnt).view({
              cred: opts.cred ?? parent.fsctx.cred,
              cwd: opts.cwd ?? parent.fsctx.cwd,
              umask: parent.fsctx.umask,
              caller: parent.fsctx.caller,
            })
          : parent.fsView;
      resolved = resolveProgram(this.programs, fs, opts.path, opts.argv);
    } else {
      throw new SysError('EINVAL', 'spawn');
    }
    const cgroup = opts.cgroup ?? parent.cgroup;
    const pidns = opts.unshare?.pid ? new PidNamespace(parent.pidns, this.maxPids) : parent.pidns;
    if (!cgroup.canFork() || !this.fits(pidns)) throw stacklessSysError('EAGAIN', 'fork');

    const cred: Credentials = opts.cred ?? parent.fsctx.cred;
    const cwd = opts.cwd ?? parent.fsctx.cwd;
    const child = this.newProcess(parent, pidns, resolved.argv, { ...(opts.env ?? parent.env) }, cred, cwd, parent.fsctx.umask, {
      uts: opts.unshare?.uts !== undefined ? new UtsNamespace(opts.unshare.uts) : parent.uts,
      mnt: opts.unshare?.mnt ?? parent.mnt,
      net: opts.unshare?.net ?? parent.net,
      cgroup,
    });
    child.cgroupNs = opts.unshare?.cgroup ? cgroup : parent.cgroupNs;
    child.rlimits = opts.rlimits ?? parent.rlimits;
    child.realUid = opts.cred ? cred.uid : parent.realUid;
    child.euid = resolved.setuid ?? (opts.cred ? cred.uid : parent.euid);
    child.exe = resolved.exe;
    child.comm = resolved.name;
    child.tgid = opts.thread ? parent.tgid : child.hostPid;
    if (opts.thread) {
      const leader = this.procs.get(child.tgid);
      if (leader) (leader.threads ??= new Set()).add(child);
    }
    if (parent.dispositions) {
      for (const [sig, d] of parent.dispositions) if (d === 'ignore') (child.dispositions ??= new Map()).set(sig, 'ignore');
    }
    // for-in, not Object.entries: the same order (integer keys ascending), without an array per descriptor.
    const fdMap = opts.fds ?? STDIO;
    for (const key in fdMap) {
      const to = Number(key);
      const f = parent.fds.get(fdMap[to]);
      if (f) fdtable.installFd(child, to, f);
    }
    if (opts.setsid) {
      child.sid = child.hostPid;
      child.pgid = child.hostPid;
      child.ctty = null;
    } else {
      child.sid = parent.sid;
      child.ctty = parent.ctty;
      child.pgid = opts.pgid === undefined ? parent.pgid : opts.pgid === 0 ? child.hostPid : this.hostPgid(parent, opts.pgid);
    }
    this.launch(child, resolved.program);
    return child;
  }

  /** Starts a fiber in the caller's process (fiber.ts): scheduled as a task is, but no process of its own. */
  spawnFiber(caller: Process, program: Program, fds: Readonly<Record<number, number>>): void {
    const f = new Fiber(fiberOwner(caller), this.clock.now());
    for (const [to, from] of Object.entries(fds)) {
      const file = caller.fds.get(from);
      if (file) fdtable.installFd(f, Number(to), file);
    }
    addFiber(f);
    const sys = new ProcessSys(this, f);
    this.sched.start(f.task, () => {
      runAsPromise(program, sys).then(
        () => this.fiberEnded(f, undefined),
        (err: unknown) => this.fiberEnded(f, err),
      );
    });
  }

  private readonly finishFiber = (f: Fiber): void => {
    // Children it started are its process's now (a fiber cannot wait for them once it is gone).
    for (const c of f.children) {
      c.parent = f.owner;
      f.owner.addChild(c);
    }
    f.clearChildren();
    this.sched.finish(f.task);
  };

  private fiberEnded(f: Fiber, err: unknown): void {
    dropFiber(f, this.finishFiber);
    const how = fiberExit(err);
    const owner = f.owner;
    if (how === null || how === 'killed' || owner.state !== 'running') return;
    // exit_group: the process ends with the fiber's exit status, its own program stopped where it stood.
    this.exitProcess(owner, undefined, (how === 'fault' ? this.statusOf(owner, err) : how.code) & 0xff);
  }

  /**
   * Replaces the running program of `proc` (execve): rejects with the new program's exit (a ProcessExit), so
   * nothing of the caller runs after it. A reaction, not an async frame: a container's PID 1 lives in here.
   */
  exec(proc: Process, sys: Sys, path: string, argv: readonly string[], env?: Record<string, string>): Promise<never> {
    try {
      const r = resolveProgram(this.programs, proc.fsView, path, argv);
      proc.argv = r.argv;
      proc.argArea = null;
      proc.exe = r.exe;
      proc.comm = r.name;
      if (env) proc.env = { ...env };
      if (r.setuid !== undefined) proc.euid = r.setuid;
      for (const [sig, d] of proc.dispositions ?? []) if (typeof d === 'function') proc.dispositions!.delete(sig);
      return r.program(sys).then(exited);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** The PID namespace's init dying takes every process in it down (kernel's zap_pid_ns_processes). */
  private fits(ns: PidNamespace): boolean {
    for (let n: PidNamespace | null = ns; n; n = n.parent) if (n.byPid.size >= n.maxPids) return false;
    return true;
  }

  private newProcess(
    parent: Process | null,
    pidns: PidNamespace,
    argv: readonly string[],
    env: Record<string, string>,
    cred: Credentials,
    cwd: string,
    umask: number,
    ns: { uts: UtsNamespace; mnt: MountNamespace; net: NetNamespace; cgroup: Cgroup },
  ): Process {
    let levels = 0;
    for (let n: PidNamespace | null = pidns; n; n = n.parent) levels++;
    // Made at its size: an array grown by push keeps room for 17 entries, and every process keeps this one.
    const nsPids = new Array<readonly [PidNamespace, number]>(levels);
    levels = 0;
    for (let n: PidNamespace | null = pidns; n; n = n.parent) nsPids[levels++] = [n, n.alloc()];
    const hostPid = nsPids[nsPids.length - 1][1];
    const fullCtx: FsContext = { cred, cwd, umask, caller: { hostPid } };
    const p = new Process(hostPid, nsPids, pidns, parent, argv, env, fullCtx, ns.uts, ns.mnt, ns.net, ns.cgroup, this.clock.now());
    p.fsView = ns.mnt.view(fullCtx);
    for (let i = 0; i < nsPids.length; i++) nsPids[i][0].byPid.set(nsPids[i][1], p);
    if (!pidns.init) pidns.init = p;
    this.procs.set(hostPid, p);
    parent?.addChild(p);
    ns.cgroup.charge(1, 0);
    return p;
  }

  private launch(p: Process, program: Program): void {
    const sys = new ProcessSys(this, p);
    this.sched.start(p.task, () => this.runProgram(p, sys, program));
  }

  /**
   * Runs the program and ends the process with its status. A reaction on the program's promise, not an async
   * frame around it: every process has one of these for its whole life, and most are idle.
   */
  private runProgram(p: Process, sys: ProcessSys, program: Program): void {
    runAsPromise(program, sys).then(
      (code) => this.programEnded(p, code),
      (err: unknown) => this.programEnded(p, this.statusOf(p, err)),
    );
  }

  private statusOf(p: Process, err: unknown): number {
    if (err instanceof ProcessExit) return err.code;
    if (err instanceof ProcessKilled) return 0;
    this.faults.push({ argv: p.argv, error: err });
    return 70; // EX_SOFTWARE: a bug in the simulated program, never a crash of the page
  }

  private programEnded(p: Process, code: number): void {
    this.exitProcess(p, p.dying ?? undefined, (p.exitCode ?? code) & 0xff);
  }

  private exitProcess(p: Process, signal: Signal | undefined, code: number): void {
    if (p.state !== 'running') return;
    const status: WaitStatus =
      signal !== undefined
        ? { pid: p.hostPid, code: undefined, signal, status: 128 + signalNumber(signal) }
        : { pid: p.hostPid, code, signal: undefined, status: code };
    p.state = 'zombie';
    p.exit = status;
    for (const fd of [...p.fds.keys()]) fdtable.closeFd(p, fd);
    p.cgroup.charge(-1, 0);
    releaseHeld(p);
    if (p.pidns.init === p) {
      for (const other of [...p.pidns.byPid.values()]) if (other !== p) this.kill(other, 'SIGKILL', null);
    }
    dropFibers(p, this.finishFiber);
    // exit_group: a thread group ends with its leader.
    if (p.tgid === p.hostPid) {
      if (p.threads && p.threads.size > 0) for (const other of [...p.threads]) if (this.procs.get(other.hostPid) === other) this.kill(other, 'SIGKILL', null);
    } else this.procs.get(p.tgid)?.threads?.delete(p);
    const heir = p.pidns.init && p.pidns.init !== p ? p.pidns.init : this.hostPidNs.init;
    for (const c of p.children) {
      c.parent = heir && heir !== p ? heir : null;
      c.orphan = true;
      c.parent?.addChild(c);
      if (c.state === 'zombie') this.reap(c);
    }
    p.clearChildren();
    this.sched.finish(p.task);
    if (p.exitListeners.length > 0) for (const l of p.exitListeners.splice(0)) l(p);
    const parent = p.parent;
    if (!parent || p.orphan || parent.state !== 'running' || parent.dispositions?.get('SIGCHLD') === 'ignore') {
      this.reap(p);
      // A parent blocked in wait() must see ECHILD once its last child is gone.
      parent?.childWait.wakeAll(this.sched);
    } else {
      parent.childWait.wakeAll(this.sched);
      this.kill(parent, 'SIGCHLD', p);
    }
  }

  reap(p: Process): void {
    if (p.state === 'reaped') return;
    p.state = 'reaped';
    p.parent?.removeChild(p);
    for (const [n, pid] of p.nsPids) if (n.byPid.get(pid) === p) n.byPid.delete(pid);
    this.procs.delete(p.hostPid);
  }

  // ---------------------------------------------------------------- signals

  /**
   * Delivers a signal. `sender` null means the kernel itself (tty keys, the OOM path). Applies the PID-1 rule:
   * an init ignores signals it has no handler for, except SIGKILL/SIGSTOP sent from an ancestor namespace.
   */
  kill(target: Process, sig: Signal, sender: Process | null): void {
    if (target.state !== 'running' || target.dying) return;
    const disp = target.dispositions?.get(sig) ?? 'default';
    const isInit = target.pidns.init === target;
    // Only the kernel's own SIGKILL (namespace teardown) or one sent from an ancestor namespace reaches an init.
    const fromAncestor =
      sender === null ? sig === 'SIGKILL' : sender.pidns !== target.pidns && sender.pidns.contains(target.pidns);
    if (sig === 'SIGKILL') {
      if (isInit && !fromAncestor) return;
      this.die(target, sig);
      return;
    }
    if (disp === 'ignore') return;
    if (disp === 'default') {
      const action = defaultAction(sig);
      if (action !== 'term' && action !== 'core') return;
      if (isInit) return;
      this.die(target, sig);
      return;
    }
    target.pending.push(sig);
    this.sched.wake(target.task);
  }

  private die(p: Process, sig: Signal): void {
    p.dying = sig;
    this.sched.wake(p.task);
  }

  signalGroup(pgid: number, sig: Signal, sender: Process | null): number {
    let n = 0;
    for (const p of [...this.procs.values()]) {
      if (p.pgid === pgid && p.state === 'running') {
        this.kill(p, sig, sender);
        n++;
      }
    }
    return n;
  }

  /** A pgid as a process in `viewer`'s namespace named it, in host terms. */
  hostPgid(viewer: Process, pgid: number): number {
    const leader = viewer.pidns.byPid.get(pgid);
    return leader ? leader.hostPid : pgid;
  }

  // ---------------------------------------------------------------- descriptors and terminals

  /** Points `fd` of `p` at `f` (for the daemon's runtime, which wires a container's stdio from outside). */
  installFd(p: Process, fd: number, f: OpenFile): void {
    fdtable.installFd(p, fd, f);
  }

  newPipe(): Pipe {
    return new Pipe(this.sched, this.nextInode++);
  }

  nextIno(): number {
    return this.nextInode++;
  }

  /** Every terminal, by devpts instance and number (`0:pts/3`). */
  get ttys(): ReadonlyMap<string, Tty> {
    return this.devpts.ttys;
  }

  /** The terminal's master side was closed: /dev/pts/N goes away (the number may be reused, as on Linux). */
  releaseTty(tty: Tty): void {
    this.devpts.release(tty);
  }

  /** Allocates a pseudo-terminal (`pts/N`, the lowest free N of `mnt`'s devpts); the caller connects an emulator to its master side. */
  createTty(mnt: MountNamespace = this.rootMnt): Tty {
    return this.devpts.create(mnt);
  }

  /** /dev/pts/N as a process of mount namespace `mnt` opens it. */
  ttyAt(mnt: MountNamespace, n: number): Tty | undefined {
    return this.devpts.at(mnt, n);
  }

  /** The terminals of `mnt`'s devpts instance (what its /dev/pts lists). */
  ttysIn(mnt: MountNamespace): Tty[] {
    return this.devpts.in(mnt);
  }

  /** Gives `p` the terminal as its controlling terminal and fds 0–2 (what getty/login do). */
  attachTty(p: Process, tty: Tty): void {
    fdtable.attachTty(p, tty);
  }

  /** Processes in a namespace, ordered by their PID there. */
  processesIn(ns: PidNamespace): Process[] {
    return [...ns.byPid.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  }
}
