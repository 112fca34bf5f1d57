/**
 * busybox mkdir and rmdir (coreutils/mkdir.c, rmdir.c, libbb/make_directory.c): `mkdir: can't create directory
 * 'a': File exists`, -v's `created directory: 'a'`, `rmdir: 'a': Directory not empty` and -v's
 * `rmdir: removing directory, 'a'`.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { applyMode } from '../coreutils/mode.js';
import { Output } from '../lib/output.js';
import { bbGetopt, keys, valueOf } from './common.js';
import { showUsage } from './usage.js';

/**
 * bb_make_directory: with -p each parent in turn, an existing directory on the way being fine. A parent is
 * the path up to and with the slashes after it (`created directory: 'p/'`), as the C code cuts it.
 */
async function makeDirectory(sys: Sys, out: Output, path: string, mode: number | undefined, parents: boolean, verbose: boolean): Promise<boolean> {
  if (path === '/' || path === '.') return true;
  const steps: string[] = [];
  if (parents) {
    for (let i = path.indexOf('/', 1); i >= 0; i = path.indexOf('/', i + 1)) {
      let next = i;
      while (path[next] === '/') next++;
      if (next >= path.length) break;
      steps.push(path.slice(0, next));
      i = next - 1;
    }
  }
  steps.push(path);
  for (const [n, dir] of steps.entries()) {
    const last = n === steps.length - 1;
    try {
      sys.fs.mkdir(dir, { mode: 0o777 });
      if (verbose) await out.write(`created directory: '${dir}'\n`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      let isDir = false;
      try {
        isDir = sys.fs.stat(dir).type === 'dir';
      } catch {
        // not there: the mkdir error stands
      }
      if (e.code !== 'EEXIST' || !parents || !isDir) {
        await out.flush();
        await sys.write(2, `mkdir: can't create directory '${dir}': ${e.message}\n`);
        return false;
      }
      if (last) return true;
    }
    if (last && mode !== undefined) {
      try {
        sys.fs.chmod(dir, mode);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await out.flush();
        await sys.write(2, `mkdir: can't set permissions of directory '${dir}': ${e.message}\n`);
        return false;
      }
    }
  }
  return true;
}

export const mkdir: Program = async (sys) => {
  const got = await bbGetopt(sys, 'mkdir', {
    short: 'm:pv',
    long: [{ name: 'mode', key: 'm', arg: 'required' }, { name: 'parents', key: 'p' }, { name: 'verbose', key: 'v' }],
  });
  if (typeof got === 'number') return got;
  const o = keys(got.opts);
  let mode: number | undefined;
  const spec = valueOf(got.opts, 'm');
  if (spec !== undefined) {
    // bb_parse_mode applies a symbolic mode to 0777, ignoring the umask.
    const m = applyMode(spec, 0o777, true, 0);
    if (m === null) {
      await sys.write(2, `mkdir: invalid mode '${spec}'\n`);
      return 1;
    }
    mode = m;
  }
  if (got.operands.length === 0) return showUsage(sys, 'mkdir');
  const out = new Output(sys, 1);
  let status = 0;
  for (const path of got.operands) if (!(await makeDirectory(sys, out, path, mode, o.has('p'), o.has('v')))) status = 1;
  await out.flush();
  return status;
};

/** dirname(3) as rmdir -p walks up: `.` when no slash is left. */
function parent(path: string): string {
  const p = path.replace(/\/+$/, '');
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  return p.slice(0, i).replace(/\/+$/, '') || '/';
}

export const rmdir: Program = async (sys) => {
  const got = await bbGetopt(sys, 'rmdir', {
    short: 'pv',
    long: [{ name: 'parents', key: 'p' }, { name: 'ignore-fail-on-non-empty' }, { name: 'verbose', key: 'v' }],
  });
  if (typeof got === 'number') return got;
  const o = keys(got.opts);
  if (got.operands.length === 0) return showUsage(sys, 'rmdir');
  const out = new Output(sys, 1);
  let status = 0;
  for (const operand of got.operands) {
    let path = operand;
    for (;;) {
      if (o.has('v')) await out.write(`rmdir: removing directory, '${path}'\n`);
      try {
        sys.fs.rmdir(path);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (o.has('ignore-fail-on-non-empty') && e.code === 'ENOTEMPTY') break;
        await out.flush();
        await sys.write(2, `rmdir: '${path}': ${e.message}\n`);
        status = 1;
        break;
      }
      if (!o.has('p')) break;
      path = parent(path);
      if (path === '.') break;
    }
  }
  await out.flush();
  return status;
};
