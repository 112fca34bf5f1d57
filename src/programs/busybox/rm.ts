/**
 * busybox rm (coreutils/rm.c, libbb/remove_file.c): `rm: can't remove 'x': …` where GNU says `cannot remove`,
 * `rm: 'd' is a directory`, the prompts `rm: remove 'x'? ` and `rm: descend into directory 'd'? `, and -v's
 * `removed 'x'` / `removed directory: 'd'`.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Stat } from '../../engine/kernel/fsTypes.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { bbGetopt } from './common.js';
import { showUsage } from './usage.js';

interface Flags {
  force: boolean;
  interactive: boolean;
  recursive: boolean;
  verbose: boolean;
}

/** bb_ask_y_confirmation: a line from stdin, yes when it starts with y or Y. */
async function confirm(sys: Sys, question: string): Promise<boolean> {
  await sys.write(2, question);
  const line = await sys.read(0);
  return line !== null && /^[yY]/.test(line);
}

async function removeFile(sys: Sys, path: string, f: Flags): Promise<boolean> {
  const say = async (msg: string): Promise<false> => (await sys.write(2, `rm: ${msg}\n`), false);
  let st: Stat;
  try {
    st = sys.fs.lstat(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.code !== 'ENOENT') return say(`can't stat '${path}': ${e.message}`);
    return f.force ? true : say(`can't remove '${path}': ${e.message}`);
  }
  sys.cpu(1);
  if (st.type === 'dir') {
    if (!f.recursive) return say(`'${path}' is a directory`);
    const asks = (!f.force && !sys.fs.access(path, 'w') && sys.isatty(0)) || f.interactive;
    if (asks && !(await confirm(sys, `rm: descend into directory '${path}'? `))) return true;
    let names: string[];
    try {
      names = sys.fs.readdir(path);
    } catch {
      return false;
    }
    let ok = true;
    for (const n of names) ok = (await removeFile(sys, `${path.replace(/\/+$/, '')}/${n}`, f)) && ok;
    if (f.interactive && !(await confirm(sys, `rm: remove directory '${path}'? `))) return ok;
    if (!ok) return false;
    try {
      sys.fs.rmdir(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return say(`can't remove '${path}': ${e.message}`);
    }
    if (f.verbose) await sys.write(1, `removed directory: '${path}'\n`);
    return true;
  }
  const asks = (!f.force && !sys.fs.access(path, 'w') && st.type !== 'symlink' && sys.isatty(0)) || f.interactive;
  if (asks && !(await confirm(sys, `rm: remove '${path}'? `))) return true;
  try {
    sys.fs.unlink(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return say(`can't remove '${path}': ${e.message}`);
  }
  if (f.verbose) await sys.write(1, `removed '${path}'\n`);
  return true;
}

export const rm: Program = async (sys) => {
  const got = await bbGetopt(sys, 'rm', { short: 'fiRrv' });
  if (typeof got === 'number') return got;
  // "f-i:i-f": the later of -f and -i cancels the other.
  const last = got.opts.filter((o) => o.key === 'f' || o.key === 'i').pop()?.key;
  const f: Flags = {
    force: last === 'f',
    interactive: last === 'i',
    recursive: got.opts.some((o) => o.key === 'r' || o.key === 'R'),
    verbose: got.opts.some((o) => o.key === 'v'),
  };
  if (got.operands.length === 0) return f.force ? 0 : showUsage(sys, 'rm');
  let status = 0;
  for (const path of got.operands) {
    const base = path.replace(/\/+$/, '').split('/').pop();
    if (base === '.' || base === '..') {
      await sys.write(2, "rm: can't remove '.' or '..'\n");
      status = 1;
    } else if (!(await removeFile(sys, path, f))) status = 1;
  }
  return status;
};
