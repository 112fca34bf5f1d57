/** stat: GNU's default layout and -c FORMAT with the common directives. */
import { isSysError } from '../../engine/kernel/errno.js';
import type { FileType, Stat } from '../../engine/kernel/fsTypes.js';
import { errorText, quoteAlways as q, quoteIfNeeded } from '../lib/output.js';
import { UserDb } from '../lib/users.js';
import { tool } from './common.js';
import { blocksOf } from './human.js';
import { modeString } from './mode.js';
import { strftime } from './timefmt.js';

const TYPE_NAMES: Record<FileType, string> = {
  file: 'regular file',
  dir: 'directory',
  symlink: 'symbolic link',
  chardev: 'character special file',
  blockdev: 'block special file',
  fifo: 'fifo',
  socket: 'socket',
};

function typeName(st: Stat): string {
  return st.type === 'file' && st.size === 0 ? 'regular empty file' : TYPE_NAMES[st.type];
}

function stamp(ms: number): string {
  const frac = String(Math.floor(((ms % 1000) + 1000) % 1000)).padStart(3, '0');
  return strftime(`%Y-%m-%d %H:%M:%S.${frac}000000 +0000`, ms);
}

function directive(c: string, path: string, st: Stat, db: UserDb, target: string | null): string | null {
  switch (c) {
    case 'n': return path;
    case 'N': return target === null ? quoteIfNeeded(path) : `${quoteIfNeeded(path)} -> ${quoteIfNeeded(target)}`;
    case 's': return String(st.size);
    case 'b': return String(blocksOf(st.size, st.type) * 2);
    case 'B': return '512';
    case 'o': return '4096';
    case 'a': return st.mode.toString(8);
    case 'A': return modeString(st);
    case 'f': return (st.mode | { file: 0o100000, dir: 0o40000, symlink: 0o120000, chardev: 0o20000, blockdev: 0o60000, fifo: 0o10000, socket: 0o140000 }[st.type]).toString(16);
    case 'F': return typeName(st);
    case 'u': return String(st.uid);
    case 'U': return db.user(st.uid);
    case 'g': return String(st.gid);
    case 'G': return db.group(st.gid);
    case 'h': return String(st.nlink);
    case 'i': return String(st.ino);
    case 'd': return String(st.dev);
    case 'D': return st.dev.toString(16);
    case 't': return (st.rdev >> 8).toString(16);
    case 'T': return (st.rdev & 0xff).toString(16);
    case 'x': return stamp(st.atimeMs);
    case 'X': return String(Math.floor(st.atimeMs / 1000));
    case 'y': return stamp(st.mtimeMs);
    case 'Y': return String(Math.floor(st.mtimeMs / 1000));
    case 'z': return stamp(st.ctimeMs);
    case 'Z': return String(Math.floor(st.ctimeMs / 1000));
    case 'w': return '-';
    case 'W': return '0';
    case '%': return '%';
    default: return null;
  }
}

function format(fmt: string, path: string, st: Stat, db: UserDb, target: string | null): string {
  return fmt.replace(/%([-#0+ ]*\d*)(H[dr]|L[dr]|[a-zA-Z%])/g, (m, flags: string, c: string) => {
    let v: string | null;
    if (c === 'Hd') v = String(st.dev >> 8);
    else if (c === 'Ld') v = String(st.dev & 0xff);
    else if (c === 'Hr') v = String(st.rdev >> 8);
    else if (c === 'Lr') v = String(st.rdev & 0xff);
    else v = directive(c, path, st, db, target);
    if (v === null) return m;
    const width = Number(/\d+$/.exec(flags)?.[0] ?? 0);
    return flags.startsWith('-') ? v.padEnd(width) : v.padStart(width, flags.startsWith('0') ? '0' : ' ');
  });
}

function defaultFormat(st: Stat): string {
  const dev = st.type === 'chardev' || st.type === 'blockdev';
  return (
    '  File: %N\n' +
    '  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n' +
    (dev ? 'Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n' : 'Device: %Hd,%Ld\tInode: %-11i Links: %h\n') +
    `Access: (${st.mode.toString(8).padStart(4, '0')}/${modeString(st)})  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n` +
    'Access: %x\nModify: %y\nChange: %z\n Birth: %w\n'
  );
}

export const stat = tool(
  {
    name: 'stat',
    short: 'c:Lt',
    long: [
      { name: 'dereference', key: 'L' },
      { name: 'format', key: 'c', arg: 'required' },
      { name: 'printf', arg: 'required' },
      { name: 'terse', key: 't' },
    ],
    authors: 'Written by Michael Meskes.',
  },
  async (t, opts, files) => {
    const fmtOpt = opts.filter((o) => o.key === 'c' || o.key === 'printf').pop();
    const follow = opts.some((o) => o.key === 'L');
    if (files.length === 0) return t.usage('missing operand');
    const db = new UserDb(t.sys.fs);
    let status = 0;
    for (const f of files) {
      let st: Stat;
      let target: string | null = null;
      try {
        st = follow ? t.sys.fs.stat(f) : t.sys.fs.lstat(f);
        if (st.type === 'symlink') target = t.sys.fs.readlink(f);
      } catch (err) {
        if (!isSysError(err)) throw err;
        await t.error(`cannot statx ${q(f)}: ${errorText(err)}`);
        status = 1;
        continue;
      }
      if (fmtOpt) {
        await t.out.write(format(fmtOpt.value!, f, st, db, target) + (fmtOpt.key === 'c' ? '\n' : ''));
        continue;
      }
      await t.out.write(format(defaultFormat(st), f, st, db, target));
    }
    return status;
  },
);
