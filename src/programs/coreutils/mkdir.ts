/** mkdir and rmdir. */
import { SysError, isSysError } from '../../engine/kernel/errno.js';
import { errorText, quoteAlways } from '../lib/output.js';
import { flags, tool } from './common.js';
import { applyMode } from './mode.js';

export const mkdir = tool(
  {
    name: 'mkdir',
    short: 'm:pvZ',
    long: [
      { name: 'mode', key: 'm', arg: 'required' },
      { name: 'parents', key: 'p' },
      { name: 'verbose', key: 'v' },
    ],
    authors: 'Written by David MacKenzie.',
  },
  async (t, opts, dirs) => {
    const f = flags(opts);
    const fs = t.sys.fs;
    let mode: number | undefined;
    if (f.has('m')) {
      const m = applyMode(String(f.get('m')), 0o777, true, 0);
      if (m === null) {
        await t.error(`invalid mode ${t.lq(String(f.get('m')))}`);
        return 1;
      }
      mode = m;
    }
    if (dirs.length === 0) return t.usage('missing operand');
    let status = 0;
    const made = async (d: string): Promise<void> => {
      if (f.has('v')) await t.out.write(`${t.name}: created directory ${t.lq(d)}\n`);
    };
    for (const dir of dirs) {
      let current = dir;
      try {
        if (f.has('p')) {
          const parts = dir.split('/');
          for (let i = 1; i <= parts.length; i++) {
            current = parts.slice(0, i).join('/');
            if (current === '' || parts[i - 1] === '' || parts[i - 1] === '.') continue;
            if (fs.exists(current)) {
              if (fs.stat(current).type !== 'dir') throw new SysError('ENOTDIR', 'mkdir', current);
              continue;
            }
            const last = i === parts.length || parts.slice(i).every((p) => p === '');
            fs.mkdir(current, { mode: last && mode !== undefined ? mode : 0o777 });
            if (last && mode !== undefined) fs.chmod(current, mode);
            await made(current);
          }
          current = dir;
        } else {
          fs.mkdir(dir, { mode: mode ?? 0o777 });
          if (mode !== undefined && mode & ~0o777) fs.chmod(dir, mode);
          else if (mode !== undefined) fs.chmod(dir, mode);
          await made(dir);
        }
      } catch (err) {
        if (!isSysError(err)) throw err;
        await t.error(`cannot create directory ${t.lq(current)}: ${errorText(err)}`);
        status = 1;
      }
    }
    return status;
  },
);

export const rmdir = tool(
  {
    name: 'rmdir',
    short: 'pv',
    long: [{ name: 'ignore-fail-on-non-empty' }, { name: 'parents', key: 'p' }, { name: 'verbose', key: 'v' }],
    authors: 'Written by David MacKenzie.',
  },
  async (t, opts, dirs) => {
    const f = flags(opts);
    if (dirs.length === 0) return t.usage('missing operand');
    let status = 0;
    for (const dir of dirs) {
      const chain = [dir.replace(/\/+$/, '') || dir];
      if (f.has('p')) {
        let d = chain[0];
        while (d.includes('/') && d.lastIndexOf('/') > 0) {
          d = d.slice(0, d.lastIndexOf('/')).replace(/\/+$/, '');
          chain.push(d);
        }
      }
      for (const d of chain) {
        if (f.has('v')) await t.out.write(`${t.name}: removing directory, ${quoteAlways(d)}\n`);
        try {
          if (t.sys.fs.lstat(d).type !== 'dir') throw new SysError('ENOTDIR', 'rmdir', d);
          t.sys.fs.rmdir(d);
        } catch (err) {
          if (!isSysError(err)) throw err;
          if (!(err.code === 'ENOTEMPTY' && f.has('ignore-fail-on-non-empty'))) {
            await t.error(`failed to remove ${quoteAlways(d)}: ${errorText(err)}`);
            status = 1;
          }
          break;
        }
      }
    }
    return status;
  },
);
