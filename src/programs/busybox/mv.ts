/**
 * busybox mv (coreutils/mv.c): `mv: can't rename 'SRC': strerror` (GNU: `cannot stat`), -v's `'SRC' -> 'DEST'`
 * (printed even when the move failed, as mv.c falls through to it), -n/-i/-f last wins, the overwrite prompt,
 * -t/-T. A move across filesystems (EXDEV) is copy-and-remove, done by GNU mv's code for that one pair.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { Output } from '../lib/output.js';
import { bbGetopt, valueOf, withArgv } from './common.js';
import { showUsage } from './usage.js';

const LONG = [
  { name: 'interactive', key: 'i' },
  { name: 'force', key: 'f' },
  { name: 'no-clobber', key: 'n' },
  { name: 'no-target-directory', key: 'T' },
  { name: 'target-directory', key: 't', arg: 'required' as const },
  { name: 'verbose', key: 'v' },
];

const lastComponent = (p: string): string => p.replace(/\/+$/, '').split('/').pop() || '/';

/** cp_mv_stat: 0 missing, 1 there, 3 a directory; null for another error (reported). */
async function destState(sys: Sys, path: string): Promise<0 | 1 | 3 | null> {
  try {
    return sys.fs.stat(path).type === 'dir' ? 3 : 1;
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.code === 'ENOENT') return 0;
    await sys.write(2, `mv: can't stat '${path}': ${e.message}\n`);
    return null;
  }
}

export function busyboxMv(gnuMv: Program): Program {
  return async (sys) => {
    const got = await bbGetopt(sys, 'mv', { short: 'finTt:v', long: LONG });
    if (typeof got === 'number') return got;
    const has = (k: string): boolean => got.opts.some((o) => o.key === k);
    // "f-in:i-fn:n-fi": the last of -f, -i and -n is the one that counts.
    const mode = got.opts.filter((o) => 'fin'.includes(o.key)).pop()?.key;
    const dir = valueOf(got.opts, 't');
    const ops = got.operands;
    const out = new Output(sys, 1);
    let status = 0;
    let pairs: [string, string, 0 | 1 | 3 | null][] = [];
    if (dir === undefined) {
      if (ops.length < 2 || (ops.length > 2 && has('T'))) return showUsage(sys, 'mv');
      const last = ops[ops.length - 1];
      if (ops.length === 2) {
        const state = await destState(sys, last);
        if (state === null) return 1;
        if (state !== 3) pairs = [[ops[0], last, state]];
        else if (has('T')) {
          let srcIsDir = true;
          try {
            srcIsDir = sys.fs.stat(ops[0]).type === 'dir';
          } catch {
            // stat failed: mv.c goes on to rename, which reports it
          }
          if (!srcIsDir) {
            await sys.write(2, `mv: '${last}' is a directory\n`);
            return 1;
          }
          pairs = [[ops[0], last, state]];
        }
      }
      if (pairs.length === 0) {
        for (const src of ops.slice(0, -1)) pairs.push([src, `${last.replace(/\/+$/, '')}/${lastComponent(src)}`, null]);
      }
    } else {
      if (ops.length < 1) return showUsage(sys, 'mv');
      for (const src of ops) pairs.push([src, `${dir.replace(/\/+$/, '')}/${lastComponent(src)}`, null]);
    }
    for (const [src, dest, known] of pairs) {
      const exists = known ?? (await destState(sys, dest));
      if (exists === null) {
        status = 1;
        break;
      }
      let skip = false;
      if (exists) {
        if (mode === 'n') skip = true;
        else if (mode !== 'f' && ((!sys.fs.access(dest, 'w') && sys.isatty(0)) || mode === 'i')) {
          await out.flush();
          await sys.write(2, `mv: overwrite '${dest}'? `);
          const line = await sys.read(0);
          skip = !(line !== null && /^[yY]/.test(line));
        }
      }
      if (!skip) {
        try {
          sys.fs.rename(src, dest);
        } catch (e) {
          if (!isSysError(e)) throw e;
          let srcThere = false;
          try {
            sys.fs.lstat(src);
            srcThere = true;
          } catch {
            // gone: the rename's error stands
          }
          if (e.code === 'EXDEV' && srcThere) {
            // Across filesystems: copy and remove.
            await out.flush();
            if ((await gnuMv(withArgv(sys, ['mv', '-f', '-T', '--', src, dest]))) !== 0) status = 1;
          } else {
            await out.flush();
            await sys.write(2, `mv: can't rename '${src}': ${e.message}\n`);
            status = 1;
          }
        }
      }
      if (has('v')) await out.write(`'${src}' -> '${dest}'\n`);
    }
    await out.flush();
    return status;
  };
}
