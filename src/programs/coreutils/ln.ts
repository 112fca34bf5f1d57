/**
 * ln: symbolic links. The filesystem interface has no link(2), so hard links fail with EPERM, as they do
 * on filesystems without hard-link support.
 */
import { SysError, isSysError } from '../../engine/kernel/errno.js';
import { errorText, quoteAlways as q } from '../lib/output.js';
import { joinPath, lastComponent, tool } from './common.js';

export const ln = tool(
  {
    name: 'ln',
    short: 'fnsTv',
    long: [
      { name: 'force', key: 'f' },
      { name: 'no-dereference', key: 'n' },
      { name: 'symbolic', key: 's' },
      { name: 'no-target-directory', key: 'T' },
      { name: 'verbose', key: 'v' },
    ],
    authors: 'Written by Mike Parker and David MacKenzie.',
  },
  async (t, opts, operands) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    const fs = t.sys.fs;
    if (operands.length === 0) return t.usage('missing file operand');
    const isDir = (p: string): boolean => {
      try {
        return (has('n') ? fs.lstat(p) : fs.stat(p)).type === 'dir';
      } catch {
        return false;
      }
    };
    let pairs: [string, string][];
    if (operands.length === 1) pairs = [[operands[0], lastComponent(operands[0])]];
    else {
      const dest = operands[operands.length - 1];
      const srcs = operands.slice(0, -1);
      const intoDir = !has('T') && isDir(dest);
      if (srcs.length > 1 && !intoDir) {
        await t.error(fs.exists(dest) ? `target ${q(dest)} is not a directory` : `target ${q(dest)}: No such file or directory`);
        return 1;
      }
      pairs = srcs.map((s) => [s, intoDir ? joinPath(dest, lastComponent(s)) : dest]);
    }
    let status = 0;
    for (const [target, link] of pairs) {
      const kind = has('s') ? 'symbolic link' : 'hard link';
      try {
        if (!has('s')) {
          fs.stat(target);
          throw new SysError('EPERM', 'link', link);
        }
        let exists = false;
        try {
          fs.lstat(link);
          exists = true;
        } catch (err) {
          if (!isSysError(err, 'ENOENT')) throw err;
        }
        if (exists && has('f')) fs.unlink(link);
        fs.symlink(target, link);
        if (has('v')) await t.out.write(`${q(link)} -> ${q(target)}\n`);
      } catch (err) {
        if (!isSysError(err)) throw err;
        if (!has('s') && !fs.exists(target)) await t.error(`failed to access ${q(target)}: ${errorText(err)}`);
        else if (!has('s') && err.code === 'EPERM') await t.error(`failed to create hard link ${q(link)} => ${q(target)}: ${errorText(err)}`);
        else await t.error(`failed to create ${kind} ${q(link)}: ${errorText(err)}`);
        status = 1;
      }
    }
    return status;
  },
);
