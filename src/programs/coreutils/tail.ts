/**
 * tail: the last lines or bytes, or everything from line +N; -f polls followed files once per (virtual)
 * second and prints what was appended, until the process is interrupted.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { errorText, quoteAlways as q } from '../lib/output.js';
import { readAll, readInput, tool, type Tool } from './common.js';
import { obsoleteCount, parseSize } from './numarg.js';
import { utf8Length, utf8Prefix } from '../../engine/kernel/utf8.js';

function lastPart(text: string, count: number, fromStart: boolean, bytes: boolean): string {
  if (bytes) {
    const len = utf8Length(text);
    const skip = fromStart ? Math.max(0, count - 1) : Math.max(0, len - count);
    return text.slice(utf8Prefix(text, skip).length);
  }
  const lines = text.split(/(?<=\n)/);
  if (fromStart) return lines.slice(Math.max(0, count - 1)).join('');
  return count === 0 ? '' : lines.slice(-count).join('');
}

interface Followed {
  readonly name: string;
  seen: number;
  gone: boolean;
}

async function follow(t: Tool, files: Followed[], intervalMs: number, retry: boolean, headers: boolean, lastShown: string): Promise<never> {
  const sys = t.sys;
  let shown = lastShown;
  for (;;) {
    await t.out.flush();
    await sys.sleep(intervalMs);
    for (const f of files) {
      let text: string;
      try {
        const fd = sys.open(f.name, 'r');
        try {
          text = await readAll(sys, fd);
        } finally {
          sys.close(fd);
        }
        if (f.gone) {
          await t.error(`${q(f.name)} has appeared;  following new file`);
          f.gone = false;
          f.seen = 0;
        }
      } catch (err) {
        if (!isSysError(err)) throw err;
        if (!f.gone && retry) await t.error(`${q(f.name)} has become inaccessible: ${errorText(err)}`);
        f.gone = true;
        continue;
      }
      if (text.length < f.seen) {
        await t.error(`${f.name}: file truncated`);
        f.seen = 0;
      }
      if (text.length > f.seen) {
        if (headers && shown !== f.name) await t.out.write(`\n==> ${f.name} <==\n`);
        shown = f.name;
        await t.out.write(text.slice(f.seen));
        f.seen = text.length;
      }
    }
  }
}

export const tail = tool(
  {
    name: 'tail',
    short: 'c:fFn:qs:vz',
    long: [
      { name: 'bytes', key: 'c', arg: 'required' },
      { name: 'follow', key: 'f', arg: 'optional' },
      { name: 'lines', key: 'n', arg: 'required' },
      { name: 'quiet', key: 'q' },
      { name: 'silent', key: 'q' },
      { name: 'sleep-interval', key: 's', arg: 'required' },
      { name: 'verbose', key: 'v' },
      { name: 'retry' },
    ],
    authors: 'Written by Paul Rubin, David MacKenzie, Ian Lance Taylor,\nand Jim Meyering.',
    rewrite: (args) => obsoleteCount(args, true),
  },
  async (t, opts, files) => {
    let bytes = false;
    let count = 10;
    let fromStart = false;
    let headers: boolean | undefined;
    let followMode = false;
    let retry = false;
    let interval = 1000;
    for (const o of opts) {
      if (o.key === 'n' || o.key === 'c') {
        bytes = o.key === 'c';
        const v = o.value!;
        fromStart = v.startsWith('+');
        const n = parseSize(v.replace(/^[-+]/, ''));
        if (n === null) {
          await t.error(`invalid number of ${bytes ? 'bytes' : 'lines'}: ${t.lq(v)}`);
          return 1;
        }
        count = n;
      } else if (o.key === 'q') headers = false;
      else if (o.key === 'v') headers = true;
      else if (o.key === 'f') followMode = true;
      else if (o.key === 'F') followMode = retry = true;
      else if (o.key === 'retry') retry = true;
      else if (o.key === 's') {
        const s = Number(o.value);
        if (!(s >= 0)) {
          await t.error(`invalid number of seconds: ${t.lq(o.value!)}`);
          return 1;
        }
        interval = s * 1000;
      }
    }
    const list = files.length ? files : ['-'];
    const show = headers ?? list.length > 1;
    const followed: Followed[] = [];
    let status = 0;
    let lastShown = '';
    for (const [i, file] of list.entries()) {
      let text: string;
      try {
        text = await readInput(t.sys, file);
      } catch (err) {
        if (!isSysError(err) || err.code === 'EPIPE') throw err;
        const msg = err.code === 'EISDIR' ? `error reading ${q(file)}` : `cannot open ${q(file)} for reading`;
        await t.error(`${msg}: ${errorText(err)}`);
        status = 1;
        if (retry && file !== '-' && err.code !== 'EISDIR') followed.push({ name: file, seen: 0, gone: true });
        continue;
      }
      if (show) await t.out.write(`${i === 0 ? '' : '\n'}==> ${file === '-' ? 'standard input' : file} <==\n`);
      lastShown = file;
      await t.out.write(lastPart(text, count, fromStart, bytes));
      if (file !== '-') followed.push({ name: file, seen: text.length, gone: false });
    }
    if (!followMode) return status;
    if (followed.length === 0) {
      if (list.some((f) => f !== '-')) {
        await t.error('no files remaining');
        return 1;
      }
      return status;
    }
    return follow(t, followed, interval, retry, show, lastShown);
  },
);
