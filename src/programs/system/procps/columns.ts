/**
 * ps output columns as procps-ng 4 defines them (ps/output.c): header, width, justification and the
 * printer. Widths of the PID columns follow the digits of pid_max, as procps sizes them at startup.
 */
import { HZ, ttyName, type ProcInfo } from './proc.js';

export interface PsContext {
  /** Wall clock, seconds since the epoch. */
  readonly now: number;
  readonly uptime: number;
  readonly btime: number;
  readonly memTotalKb: number;
  readonly pidWidth: number;
  readonly userName: (uid: number) => string;
  readonly groupName: (gid: number) => string;
}

export interface Column {
  readonly header: string;
  readonly width: number;
  readonly left: boolean;
  /** Left-justified columns that may run long (COMMAND): never cut or padded when last. */
  readonly unlimited?: boolean;
  readonly value: (p: ProcInfo, c: PsContext) => string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function seconds(p: ProcInfo): number {
  return Math.floor(p.ticks / HZ);
}

function elapsed(p: ProcInfo, c: PsContext): number {
  return Math.max(0, c.uptime - p.start / HZ);
}

/** Tenths of a percent of CPU over the process's life (procps' pcpu). */
function pcpu(p: ProcInfo, c: PsContext): number {
  const secs = Math.floor(elapsed(p, c));
  return secs > 0 ? Math.floor((p.ticks * 1000) / HZ / secs) : 0;
}

function hms(t: number): string {
  const d = Math.floor(t / 86400);
  const h = Math.floor((t % 86400) / 3600);
  const base = `${pad2(h)}:${pad2(Math.floor((t % 3600) / 60))}:${pad2(t % 60)}`;
  return d > 0 ? `${d}-${base}` : base;
}

function etime(t: number): string {
  t = Math.floor(t);
  const d = Math.floor(t / 86400);
  const h = Math.floor((t % 86400) / 3600);
  const ms = `${pad2(Math.floor((t % 3600) / 60))}:${pad2(t % 60)}`;
  if (d > 0) return `${d}-${pad2(h)}:${ms}`;
  return h > 0 ? `${pad2(h)}:${ms}` : ms;
}

/** START and STIME: time of day today, month and day within a year, else the year. */
function startTime(p: ProcInfo, c: PsContext, yearPrefix: string): string {
  const startSec = c.btime + p.start / HZ;
  const d = new Date(startSec * 1000);
  const age = c.now - startSec;
  if (age > 365 * 86400) return `${yearPrefix}${d.getUTCFullYear()}`;
  if (age > 86400) return `${MONTHS[d.getUTCMonth()]}${pad2(d.getUTCDate())}`;
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** STARTED: the time of day within a day, else `Mon DD`. */
function started(p: ProcInfo, c: PsContext): string {
  const startSec = c.btime + p.start / HZ;
  const d = new Date(startSec * 1000);
  if (c.now - startSec > 86400) return `${MONTHS[d.getUTCMonth()]} ${pad2(d.getUTCDate())}`;
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

function stat(p: ProcInfo): string {
  let s = p.state;
  if (p.nice < 0) s += '<';
  else if (p.nice > 0) s += 'N';
  if (p.session === p.pid) s += 's';
  if (p.threads > 1) s += 'l';
  if (p.ttyNr !== 0 && p.tpgid === p.pgrp) s += '+';
  return s;
}

/** The command line, or `[comm]` when there is none (kernel threads, zombies). */
function args(p: ProcInfo): string {
  if (p.state === 'Z') return `[${p.comm}] <defunct>`;
  return p.cmdline.length > 0 ? p.cmdline.join(' ') : `[${p.comm}]`;
}

function comm(p: ProcInfo): string {
  return p.state === 'Z' ? `${p.comm} <defunct>` : p.comm;
}

/** procps truncates names wider than the column to width-1 characters and a `+`. */
function user(name: string, width = 8): string {
  return name.length > width ? `${name.slice(0, width - 1)}+` : name;
}

type Def = Omit<Column, 'width'> & { readonly width: number | 'pid' };

const DEFS: Record<string, Def> = {
  pid: { header: 'PID', width: 'pid', left: false, value: (p) => String(p.pid) },
  ppid: { header: 'PPID', width: 'pid', left: false, value: (p) => String(p.ppid) },
  pgid: { header: 'PGID', width: 'pid', left: false, value: (p) => String(p.pgrp) },
  sid: { header: 'SID', width: 'pid', left: false, value: (p) => String(p.session) },
  tpgid: { header: 'TPGID', width: 'pid', left: false, value: (p) => String(p.tpgid) },
  user: { header: 'USER', width: 8, left: true, value: (p, c) => user(c.userName(p.euid)) },
  euser: { header: 'EUSER', width: 8, left: true, value: (p, c) => user(c.userName(p.euid)) },
  ruser: { header: 'RUSER', width: 8, left: true, value: (p, c) => user(c.userName(p.ruid)) },
  uid_hack: { header: 'UID', width: 8, left: true, value: (p, c) => user(c.userName(p.euid)) },
  uid: { header: 'UID', width: 5, left: false, value: (p) => String(p.euid) },
  euid: { header: 'EUID', width: 5, left: false, value: (p) => String(p.euid) },
  ruid: { header: 'RUID', width: 5, left: false, value: (p) => String(p.ruid) },
  gid: { header: 'GID', width: 5, left: false, value: (p) => String(p.egid) },
  group: { header: 'GROUP', width: 8, left: true, value: (p, c) => user(c.groupName(p.egid)) },
  comm: { header: 'COMMAND', width: 15, left: true, unlimited: true, value: comm },
  ucmd: { header: 'CMD', width: 15, left: true, unlimited: true, value: comm },
  args: { header: 'COMMAND', width: 27, left: true, unlimited: true, value: args },
  cmd: { header: 'CMD', width: 27, left: true, unlimited: true, value: args },
  stat: { header: 'STAT', width: 4, left: true, value: stat },
  s: { header: 'S', width: 1, left: true, value: (p) => p.state },
  tty: { header: 'TT', width: 8, left: true, value: (p) => ttyName(p.ttyNr) },
  tname: { header: 'TTY', width: 8, left: true, value: (p) => ttyName(p.ttyNr) },
  time: { header: 'TIME', width: 8, left: false, value: (p) => hms(seconds(p)) },
  bsdtime: {
    header: 'TIME', width: 6, left: false,
    value: (p) => `${Math.floor(seconds(p) / 60)}:${pad2(seconds(p) % 60)}`,
  },
  etime: { header: 'ELAPSED', width: 11, left: false, value: (p, c) => etime(elapsed(p, c)) },
  etimes: { header: 'ELAPSED', width: 7, left: false, value: (p, c) => String(Math.floor(elapsed(p, c))) },
  start: { header: 'STARTED', width: 8, left: false, value: started },
  bsdstart: { header: 'START', width: 5, left: false, value: (p, c) => startTime(p, c, ' ') },
  stime: { header: 'STIME', width: 5, left: false, value: (p, c) => startTime(p, c, '') },
  pcpu: {
    header: '%CPU', width: 4, left: false,
    value: (p, c) => {
      const v = pcpu(p, c);
      return v > 999 ? String(Math.floor(v / 10)) : `${Math.floor(v / 10)}.${v % 10}`;
    },
  },
  c: { header: 'C', width: 2, left: false, value: (p, c) => String(Math.min(99, Math.floor(pcpu(p, c) / 10))) },
  pmem: {
    header: '%MEM', width: 4, left: false,
    value: (p, c) => {
      const v = c.memTotalKb > 0 ? Math.floor((p.rssKb * 1000) / c.memTotalKb) : 0;
      return `${Math.floor(v / 10)}.${v % 10}`;
    },
  },
  vsz: { header: 'VSZ', width: 6, left: false, value: (p) => String(p.vszKb) },
  rss: { header: 'RSS', width: 5, left: false, value: (p) => String(p.rssKb) },
  ni: { header: 'NI', width: 3, left: false, value: (p) => String(p.nice) },
  pri: { header: 'PRI', width: 3, left: false, value: (p) => String(39 - p.priority) },
  f: { header: 'F', width: 1, left: false, value: (p) => (p.euid === 0 ? '4' : '0') },
  opri: { header: 'PRI', width: 3, left: false, value: (p) => String(p.priority + 60) },
  addr_1: { header: 'ADDR', width: 1, left: true, value: () => '-' },
  sz: { header: 'SZ', width: 5, left: false, value: (p) => String(Math.ceil(p.vszKb / 4)) },
  /** The kernel does not model wait channels; `-` is what ps prints for none. */
  wchan: { header: 'WCHAN', width: 6, left: true, value: () => '-' },
  nlwp: { header: 'NLWP', width: 4, left: false, value: (p) => String(p.threads) },
};

const ALIASES: Record<string, string> = {
  '%cpu': 'pcpu', '%mem': 'pmem', command: 'args', cputime: 'time', lstart: 'start', nice: 'ni',
  pcmd: 'comm', rgroup: 'group', egroup: 'group', thcount: 'nlwp', tt: 'tty', uname: 'user', state: 's',
  stat: 'stat', session: 'sid', pgrp: 'pgid', start_time: 'stime', sz: 'vsz', vsize: 'vsz', rssize: 'rss',
  fname: 'comm', ucomm: 'comm', euser: 'euser', cp: 'c',
};

/** A column by its ps -o key, or undefined if procps does not know it. */
export function column(key: string, pidWidth: number): Column | undefined {
  const def = DEFS[key] ?? DEFS[ALIASES[key] ?? ''];
  if (!def) return undefined;
  return { ...def, width: def.width === 'pid' ? pidWidth : def.width };
}

export function columns(keys: readonly string[], pidWidth: number): Column[] {
  return keys.map((k) => {
    const c = column(k, pidWidth);
    if (!c) throw new Error(`unknown column ${k}`);
    return c;
  });
}
