/**
 * busybox touch (coreutils/touch.c): a file it cannot create is `touch: PATH: strerror` (GNU: `cannot touch`),
 * -r's missing file `touch: can't stat 'F': …`, a bad -d `touch: invalid date 'X'`.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program } from '../../engine/kernel/sys.js';
import { parseDate } from '../coreutils/dateparse.js';
import { bbGetopt, keys, valueOf } from './common.js';
import { showUsage } from './usage.js';

/** -t's [[CC]YY]MMDDhhmm[.ss], in UTC (the simulation's local time). */
function touchStamp(s: string, now: number): number | null {
  const m = /^(\d{2,4})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(s);
  if (!m || (m[1] !== undefined && m[1].length === 3)) return null;
  let year = new Date(now).getUTCFullYear();
  if (m[1] !== undefined) year = m[1].length === 4 ? Number(m[1]) : Number(m[1]) + (Number(m[1]) < 69 ? 2000 : 1900);
  const ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return Number.isNaN(ms) ? null : ms;
}

export const touch: Program = async (sys) => {
  const got = await bbGetopt(sys, 'touch', {
    short: 'chr:d:t:amf',
    long: [
      { name: 'no-create', key: 'c' },
      { name: 'no-dereference', key: 'h' },
      { name: 'reference', key: 'r', arg: 'required' },
      { name: 'date', key: 'd', arg: 'required' },
    ],
  });
  if (typeof got === 'number') return got;
  const o = keys(got.opts);
  if (got.operands.length === 0) return showUsage(sys, 'touch');
  let when = sys.now();
  const ref = valueOf(got.opts, 'r');
  if (ref !== undefined) {
    try {
      when = sys.fs.stat(ref).mtimeMs;
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.write(2, `touch: can't stat '${ref}': ${e.message}\n`);
      return 1;
    }
  }
  for (const key of ['d', 't']) {
    const s = valueOf(got.opts, key);
    if (s === undefined) continue;
    const d = key === 'd' ? parseDate(s, when) : touchStamp(s, when);
    if (d === null) {
      await sys.write(2, `touch: invalid date '${s}'\n`);
      return 1;
    }
    when = d;
  }
  let status = 0;
  for (const file of got.operands) {
    try {
      if (!sys.fs.exists(file)) {
        if (o.has('c')) continue;
        sys.fs.writeFile(file, '', { append: true, mode: 0o666 });
      }
      const st = sys.fs.stat(file);
      // -a alone keeps the modification time, -m alone the access time.
      sys.fs.utimes(file, o.has('m') && !o.has('a') ? st.atimeMs : when, o.has('a') && !o.has('m') ? st.mtimeMs : when);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.write(2, `touch: ${file}: ${e.message}\n`);
      status = 1;
    }
  }
  return status;
};
