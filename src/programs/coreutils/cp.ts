/** cp and mv. mv renames within a filesystem and falls back to copy + remove across them (EXDEV). */
import { SysError, isSysError } from '../../engine/kernel/errno.js';
import type { Stat } from '../../engine/kernel/fsTypes.js';
import { errorText, quoteAlways as q } from '../lib/output.js';
import { joinPath, lastComponent, tool, type Tool } from './common.js';

interface CopyOpts {
  recursive: boolean;
  preserve: boolean;
  /** -a / -d: copy symlinks as symlinks. */
  noDeref: boolean;
  noClobber: boolean;
  force: boolean;
  verbose: boolean;
}

function statOrNull(t: Tool, path: string, follow: boolean): Stat | null {
  try {
    return follow ? t.sys.fs.stat(path) : t.sys.fs.lstat(path);
  } catch (err) {
    if (isSysError(err, 'ENOENT')) return null;
    throw err;
  }
}

/** Copies one tree; reports its own errors and returns false on any. */
async function copyTree(t: Tool, src: string, dst: string, o: CopyOpts, verb = 'cp'): Promise<boolean> {
  const fs = t.sys.fs;
  t.sys.cpu(1);
  let st: Stat;
  try {
    st = o.noDeref ? fs.lstat(src) : fs.stat(src);
  } catch (err) {
    if (!isSysError(err)) throw err;
    await t.error(`cannot stat ${q(src)}: ${errorText(err)}`);
    return false;
  }
  const existing = statOrNull(t, dst, true);
  if (st.type === 'dir') {
    if (!o.recursive) {
      await t.error(`-r not specified; omitting directory ${q(src)}`);
      return false;
    }
    const absSrc = fs.realpath(src);
    const dstParent = fs.realpath(dst.includes('/') ? dst.slice(0, dst.lastIndexOf('/')) || '/' : '.');
    if (`${joinPath(dstParent, lastComponent(dst))}/`.startsWith(`${absSrc}/`)) {
      await t.error(`cannot copy a directory, ${q(src)}, into itself, ${q(dst)}`);
      return false;
    }
    try {
      if (existing && existing.type !== 'dir') {
        await t.error(`cannot overwrite non-directory ${q(dst)} with directory ${q(src)}`);
        return false;
      }
      if (!existing) fs.mkdir(dst, { mode: st.mode | 0o700 });
    } catch (err) {
      if (!isSysError(err)) throw err;
      await t.error(`cannot create directory ${q(dst)}: ${errorText(err)}`);
      return false;
    }
    if (o.verbose) await t.out.write(`${q(src)} -> ${q(dst)}\n`);
    let ok = true;
    let names: string[] = [];
    try {
      names = fs.readdir(src);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await t.error(`cannot access ${q(src)}: ${errorText(err)}`);
      ok = false;
    }
    for (const n of names) ok = (await copyTree(t, joinPath(src, n), joinPath(dst, n), o, verb)) && ok;
    finish(t, dst, st, o, existing === null);
    return ok;
  }
  if (existing?.type === 'dir') {
    await t.error(`cannot overwrite directory ${q(dst)} with non-directory`);
    return false;
  }
  if (existing && o.noClobber) return true;
  try {
    if (existing && fs.realpath(dst) === fs.realpath(src)) {
      await t.error(`${q(src)} and ${q(dst)} are the same file`);
      return false;
    }
  } catch (err) {
    if (!isSysError(err)) throw err;
  }
  if (st.type === 'symlink') {
    try {
      if (existing || statOrNull(t, dst, false)) fs.unlink(dst);
      fs.symlink(fs.readlink(src), dst);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await t.error(`cannot create symbolic link ${q(dst)}: ${errorText(err)}`);
      return false;
    }
  } else {
    let data: Uint8Array;
    try {
      data = fs.readFile(src);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await t.error(`cannot open ${q(src)} for reading: ${errorText(err)}`);
      return false;
    }
    try {
      if (existing && o.force && !fs.access(dst, 'w')) fs.unlink(dst);
      fs.writeFile(dst, data, { mode: st.mode & 0o777 });
    } catch (err) {
      if (!isSysError(err)) throw err;
      await t.error(`cannot create regular file ${q(dst)}: ${errorText(err)}`);
      return false;
    }
    finish(t, dst, st, o, !existing);
  }
  if (o.verbose) await t.out.write(`${q(src)} -> ${q(dst)}\n`);
  return true;
}

/** New files get the source's mode (less umask unless preserving); -p also keeps times and owners. */
function finish(t: Tool, dst: string, st: Stat, o: CopyOpts, created: boolean): void {
  const fs = t.sys.fs;
  try {
    if (o.preserve) {
      fs.chmod(dst, st.mode);
      fs.utimes(dst, st.atimeMs, st.mtimeMs);
      if (t.sys.euid === 0) fs.chown(dst, st.uid, st.gid);
    } else if (created && st.type === 'dir') {
      fs.chmod(dst, st.mode & ~t.sys.umask());
    }
  } catch (err) {
    if (!isSysError(err)) throw err;
  }
}

/** Resolves SOURCE... DEST into (source, destination) pairs, or reports the usage error. */
async function plan(t: Tool, operands: string[], noTargetDir: boolean): Promise<[string, string][] | number> {
  if (operands.length === 0) return t.usage('missing file operand');
  if (operands.length === 1) return t.usage(`missing destination file operand after ${q(operands[0])}`);
  const dest = operands[operands.length - 1];
  const sources = operands.slice(0, -1);
  let destIsDir = false;
  try {
    destIsDir = t.sys.fs.stat(dest).type === 'dir';
  } catch (err) {
    if (!isSysError(err)) throw err;
  }
  if (noTargetDir) destIsDir = false;
  if (sources.length > 1 && !destIsDir) {
    if (noTargetDir) return t.usage(`extra operand ${q(operands[2])}`);
    await t.error(t.sys.fs.exists(dest) ? `target ${q(dest)} is not a directory` : `target ${q(dest)}: No such file or directory`);
    return 1;
  }
  return sources.map((s) => [s, destIsDir ? joinPath(dest, lastComponent(s)) : dest]);
}

export const cp = tool(
  {
    name: 'cp',
    short: 'adfinprRTv',
    long: [
      { name: 'archive', key: 'a' },
      { name: 'force', key: 'f' },
      { name: 'no-clobber', key: 'n' },
      { name: 'recursive', key: 'r' },
      { name: 'no-target-directory', key: 'T' },
      { name: 'verbose', key: 'v' },
    ],
    authors: 'Written by Torbjorn Granlund, David MacKenzie, and Jim Meyering.',
  },
  async (t, opts, operands) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    const o: CopyOpts = {
      recursive: has('r') || has('R') || has('a'),
      preserve: has('p') || has('a'),
      noDeref: has('a') || has('d') || ((has('r') || has('R')) && !has('L')),
      noClobber: has('n'),
      force: has('f'),
      verbose: has('v'),
    };
    const pairs = await plan(t, operands, has('T'));
    if (typeof pairs === 'number') return pairs;
    let status = 0;
    for (const [src, dst] of pairs) {
      // Command-line symlinks are followed unless -a/-d/-P.
      const opt = { ...o, noDeref: has('a') || has('d') };
      if (!(await copyTree(t, src, dst, opt))) status = 1;
    }
    return status;
  },
);

export const mv = tool(
  {
    name: 'mv',
    short: 'fintTv',
    long: [
      { name: 'force', key: 'f' },
      { name: 'interactive', key: 'i' },
      { name: 'no-clobber', key: 'n' },
      { name: 'no-target-directory', key: 'T' },
      { name: 'verbose', key: 'v' },
    ],
    authors: 'Written by Mike Parker, David MacKenzie, and Jim Meyering.',
  },
  async (t, opts, operands) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    const pairs = await plan(t, operands, has('T'));
    if (typeof pairs === 'number') return pairs;
    const fs = t.sys.fs;
    let status = 0;
    for (const [src, dst] of pairs) {
      try {
        const st = fs.lstat(src);
        const existing = statOrNull(t, dst, false);
        if (existing && has('n')) continue;
        if (existing && fs.realpath(src) === fs.realpath(dst)) {
          await t.error(`${q(src)} and ${q(dst)} are the same file`);
          status = 1;
          continue;
        }
        if (existing?.type === 'dir' && st.type !== 'dir') {
          await t.error(`cannot overwrite directory ${q(dst)} with non-directory`);
          status = 1;
          continue;
        }
        if (st.type === 'dir' && `${fs.realpath(dst.includes('/') ? dst.slice(0, dst.lastIndexOf('/')) || '/' : '.')}/`.startsWith(`${fs.realpath(src)}/`)) {
          await t.error(`cannot move ${q(src)} to a subdirectory of itself, ${q(dst)}`);
          status = 1;
          continue;
        }
        try {
          fs.rename(src, dst);
        } catch (err) {
          if (!isSysError(err, 'EXDEV')) throw err;
          const copied = await copyTree(t, src, dst, { recursive: true, preserve: true, noDeref: true, noClobber: false, force: true, verbose: false });
          if (!copied) throw new SysError('EIO', 'rename', src);
          removeTree(t, src);
        }
        if (has('v')) await t.out.write(`renamed ${q(src)} -> ${q(dst)}\n`);
      } catch (err) {
        if (!isSysError(err)) throw err;
        const exists = statOrNull(t, src, false) !== null;
        await t.error(exists ? `cannot move ${q(src)} to ${q(dst)}: ${errorText(err)}` : `cannot stat ${q(src)}: ${errorText(err)}`);
        status = 1;
      }
    }
    return status;
  },
);

function removeTree(t: Tool, path: string): void {
  const fs = t.sys.fs;
  if (fs.lstat(path).type === 'dir') {
    for (const n of fs.readdir(path)) removeTree(t, joinPath(path, n));
    fs.rmdir(path);
  } else fs.unlink(path);
}
