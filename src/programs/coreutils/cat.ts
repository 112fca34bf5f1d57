/** cat: concatenates files and stdin, streaming each chunk as it arrives (a TTY gives a line at a time). */
import { isSysError } from '../../engine/kernel/errno.js';
import { errorText, quoteIfNeeded } from '../lib/output.js';
import { flags, tool } from './common.js';
import { utf8Bytes } from '../../engine/kernel/utf8.js';

interface CatState {
  lineNo: number;
  atStart: boolean;
  blanks: number;
}

interface CatOpts {
  number: boolean;
  nonblank: boolean;
  squeeze: boolean;
  ends: boolean;
  tabs: boolean;
  nonprinting: boolean;
}

function visible(ch: string, o: CatOpts): string {
  const c = ch.charCodeAt(0);
  if (ch === '\t') return o.tabs ? '^I' : ch;
  if (!o.nonprinting) return ch;
  if (c < 32) return `^${String.fromCharCode(c + 64)}`;
  if (c === 127) return '^?';
  if (c < 128) return ch;
  return utf8Bytes(ch)
    .map((b) => {
      const low = b & 0x7f;
      return low < 32 ? `M-^${String.fromCharCode(low + 64)}` : low === 127 ? 'M-^?' : `M-${String.fromCharCode(low)}`;
    })
    .join('');
}

function transform(chunk: string, o: CatOpts, st: CatState): string {
  const fancy = o.ends || o.tabs || o.nonprinting;
  let out = '';
  for (let i = 0; i < chunk.length; ) {
    const nl = chunk.indexOf('\n', i);
    const end = nl < 0 ? chunk.length : nl;
    let line = chunk.slice(i, end);
    const blank = st.atStart && line === '' && nl >= 0;
    if (blank && o.squeeze && ++st.blanks > 1) {
      i = end + 1;
      continue;
    }
    if (!blank) st.blanks = 0;
    if (st.atStart && (o.nonblank ? !blank : o.number)) out += `${String(++st.lineNo).padStart(6)}\t`;
    if (fancy) line = Array.from(line, (ch) => visible(ch, o)).join('');
    out += line;
    if (nl >= 0) out += o.ends ? '$\n' : '\n';
    st.atStart = nl >= 0;
    i = end + 1;
  }
  return out;
}

export const cat = tool(
  {
    name: 'cat',
    short: 'AbeEnstTuv',
    long: [
      { name: 'show-all', key: 'A' },
      { name: 'number-nonblank', key: 'b' },
      { name: 'show-ends', key: 'E' },
      { name: 'number', key: 'n' },
      { name: 'squeeze-blank', key: 's' },
      { name: 'show-tabs', key: 'T' },
      { name: 'show-nonprinting', key: 'v' },
    ],
    authors: 'Written by Torbjorn Granlund and Richard M. Stallman.',
  },
  async (t, opts, files) => {
    const f = flags(opts);
    const o: CatOpts = {
      number: f.has('n') || f.has('b'),
      nonblank: f.has('b'),
      squeeze: f.has('s'),
      ends: f.has('E') || f.has('A') || f.has('e'),
      tabs: f.has('T') || f.has('A') || f.has('t'),
      nonprinting: f.has('v') || f.has('A') || f.has('e') || f.has('t'),
    };
    const plain = !o.number && !o.squeeze && !o.ends && !o.tabs && !o.nonprinting;
    const st: CatState = { lineNo: 0, atStart: true, blanks: 0 };
    const sys = t.sys;
    let status = 0;
    for (const file of files.length ? files : ['-']) {
      let fd = 0;
      try {
        if (file !== '-') fd = sys.open(file, 'r');
        for (;;) {
          // Plain cat passes on what it reads as it was written (bytes stay bytes); the options work on text.
          const chunk = plain ? await sys.readData(fd) : await sys.read(fd);
          if (chunk === null) break;
          await t.out.write(typeof chunk !== 'string' ? chunk : plain ? chunk : transform(chunk, o, st));
          await t.out.flush();
          sys.cpu(1);
        }
      } catch (err) {
        if (!isSysError(err) || err.code === 'EPIPE') throw err;
        await t.error(`${quoteIfNeeded(file)}: ${errorText(err)}`);
        status = 1;
      } finally {
        if (fd !== 0) sys.close(fd);
      }
    }
    return status;
  },
);
