/**
 * busybox ln (coreutils/ln.c): every failure is `ln: NAME: strerror` (`ln: f: File exists`, where GNU says
 * `failed to create symbolic link 'f'`), -v's `'LINK' -> 'TARGET'`, -f, -n, -b/-S backups, -T. The simulated
 * filesystem has no link(2): a hard link fails with EPERM, as GNU ln's does here.
 */
import { SysError, isSysError } from '../../engine/kernel/errno.js';
import type { Program } from '../../engine/kernel/sys.js';
import { Output } from '../lib/output.js';
import { bbGetopt, keys, valueOf } from './common.js';
import { showUsage } from './usage.js';

const lastComponent = (p: string): string => p.replace(/\/+$/, '').split('/').pop() || '/';

export const ln: Program = async (sys) => {
  const got = await bbGetopt(sys, 'ln', { short: 'sfnbS:vT' });
  if (typeof got === 'number') return got;
  const o = keys(got.opts);
  const ops = got.operands;
  if (ops.length === 0) return showUsage(sys, 'ln');
  if (o.has('T') && ops.length > 2) {
    await sys.write(2, 'ln: -T accepts 2 args max\n');
    return 1;
  }
  const suffix = valueOf(got.opts, 'S') ?? '~';
  const backup = o.has('b') || o.has('S');
  const out = new Output(sys, 1);
  const fail = async (name: string, e: { message: string }): Promise<void> => {
    await out.flush();
    await sys.write(2, `ln: ${name}: ${e.message}\n`);
  };
  // One operand links it into the current directory under its own name.
  const last = ops.length === 1 ? lastComponent(ops[0]) : ops[ops.length - 1];
  const targets = ops.length === 1 ? ops : ops.slice(0, -1);
  let status = 0;
  for (const target of targets) {
    let link = last;
    let isDir = false;
    try {
      isDir = (o.has('n') ? sys.fs.lstat(link) : sys.fs.stat(link)).type === 'dir';
    } catch {
      // not there, or not a directory: the link's own name
    }
    if (isDir) {
      if (o.has('T')) {
        await out.flush();
        await sys.write(2, `ln: '${link}' is a directory\n`);
        return 1;
      }
      link = `${link.replace(/\/+$/, '')}/${lastComponent(target)}`;
    }
    if (!o.has('s')) {
      try {
        sys.fs.stat(target);
      } catch (e) {
        if (!isSysError(e)) throw e;
        let dangling = false;
        try {
          dangling = sys.fs.lstat(target).type === 'symlink';
        } catch {
          // missing altogether
        }
        if (!dangling) {
          await fail(target, e);
          status = 1;
          continue;
        }
      }
    }
    if (backup) {
      try {
        sys.fs.rename(link, `${link}${suffix}`);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.code !== 'ENOENT') {
          await fail(link, e);
          status = 1;
          continue;
        }
      }
    } else if (o.has('f')) {
      try {
        sys.fs.unlink(link);
      } catch {
        // unlink(2)'s failure is ignored; the link call reports what matters
      }
    }
    if (o.has('v')) await out.write(`'${link}' -> '${target}'\n`);
    try {
      if (o.has('s')) sys.fs.symlink(target, link);
      else throw new SysError('EPERM', 'link', link);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await fail(link, e);
      status = 1;
    }
  }
  await out.flush();
  return status;
};
