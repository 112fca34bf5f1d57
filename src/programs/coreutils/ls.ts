/** ls: list directory contents, in GNU's formats (-l, columns on a terminal, one per line otherwise). */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Stat } from '../../engine/kernel/fsTypes.js';
import { errorText, quoteAlways } from '../lib/output.js';
import { UserDb } from '../lib/users.js';
import { layoutColumns, type Cell } from './columns.js';
import { flags, joinPath, tool, type Tool } from './common.js';
import { blocksOf, humanSize } from './human.js';
import { LsColors } from './lscolor.js';
import { modeString } from './mode.js';
import { strftime } from './timefmt.js';

interface Entry {
  /** What is printed. */
  readonly name: string;
  /** Path to stat and recurse into. */
  readonly path: string;
  readonly st: Stat;
  /** For symlinks: the target text, and its stat (null when dangling). */
  readonly target?: string;
  readonly targetSt?: Stat | null;
}

interface LsOpts {
  all: boolean;
  almost: boolean;
  dirsAsFiles: boolean;
  long: boolean;
  numeric: boolean;
  human: boolean;
  inode: boolean;
  /** -Z: the SELinux context, `?` on a kernel without SELinux (as Docker hosts and containers usually are). */
  context: boolean;
  classify: boolean;
  recursive: boolean;
  reverse: boolean;
  sort: 'name' | 'time' | 'size' | 'none';
  format: 'long' | 'columns' | 'across' | 'single';
  color: LsColors | null;
  width: number;
}

const SIX_MONTHS_MS = (31556952 / 2) * 1000;

function parseOpts(t: Tool, opts: ReturnType<typeof flags>, raw: { key: string; value?: string }[]): LsOpts | string {
  const tty = t.sys.isatty(1);
  let format: LsOpts['format'] = tty ? 'columns' : 'single';
  let sort: LsOpts['sort'] = 'name';
  let colorWhen = 'never';
  for (const o of raw) {
    if (o.key === 'l' || o.key === 'n') format = 'long';
    else if (o.key === '1') format = 'single';
    else if (o.key === 'C') format = 'columns';
    else if (o.key === 'x') format = 'across';
    else if (o.key === 't') sort = 'time';
    else if (o.key === 'S') sort = 'size';
    else if (o.key === 'U') sort = 'none';
    else if (o.key === 'color') colorWhen = o.value ?? 'always';
  }
  const whens: Record<string, boolean> = { always: true, yes: true, force: true, never: false, no: false, none: false, auto: tty, tty, 'if-tty': tty };
  if (!(colorWhen in whens)) return colorWhen;
  let width = 80;
  const envCols = Number(t.sys.env.COLUMNS);
  if (opts.has('w')) width = Number(opts.get('w'));
  else if (tty) width = t.sys.getWinSize(1).cols;
  else if (envCols > 0) width = envCols;
  return {
    all: opts.has('a'),
    almost: opts.has('A'),
    dirsAsFiles: opts.has('d'),
    long: format === 'long',
    numeric: opts.has('n'),
    human: opts.has('h'),
    inode: opts.has('i'),
    context: opts.has('Z'),
    classify: opts.has('F'),
    recursive: opts.has('R') && !opts.has('d'),
    reverse: opts.has('r'),
    sort,
    format,
    color: whens[colorWhen] ? new LsColors(t.sys.env.LS_COLORS) : null,
    width: width || Infinity,
  };
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortEntries(list: Entry[], o: LsOpts): Entry[] {
  if (o.sort === 'none') return list;
  const out = [...list].sort((a, b) => {
    if (o.sort === 'time' && a.st.mtimeMs !== b.st.mtimeMs) return b.st.mtimeMs - a.st.mtimeMs;
    if (o.sort === 'size' && a.st.size !== b.st.size) return b.st.size - a.st.size;
    return compareNames(a.name, b.name);
  });
  return o.reverse ? out.reverse() : out;
}

function indicator(st: Stat): string {
  if (st.type === 'dir') return '/';
  if (st.type === 'symlink') return '@';
  if (st.type === 'fifo') return '|';
  if (st.type === 'socket') return '=';
  if (st.type === 'file' && st.mode & 0o111) return '*';
  return '';
}

function displayName(e: Entry, o: LsOpts): Cell {
  const name = e.name;
  let text = o.color ? o.color.paint(name, o.color.classify(name, e.st, e.targetSt)) : name;
  let width = name.length;
  if (o.classify && !(o.long && e.st.type === 'symlink')) {
    const ind = indicator(e.st);
    text += ind;
    width += ind.length;
  }
  return { text, width };
}

export class Lister {
  status = 0;
  private readonly db: UserDb;
  constructor(
    private readonly t: Tool,
    private readonly o: LsOpts,
  ) {
    this.db = new UserDb(t.sys.fs);
  }

  entry(name: string, path: string, follow: boolean): Entry {
    const fs = this.t.sys.fs;
    let st = fs.lstat(path);
    if (st.type !== 'symlink') return { name, path, st };
    const target = fs.readlink(path);
    let targetSt: Stat | null = null;
    try {
      targetSt = fs.stat(path);
    } catch (err) {
      if (!isSysError(err)) throw err;
    }
    if (follow && targetSt) st = targetSt;
    return { name, path, st, target, targetSt };
  }

  /** Lists entries as a block (one directory's contents, or the file operands). */
  async block(list: Entry[], withTotal: boolean): Promise<void> {
    const o = this.o;
    const out = this.t.out;
    if (o.format === 'long') {
      if (withTotal) {
        const total = list.reduce((s, e) => s + blocksOf(e.st.size, e.st.type), 0);
        await out.write(`total ${o.human ? humanSize(total * 1024) : total}\n`);
      }
      await out.write(this.longLines(list));
      return;
    }
    const inoW = o.inode ? Math.max(...list.map((e) => String(e.st.ino).length)) : 0;
    const cells = list.map((e) => {
      let c = displayName(e, o);
      if (o.context) c = { text: `? ${c.text}`, width: c.width + 2 };
      return o.inode ? { text: `${String(e.st.ino).padStart(inoW)} ${c.text}`, width: c.width + inoW + 1 } : c;
    });
    if (o.format === 'single') await out.write(cells.map((c) => `${c.text}\n`).join(''));
    else await out.write(layoutColumns(cells, o.width, o.format === 'across'));
  }

  private sizeText(st: Stat): string {
    return this.o.human ? humanSize(st.size) : String(st.size);
  }

  private longLines(list: Entry[]): string {
    const o = this.o;
    const now = this.t.sys.now();
    const rows = list.map((e) => {
      const st = e.st;
      const dev = st.type === 'chardev' || st.type === 'blockdev';
      return {
        e,
        ino: String(st.ino),
        links: String(st.nlink),
        user: o.numeric ? String(st.uid) : this.db.user(st.uid),
        group: o.numeric ? String(st.gid) : this.db.group(st.gid),
        major: dev ? String(st.rdev >> 8) : '',
        minor: dev ? String(st.rdev & 0xff) : '',
        size: dev ? '' : this.sizeText(st),
      };
    });
    const w = (f: (r: (typeof rows)[number]) => string): number => Math.max(0, ...rows.map((r) => f(r).length));
    const inoW = w((r) => r.ino);
    const linkW = w((r) => r.links);
    const userW = w((r) => r.user);
    const groupW = w((r) => r.group);
    const majW = w((r) => r.major);
    const minW = w((r) => r.minor);
    const sizeW = Math.max(w((r) => r.size), majW + minW > 0 ? majW + 2 + minW : 0);
    return rows
      .map((r) => {
        const st = r.e.st;
        const size = r.major ? `${r.major.padStart(majW)}, ${r.minor.padStart(minW)}` : r.size;
        const t = st.mtimeMs;
        const recent = t > now - SIX_MONTHS_MS && t <= now + 1000;
        const date = strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', t);
        let name = displayName(r.e, o).text;
        if (r.e.target !== undefined) {
          const ts = r.e.targetSt;
          let target = r.e.target;
          if (o.color && o.color.fromEnv) target = o.color.paint(target, o.color.classify(target, ts ?? null, undefined));
          name += ` -> ${target}${o.classify && ts ? indicator(ts) : ''}`;
        }
        const ino = o.inode ? `${r.ino.padStart(inoW)} ` : '';
        const ctx = o.context ? '? ' : '';
        return `${ino}${modeString(st)} ${r.links.padStart(linkW)} ${r.user.padEnd(userW)} ${r.group.padEnd(groupW)} ${ctx}${size.padStart(sizeW)} ${date} ${name}\n`;
      })
      .join('');
  }

  /** Lists a directory's contents (and, with -R, its subdirectories). */
  async directory(path: string, heading: boolean, first: boolean, topLevel: boolean): Promise<void> {
    const t = this.t;
    const o = this.o;
    if (!first) await t.out.write('\n');
    if (heading) await t.out.write(`${path}:\n`);
    let names: string[];
    try {
      names = t.sys.fs.readdir(path);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await t.error(`cannot open directory ${quoteAlways(path)}: ${errorText(err)}`);
      this.status = topLevel ? 2 : Math.max(this.status, 1);
      return;
    }
    names = names.filter((n) => o.all || o.almost || !n.startsWith('.'));
    if (o.all) names.unshift('.', '..');
    const entries: Entry[] = [];
    for (const n of names) {
      try {
        entries.push(this.entry(n, joinPath(path, n), false));
      } catch (err) {
        if (!isSysError(err)) throw err;
        await t.error(`cannot access ${quoteAlways(joinPath(path, n))}: ${errorText(err)}`);
        this.status = Math.max(this.status, 1);
      }
      t.sys.cpu(1);
    }
    const sorted = sortEntries(entries, o);
    await this.block(sorted, true);
    if (!o.recursive) return;
    await t.sys.yield();
    for (const e of sorted) {
      if (e.st.type === 'dir' && e.name !== '.' && e.name !== '..') await this.directory(e.path, true, false, false);
    }
  }
}

export const ls = tool(
  {
    name: 'ls',
    short: 'aAdFhilnrRStUw:x1CZ',
    long: [
      { name: 'all', key: 'a' },
      { name: 'almost-all', key: 'A' },
      { name: 'directory', key: 'd' },
      { name: 'classify', key: 'F' },
      { name: 'human-readable', key: 'h' },
      { name: 'inode', key: 'i' },
      { name: 'numeric-uid-gid', key: 'n' },
      { name: 'reverse', key: 'r' },
      { name: 'recursive', key: 'R' },
      { name: 'width', key: 'w', arg: 'required' },
      { name: 'color', arg: 'optional' },
      { name: 'context', key: 'Z' },
    ],
    usageStatus: 2,
    authors: 'Written by Richard M. Stallman and David MacKenzie.',
  },
  async (t, opts, operands) => {
    const parsed = parseOpts(t, flags(opts), opts);
    if (typeof parsed === 'string') {
      await t.error(`invalid argument ${t.lq(parsed)} for '--color'`);
      await t.sys.write(2, "Valid arguments are:\n  - 'always', 'yes', 'force'\n  - 'never', 'no', 'none'\n  - 'auto', 'tty', 'if-tty'\n");
      return t.usage();
    }
    const o = parsed;
    const lister = new Lister(t, o);
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    // Symlinks on the command line are followed unless -l, -d or -F asks about the link itself.
    const follow = !o.long && !o.dirsAsFiles && !o.classify;
    for (const op of operands.length ? operands : ['.']) {
      try {
        const e = lister.entry(op, op, follow);
        const isDir = e.st.type === 'dir' || (e.targetSt?.type === 'dir' && follow);
        (isDir && !o.dirsAsFiles ? dirs : files).push(e);
      } catch (err) {
        if (!isSysError(err)) throw err;
        await t.error(`cannot access ${quoteAlways(op)}: ${errorText(err)}`);
        lister.status = 2;
      }
    }
    if (files.length) await lister.block(sortEntries(files, o), false);
    const heading = operands.length > 1 || o.recursive;
    let first = files.length === 0;
    for (const d of sortEntries(dirs, o)) {
      await lister.directory(d.path, heading, first, true);
      first = false;
    }
    return lister.status;
  },
);
