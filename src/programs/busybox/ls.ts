/**
 * busybox ls: C-locale (strcmp) order, one name a line unless stdout is a terminal, busybox's column
 * layout (widest name + 2, filled down the columns), and its `-l` line: `%-10s %4u %-8.8s %-8.8s %9u`.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import type { Stat } from '../../engine/kernel/fsTypes.js';
import { Output } from '../lib/output.js';
import { groupName, userName } from '../system/accounts.js';

interface Entry {
  readonly name: string;
  readonly path: string;
  readonly st: Stat;
}

const TYPE_CHAR: Record<string, string> = { dir: 'd', symlink: 'l', chardev: 'c', blockdev: 'b', fifo: 'p', socket: 's', file: '-' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function modeString(st: Stat): string {
  const m = st.mode;
  const rwx = (bits: number, special: boolean, ch: string): string =>
    (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? 'x' : '-');
  return (TYPE_CHAR[st.type] ?? '?') + rwx(m >> 6, (m & 0o4000) !== 0, 's') + rwx(m >> 3, (m & 0o2000) !== 0, 's') + rwx(m, (m & 0o1000) !== 0, 't');
}

/** `Nov 28 01:02` within six months, else `Nov 28  2025`. */
function fileTime(ms: number, now: number): string {
  const d = new Date(ms);
  const day = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  const age = (now - ms) / 1000;
  if (age < (3600 * 24 * 365) / 2 && age > -15 * 60) {
    return `${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  }
  return `${day}  ${d.getUTCFullYear()}`;
}

function longLine(sys: Sys, e: Entry): string {
  const st = e.st;
  const size = st.type === 'chardev' || st.type === 'blockdev' ? `${String(st.rdev >> 8).padStart(4)}, ${String(st.rdev & 0xff).padStart(3)}` : String(st.size).padStart(9);
  let name = e.name;
  if (st.type === 'symlink') {
    try {
      name += ` -> ${sys.fs.readlink(e.path)}`;
    } catch {
      // an unreadable link shows its name only
    }
  }
  const user = userName(sys, st.uid).slice(0, 8).padEnd(8);
  const group = groupName(sys, st.gid).slice(0, 8).padEnd(8);
  return `${modeString(st)} ${String(st.nlink).padStart(4)} ${user} ${group} ${size} ${fileTime(st.mtimeMs, sys.now())} ${name}`;
}

function columns(names: string[], width: number): string {
  if (names.length === 0) return '';
  const colWidth = Math.max(...names.map((n) => n.length)) + 2;
  const ncols = Math.max(1, Math.floor(width / colWidth));
  const nrows = ncols > 1 ? Math.ceil(names.length / ncols) : names.length;
  let out = '';
  for (let row = 0; row < nrows; row++) {
    let line = '';
    for (let c = 0; c < ncols; c++) {
      const i = c * nrows + row;
      if (i >= names.length) continue;
      if (line !== '') line = line.padEnd(c * colWidth);
      line += names[i];
    }
    out += `${line}\n`;
  }
  return out;
}

const byName = (a: Entry, b: Entry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export const ls: Program = async (sys) => {
  const flags = new Set<string>();
  const operands: string[] = [];
  for (const a of sys.argv.slice(1)) {
    if (a.startsWith('-') && a.length > 1 && a !== '--') for (const ch of a.slice(1)) flags.add(ch);
    else operands.push(a);
  }
  const long = flags.has('l') || flags.has('n');
  const tty = sys.isatty(1);
  const oneLine = long || flags.has('1') || !tty;
  const width = tty ? sys.getWinSize(1).cols : 80;
  const out = new Output(sys, 1);
  // -p marks directories with '/', -F every type (busybox's bold_mark): docker-py's put_archive test lists with -p.
  const mark = (e: Entry): string => {
    const t = e.st.type;
    if (flags.has('F')) return t === 'dir' ? '/' : t === 'symlink' ? '@' : t === 'fifo' ? '|' : t === 'socket' ? '=' : t === 'file' && e.st.mode & 0o111 ? '*' : '';
    return flags.has('p') && t === 'dir' ? '/' : '';
  };
  let status = 0;
  const show = async (entries: Entry[]): Promise<void> => {
    entries.sort(byName);
    if (long) for (const e of entries) await out.write(`${longLine(sys, e)}\n`);
    else if (oneLine) for (const e of entries) await out.write(`${e.name}${mark(e)}\n`);
    else await out.write(columns(entries.map((e) => `${e.name}${mark(e)}`), width));
  };
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const op of operands.length > 0 ? operands : ['.']) {
    try {
      const st = flags.has('L') ? sys.fs.stat(op) : sys.fs.lstat(op);
      const followed = st.type === 'symlink' && !long && !flags.has('d') ? sys.fs.stat(op) : st;
      (followed.type === 'dir' && !flags.has('d') ? dirs : files).push({ name: op, path: op, st });
    } catch (e) {
      if (!isSysError(e)) throw e;
      await out.write('');
      await out.flush();
      await sys.write(2, `ls: ${op}: ${e.message}\n`);
      status = 1;
    }
  }
  await show(files);
  dirs.sort(byName);
  for (const [i, d] of dirs.entries()) {
    if (operands.length > 1) await out.write(`${files.length > 0 || i > 0 ? '\n' : ''}${d.name}:\n`);
    let names: string[];
    try {
      names = sys.fs.readdir(d.path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await out.flush();
      await sys.write(2, `ls: can't open '${d.path}': ${e.message}\n`);
      status = 1;
      continue;
    }
    const all = flags.has('a') ? ['.', '..', ...names] : names;
    const shown = all.filter((n) => flags.has('a') || !n.startsWith('.') || (flags.has('A') && n !== '.' && n !== '..'));
    const entries = shown.map((n) => {
      const path = `${d.path.replace(/\/$/, '')}/${n}`;
      return { name: n, path, st: sys.fs.lstat(path) };
    });
    if (long) {
      const blocks = entries.reduce((s, e) => s + (e.st.type === 'file' || e.st.type === 'dir' ? Math.ceil(e.st.size / 4096) * 4 : 0), 0);
      await out.write(`total ${blocks}\n`);
    }
    await show(entries);
  }
  await out.flush();
  return status;
};
