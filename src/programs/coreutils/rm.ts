/** rm: removes files, and directories with -r or -d; -i and write-protected files ask on the terminal. */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Stat } from '../../engine/kernel/fsTypes.js';
import { errorText, quoteAlways } from '../lib/output.js';
import { flags, joinPath, tool, type Tool } from './common.js';

interface RmOpts {
  force: boolean;
  recursive: boolean;
  emptyDirs: boolean;
  interactive: boolean;
  verbose: boolean;
}

function kind(st: Stat, empty: boolean): string {
  switch (st.type) {
    case 'dir': return 'directory';
    case 'symlink': return 'symbolic link';
    case 'fifo': return 'fifo';
    case 'socket': return 'socket';
    case 'chardev': return 'character special file';
    default: return empty && st.size === 0 ? 'regular empty file' : 'regular file';
  }
}

async function ask(t: Tool, question: string): Promise<boolean> {
  await t.out.flush();
  await t.sys.write(2, `${t.name}: ${question}? `);
  const line = await t.sys.read(0);
  return line !== null && /^[yY]/.test(line);
}

async function remove(t: Tool, path: string, o: RmOpts): Promise<boolean> {
  const fs = t.sys.fs;
  const q = quoteAlways(path);
  let st: Stat;
  try {
    st = fs.lstat(path);
  } catch (err) {
    if (!isSysError(err)) throw err;
    if (o.force && err.code === 'ENOENT') return true;
    await t.error(`cannot remove ${q}: ${errorText(err)}`);
    return false;
  }
  t.sys.cpu(1);
  if (st.type === 'dir') {
    if (!o.recursive && !o.emptyDirs) {
      await t.error(`cannot remove ${q}: Is a directory`);
      return false;
    }
    let children: string[] = [];
    try {
      children = fs.readdir(path);
    } catch (err) {
      if (!isSysError(err)) throw err;
      if (o.recursive) {
        await t.error(`cannot remove ${q}: ${errorText(err)}`);
        return false;
      }
    }
    if (children.length > 0 && !o.recursive) {
      await t.error(`cannot remove ${q}: Directory not empty`);
      return false;
    }
    if (children.length > 0 && o.interactive && !(await ask(t, `descend into directory ${q}`))) return true;
    let ok = true;
    for (const c of children) ok = (await remove(t, joinPath(path, c), o)) && ok;
    if (!ok) return false;
    if (o.interactive && !(await ask(t, `remove directory ${q}`))) return true;
    try {
      fs.rmdir(path);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await t.error(`cannot remove ${q}: ${errorText(err)}`);
      return false;
    }
    if (o.verbose) await t.out.write(`removed directory ${q}\n`);
    return true;
  }
  const protectedFile = st.type !== 'symlink' && !o.force && t.sys.isatty(0) && !fs.access(path, 'w');
  if (o.interactive || protectedFile) {
    const what = `${protectedFile ? 'write-protected ' : ''}${kind(st, true)}`;
    if (!(await ask(t, `remove ${what} ${q}`))) return true;
  }
  try {
    fs.unlink(path);
  } catch (err) {
    if (!isSysError(err)) throw err;
    await t.error(`cannot remove ${q}: ${errorText(err)}`);
    return false;
  }
  if (o.verbose) await t.out.write(`removed ${q}\n`);
  return true;
}

export const rm = tool(
  {
    name: 'rm',
    short: 'dfirRvI',
    long: [
      { name: 'dir', key: 'd' },
      { name: 'force', key: 'f' },
      { name: 'interactive', arg: 'optional' },
      { name: 'recursive', key: 'r' },
      { name: 'verbose', key: 'v' },
      { name: 'no-preserve-root' },
      { name: 'preserve-root', arg: 'optional' },
    ],
    authors: 'Written by Paul Rubin, David MacKenzie, Richard M. Stallman,\nand Jim Meyering.',
  },
  async (t, opts, files) => {
    const o: RmOpts = { force: false, recursive: false, emptyDirs: false, interactive: false, verbose: false };
    let preserveRoot = true;
    for (const x of opts) {
      if (x.key === 'f') {
        o.force = true;
        o.interactive = false;
      } else if (x.key === 'i' || (x.key === 'interactive' && x.value !== 'never')) {
        o.interactive = true;
        o.force = false;
      } else if (x.key === 'r' || x.key === 'R') o.recursive = true;
      else if (x.key === 'd') o.emptyDirs = true;
      else if (x.key === 'v') o.verbose = true;
      else if (x.key === 'no-preserve-root') preserveRoot = false;
      else if (x.key === 'preserve-root') preserveRoot = true;
    }
    void flags;
    if (files.length === 0) return o.force ? 0 : t.usage('missing operand');
    let status = 0;
    for (const file of files) {
      const base = file.replace(/\/+$/, '').split('/').pop();
      if (base === '.' || base === '..') {
        await t.error(`refusing to remove '.' or '..' directory: skipping ${quoteAlways(file)}`);
        status = 1;
        continue;
      }
      if (o.recursive && preserveRoot && isRoot(t, file)) {
        await t.error(`it is dangerous to operate recursively on ${quoteAlways('/')}`);
        await t.error('use --no-preserve-root to override this failsafe');
        status = 1;
        continue;
      }
      if (!(await remove(t, file, o))) status = 1;
    }
    return status;
  },
);

function isRoot(t: Tool, path: string): boolean {
  try {
    return t.sys.fs.realpath(path) === '/';
  } catch {
    return false;
  }
}
