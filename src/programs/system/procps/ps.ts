/**
 * procps-ng 4 `ps`: UNIX (`-ef`), BSD (`aux`) and GNU (`--forest`) option styles, selection by terminal,
 * user, PID and command, and the standard and `-o` formats. Reads /proc only, like the real one.
 */
import type { Sys } from '../../../engine/kernel/sys.js';
import { Output } from '../../lib/output.js';
import { groupName, lookupUser, userName } from '../accounts.js';
import { column, type Column, type PsContext } from './columns.js';
import { bootTime, meminfo, parseStat, pidMax, readProcs, ttyName, ttyNrOf, uptimeSeconds, type ProcInfo } from './proc.js';

const USAGE_TAIL =
  "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n" +
  "  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";

class PsError extends Error {}

/** A complaint procps prints as it stands: no `error:` prefix, no usage text. */
class PsPlainError extends PsError {}

interface Options {
  all: boolean;
  bsdA: boolean;
  bsdX: boolean;
  unixA: boolean;
  pids: number[];
  users: number[];
  commands: string[];
  ttys: string[];
  selected: boolean;
  /** `-q`/`q`/`--quick-pid`: exactly these PIDs, in this order, duplicates kept (procps' quick mode). */
  quick: number[] | null;
  format: 'default' | 'full' | 'jobs' | 'bsd' | 'user' | 'bsdjobs' | 'custom';
  custom: { key: string; header: string | undefined }[];
  forest: boolean;
  headers: boolean;
  long: boolean;
  wide: number;
}

function list(v: string | undefined, what: string, option = what === 'process IDs' ? '-p' : '-u'): string[] {
  if (v === undefined || v === '') throw new PsError(`list of ${what} must follow ${option}`);
  return v.split(/[,\s]+/).filter((x) => x !== '');
}

function pidList(v: string | undefined, option = '-p'): number[] {
  return list(v, 'process IDs', option).map((x) => {
    if (!/^\d+$/.test(x)) throw new PsError('process ID list syntax error');
    const pid = Number(x);
    if (pid < 1 || pid > 0x7fffffff) throw new PsError('process ID out of range');
    return pid;
  });
}

/** Quick mode's list: its missing-list message is worded apart from -p's. */
function quickList(v: string | undefined, option: string): number[] {
  if (v === undefined || v === '') throw new PsError(`List of process IDs must follow ${option}.`);
  return pidList(v, option);
}

function addFormat(o: Options, spec: string | undefined): void {
  if (!spec) throw new PsError('improper format list');
  o.format = 'custom';
  // procps 4 ends a `pid=Header` rename at the next comma.
  for (const item of spec.split(/[,\s]+/).filter((k) => k !== '')) {
    const eq = item.indexOf('=');
    o.custom.push(eq < 0 ? { key: item, header: undefined } : { key: item.slice(0, eq), header: item.slice(eq + 1) });
  }
}

function parse(sys: Sys, args: readonly string[]): Options {
  const o: Options = {
    all: false, bsdA: false, bsdX: false, unixA: false, pids: [], users: [], commands: [], ttys: [],
    selected: false, quick: null, format: 'default', custom: [], forest: false, headers: true, long: false, wide: 0,
  };
  const users = (v: string | undefined): void => {
    for (const u of list(v, 'user')) {
      const e = lookupUser(sys, u);
      if (!e) throw new PsError('user name does not exist');
      o.users.push(e.uid);
    }
    o.selected = true;
  };
  for (let i = 0; i < args.length; i++) {
    // `ps -aux` means `ps aux` unless a user named x exists (procps' documented fallback).
    const a = /^-(aux|axu)$/.test(args[i]) && !lookupUser(sys, 'x') ? args[i].slice(1) : args[i];
    if (a.startsWith('--')) {
      const [name, value] = a.includes('=') ? [a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a.slice(2), undefined];
      if (name === 'forest') o.forest = true;
      else if (name === 'no-headers' || name === 'no-heading') o.headers = false;
      else if (name === 'pid') (o.pids.push(...pidList(value ?? args[++i], '--pid')), (o.selected = true));
      else if (name === 'quick-pid') o.quick = [...(o.quick ?? []), ...quickList(value ?? args[++i], '--quick-pid')];
      else if (name === 'user') users(value ?? args[++i]);
      else if (name === 'format') addFormat(o, value ?? args[++i]);
      else if (name === 'width' || name === 'cols' || name === 'columns') o.wide = Number(value ?? args[++i]);
      else throw new PsError('unknown gnu long option');
      continue;
    }
    const unix = a.startsWith('-');
    const flags = unix ? a.slice(1) : a;
    for (let j = 0; j < flags.length; j++) {
      const ch = flags[j];
      // An option with an argument takes the rest of the cluster, or the next word.
      const arg = (): string | undefined => {
        const rest = flags.slice(j + 1);
        j = flags.length;
        return rest !== '' ? rest : args[++i];
      };
      const pick = (): void => void (o.selected = true);
      if (ch === 'o' || ch === 'O') addFormat(o, arg());
      else if (ch === 'p') (o.pids.push(...pidList(arg())), pick());
      else if (ch === 'q') o.quick = [...(o.quick ?? []), ...quickList(arg(), unix ? '-q' : 'q')];
      else if (ch === 'U' || (ch === 'u' && unix)) users(arg());
      else if (ch === 'C' && unix) (o.commands.push(...list(arg(), 'command')), pick());
      else if (ch === 't' && unix) (o.ttys.push(...list(arg(), 'tty')), pick());
      else if (ch === 'w') o.wide = o.wide === 132 || o.wide === -1 ? -1 : 132;
      else if (unix) unixFlag(o, ch);
      else bsdFlag(o, ch);
    }
  }
  if (o.quick !== null) {
    if (o.pids.length + o.users.length + o.commands.length + o.ttys.length > 0) {
      throw new PsPlainError('q/-q/--quick-pid cannot be combined with other selection options.');
    }
    if (o.forest) throw new PsPlainError('q/-q/--quick-pid cannot be used together with forest type listings.');
  }
  return o;
}

function unixFlag(o: Options, ch: string): void {
  if (ch === 'e' || ch === 'A') o.all = true;
  else if (ch === 'a') (o.unixA = true), (o.selected = true);
  else if (ch === 'f') o.format = o.format === 'custom' ? o.format : 'full';
  else if (ch === 'j') o.format = 'jobs';
  else if (ch === 'l') o.long = true;
  else if (ch === 'H') o.forest = true;
  else throw new PsError('unsupported SysV option');
}

function bsdFlag(o: Options, ch: string): void {
  if (ch === 'a' || ch === 'x') {
    if (ch === 'a') o.bsdA = true;
    else o.bsdX = true;
    if (o.format === 'default') o.format = 'bsd';
  } else if (ch === 'u') o.format = 'user';
  else if (ch === 'j') o.format = 'bsdjobs';
  else if (ch === 'f') o.forest = true;
  else throw new PsError('unsupported option (BSD syntax)');
}

function formatKeys(o: Options): Column[] | { key: string; header: string | undefined }[] {
  if (o.long && (o.format === 'default' || o.format === 'full')) {
    const full = o.format === 'full';
    const keys = ['f', 's', full ? 'uid_hack' : 'uid', 'pid', 'ppid', 'c', 'opri', 'ni', 'addr_1', 'sz', 'wchan',
      ...(full ? ['stime'] : []), 'tname', 'time', full ? 'cmd' : 'ucmd'];
    return keys.map((key) => ({ key, header: undefined }));
  }
  switch (o.format) {
    case 'full': return ['uid_hack', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'].map((key) => ({ key, header: undefined }));
    case 'jobs': return ['pid', 'pgid', 'sid', 'tname', 'time', 'ucmd'].map((key) => ({ key, header: undefined }));
    case 'bsd': return ['pid', 'tname', 'stat', 'bsdtime', 'args'].map((key) => ({ key, header: undefined }));
    case 'user':
      return ['user', 'pid', 'pcpu', 'pmem', 'vsz', 'rss', 'tname', 'stat', 'bsdstart', 'bsdtime', 'args'].map((key) => ({ key, header: undefined }));
    case 'bsdjobs':
      return ['ppid', 'pid', 'pgid', 'sid', 'tname', 'tpgid', 'stat', 'uid', 'bsdtime', 'args'].map((key) => ({ key, header: undefined }));
    case 'custom': return o.custom;
    default: return ['pid', 'tname', 'time', 'ucmd'].map((key) => ({ key, header: undefined }));
  }
}

/** The controlling terminal, as procps finds it: /proc/self/stat's tty_nr (else the tty on a std fd). */
function ownTty(sys: Sys): number {
  try {
    const st = parseStat(sys.fs.readText('/proc/self/stat'));
    if (st) return st.ttyNr;
  } catch {
    // no /proc: fall back to the descriptors
  }
  return ttyNrOf(sys.ttyname(0) ?? sys.ttyname(1) ?? sys.ttyname(2));
}

function select(sys: Sys, o: Options, procs: ProcInfo[]): ProcInfo[] {
  if (o.quick !== null) {
    const byPid = new Map(procs.map((p) => [p.pid, p]));
    return o.quick.flatMap((pid) => byPid.get(pid) ?? []);
  }
  const myTty = ownTty(sys);
  const euid = sys.euid;
  if (o.all || (o.bsdA && o.bsdX)) return procs;
  return procs.filter((p) => {
    if (o.pids.includes(p.pid) || o.users.includes(p.euid) || o.commands.includes(p.comm)) return true;
    if (o.ttys.some((t) => ttyName(p.ttyNr) === t.replace(/^\/dev\//, ''))) return true;
    if (o.unixA && p.ttyNr !== 0 && p.session !== p.pid) return true;
    if (o.bsdA) return p.ttyNr !== 0;
    if (o.bsdX) return p.euid === euid;
    if (o.selected) return false;
    return p.euid === euid && p.ttyNr === myTty;
  });
}

/** Depth-first order with each process's depth below a listed parent. */
function forest(procs: ProcInfo[]): { p: ProcInfo; depth: number }[] {
  const pids = new Set(procs.map((p) => p.pid));
  const out: { p: ProcInfo; depth: number }[] = [];
  const walk = (p: ProcInfo, depth: number): void => {
    out.push({ p, depth });
    for (const c of procs) if (c.ppid === p.pid && c.pid !== p.pid) walk(c, depth + 1);
  };
  for (const p of procs) if (!pids.has(p.ppid) || p.ppid === p.pid) walk(p, 0);
  return out;
}

function cell(text: string, col: Column, last: boolean, owe: { n: number }): string {
  if (last && col.left && col.unlimited) return text;
  const pad = Math.max(0, col.width - text.length);
  const absorbed = col.left ? 0 : Math.min(owe.n, pad);
  owe.n = owe.n - absorbed + Math.max(0, text.length - col.width);
  const fill = ' '.repeat(pad - absorbed);
  return col.left ? (last ? text : text + fill) : fill + text;
}

export async function ps(sys: Sys): Promise<number> {
  let o: Options;
  let cols: Column[];
  const pidWidth = Math.max(5, String(pidMax(sys)).length);
  try {
    o = parse(sys, sys.argv.slice(1));
    cols = formatKeys(o).map((k) => {
      if ('value' in k) return k;
      const c = column(k.key, pidWidth);
      if (!c) throw new PsError(`unknown user-defined format specifier "${k.key}"`);
      return k.header === undefined ? c : { ...c, header: k.header };
    });
  } catch (e) {
    if (!(e instanceof PsError)) throw e;
    await sys.write(2, e instanceof PsPlainError ? `${e.message}\n` : `error: ${e.message}\n${USAGE_TAIL}`);
    return 1;
  }
  const ctx: PsContext = {
    now: sys.now() / 1000,
    uptime: uptimeSeconds(sys),
    btime: bootTime(sys),
    memTotalKb: meminfo(sys).get('MemTotal') ?? 0,
    pidWidth,
    userName: (uid) => userName(sys, uid),
    groupName: (gid) => groupName(sys, gid),
  };
  // A real ps has loaded its libraries and read its locale before it walks /proc, by which time the other
  // commands of its pipeline have been exec'd: `ps aux | grep docker` lists the grep.
  await sys.yield();
  const chosen = select(sys, o, readProcs(sys));
  const rows = o.forest ? forest(chosen) : chosen.map((p) => ({ p, depth: 0 }));
  const limit = o.wide === -1 ? 0 : o.wide > 0 ? o.wide : sys.isatty(1) ? sys.getWinSize(1).cols : 0;
  const out = new Output(sys, 1);
  const line = async (cells: string[]): Promise<void> => {
    const owe = { n: 0 };
    const text = cells.map((t, i) => cell(t, cols[i], i === cells.length - 1, owe)).join(' ');
    await out.write(`${limit > 0 ? text.slice(0, limit) : text}\n`);
  };
  const showHeader = o.headers && !(o.format === 'custom' && cols.every((c) => c.header === ''));
  if (showHeader) await line(cols.map((c) => c.header));
  for (const { p, depth } of rows) {
    await line(
      cols.map((c) => {
        const v = c.value(p, ctx);
        return c.unlimited && depth > 0 ? `${'    '.repeat(depth - 1)} \\_ ${v}` : v;
      }),
    );
  }
  await out.flush();
  return chosen.length > 0 ? 0 : 1;
}
