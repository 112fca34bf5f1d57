/**
 * busybox head (coreutils/head.c): `head: F: strerror` for a file it cannot open (GNU: `cannot open 'F' for
 * reading`), a read error reported as EIO (fclose_if_not_stdin), counts with b/k/m suffixes, `-N` first, and
 * options read by plain getopt(3), not getopt_long: `--foo` is `invalid option -- '-'`.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { withInput } from '../coreutils/common.js';
import { parseArgs } from '../lib/args.js';
import { Output } from '../lib/output.js';
import { getoptMessage } from './common.js';
import { showUsage } from './usage.js';

const SUFFIXES: Record<string, number> = { '': 1, b: 512, k: 1024, m: 1024 * 1024 };

/** eat_num: a leading `-` means all but the last N; the number may carry b, k or m. */
function count(s: string): { n: number; allBut: boolean } | null {
  const m = /^(-?)(\d+)([bkm]?)$/.exec(s);
  if (!m) return null;
  return { n: Number(m[2]) * SUFFIXES[m[3]], allBut: m[1] === '-' };
}

/** Reads the whole input, stopping early once `enough` says so. */
async function readUntil(sys: Sys, fd: number, enough: (text: string) => boolean): Promise<string> {
  let text = '';
  for (let d = await sys.read(fd); d !== null; d = await sys.read(fd)) {
    text += d;
    sys.cpu(1 + (d.length >> 14));
    if (enough(text)) break;
  }
  return text;
}

function nthNewline(text: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return -1;
  }
  return at;
}

export const head: Program = async (sys) => {
  let args = sys.argv.slice(1);
  let n = 10;
  let bytes = false;
  let allBut = false;
  let threshold = 1;
  const setCount = async (s: string): Promise<boolean> => {
    const c = count(s);
    if (c === null) {
      await sys.write(2, `head: invalid number '${s}'\n`);
      return false;
    }
    ({ n, allBut } = c);
    return true;
  };
  // The legacy `head -5`: a first argument of a dash and digits is the count.
  if (/^-\d/.test(args[0] ?? '')) {
    if (!(await setCount(args[0].slice(1)))) return 1;
    args = args.slice(1);
  }
  // getopt(3) without long options: `--foo` is the option letters '-', 'f', 'o'…
  const end = args.indexOf('--');
  const masked = args.map((a, i) => ((end < 0 || i < end) && a.startsWith('--') && a !== '--' ? '-\u0001' : a));
  const parsed = parseArgs(masked, { short: 'n:c:qv' });
  if (!parsed.ok) {
    const msg = parsed.error.replace('\u0001', '-');
    await sys.write(2, `${sys.argv[0] || 'head'}: ${getoptMessage(sys, msg, args)}\n`);
    return showUsage(sys, 'head');
  }
  for (const o of parsed.opts) {
    if (o.key === 'q') threshold = Infinity;
    else if (o.key === 'v') threshold = -1;
    else {
      bytes = o.key === 'c';
      if (!(await setCount(o.value!))) return 1;
    }
  }
  const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const headers = files.length > threshold;
  const out = new Output(sys, 1);
  let status = 0;
  for (const [i, f] of files.entries()) {
    const name = f === '-' ? 'standard input' : f;
    try {
      await withInput(sys, f, async (fd) => {
        if (headers) await out.write(`${i > 0 ? '\n' : ''}==> ${name} <==\n`);
        let text: string;
        try {
          text = await readUntil(sys, fd, (t) => !allBut && (bytes ? t.length >= n : nthNewline(t, n) >= 0));
        } catch (e) {
          if (!isSysError(e)) throw e;
          await out.flush();
          await sys.write(2, `head: ${name}: Input/output error\n`);
          status = 1;
          return;
        }
        if (bytes) await out.write(allBut ? text.slice(0, Math.max(0, text.length - n)) : text.slice(0, n));
        else if (!allBut) {
          const end = nthNewline(text, n);
          await out.write(n === 0 ? '' : end < 0 ? text : text.slice(0, end + 1));
        } else {
          const lines = text.split(/(?<=\n)/);
          await out.write(lines.slice(0, Math.max(0, lines.length - n)).join(''));
        }
      });
    } catch (e) {
      if (!isSysError(e)) throw e;
      // fopen of a directory succeeds and its read fails: the header, then EIO.
      if (e.code === 'EISDIR') {
        if (headers) await out.write(`${i > 0 ? '\n' : ''}==> ${name} <==\n`);
        await out.flush();
        await sys.write(2, `head: ${name}: Input/output error\n`);
      } else {
        await out.flush();
        await sys.write(2, `head: ${name}: ${e.message}\n`);
      }
      status = 1;
    }
  }
  await out.flush();
  return status;
};
