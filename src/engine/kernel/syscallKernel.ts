/**
 * The kernel as a system call sees it: what `ProcessSys` (syscalls.ts) may reach beyond its own process.
 * Declared apart so syscalls.ts depends on this list, not on kernel.ts, which starts every process with a
 * `ProcessSys` and so imports syscalls.ts.
 */
import type { Cgroup } from './cgroup.js';
import type { VirtualClock } from './clock.js';
import type { NetworkStack } from './netstack.js';
import type { Pipe } from './pipe.js';
import type { Process } from './process.js';
import type { Prng } from './prng.js';
import type { Scheduler, WaitQueue } from './scheduler.js';
import type { Signal } from './signals.js';
import type { Listener } from './socket.js';
import type { Program, SpawnOptions, Sys } from './sys.js';
import type { Tty } from './tty.js';
import type { Backend, MountNamespace } from './fsTypes.js';

export interface SyscallKernel {
  readonly clock: VirtualClock;
  readonly prng: Prng;
  readonly sched: Scheduler;
  /** The cgroup tree's root, whose limit is the host's RAM (memory.ts charges up to it). */
  readonly rootCgroup: Cgroup;
  /** Processes by host PID. */
  readonly procs: ReadonlyMap<number, Process>;
  /** uname's release and version. */
  readonly release: string;
  readonly version: string;
  readonly unixListeners: WeakMap<Backend, Map<string, Listener>>;
  readonly network: NetworkStack;

  spawn(parent: Process, opts: SpawnOptions): Process;
  spawnFiber(caller: Process, program: Program, fds: Readonly<Record<number, number>>): void;
  exec(proc: Process, sys: Sys, path: string, argv: readonly string[], env?: Record<string, string>): Promise<never>;
  reap(p: Process): void;
  kill(target: Process, sig: Signal, sender: Process | null): void;
  hostPgid(viewer: Process, pgid: number): number;
  block(p: Process, queues: readonly WaitQueue[]): Promise<void>;
  hostLoad<T>(p: Process, key: string, load: () => Promise<T>): Promise<T>;
  newPipe(): Pipe;
  nextIno(): number;
  createTty(mnt: MountNamespace): Tty;
  ttyAt(mnt: MountNamespace, n: number): Tty | undefined;
  releaseTty(tty: Tty): void;
}
