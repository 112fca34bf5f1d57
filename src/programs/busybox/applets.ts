/**
 * The busybox applets the simulation implements, with busybox's own formats and messages where they
 * differ from GNU. Each takes a `Sys` whose argv starts with the applet name.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { coreutils } from '../coreutils/index.js';
import { Output, errorText } from '../lib/output.js';
import { groupName, userName } from '../system/accounts.js';
import { groupById, userById } from '../lib/users.js';
import { parseSig } from '../system/procps/signals.js';
import { HZ, readProcs } from '../system/procps/proc.js';
import { BANNER } from './banner.js';
import { httpd } from './httpd.js';
import { ls } from './ls.js';
import { df } from './df.js';
import { du } from './du.js';
import { stat } from './stat.js';
import { rm } from './rm.js';
import { mkdir, rmdir } from './mkdir.js';
import { touch } from './touch.js';
import { wc } from './wc.js';
import { head } from './head.js';
import { chmod } from './chmod.js';
import { ln } from './ln.js';
import { busyboxMv } from './mv.js';
import { busyboxCp } from './cp.js';
import { busyboxTail } from './tail.js';
import { servedByGnu } from './gnuServed.js';
import { makeIp } from '../system/ip.js';
import { busyboxMount, busyboxUmount } from '../coreutils/mount.js';
import { lazyProgram } from '../../engine/kernel/lazy.js';
import { loadNet, NET_APPLETS } from '../optional.js';

/** Applets that live in the text chunk (sed, awk, tar, gzip…): loaded the first time one runs. */
function fromTextChunk(name: string): Program {
  return lazyProgram('text', () => import('../text/index.js'), (m) => m.busyboxPrograms[name]);
}

export { BANNER };

async function usage(sys: Sys, text: string): Promise<number> {
  await sys.write(2, `${BANNER}\n\nUsage: ${text}\n`);
  return 1;
}

/** busybox ps (CONFIG_DESKTOP): pid,user,time,args. */
const ps: Program = async (sys) => {
  const out = new Output(sys, 1);
  const width = sys.isatty(1) ? sys.getWinSize(1).cols : 0;
  const line = async (s: string): Promise<void> => out.write(`${width > 0 ? s.slice(0, width) : s}\n`);
  await line('PID   USER     TIME  COMMAND');
  for (const p of readProcs(sys)) {
    const secs = Math.floor(p.ticks / HZ);
    const time = `${String(Math.floor(secs / 60)).padStart(2)}:${String(secs % 60).padStart(2, '0')}`;
    const user = userName(sys, p.euid).slice(0, 8).padEnd(8);
    const args = p.cmdline.length > 0 ? p.cmdline.join(' ') : `[${p.comm}]`;
    await line(`${String(p.pid).padStart(5)} ${user} ${time} ${args}`);
  }
  await out.flush();
  return 0;
};

/**
 * busybox id (coreutils/id.c): an id without a passwd or group entry is printed as the bare number, as in
 * `uid=1000 gid=0(root)`; asked for by name (-n), it prints the number, says "unknown ID" and exits 1.
 */
const id: Program = async (sys) => {
  const args = sys.argv.slice(1);
  const c = sys.cred;
  const has = (o: string): boolean => args.some((a) => a.startsWith('-') && a.includes(o));
  const byName = has('n');
  const justOne = has('u') || has('g') || has('G');
  const unknown: number[] = [];
  const show = (n: number, name: string | undefined): string => {
    if (!justOne) return name === undefined ? String(n) : `${n}(${name})`;
    if (byName && name !== undefined) return name;
    if (byName) unknown.push(n);
    return String(n);
  };
  const user = (u: number): string => show(u, userById(sys.fs, u)?.name);
  const group = (g: number): string => show(g, groupById(sys.fs, g)?.name);
  const euid = has('r') ? c.uid : sys.euid;
  let line: string;
  if (has('u')) line = user(euid);
  else if (has('g')) line = group(c.gid);
  else if (has('G')) line = [c.gid, ...c.groups.filter((g) => g !== c.gid)].map(group).join(' ');
  else {
    const eu = sys.euid !== c.uid ? ` euid=${user(sys.euid)}` : '';
    const gs = c.groups.length > 0 ? ` groups=${c.groups.map(group).join(',')}` : '';
    line = `uid=${user(c.uid)} gid=${group(c.gid)}${eu}${gs}`;
  }
  for (const n of unknown) await sys.write(2, `id: unknown ID ${n}\n`);
  await sys.write(1, `${line}\n`);
  return unknown.length > 0 ? 1 : 0;
};

const whoami: Program = async (sys) => (await sys.write(1, `${userName(sys, sys.euid)}\n`), 0);

const hostname: Program = async (sys) => {
  const arg = sys.argv[1];
  if (arg === undefined) return (await sys.write(1, `${sys.hostname()}\n`), 0);
  try {
    sys.sethostname(arg);
    return 0;
  } catch (e) {
    if (isProcessEnd(e)) throw e;
    await sys.write(2, `hostname: sethostname: ${errorText(e)}\n`);
    return 1;
  }
};

const uname: Program = async (sys) => {
  const u = sys.uname();
  const flags = new Set(sys.argv.slice(1).flatMap((a) => (a.startsWith('-') ? [...a.slice(1)] : [])));
  const all = flags.has('a');
  // busybox names the OS after its libc: `GNU/Linux` in the glibc build (busybox:latest), `Linux` on musl (Alpine).
  const os = sys.fs.exists('/lib/ld-musl-x86_64.so.1') ? 'Linux' : 'GNU/Linux';
  const fields: [string, string][] = [['s', u.sysname], ['n', u.nodename], ['r', u.release], ['v', u.version], ['m', u.machine], ['o', os]];
  const chosen = fields.filter(([f]) => all || flags.has(f)).map(([, v]) => v);
  await sys.write(1, `${(chosen.length > 0 ? chosen : [u.sysname]).join(' ')}\n`);
  return 0;
};

const cat: Program = async (sys) => {
  const files = sys.argv.slice(1).filter((a) => a !== '-u');
  let status = 0;
  for (const f of files.length > 0 ? files : ['-']) {
    if (f === '-') {
      for (let d = await sys.read(0); d !== null; d = await sys.read(0)) await sys.write(1, d);
      continue;
    }
    try {
      await sys.write(1, sys.fs.readText(f));
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.write(2, e.code === 'EISDIR' ? `cat: read error: Is a directory\n` : `cat: can't open '${f}': ${e.message}\n`);
      status = 1;
    }
  }
  return status;
};

const SLEEP_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
const zero = (): number => 0;

/** Not an async function: a container's PID 1 is often a sleep, and a suspended async frame keeps its generator
 * and registers for as long as it sleeps. The sleep's promise resolves in the microtask an `await` resumes in. */
const sleep: Program = (sys) => {
  const args = sys.argv.slice(1);
  // Resolved with usage's promise, as an async function's return is: the same microtasks later.
  if (args.length === 0) return new Promise((r) => r(usage(sys, 'sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays')));
  let ms = 0;
  for (const a of args) {
    const m = /^(\d*\.?\d+)([smhd]?)$/.exec(a);
    if (!m) return sys.write(2, `sleep: invalid number '${a}'\n`).then(() => 1);
    ms += Number(m[1]) * 1000 * SLEEP_UNITS[m[2]];
  }
  return sys.sleep(ms).then(zero);
};

const kill: Program = async (sys) => {
  const args = sys.argv.slice(1);
  let sig = parseSig('TERM')!;
  if (args[0] === '-l') return (await sys.write(1, `${Array.from({ length: 31 }, (_, i) => `${String(i + 1).padStart(2)}) ${parseSig(String(i + 1))!.slice(3)}`).join('\n')}\n`), 0);
  if (args[0] === '-s') (sig = parseSig(args[1] ?? '') ?? sig), args.splice(0, 2);
  else if (args[0]?.startsWith('-') && parseSig(args[0].slice(1))) sig = parseSig(args.shift()!.slice(1))!;
  if (args.length === 0) return usage(sys, 'kill [-l] [-SIG] PID...');
  let status = 0;
  for (const a of args) {
    try {
      if (!/^-?\d+$/.test(a)) throw new Error(`invalid number '${a}'`);
      sys.kill(Number(a), sig);
    } catch (e) {
      if (isProcessEnd(e)) throw e;
      await sys.write(2, isSysError(e) ? `kill: can't kill pid ${a}: ${e.message}\n` : `kill: ${(e as Error).message}\n`);
      status = 1;
    }
  }
  return status;
};

const pwd: Program = async (sys) => (await sys.write(1, `${sys.cwd()}\n`), 0);

/** Applets whose output and messages match the GNU programs already simulated. */
const SHARED = ['echo', 'true', 'false'] as const;

/**
 * Applets served by the coreutils programs behind busybox's --help and long-option handling (gnuServed.ts).
 * Their usual output (a file's lines, a sorted list, a date) is the same as GNU's; their rarer error texts are
 * GNU's wording (`cp: cannot stat 'x': …` where busybox says `cp: can't stat 'x': …`), a known deviation.
 */
const GNU_SERVED = [
  'grep', 'sort', 'uniq', 'env', 'tee', 'seq', 'yes', 'date', 'basename',
  'dirname', 'chown', 'find', 'xargs', 'tr', 'cut', 'printf', 'test', '[', 'readlink', 'realpath', 'expr',
  'mktemp', 'tac', 'sync', 'tty', 'nproc', 'printenv', 'which', 'od', 'timeout', 'clear',
] as const;

export const APPLETS: Record<string, Program> = {
  ...Object.fromEntries(GNU_SERVED.filter((n) => coreutils[n]).map((n) => [n, servedByGnu(n, coreutils[n])])),
  // busybox's own formats and messages: df's and du's sizes, stat's layout, the file applets' `can't`.
  df, du, stat, rm, mkdir, rmdir, touch, wc, head, chmod, ln, tail: busyboxTail(coreutils.tail), mv: busyboxMv(coreutils.mv),
  cp: busyboxCp(coreutils.cp),
  // vi shares vim's editing core and chunk (programs/vim), loaded the first time it runs.
  vi: lazyProgram('vim', () => import('../vim/index.js'), (m) => m.programs['busybox-vi']),
  ps, ls, ip: makeIp(true), id, whoami, hostname, uname, cat, sleep, kill, pwd, httpd,
  mount: busyboxMount, umount: busyboxUmount,
  ...Object.fromEntries(['awk', 'sed', 'tar', 'gzip', 'gunzip', 'zcat'].map((n) => [n, fromTextChunk(n)])),
  ...Object.fromEntries(SHARED.filter((n) => coreutils[n]).map((n) => [n, coreutils[n]])),
  // The network applets load with the network tools' chunk.
  ...Object.fromEntries(NET_APPLETS.map((n) => [n, lazyProgram('net', loadNet, (m) => m.busybox[n])])),
};
