/**
 * busybox stat (coreutils/stat.c): the coreutils-6 layout (`Device: 2dh/45d`, no Birth line, `Inode: %-10i `),
 * `-c FMT` through printf with its modifiers and always a newline, and `-t`'s terse line. `-f` (statfs) is not
 * modelled and says so.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Stat } from '../../engine/kernel/fsTypes.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { blocksOf } from '../coreutils/human.js';
import { strftime } from '../coreutils/timefmt.js';
import { Output } from '../lib/output.js';
import { groupById, userById } from '../lib/users.js';
import { bbGetopt, keys, valueOf } from './common.js';
import { modeString } from './ls.js';
import { showUsage } from './usage.js';

const TYPE_BITS: Record<Stat['type'], number> = { file: 0o100000, dir: 0o40000, symlink: 0o120000, chardev: 0o20000, blockdev: 0o60000, fifo: 0o10000, socket: 0o140000 };

const TYPE_NAMES: Record<Stat['type'], string> = {
  file: 'regular file', dir: 'directory', blockdev: 'block special file', chardev: 'character special file',
  fifo: 'fifo', symlink: 'symbolic link', socket: 'socket',
};

const isDevice = (st: Stat): boolean => st.type === 'chardev' || st.type === 'blockdev';

const DEFAULT = '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Dh/%dd\tInode: %-10i  Links: %h\n';
const DEFAULT_DEV = '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Dh/%dd\tInode: %-10i  Links: %-5h Device type: %t,%T\n';
const DEFAULT_TAIL = 'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z';
const TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %o';

/** human_time: local time (UTC in the simulation) with nanoseconds and the zone offset. */
function humanTime(ms: number): string {
  const ns = String(Math.floor(((ms % 1000) + 1000) % 1000) * 1e6).padStart(9, '0');
  return strftime(`%Y-%m-%d %H:%M:%S.${ns} +0000`, ms);
}

/** One printf conversion: `mods` are the flags, width and precision stat passed through. */
function printf(mods: string, value: string | number): string {
  const m = /^([-#+ 0I]*)(\d*)(?:\.(\d*))?/.exec(mods)!;
  const flags = m[1];
  const width = Number(m[2] || 0);
  let s = String(value);
  if (m[3] !== undefined) {
    const prec = Number(m[3] || 0);
    s = typeof value === 'string' ? s.slice(0, prec) : s.padStart(prec, '0');
  }
  if (typeof value === 'number' && flags.includes('+') && !s.startsWith('-')) s = `+${s}`;
  if (flags.includes('-')) return s.padEnd(width);
  if (flags.includes('0') && typeof value === 'number' && m[3] === undefined) return s.padStart(width, '0');
  return s.padStart(width);
}

interface Target {
  readonly sys: Sys;
  readonly name: string;
  readonly st: Stat;
}

function conversion(t: Target, mods: string, c: string): string {
  const { st } = t;
  const hex = (n: number): string => n.toString(16);
  switch (c) {
    case 'n': return printf(mods, t.name);
    case 'N':
      if (st.type === 'symlink') return `'${t.name}' -> '${t.sys.fs.readlink(t.name)}'`;
      return printf(mods, t.name);
    case 'd': return printf(mods, st.dev);
    case 'D': return printf(mods, hex(st.dev));
    case 'i': return printf(mods, st.ino);
    case 'a': return printf(mods, Number(st.mode.toString(8)));
    case 'A': return printf(mods, modeString(st));
    case 'f': return printf(mods, hex(st.mode | TYPE_BITS[st.type]));
    case 'F': return printf(mods, st.type === 'file' && st.size === 0 ? 'regular empty file' : TYPE_NAMES[st.type]);
    case 'h': return printf(mods, st.nlink);
    case 'u': return printf(mods, st.uid);
    case 'U': return printf(mods, userById(t.sys.fs, st.uid)?.name ?? 'UNKNOWN');
    case 'g': return printf(mods, st.gid);
    case 'G': return printf(mods, groupById(t.sys.fs, st.gid)?.name ?? 'UNKNOWN');
    case 't': return printf(mods, hex(st.rdev >> 8));
    case 'T': return printf(mods, hex(st.rdev & 0xff));
    case 's': return printf(mods, st.size);
    case 'B': return printf(mods, 512);
    case 'b': return printf(mods, blocksOf(st.size, st.type) * 2);
    case 'o': return printf(mods, 4096);
    case 'x': return printf(mods, humanTime(st.atimeMs));
    case 'X': return printf(mods, Math.floor(st.atimeMs / 1000));
    case 'y': return printf(mods, humanTime(st.mtimeMs));
    case 'Y': return printf(mods, Math.floor(st.mtimeMs / 1000));
    case 'z': return printf(mods, humanTime(st.ctimeMs));
    case 'Z': return printf(mods, Math.floor(st.ctimeMs / 1000));
    // An unknown letter is printed as a character, with the modifiers.
    default: return printf(mods, c);
  }
}

/** print_it: the text between conversions as it is, each `%[mods]X` converted, a `%` at the end printed, then a newline. */
function render(t: Target, format: string): string {
  return `${format.replace(/%([-#+ .I0-9]*)(.?)/g, (_m, mods: string, c: string) => (c === '' || c === '%' ? '%' : conversion(t, mods, c)))}\n`;
}

export const stat: Program = async (sys) => {
  const got = await bbGetopt(sys, 'stat', { short: 'tLfc:' });
  if (typeof got === 'number') return got;
  const o = keys(got.opts);
  // getopt32's "-1": at least one operand, or the usage.
  if (got.operands.length === 0) return showUsage(sys, 'stat');
  if (o.has('f')) {
    await sys.write(2, 'stat: -f (file system status) is not simulated in dockersim\n');
    return 1;
  }
  const out = new Output(sys, 1);
  let ok = true;
  for (const name of got.operands) {
    let st: Stat;
    try {
      st = o.has('L') ? sys.fs.stat(name) : sys.fs.lstat(name);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await out.flush();
      await sys.write(2, `stat: can't stat '${name}': ${e.message}\n`);
      ok = false;
      continue;
    }
    const format = valueOf(got.opts, 'c') ?? (o.has('t') ? TERSE : (isDevice(st) ? DEFAULT_DEV : DEFAULT) + DEFAULT_TAIL);
    await out.write(render({ sys, name, st }, format));
  }
  await out.flush();
  return ok ? 0 : 1;
};
