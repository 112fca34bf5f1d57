/**
 * The simulated Linux kernel: processes on a virtual clock, their namespaces, descriptors and signals.
 * Everything above it (shells, coreutils, dockerd) runs as processes through `Sys`.
 */
import { parseExecutable } from './binfmt.js';
import { Cgroup } from './cgroup.js';
import { releaseHeld } from './memory.js';
import { VirtualClock } from './clock.js';
import { stacklessSysError, SysError } from './errno.js';
import { NetNamespace } from './net.js';
import type { OpenFile } from './openfile.js';
import { Pipe } from './pipe.js';
import { isProcessEnd, PidNamespace, Process, ProcessExit, ProcessKilled, UtsNamespace } from './process.js';
import { Prng } from './prng.js';
import { DEFAULT_COSTS, Scheduler, type CpuCosts, type WaitQueue } from './scheduler.js';
import { defaultAction, signalNumber, type Signal } from './signals.js';
import type { Program, SpawnOptions, WaitStatus } from './sys.js';
import { utf8Decode } from './utf8.js';
import { ProcessSys } from './syscalls.js';
import { Tty } from './tty.js';
import type { Listener } from './socket.js';
import type { Backend, Credentials, Fs, FsContext, MountNamespace } from './vfs.js';

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

export interface RunOptions {
  /** Stop when the clock reaches this uptime (ms); timers beyond it stay pending. */
  readonly until?: number;
  /** Checked between slices. */
  readonly stop?: () => boolean;
  readonly maxSlices?: number;
  /**
   * No promise callback of the machine is in flight as the run starts: the host has turned its event loop
   * since the kernel last ran, and nothing has touched the machine since. Until this run does something
   * (fires a timer, runs a task, waits for the host), finding nothing runnable then needs no host turn.
   */
  readonly settled?: boolean;
}

export type RunResult = 'idle' | 'until' | 'stopped' | 'slices';

/** A program that threw something other than an exit: a bug in the simulation, kept for tests to check. */
export interface Fault {
  readonly argv: readonly string[];
  readonly error: unknown;
}

export interface ResolvedProgram {
  readonly program: Program;
  readonly argv: readonly string[];
  readonly exe: string;
  /** What comm becomes: the basename of the path given to execve (a symlink's own name, a script's). */
  readonly name: string;
  readonly setuid: number | undefined;
}

const MAX_SCRIPT_DEPTH = 4;
/** Microtask turns to wait for in-flight promise callbacks before the clock jumps or the run ends. */
const SETTLE_TURNS = 16;

export class Kernel {
  readonly clock: VirtualClock;
  readonly prng: Prng;
  readonly sched: Scheduler;
  readonly hostPidNs: PidNamespace;
  readonly rootCgroup: Cgroup;
  readonly hostUts: UtsNamespace;
  readonly hostNet: NetNamespace;
  readonly rootMnt: MountNamespace;
  readonly programs: ReadonlyMap<string, Program>;
  readonly procs = new Map<number, Process>();
  /** Every terminal, by devpts instance and number (`0:pts/3`): each container mounts a devpts of its own. */
  readonly ttys = new Map<string, Tty>();
  private readonly devptsIds = new WeakMap<MountNamespace, number>();
  private nextDevpts = 1;
  readonly faults: Fault[] = [];
  readonly release: string;
  readonly version: string;
  /** Unix sockets by the filesystem object they are bound to; TCP ports by network namespace. */
  readonly unixListeners = new WeakMap<Backend, Map<string, Listener>>();
  readonly tcpListeners = new WeakMap<NetNamespace, Map<number, Listener>>();
  private readonly maxPids: number;
  private nextInode = 20000;
  /** Host promises the machine stands still for (see `hostWait`), each already turned into a non-rejecting one. */
  private hostWaits: Promise<void>[] = [];
  /** What `hostLoad` loaded in this machine, by key. */
  private readonly hostLoads = new Map<string, { value: unknown } | { error: unknown }>();

  constructor(opts: KernelOptions) {
    this.clock = new VirtualClock(opts.bootEpochMs);
    this.prng = new Prng(opts.seed);
    this.sched = new Scheduler(this.clock, opts.costs ?? DEFAULT_COSTS, opts.drain);
    this.maxPids = opts.maxPids ?? 32768;
    this.hostPidNs = new PidNamespace(null, this.maxPids);
    this.rootCgroup = new Cgroup('/', null);
    this.hostUts = new UtsNamespace(opts.hostname);
    this.hostNet = opts.net ?? new NetNamespace();
    this.rootMnt = opts.rootMnt;
    this.devptsIds.set(this.rootMnt, 0);
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
  async run(opts: RunOptions = {}): Promise<RunResult> {
    let slices = 0;
    let quiet = opts.settled === true;
    for (;;) {
      if (opts.stop?.()) return 'stopped';
      // The machine is frozen in virtual time while the host delivers something a process waits for: no
      // task runs and the clock does not move, so the run is the same as one where it was there at once.
      if (this.hostWaits.length > 0) {
        quiet = false;
        await this.settleHostWaits();
      }
      if (this.clock.fireDue() > 0) quiet = false;
      this.sched.thaw();
      if (this.sched.runnable() > 0) {
        if (opts.until !== undefined && this.clock.now() >= opts.until) return 'until';
        quiet = false;
        await this.sched.step();
        if (opts.maxSlices !== undefined && ++slices >= opts.maxSlices) return 'slices';
        continue;
      }
      // Promise callbacks still in flight (a stream callback settling a waiter another process set up) may
      // wake a process now; let them run before time jumps or the machine is called idle.
      if (!quiet && (await this.settleMicrotasks())) continue;
      const due = this.clock.nextDue();
      if (due === undefined) {
        if (opts.until !== undefined) this.clock.advanceTo(opts.until);
        return opts.until !== undefined ? 'until' : 'idle';
      }
      if (opts.until !== undefined && due > opts.until) {
        this.clock.advanceTo(opts.until);
        return 'until';
      }
      this.clock.advanceTo(due);
    }
  }

  private async settleHostWaits(): Promise<void> {
    while (this.hostWaits.length > 0) {
      const waits = this.hostWaits;
      this.hostWaits = [];
      await Promise.all(waits);
    }
  }

  /**
   * Waits, in `p`, for a promise of the host (a code chunk the page loads on demand). Its real-time arrival
   * must not show in the simulation, so the process always yields here (whether or not the promise has
   * settled) and `run` awaits every such promise before it runs any task or moves the clock: the machine
   * stands still until the host delivers.
   */
  async hostWait<T>(p: Process, promise: Promise<T>): Promise<T> {
    this.checkAlive(p);
    let outcome: { value: T } | { error: unknown } | undefined;
    this.hostWaits.push(
      promise.then(
        (value) => void (outcome = { value }),
        (error: unknown) => void (outcome = { error }),
      ),
    );
    const parked = this.sched.park(p.task);
    this.sched.wake(p.task);
    await parked;
    await this.deliverPending(p);
    if (!outcome) throw new Error('hostWait: resumed before the host promise settled');
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  /**
   * `load()`'s result, waited for with `hostWait` the first time this machine asks for `key` and remembered
   * after: whether a machine waits depends only on its own history, never on what the page loaded already.
   */
  async hostLoad<T>(p: Process, key: string, load: () => Promise<T>): Promise<T> {
    let got = this.hostLoads.get(key);
    if (!got) {
      try {
        got = { value: await this.hostWait(p, load()) };
      } catch (error) {
        // A process killed while it waited leaves the key unloaded: the next one to ask waits again.
        if (isProcessEnd(error)) throw error;
        got = { error };
      }
      this.hostLoads.set(key, got);
    }
    if ('error' in got) throw got.error;
    return got.value as T;
  }

  /** Drains pending promise callbacks (a bounded number of turns); true if that made a task runnable. */
  private async settleMicrotasks(): Promise<boolean> {
    for (let i = 0; i < SETTLE_TURNS; i++) {
      await null;
      if (this.sched.runnable() > 0) return true;
    }
    // Longer chains (a daemon worker's result reaching its connection) get a full host turn.
    await this.sched.drainPending();
    return this.sched.runnable() > 0;
  }

  /** Runs for `ms` of virtual time. */
  runFor(ms: number, stop?: () => boolean): Promise<RunResult> {
    return this.run({ until: this.clock.now() + ms, stop });
  }

  // ---------------------------------------------------------------- processes

  /** Starts the host's PID 1. */
  startInit(program: Program, argv: readonly string[], env: Record<string, string> = {}): Process {
    if (this.hostPidNs.init) throw new Error('init already running');
    const ctx: FsContext = { cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 1 } };
    const p = this.newProcess(null, this.hostPidNs, argv, env, ctx, {
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
      resolved = this.resolveProgram(fs, opts.path, opts.argv);
    } else {
      throw new SysError('EINVAL', 'spawn');
    }
    const cgroup = opts.cgroup ?? parent.cgroup;
    const pidns = opts.unshare?.pid ? new PidNamespace(parent.pidns, this.maxPids) : parent.pidns;
    if (!cgroup.canFork() || !this.fits(pidns)) throw stacklessSysError('EAGAIN', 'fork');

    const cred: Credentials = opts.cred ?? parent.fsctx.cred;
    const ctx: FsContext = {
      cred,
      cwd: opts.cwd ?? parent.fsctx.cwd,
      umask: parent.fsctx.umask,
      caller: { hostPid: 0 },
    };
    const child = this.newProcess(parent, pidns, resolved.argv, { ...(opts.env ?? parent.env) }, ctx, {
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
    if (opts.thread) this.procs.get(child.tgid)?.threads.add(child);
    for (const [sig, d] of parent.dispositions) if (d === 'ignore') child.dispositions.set(sig, 'ignore');
    const fdMap = opts.fds ?? { 0: 0, 1: 1, 2: 2 };
    for (const [to, from] of Object.entries(fdMap)) {
      const f = parent.fds.get(from);
      if (f) this.installFd(child, Number(to), f);
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

  /** Finds the program a file runs, following `#!` lines. Errors are execve(2)'s. */
  resolveProgram(fs: Fs, path: string, argv: readonly string[], depth = 0): ResolvedProgram {
    const st = fs.stat(path);
    if (st.type === 'dir' || st.type !== 'file') throw new SysError('EACCES', 'execve', path);
    if (!fs.access(path, 'x')) throw new SysError('EACCES', 'execve', path);
    const head = utf8Decode(fs.readFile(path).subarray(0, 256));
    const exe = parseExecutable(head);
    const setuid = st.mode & 0o4000 ? st.uid : undefined;
    if (exe.kind === 'binary') {
      // '*' is the machine's stand-in for binaries an image ships that are not simulated yet.
      const program = this.programs.get(exe.program) ?? this.programs.get('*');
      if (!program) throw new SysError('ENOEXEC', 'execve', path);
      return { program, argv, exe: fs.realpath(path), name: basename(path).slice(0, 15), setuid };
    }
    if (exe.kind === 'script' && depth < MAX_SCRIPT_DEPTH) {
      const interpArgv = [exe.interpreter, ...(exe.arg ? [exe.arg] : []), path, ...argv.slice(1)];
      const inner = this.resolveProgram(fs, exe.interpreter, interpArgv, depth + 1);
      return { ...inner, name: basename(path).slice(0, 15), setuid: undefined };
    }
    throw new SysError('ENOEXEC', 'execve', path);
  }

  /** Replaces the running program of `proc` (execve). Resolves to the new program's exit status. */
  async exec(proc: Process, sys: ProcessSys, path: string, argv: readonly string[], env?: Record<string, string>): Promise<never> {
    const r = this.resolveProgram(proc.fsView, path, argv);
    proc.argv = r.argv;
    proc.exe = r.exe;
    proc.comm = r.name;
    if (env) proc.env = { ...env };
    if (r.setuid !== undefined) proc.euid = r.setuid;
    for (const [sig, d] of proc.dispositions) if (typeof d === 'function') proc.dispositions.delete(sig);
    const code = await r.program(sys);
    throw new ProcessExit(code);
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
    ctx: FsContext,
    ns: { uts: UtsNamespace; mnt: MountNamespace; net: NetNamespace; cgroup: Cgroup },
  ): Process {
    const nsPids = new Map<PidNamespace, number>();
    for (let n: PidNamespace | null = pidns; n; n = n.parent) nsPids.set(n, n.alloc());
    const hostPid = nsPids.get(this.hostPidNs)!;
    const caller = { hostPid };
    const fullCtx: FsContext = { cred: ctx.cred, cwd: ctx.cwd, umask: ctx.umask, caller };
    const p = new Process(hostPid, nsPids, pidns, parent, argv, env, fullCtx, ns.uts, ns.mnt, ns.net, ns.cgroup, this.clock.now());
    p.fsView = ns.mnt.view(fullCtx);
    for (const [n, pid] of nsPids) n.byPid.set(pid, p);
    if (!pidns.init) pidns.init = p;
    this.procs.set(hostPid, p);
    parent?.children.add(p);
    ns.cgroup.charge(1, 0);
    return p;
  }

  private launch(p: Process, program: Program): void {
    const sys = new ProcessSys(this, p);
    this.sched.start(p.task, () => void this.runProgram(p, sys, program));
  }

  private async runProgram(p: Process, sys: ProcessSys, program: Program): Promise<void> {
    let code = 0;
    try {
      code = await program(sys);
    } catch (err) {
      if (err instanceof ProcessExit) code = err.code;
      else if (!(err instanceof ProcessKilled)) {
        this.faults.push({ argv: p.argv, error: err });
        code = 70; // EX_SOFTWARE: a bug in the simulated program, never a crash of the page
      }
    }
    if (p.exitCode !== null) code = p.exitCode;
    this.exitProcess(p, p.dying ?? undefined, code & 0xff);
  }

  private exitProcess(p: Process, signal: Signal | undefined, code: number): void {
    if (p.state !== 'running') return;
    const status: WaitStatus =
      signal !== undefined
        ? { pid: p.hostPid, code: undefined, signal, status: 128 + signalNumber(signal) }
        : { pid: p.hostPid, code, signal: undefined, status: code };
    p.state = 'zombie';
    p.exit = status;
    for (const fd of [...p.fds.keys()]) this.closeFd(p, fd);
    p.cgroup.charge(-1, 0);
    releaseHeld(p);
    if (p.pidns.init === p) {
      for (const other of [...p.pidns.byPid.values()]) if (other !== p) this.kill(other, 'SIGKILL', null);
    }
    // exit_group: a thread group ends with its leader.
    if (p.tgid === p.hostPid) {
      for (const other of [...p.threads]) if (this.procs.get(other.hostPid) === other) this.kill(other, 'SIGKILL', null);
    } else this.procs.get(p.tgid)?.threads.delete(p);
    const heir = p.pidns.init && p.pidns.init !== p ? p.pidns.init : this.hostPidNs.init;
    for (const c of p.children) {
      c.parent = heir && heir !== p ? heir : null;
      c.orphan = true;
      c.parent?.children.add(c);
      if (c.state === 'zombie') this.reap(c);
    }
    p.children.clear();
    this.sched.finish(p.task);
    for (const l of p.exitListeners.splice(0)) l(p);
    const parent = p.parent;
    if (!parent || p.orphan || parent.state !== 'running' || parent.dispositions.get('SIGCHLD') === 'ignore') {
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
    p.parent?.children.delete(p);
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
    const disp = target.dispositions.get(sig) ?? 'default';
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

  // ---------------------------------------------------------------- blocking

  /** Parks the process until one of the queues wakes it; then applies pending signals. */
  async block(p: Process, queues: readonly WaitQueue[]): Promise<void> {
    this.checkAlive(p);
    for (const q of queues) q.add(p.task);
    p.sleeping = true;
    await this.sched.park(p.task);
    p.sleeping = false;
    for (const q of queues) q.remove(p.task);
    await this.deliverPending(p);
  }

  /** Throws if the process is being killed. Every system call starts here. */
  checkAlive(p: Process): void {
    if (p.dying) throw new ProcessKilled(p.dying);
  }

  async deliverPending(p: Process): Promise<void> {
    this.checkAlive(p);
    while (p.pending.length > 0) {
      const sig = p.pending.shift()!;
      const d = p.dispositions.get(sig);
      if (typeof d === 'function') await d(sig);
      this.checkAlive(p);
    }
  }

  // ---------------------------------------------------------------- descriptors

  installFd(p: Process, fd: number, f: OpenFile): void {
    const old = p.fds.get(fd);
    if (old === f) return;
    f.refs++;
    p.fds.set(fd, f);
    if (old) this.dropRef(old);
  }

  closeFd(p: Process, fd: number): boolean {
    const f = p.fds.get(fd);
    if (!f) return false;
    p.fds.delete(fd);
    this.dropRef(f);
    return true;
  }

  private dropRef(f: OpenFile): void {
    if (--f.refs === 0) f.release();
  }

  newPipe(): Pipe {
    return new Pipe(this.sched, this.nextInode++);
  }

  nextIno(): number {
    return this.nextInode++;
  }

  /** The terminal's master side was closed: /dev/pts/N goes away (the number may be reused, as on Linux). */
  releaseTty(tty: Tty): void {
    if (this.ttys.get(tty.key) === tty) this.ttys.delete(tty.key);
  }

  /**
   * The devpts instance mounted at `mnt`'s /dev/pts. A container's is a new instance (runc mounts devpts with
   * `newinstance`), so its first terminal is pts/0 whatever the host's are.
   */
  private devptsKey(mnt: MountNamespace, n: number): string {
    let id = this.devptsIds.get(mnt);
    if (id === undefined) this.devptsIds.set(mnt, (id = this.nextDevpts++));
    return `${id}:pts/${n}`;
  }

  /** Allocates a pseudo-terminal (`pts/N`, the lowest free N of `mnt`'s devpts); the caller connects an emulator to its master side. */
  createTty(mnt: MountNamespace = this.rootMnt): Tty {
    let n = 0;
    while (this.ttys.has(this.devptsKey(mnt, n))) n++;
    const tty = new Tty(`pts/${n}`, this.sched, (pgid, sig) => this.signalGroup(pgid, sig, null));
    tty.key = this.devptsKey(mnt, n);
    this.ttys.set(tty.key, tty);
    return tty;
  }

  /** /dev/pts/N as a process of mount namespace `mnt` opens it. */
  ttyAt(mnt: MountNamespace, n: number): Tty | undefined {
    return this.ttys.get(this.devptsKey(mnt, n));
  }

  /** The terminals of `mnt`'s devpts instance (what its /dev/pts lists). */
  ttysIn(mnt: MountNamespace): Tty[] {
    const prefix = this.devptsKey(mnt, 0).replace(/pts\/0$/, '');
    return [...this.ttys.entries()].filter(([k]) => k.startsWith(prefix)).map(([, t]) => t);
  }

  /** Gives `p` the terminal as its controlling terminal and fds 0–2 (what getty/login do). */
  attachTty(p: Process, tty: Tty): void {
    p.ctty = tty;
    tty.sid = p.sid;
    tty.fgPgrp = p.pgid;
    const f = tty.openFile();
    for (const fd of [0, 1, 2]) this.installFd(p, fd, f);
  }

  /** Processes in a namespace, ordered by their PID there. */
  processesIn(ns: PidNamespace): Process[] {
    return [...ns.byPid.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  }
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
