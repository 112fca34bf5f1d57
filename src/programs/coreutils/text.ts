/** Line filters: uniq, tac, cut, tr. */
import { isSysError } from '../../engine/kernel/errno.js';
import { errorText, quoteAlways, quoteIfNeeded } from '../lib/output.js';
import { readInput, readLines, splitLines, tool, withInput } from './common.js';
import { unescape } from './escapes.js';

export const uniq = tool(
  {
    name: 'uniq',
    short: 'cdiuz',
    long: [
      { name: 'count', key: 'c' },
      { name: 'repeated', key: 'd' },
      { name: 'ignore-case', key: 'i' },
      { name: 'unique', key: 'u' },
    ],
    authors: 'Written by Richard M. Stallman and David MacKenzie.',
  },
  async (t, opts, files) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    if (files.length > 2) return t.usage(`extra operand ${t.lq(files[2])}`);
    const same = (a: string, b: string): boolean => (has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
    const toFile = files[1] !== undefined;
    let out = '';
    // Read as it goes, as GNU uniq does: only the group in hand is kept.
    let current: string | undefined;
    let n = 0;
    const group = (): void => {
      if (current === undefined) return;
      if ((!has('d') || n > 1) && (!has('u') || n === 1)) out += has('c') ? `${String(n).padStart(7)} ${current}\n` : `${current}\n`;
    };
    const input = files[0] ?? '-';
    try {
      await withInput(t.sys, input, (fd) => readLines(t.sys, fd, async (lines) => {
        for (const line of lines) {
          if (current !== undefined && same(current, line)) {
            n++;
            continue;
          }
          group();
          current = line;
          n = 1;
        }
        if (!toFile && out !== '') {
          await t.out.write(out);
          out = '';
        }
        return true;
      }));
    } catch (err) {
      if (!isSysError(err) || err.code === 'EPIPE') throw err;
      await t.error(`${quoteIfNeeded(input)}: ${errorText(err)}`);
      return 1;
    }
    group();
    if (files[1] !== undefined) t.sys.fs.writeFile(files[1], out);
    else await t.out.write(out);
    return 0;
  },
);

export const tac = tool(
  { name: 'tac', authors: 'Written by Jay Lepreau and David MacKenzie.' },
  async (t, _opts, files) => {
    let status = 0;
    for (const f of files.length ? files : ['-']) {
      try {
        const text = await readInput(t.sys, f);
        const lines = text.split(/(?<=\n)/).filter((l) => l !== '');
        await t.out.write(lines.reverse().join(''));
      } catch (err) {
        if (!isSysError(err) || err.code === 'EPIPE') throw err;
        await t.error(`failed to open ${quoteAlways(f)} for reading: ${errorText(err)}`);
        status = 1;
      }
    }
    return status;
  },
);

/** Parses cut's LIST (`1,3-5,7-`) into 1-based inclusive ranges. */
function parseList(list: string): [number, number][] | string {
  const out: [number, number][] = [];
  for (const part of list.split(/[ ,]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || part === '' || part === '-') return 'invalid range with no endpoint: -';
    const a = m[1] === '' ? 1 : Number(m[1]);
    const b = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : a;
    if (a === 0 || b === 0) return m[2] ? 'invalid range with no endpoint' : 'fields are numbered from 1';
    if (b < a) return 'invalid decreasing range';
    out.push([a, b]);
  }
  return out;
}

export const cut = tool(
  {
    name: 'cut',
    short: 'b:c:d:f:sn',
    long: [
      { name: 'bytes', key: 'b', arg: 'required' },
      { name: 'characters', key: 'c', arg: 'required' },
      { name: 'delimiter', key: 'd', arg: 'required' },
      { name: 'fields', key: 'f', arg: 'required' },
      { name: 'only-delimited', key: 's' },
      { name: 'output-delimiter', arg: 'required' },
    ],
    authors: 'Written by David M. Ihnat, David MacKenzie, and Jim Meyering.',
  },
  async (t, opts, files) => {
    let mode: 'b' | 'c' | 'f' | undefined;
    let listSpec = '';
    let delim = '\t';
    let outDelim: string | undefined;
    for (const o of opts) {
      if (o.key === 'b' || o.key === 'c' || o.key === 'f') {
        if (mode) return t.usage('only one list may be specified');
        mode = o.key;
        listSpec = o.value!;
      } else if (o.key === 'd') {
        if ([...o.value!].length > 1) return t.usage('the delimiter must be a single character');
        delim = o.value! || '\0';
      } else if (o.key === 'output-delimiter') outDelim = o.value;
    }
    if (!mode) return t.usage('you must specify a list of bytes, characters, or fields');
    const ranges = parseList(listSpec);
    if (typeof ranges === 'string') return t.usage(ranges);
    const picked = (i: number): boolean => ranges.some(([a, b]) => i >= a && i <= b);
    const onlyDelimited = opts.some((o) => o.key === 's');
    let status = 0;
    for (const f of files.length ? files : ['-']) {
      try {
        await withInput(t.sys, f, (fd) => readLines(t.sys, fd, async (lines) => {
          let out = '';
          for (const line of lines) {
            if (mode === 'f') {
              if (!line.includes(delim)) {
                if (!onlyDelimited) out += `${line}\n`;
                continue;
              }
              const parts = line.split(delim);
              out += `${parts.filter((_p, i) => picked(i + 1)).join(outDelim ?? delim)}\n`;
            } else {
              const chars = [...line];
              out += `${chars.filter((_c, i) => picked(i + 1)).join('')}\n`;
            }
          }
          await t.out.write(out);
          return true;
        }));
      } catch (err) {
        if (!isSysError(err) || err.code === 'EPIPE') throw err;
        await t.error(`${quoteIfNeeded(f)}: ${errorText(err)}`);
        status = 1;
        continue;
      }
    }
    return status;
  },
);

/** Expands a tr SET: ranges, [:class:], [c*n] and escapes. */
function expandSet(set: string): string[] {
  const s = unescape(set, 'format').text;
  const out: string[] = [];
  const classes: Record<string, string> = {
    lower: 'abcdefghijklmnopqrstuvwxyz',
    upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    digit: '0123456789',
    space: ' \t\n\v\f\r',
    blank: ' \t',
  };
  classes.alpha = classes.lower + classes.upper;
  classes.alnum = classes.digit + classes.upper + classes.lower;
  classes.punct = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'].join('');
  classes.xdigit = '0123456789ABCDEFabcdef';
  for (let i = 0; i < s.length; i++) {
    const cls = /^\[:(\w+):\]/.exec(s.slice(i));
    if (cls && cls[1] in classes) {
      out.push(...classes[cls[1]]);
      i += cls[0].length - 1;
      continue;
    }
    const rep = /^\[(.)\*(\d*)\]/.exec(s.slice(i));
    if (rep) {
      out.push(...Array<string>(Number(rep[2] || 0) || 0).fill(rep[1]));
      if (!rep[2]) out.push(`\0repeat:${rep[1]}`);
      i += rep[0].length - 1;
      continue;
    }
    if (s[i + 1] === '-' && i + 2 < s.length) {
      const a = s.codePointAt(i)!;
      const b = s.codePointAt(i + 2)!;
      for (let c = a; c <= b; c++) out.push(String.fromCodePoint(c));
      i += 2;
      continue;
    }
    out.push(s[i]);
  }
  return out;
}

export const tr = tool(
  {
    name: 'tr',
    short: 'cCdst',
    long: [
      { name: 'complement', key: 'c' },
      { name: 'delete', key: 'd' },
      { name: 'squeeze-repeats', key: 's' },
      { name: 'truncate-set1', key: 't' },
    ],
    authors: 'Written by Jim Meyering.',
  },
  async (t, opts, sets) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    const complement = has('c') || has('C');
    const del = has('d');
    const squeeze = has('s');
    if (sets.length === 0) return t.usage('missing operand');
    const needTwo = !del && !(squeeze && sets.length === 1);
    if (sets.length === 1 && needTwo) {
      return t.usage(`missing operand after ${t.lq(sets[0])}\nTwo strings must be given when translating.`);
    }
    if (sets.length > (del && !squeeze ? 1 : 2)) {
      const extra = sets[del && !squeeze ? 1 : 2];
      return t.usage(`extra operand ${t.lq(extra)}${del && !squeeze ? '\nOnly one string may be given when deleting without squeezing repeats.' : ''}`);
    }
    const set1 = new Set(expandSet(sets[0]));
    const in1 = (c: string): boolean => set1.has(c) !== complement;
    let set2 = sets[1] !== undefined ? expandSet(sets[1]) : [];
    const fill = set2.find((c) => c.startsWith('\0repeat:'));
    set2 = set2.filter((c) => !c.startsWith('\0repeat:'));
    const list1 = [...set1];
    const map = new Map<string, string>();
    if (!del && sets[1] !== undefined && !complement) {
      const last = fill ? fill.slice(8) : set2[set2.length - 1];
      list1.forEach((c, i) => map.set(c, set2[i] ?? last));
    }
    const complementTarget = set2[set2.length - 1];
    const squeezeSet = new Set(del || sets[1] === undefined ? list1 : set2);
    const inSqueeze = (c: string): boolean => (sets[1] === undefined && complement ? !set1.has(c) : squeezeSet.has(c));
    let prev = '';
    for (;;) {
      const chunk = await t.sys.read(0);
      if (chunk === null) break;
      let out = '';
      for (const ch of chunk) {
        let c: string | null = ch;
        if (del && in1(ch)) c = null;
        else if (!del && sets[1] !== undefined && in1(ch)) c = complement ? complementTarget : (map.get(ch) ?? ch);
        if (c === null) continue;
        if (squeeze && c === prev && inSqueeze(c)) continue;
        out += c;
        prev = c;
      }
      await t.out.write(out);
    }
    return 0;
  },
);
