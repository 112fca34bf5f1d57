/** sort: whole lines or -k keys, byte order (the C/C.UTF-8 collation), numeric, reverse, unique. */
import { isSysError } from '../../engine/kernel/errno.js';
import { errorText } from '../lib/output.js';
import { readInput, splitLines, tool } from './common.js';

interface Key {
  startField: number;
  startChar: number;
  endField: number;
  endChar: number;
  numeric: boolean;
  reverse: boolean;
  fold: boolean;
  blanks: boolean;
}

function parseKey(spec: string, global: Omit<Key, 'startField' | 'startChar' | 'endField' | 'endChar'>): Key | string {
  const m = /^(\d+)(?:\.(\d+))?([bfnr]*)(?:,(\d+)(?:\.(\d+))?([bfnr]*))?$/.exec(spec);
  if (!m) return 'invalid number at field start: invalid count at start of';
  if (Number(m[1]) === 0) return 'field number is zero: invalid field specification';
  const mods = (m[3] ?? '') + (m[6] ?? '');
  const k: Key = {
    startField: Number(m[1]),
    startChar: Number(m[2] ?? 1),
    endField: m[4] === undefined ? Infinity : Number(m[4]),
    endChar: Number(m[5] ?? 0),
    ...(mods ? { numeric: false, reverse: false, fold: false, blanks: false } : global),
  };
  for (const c of mods) {
    if (c === 'n') k.numeric = true;
    if (c === 'r') k.reverse = true;
    if (c === 'f') k.fold = true;
    if (c === 'b') k.blanks = true;
  }
  return k;
}

/** Fields as sort sees them: with -t, split on the character; else each field keeps its leading blanks. */
function fields(line: string, sep: string | undefined): [number, number][] {
  const out: [number, number][] = [];
  if (sep !== undefined) {
    let start = 0;
    for (;;) {
      const i = line.indexOf(sep, start);
      out.push([start, i < 0 ? line.length : i]);
      if (i < 0) return out;
      start = i + 1;
    }
  }
  const re = /[ \t]*[^ \t]+/g;
  for (const m of line.matchAll(re)) out.push([m.index!, m.index! + m[0].length]);
  if (out.length === 0) out.push([0, line.length]);
  return out;
}

function keyText(line: string, k: Key, sep: string | undefined): string {
  const f = fields(line, sep);
  const sf = f[k.startField - 1];
  if (!sf) return '';
  let startBase = sf[0];
  if (k.blanks) while (line[startBase] === ' ' || line[startBase] === '\t') startBase++;
  const start = Math.min(startBase + k.startChar - 1, sf[1]);
  let end = line.length;
  if (k.endField !== Infinity) {
    const ef = f[k.endField - 1];
    if (ef) end = k.endChar === 0 ? ef[1] : Math.min(ef[0] + k.endChar, ef[1]);
  }
  return line.slice(start, Math.max(start, end));
}

function numericValue(s: string): number {
  const m = /^\s*(-?\d*\.?\d+|-?\d+\.?)/.exec(s);
  return m ? Number(m[1]) : 0;
}

const cmpBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const sort = tool(
  {
    name: 'sort',
    short: 'bfnrk:o:t:usc',
    long: [
      { name: 'ignore-leading-blanks', key: 'b' },
      { name: 'ignore-case', key: 'f' },
      { name: 'numeric-sort', key: 'n' },
      { name: 'reverse', key: 'r' },
      { name: 'key', key: 'k', arg: 'required' },
      { name: 'output', key: 'o', arg: 'required' },
      { name: 'field-separator', key: 't', arg: 'required' },
      { name: 'unique', key: 'u' },
      { name: 'stable', key: 's' },
    ],
    usageStatus: 2,
    authors: 'Written by Mike Haertel and Paul Eggert.',
  },
  async (t, opts, files) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    const global = { numeric: has('n'), reverse: has('r'), fold: has('f'), blanks: has('b') };
    const keys: Key[] = [];
    let sep: string | undefined;
    let output: string | undefined;
    for (const o of opts) {
      if (o.key === 'k') {
        const k = parseKey(o.value!, global);
        if (typeof k === 'string') {
          await t.error(`${k} ${t.lq(o.value!)}`);
          return 2;
        }
        keys.push(k);
      } else if (o.key === 't') {
        if (o.value!.length !== 1) {
          await t.error(`multi-character tab ${t.lq(o.value!)}`);
          return 2;
        }
        sep = o.value;
      } else if (o.key === 'o') output = o.value;
    }
    const lines: string[] = [];
    for (const f of files.length ? files : ['-']) {
      try {
        lines.push(...splitLines(await readInput(t.sys, f)));
      } catch (err) {
        if (!isSysError(err) || err.code === 'EPIPE') throw err;
        await t.error(`cannot read: ${f}: ${errorText(err)}`);
        return 2;
      }
    }
    const whole: Key = { startField: 1, startChar: 1, endField: Infinity, endChar: 0, ...global };
    const useKeys = keys.length ? keys : [whole];
    const compareKey = (a: string, b: string, k: Key): number => {
      let x = k === whole ? a : keyText(a, k, sep);
      let y = k === whole ? b : keyText(b, k, sep);
      let c: number;
      if (k.numeric) c = numericValue(x) - numericValue(y);
      else {
        if (k.blanks) {
          x = x.trimStart();
          y = y.trimStart();
        }
        c = k.fold ? cmpBytes(x.toUpperCase(), y.toUpperCase()) : cmpBytes(x, y);
      }
      return k.reverse ? -c : c;
    };
    const compareKeys = (a: string, b: string): number => {
      for (const k of useKeys) {
        const c = compareKey(a, b, k);
        if (c !== 0) return c;
      }
      return 0;
    };
    t.sys.cpu(1 + (lines.length >> 8));
    const sorted = lines.sort((a, b) => {
      const c = compareKeys(a, b);
      if (c !== 0 || has('s') || has('u')) return c;
      return global.reverse ? cmpBytes(b, a) : cmpBytes(a, b);
    });
    const out = has('u') ? sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1], l) !== 0) : sorted;
    const text = out.map((l) => `${l}\n`).join('');
    if (output !== undefined) {
      try {
        t.sys.fs.writeFile(output, text);
      } catch (err) {
        if (!isSysError(err)) throw err;
        await t.error(`open failed: ${output}: ${errorText(err)}`);
        return 2;
      }
      return 0;
    }
    await t.out.write(text);
    return 0;
  },
);
