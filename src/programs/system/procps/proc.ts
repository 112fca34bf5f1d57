/**
 * Reading /proc the way libproc2 (procps-ng 4) does: /proc/<pid>/stat for the scheduler fields, status for
 * the uids, cmdline for the arguments. Everything the procps tools show comes from these files, so ps in a
 * container sees exactly the processes its PID namespace's /proc lists.
 */
import type { Sys } from '../../../engine/kernel/sys.js';

/** USER_HZ: the unit of the tick counts in /proc/<pid>/stat. */
export const HZ = 100;
export const PAGE_KB = 4;

export interface ProcInfo {
  readonly pid: number;
  readonly comm: string;
  /** One letter: R S D Z T I X. */
  readonly state: string;
  readonly ppid: number;
  readonly pgrp: number;
  readonly session: number;
  /** Device number of the controlling terminal; 0 if none. */
  readonly ttyNr: number;
  /** Foreground process group of the controlling terminal; -1 if none. */
  readonly tpgid: number;
  /** utime + stime, in ticks. */
  readonly ticks: number;
  readonly priority: number;
  readonly nice: number;
  readonly threads: number;
  /** Start time in ticks since boot. */
  readonly start: number;
  /** Virtual size in KiB. */
  readonly vszKb: number;
  /** Resident size in KiB. */
  readonly rssKb: number;
  readonly ruid: number;
  readonly euid: number;
  readonly rgid: number;
  readonly egid: number;
  /** Arguments; empty for kernel threads and zombies. */
  readonly cmdline: readonly string[];
}

function read(sys: Sys, path: string): string | null {
  try {
    return sys.fs.readText(path);
  } catch {
    return null;
  }
}

export function parseStat(text: string): Omit<ProcInfo, 'ruid' | 'euid' | 'rgid' | 'egid' | 'cmdline'> | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const f = text.slice(close + 2).trim().split(/\s+/);
  const n = (i: number): number => Number(f[i - 3] ?? 0);
  return {
    pid: Number(text.slice(0, open).trim()),
    comm: text.slice(open + 1, close),
    state: f[0] ?? '?',
    ppid: n(4),
    pgrp: n(5),
    session: n(6),
    ttyNr: n(7),
    tpgid: n(8),
    ticks: n(14) + n(15),
    priority: n(18),
    nice: n(19),
    threads: n(20),
    start: n(22),
    vszKb: Math.floor(n(23) / 1024),
    rssKb: n(24) * PAGE_KB,
  };
}

function ids(status: string | null, key: string): [number, number] {
  const m = status ? new RegExp(`^${key}:\\s+(\\d+)\\s+(\\d+)`, 'm').exec(status) : null;
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

export function readProc(sys: Sys, pid: number): ProcInfo | null {
  const stat = read(sys, `/proc/${pid}/stat`);
  const parsed = stat === null ? null : parseStat(stat);
  if (!parsed) return null;
  const status = read(sys, `/proc/${pid}/status`);
  const [ruid, euid] = ids(status, 'Uid');
  const [rgid, egid] = ids(status, 'Gid');
  const raw = read(sys, `/proc/${pid}/cmdline`) ?? '';
  // readproc drops every trailing NUL: a setproctitle'd process pads its title with them.
  const trimmed = raw.replace(/\0+$/, '');
  const cmdline = trimmed === '' ? [] : trimmed.split('\0');
  return { ...parsed, ruid, euid, rgid, egid, cmdline };
}

/** Every process /proc lists, in PID order. */
export function readProcs(sys: Sys): ProcInfo[] {
  let names: string[] = [];
  try {
    names = sys.fs.readdir('/proc');
  } catch {
    return [];
  }
  const pids = names.filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  const out: ProcInfo[] = [];
  for (const pid of pids) {
    const p = readProc(sys, pid);
    if (p) out.push(p);
  }
  return out;
}

/** Seconds since boot, from /proc/uptime (falls back to the clock). */
export function uptimeSeconds(sys: Sys): number {
  const t = read(sys, '/proc/uptime');
  const v = t ? Number(t.split(/\s+/)[0]) : NaN;
  return Number.isFinite(v) ? v : sys.uptime() / 1000;
}

/** Boot time in seconds since the epoch: `btime` of /proc/stat. */
export function bootTime(sys: Sys): number {
  const m = /^btime (\d+)/m.exec(read(sys, '/proc/stat') ?? '');
  return m ? Number(m[1]) : Math.floor((sys.now() - sys.uptime()) / 1000);
}

/** /proc/meminfo in KiB by key. */
export function meminfo(sys: Sys): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of (read(sys, '/proc/meminfo') ?? '').split('\n')) {
    const m = /^([^:]+):\s+(\d+)/.exec(line);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}

export function loadavg(sys: Sys): [string, string, string] {
  const f = (read(sys, '/proc/loadavg') ?? '0.00 0.00 0.00').split(/\s+/);
  return [f[0] ?? '0.00', f[1] ?? '0.00', f[2] ?? '0.00'];
}

/** The largest PID: procps sizes its PID columns to its digits. */
export function pidMax(sys: Sys): number {
  const v = Number((read(sys, '/proc/sys/kernel/pid_max') ?? '').trim());
  return Number.isFinite(v) && v > 0 ? v : 4194304;
}

/** `pts/0`, `tty1`, `console`, or `?` for a tty_nr, as procps' dev_to_tty prints it. */
export function ttyName(ttyNr: number): string {
  if (ttyNr === 0) return '?';
  const major = (ttyNr >> 8) & 0xfff;
  const minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
  if (major === 136) return `pts/${minor}`;
  if (major === 4) return `tty${minor}`;
  if (major === 5 && minor === 1) return 'console';
  return '?';
}

/** The tty_nr of the terminal on one of our fds, from its name. */
export function ttyNrOf(name: string | null): number {
  if (!name) return 0;
  const m = /^\/dev\/pts\/(\d+)$/.exec(name);
  if (m) return (136 << 8) | (Number(m[1]) & 0xff) | ((Number(m[1]) & 0xfff00) << 12);
  const t = /^\/dev\/tty(\d+)$/.exec(name);
  return t ? (4 << 8) | Number(t[1]) : 0;
}
