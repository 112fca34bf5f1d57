/**
 * tail: the last lines or bytes, or everything from line +N; -f polls followed files once per (virtual)
 * second and prints what was appended, until the process is interrupted.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import { errorText, quoteAlways as q } from '../lib/output.js';
import { readAll, tool, type Tool } from './common.js';
import { HeldText } from './held.js';
import { obsoleteCount, parseSize } from './numarg.js';
import { utf8Length, utf8Prefix } from '../../engine/kernel/utf8.js';

/** Beyond this a held tail is written chunk by chunk, its cut made in UTF-16 units rather than bytes. */
const JOIN_LIMIT = 1 << 22;

/**
 * Reads `fd` to its end and writes what tail shows of it, holding only what it must (the last `count` lines
 * or bytes; nothing for +N) and charging that to the process, so an endless line is an honest OOM kill.
 * Returns the UTF-16 length read (where -f starts).
 */
async function tailOf(t: Tool, fd: number, count: number, fromStart: boolean, bytes: boolean): Promise<number> {
  const sys = t.sys;
  let total = 0;
  if (fromStart) {
    let skip = Math.max(0, count - 1);
    for (let chunk = await sys.read(fd); chunk !== null; chunk = await sys.read(fd)) {
      total += chunk.length;
      sys.cpu(1 + (chunk.length >> 12));
      if (skip > 0 && bytes) {
        const cut = utf8Prefix(chunk, skip);
        skip -= utf8Length(cut);
        chunk = chunk.slice(cut.length);
      }
      while (skip > 0 && chunk !== '') {
        const nl = chunk.indexOf('\n');
        if (nl < 0) chunk = '';
        else {
          chunk = chunk.slice(nl + 1);
          skip--;
        }
      }
      if (chunk !== '') await t.out.write(chunk);
    }
    return total;
  }
  if (bytes) {
    const held = new HeldText();
    for (let chunk = await sys.read(fd); chunk !== null; chunk = await sys.read(fd)) {
      total += chunk.length;
      sys.cpu(1 + (chunk.length >> 12));
      held.append(chunk);
      held.trimTo(count);
      sys.hold(held.bytes);
    }
    if (held.length <= JOIN_LIMIT) {
      const text = held.toString();
      await t.out.write(text.slice(utf8Prefix(text, Math.max(0, utf8Length(text) - count)).length));
    } else {
      let skip = held.length - count;
      for (const c of held.chunks()) {
        if (skip < c.length) await t.out.write(c.slice(skip));
        skip = Math.max(0, skip - c.length);
      }
    }
    return total;
  }
  const lines: HeldText[] = [];
  let partial = new HeldText();
  let heldBytes = 0;
  for (let chunk = await sys.read(fd); chunk !== null; chunk = await sys.read(fd)) {
    total += chunk.length;
    sys.cpu(1 + (chunk.length >> 12));
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      partial.append(chunk.slice(from, nl + 1));
      from = nl + 1;
      if (count === 0) {
        partial = new HeldText();
        continue;
      }
      lines.push(partial);
      heldBytes += partial.bytes;
      partial = new HeldText();
      if (lines.length > count) heldBytes -= lines.shift()!.bytes;
    }
    if (count > 0) partial.append(chunk.slice(from));
    sys.hold(heldBytes + partial.bytes);
  }
  if (partial.length > 0) lines.push(partial);
  for (const line of lines.slice(Math.max(0, lines.length - count))) for (const c of line.chunks()) await t.out.write(c);
  return total;
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
      let fd = 0;
      try {
        if (file !== '-') fd = t.sys.open(file, 'r');
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
      let seen: number;
      try {
        seen = await tailOf(t, fd, count, fromStart, bytes);
      } finally {
        if (fd !== 0) t.sys.close(fd);
        t.sys.hold(0);
      }
      if (file !== '-') followed.push({ name: file, seen, gone: false });
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
