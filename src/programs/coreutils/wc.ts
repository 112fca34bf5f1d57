/** wc: line, word, character and byte counts, in GNU's column widths. */
import { isSysError } from '../../engine/kernel/errno.js';
import { errorText, isUtf8Locale, quoteIfNeeded } from '../lib/output.js';
import { readInput, tool } from './common.js';
import { utf8Length } from '../../engine/kernel/utf8.js';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

function count(text: string, utf8: boolean): Counts {
  let lines = 0;
  let maxLine = 0;
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      lines++;
      if (col > maxLine) maxLine = col;
      col = 0;
    } else if (c === '\t') col += 8 - (col % 8);
    else if (c >= ' ' && !(c >= '\udc00' && c <= '\udfff')) col++;
  }
  if (col > maxLine) maxLine = col;
  const words = text.match(/[^\s]+/g)?.length ?? 0;
  const bytes = utf8Length(text);
  // In the C locale a character is a byte.
  return { lines, words, chars: utf8 ? [...text].length : bytes, bytes, maxLine };
}

export const wc = tool(
  {
    name: 'wc',
    short: 'clLmw',
    long: [
      { name: 'bytes', key: 'c' },
      { name: 'chars', key: 'm' },
      { name: 'lines', key: 'l' },
      { name: 'max-line-length', key: 'L' },
      { name: 'words', key: 'w' },
    ],
    authors: 'Written by Paul Rubin and David MacKenzie.',
  },
  async (t, opts, files) => {
    const has = (k: string): boolean => opts.some((o) => o.key === k);
    const any = ['c', 'l', 'L', 'm', 'w'].some(has);
    const cols: (keyof Counts)[] = [];
    if (has('l') || !any) cols.push('lines');
    if (has('w') || !any) cols.push('words');
    if (has('m')) cols.push('chars');
    if (has('c') || !any) cols.push('bytes');
    if (has('L')) cols.push('maxLine');
    const list = files.length ? files : ['-'];
    const fs = t.sys.fs;
    // GNU sizes the columns before reading: digits of the regular files' total size, 7 if any is not regular.
    let minWidth = 1;
    let regular = 0;
    for (const f of list) {
      try {
        if (f === '-') {
          minWidth = 7;
          continue;
        }
        const st = fs.stat(f);
        if (st.type === 'file') regular += st.size;
        else minWidth = 7;
      } catch (err) {
        if (!isSysError(err)) throw err;
      }
    }
    let width = Math.max(minWidth, String(regular).length);
    if (cols.length === 1 && list.length === 1) width = 1;
    const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
    const row = (c: Counts, name: string | undefined): string =>
      `${cols.map((k) => String(c[k]).padStart(width)).join(' ')}${name === undefined ? '' : ` ${name}`}\n`;
    let status = 0;
    for (const f of list) {
      let text: string;
      try {
        text = await readInput(t.sys, f);
      } catch (err) {
        if (!isSysError(err) || err.code === 'EPIPE') throw err;
        await t.error(`${quoteIfNeeded(f)}: ${errorText(err)}`);
        status = 1;
        continue;
      }
      const c = count(text, isUtf8Locale(t.sys.env));
      t.sys.cpu(1 + (text.length >> 14));
      for (const k of ['lines', 'words', 'chars', 'bytes'] as const) total[k] += c[k];
      total.maxLine = Math.max(total.maxLine, c.maxLine);
      await t.out.write(row(c, files.length ? f : undefined));
    }
    if (list.length > 1) await t.out.write(row(total, 'total'));
    return status;
  },
);
