/** The kernel's side of /proc: a `ProcSource` for one PID namespace, read live from `Kernel` and `Process`. */
import type { Cgroup } from '../kernel/cgroup.js';
import type { Kernel } from '../kernel/kernel.js';
import type { PidNamespace, Process } from '../kernel/process.js';
import { PTS_MAJOR, type FsCaller } from '../kernel/fsTypes.js';
import type { NetInterface } from '../kernel/net.js';
import type { ProcInfo, ProcSource } from './procInfo.js';
import { cmdlineOf, environOf } from '../kernel/proctitle.js';
import { MountTable } from './vfs.js';

export interface KernelProcOptions {
  /** Default: the host's namespace. */
  readonly pidns?: (k: Kernel) => PidNamespace;
  readonly memTotalKb?: number;
  readonly cpus?: number;
}

/** Resident/virtual sizes by program name, so `ps aux` columns look like a real host's. */
const SIZES: Record<string, [number, number]> = {
  init: [167744, 12800],
  systemd: [167744, 12800],
  bash: [8972, 5248],
  sh: [2892, 1536],
  dash: [2892, 1536],
  dockerd: [2418940, 94300],
  containerd: [1872436, 48120],
  sleep: [5688, 1920],
  ps: [11320, 4608],
  sshd: [12016, 7552],
};

/** `kernel` is a thunk: the machine builds its mount table (with this /proc) before the kernel exists. */
export function kernelProcSource(kernel: () => Kernel, opts: KernelProcOptions = {}): ProcSource {
  const ns = (): PidNamespace => (opts.pidns ? opts.pidns(kernel()) : kernel().hostPidNs);
  const cpus = opts.cpus ?? 2;
  const info = (p: Process): ProcInfo => describe(kernel(), ns(), p);
  return {
    list: () =>
      kernel()
        .processesIn(ns())
        .filter((p) => p.state !== 'reaped' && p.tgid === p.hostPid)
        .map(info),
    get(pid) {
      const p = ns().byPid.get(pid);
      return p && p.state !== 'reaped' ? info(p) : undefined;
    },
    pidOf(caller) {
      const p = caller ? kernel().procs.get(caller.hostPid) : undefined;
      return p ? p.pidIn(ns()) : 0;
    },
    uptimeMs: () => kernel().now(),
    busyMs: () => kernel().rootCgroup.cpuMs,
    loadavg: () => {
      const running = [...kernel().procs.values()].filter((p) => p.state === 'running' && !p.sleeping).length;
      const l = Math.min(running, cpus) * 0.04;
      return [l, l / 2, l / 4];
    },
    get bootEpochMs() {
      return kernel().clock.bootEpochMs;
    },
    cpus,
    memTotalKb: opts.memTotalKb ?? 4026512,
    memUsedKb: () => 380000 + [...kernel().procs.values()].reduce((s, p) => s + sizeOf(p)[1], 0),
    forks: () => Math.max(0, ...kernel().procs.keys()),
    lastPid: () => Math.max(0, ...ns().byPid.keys()),
    get version() {
      const k = kernel();
      return `Linux version ${k.release} (buildd@lcy02-amd64-116) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42) ${k.version}`;
    },
    get release() {
      return kernel().release;
    },
    mounts: (caller) => mountsText(kernel(), caller),
    hostname: (caller) => {
      const p = caller ? kernel().procs.get(caller.hostPid) : undefined;
      return (p?.uts ?? kernel().hostUts).hostname;
    },
    ifInet6: (caller) => {
      const p = caller ? kernel().procs.get(caller.hostPid) : undefined;
      return formatIfInet6((p?.net ?? kernel().hostNet).interfaces());
    },
  };
}

/**
 * `00000000000000000000000000000001 01 80 10 80       lo`: each IPv6 address with its interface index, prefix
 * length, scope (10 host, 20 link, 00 global) and flags (80 permanent), in hex as the kernel prints them.
 */
function formatIfInet6(ifaces: readonly NetInterface[]): string {
  let out = '';
  const hex2 = (n: number): string => n.toString(16).padStart(2, '0');
  for (const i of ifaces) {
    for (const cidr of i.ipv6) {
      const [addr, len = '128'] = cidr.split('/');
      const scope = addr === '::1' ? 0x10 : addr.toLowerCase().startsWith('fe80') ? 0x20 : 0;
      out += `${expand6(addr)} ${hex2(i.index)} ${hex2(Number(len))} ${hex2(scope)} ${hex2(0x80)} ${i.name.padStart(8)}\n`;
    }
  }
  return out;
}

/** `::1` → 32 hex digits. */
function expand6(addr: string): string {
  const [head, tail = ''] = addr.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === '' ? [] : tail.split(':');
  const groups = addr.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.map((g) => g.padStart(4, '0')).join('').toLowerCase();
}

/** The program's usual sizes plus what it holds (kernel/memory.ts), so `ps`, `top` and `free` see tail grow. */
function sizeOf(p: Process): [number, number] {
  const [vsz, rss] = SIZES[p.comm] ?? [7360, 3456];
  const held = Math.floor(p.heldBytes / 1024);
  return [vsz + held, rss + held];
}

function describe(k: Kernel, ns: PidNamespace, p: Process): ProcInfo {
  const pidOfHost = (host: number): number => {
    const q = k.procs.get(host);
    return q ? q.pidIn(ns) : ns.level === 0 ? host : 0;
  };
  const [vszKb, rssKb] = sizeOf(p);
  // Threads share their leader's memory, where the argument and environment strings are.
  const mm = k.procs.get(p.tgid) ?? p;
  const tty = p.ctty;
  const ttyMinor = tty ? Number(tty.name.slice(tty.name.indexOf('/') + 1)) : -1;
  const visible = p.nsPids.filter(([n]) => ns.contains(n)).sort((a, b) => a[0].level - b[0].level);
  return {
    pid: p.pidIn(ns),
    ppid: p.parent ? p.parent.pidIn(ns) : 0,
    pgid: pidOfHost(p.pgid),
    sid: pidOfHost(p.sid),
    uid: p.fsctx.cred.uid,
    gid: p.fsctx.cred.gid,
    euid: p.euid,
    groups: p.fsctx.cred.groups,
    state: p.state === 'zombie' ? 'Z' : p.isFrozen() ? 'D' : p.sleeping ? 'S' : 'R',
    comm: p.comm.slice(0, 15),
    cmdline: () => cmdlineOf(mm),
    environ: () => environOf(mm),
    cwd: p.fsctx.cwd,
    exe: p.exe,
    startMs: p.startMs,
    cpuMs: p.cpuMs,
    ttyNr: ttyMinor >= 0 ? (PTS_MAJOR << 8) | (ttyMinor & 0xff) | ((ttyMinor & ~0xff) << 12) : 0,
    tpgid: tty && tty.fgPgrp ? pidOfHost(tty.fgPgrp) : -1,
    threads: 1 + [...k.procs.values()].filter((t) => t !== p && t.tgid === p.hostPid && t.state === 'running').length,
    tids: () => {
      const leader = k.procs.get(p.tgid) ?? p;
      const rest = [...(leader.threads ?? [])].filter((t) => t.state === 'running').map((t) => t.pidIn(ns)).filter((n) => n > 0);
      return [leader.pidIn(ns), ...rest.sort((a, b) => a - b)];
    },
    vszKb,
    rssKb,
    fds: [...p.fds.entries()].sort((a, b) => a[0] - b[0]).map(([fd, f]) => ({ fd, target: f.describe() })),
    cgroup: (caller) => cgroupPath(p.cgroup, caller ? k.procs.get(caller.hostPid)?.cgroupNs ?? null : null),
    umask: p.fsctx.umask,
    nsPids: visible.map(([, pid]) => pid),
    exitCode: p.exit ? p.exit.status << 8 : 0,
  };
}

/** A cgroup's path as seen from a cgroup namespace rooted at `root`: relative, with `..` for what lies outside. */
function cgroupPath(g: Cgroup, root: Cgroup | null): string {
  if (!root) return g.path;
  const up = (path: string): string[] => (path === '/' ? [] : path.slice(1).split('/'));
  const from = up(root.path);
  const to = up(g.path);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const rel = [...from.slice(common).map(() => '..'), ...to.slice(common)];
  return `/${rel.join('/')}`;
}

function mountsText(k: Kernel, caller: FsCaller | undefined): string {
  const p = caller ? k.procs.get(caller.hostPid) : undefined;
  const mnt = p ? p.mnt : k.rootMnt;
  if (!(mnt instanceof MountTable)) return '';
  return mnt
    .mounts()
    .map((m) => `${m.source} ${m.path} ${m.backend.fsType} ${m.options} 0 0\n`)
    .join('');
}
