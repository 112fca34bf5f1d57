/** touch: creates files and sets their times to now (or to -d's date). */
import { isSysError } from '../../engine/kernel/errno.js';
import { errorText, quoteAlways as q } from '../lib/output.js';
import { flags, tool } from './common.js';
import { parseDate } from './dateparse.js';

export const touch = tool(
  {
    name: 'touch',
    short: 'acd:fhmr:t:',
    long: [
      { name: 'no-create', key: 'c' },
      { name: 'date', key: 'd', arg: 'required' },
      { name: 'reference', key: 'r', arg: 'required' },
      { name: 'no-dereference', key: 'h' },
      { name: 'time', arg: 'required' },
    ],
    authors: 'Written by Paul Rubin, Arnold Robbins, Jim Kingdon,\nDavid MacKenzie, and Randy Smith.',
  },
  async (t, opts, files) => {
    const f = flags(opts);
    const fs = t.sys.fs;
    let when = t.sys.now();
    if (f.has('d')) {
      const d = parseDate(String(f.get('d')), when);
      if (d === null) {
        await t.error(`invalid date format ${t.lq(String(f.get('d')))}`);
        return 1;
      }
      when = d;
    }
    if (f.has('r')) {
      try {
        when = fs.stat(String(f.get('r'))).mtimeMs;
      } catch (err) {
        if (!isSysError(err)) throw err;
        await t.error(`failed to get attributes of ${q(String(f.get('r')))}: ${errorText(err)}`);
        return 1;
      }
    }
    if (files.length === 0) return t.usage('missing file operand');
    const onlyA = f.has('a') && !f.has('m');
    const onlyM = f.has('m') && !f.has('a');
    let status = 0;
    for (const file of files) {
      try {
        if (file === '-') continue;
        if (!fs.exists(file)) {
          if (f.has('c')) continue;
          fs.writeFile(file, '', { append: true, mode: 0o666 });
        }
        const st = fs.stat(file);
        fs.utimes(file, onlyM ? st.atimeMs : when, onlyA ? st.mtimeMs : when);
      } catch (err) {
        if (!isSysError(err)) throw err;
        await t.error(`cannot touch ${q(file)}: ${errorText(err)}`);
        status = 1;
      }
    }
    return status;
  },
);
