/**
 * Memory as a memory cgroup charges it. A process's resident set is its program's own baseline (text,
 * libraries, stack) plus what the program holds (buffered input…), and counts against its cgroup and every
 * ancestor: memory.current, checked against memory.max, and the host's memory at the root. The simulation
 * keeps no pages: a program declares how many bytes it holds (`sys.hold`) and keeps them in whatever compact
 * form it likes (a line of a billion NULs is a run, not a gigabyte), so only the count is charged.
 *
 * Past a limit, the OOM killer (mm/oom_kill.c) SIGKILLs the group's biggest task by resident size, as
 * oom_badness ranks them, counts it in memory.events' oom_kill of the victim's group and its ancestors, and
 * the OOM reaper frees its held memory at once; it repeats until the group fits. The host has no swap.
 */
import type { Cgroup } from './cgroup.js';
import { Fiber } from './fiber.js';
import type { Process } from './process.js';
import type { Signal } from './signals.js';

/** Resident KiB of one process of a program before it holds anything, as a container's memory.current shows it. */
const BASE_RSS_KIB: Record<string, number> = {
  sleep: 348, sh: 520, ash: 520, dash: 512, bash: 3180, busybox: 420, top: 880, cat: 400,
  // The 3 MiB an idle server showed while its threads were counted one MiB each (they share its memory).
  'redis-server': 3072,
};
const DEFAULT_RSS_KIB = 1024;
const MAX_BASE_BYTES = Math.max(DEFAULT_RSS_KIB, ...Object.values(BASE_RSS_KIB)) * 1024;

/** The host's RAM (/proc/meminfo MemTotal) less what its kernel keeps: the root group's limit. */
export const HOST_MEM_BYTES = 4026512 * 1024;
const HOST_KERNEL_BYTES = 380000 * 1024;

/** The part of the kernel the OOM killer works with. */
export interface MemoryHost {
  readonly procs: ReadonlyMap<number, Process>;
  readonly rootCgroup: Cgroup;
  kill(target: Process, sig: Signal, sender: Process | null): void;
}

/**
 * A thread shares its leader's memory, and so does a fiber (whose tgid is its process's, but which is in no
 * process table for memory.current to find); a dying process's memory is the OOM reaper's, already free.
 */
function charged(p: Process): boolean {
  return p.state === 'running' && !p.dying && p.tgid === p.hostPid && !(p instanceof Fiber);
}

export function residentBytes(p: Process): number {
  return (BASE_RSS_KIB[p.comm] ?? DEFAULT_RSS_KIB) * 1024 + p.heldBytes;
}

function within(g: Cgroup, group: Cgroup): boolean {
  for (let x: Cgroup | null = g; x; x = x.parent) if (x === group) return true;
  return false;
}

/** memory.current: the resident sets of the group's processes and its descendants'. */
export function memoryCurrent(k: MemoryHost, group: Cgroup): number {
  let n = 0;
  for (const p of k.procs.values()) if (charged(p) && within(p.cgroup, group)) n += residentBytes(p);
  return n;
}

function limitOf(k: MemoryHost, g: Cgroup): number {
  return g === k.rootCgroup ? HOST_MEM_BYTES - HOST_KERNEL_BYTES : g.memoryMax;
}

/**
 * Sets how many bytes `p` holds beyond its baseline; growth is charged, and a group pushed over its limit
 * gets the OOM killer, which may pick `p` itself (the caller's next system call then ends it).
 */
export function setHeld(k: MemoryHost, p: Process, bytes: number): void {
  const delta = bytes - p.heldBytes;
  if (delta === 0 || !charged(p)) return;
  p.heldBytes = bytes;
  for (let g: Cgroup | null = p.cgroup; g; g = g.parent) g.heldBytes += delta;
  if (delta < 0) return;
  for (let g: Cgroup | null = p.cgroup; g; g = g.parent) {
    const limit = limitOf(k, g);
    // The bound spares a walk over every process while the group is nowhere near its limit.
    if (g.heldBytes + g.pids * MAX_BASE_BYTES <= limit) continue;
    while (memoryCurrent(k, g) > limit && oomKill(k, g)) { /* each kill frees the victim's memory */ }
  }
}

/** Writing memory.max: a limit below what the group uses now has the OOM killer bring it under at once. */
export function setMemoryMax(k: MemoryHost, g: Cgroup, bytes: number): void {
  g.memoryMax = bytes;
  while (memoryCurrent(k, g) > bytes && oomKill(k, g)) { /* each kill frees the victim's memory */ }
}

/** Kills the biggest task of `g` (the last of equals, as select_bad_process keeps them); false if none is left. */
function oomKill(k: MemoryHost, g: Cgroup): boolean {
  let victim: Process | null = null;
  for (const p of k.procs.values()) {
    // The host's init is never chosen (oom_unkillable_task); a container's PID 1 is.
    if (!charged(p) || !within(p.cgroup, g) || p.pidns.parent === null && p.pidns.init === p) continue;
    if (!victim || residentBytes(p) >= residentBytes(victim)) victim = p;
  }
  if (!victim) return false;
  const held = victim.heldBytes;
  for (let x: Cgroup | null = victim.cgroup; x; x = x.parent) {
    x.heldBytes -= held;
    x.oomKills++;
  }
  victim.heldBytes = 0;
  k.kill(victim, 'SIGKILL', null);
  for (let x: Cgroup | null = victim.cgroup; x; x = x.parent) x.onOomKill?.();
  return true;
}

/** A process that ends gives back what it held. */
export function releaseHeld(p: Process): void {
  if (p.heldBytes === 0) return;
  for (let g: Cgroup | null = p.cgroup; g; g = g.parent) g.heldBytes -= p.heldBytes;
  p.heldBytes = 0;
}
