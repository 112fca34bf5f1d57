/** wc: line, word, character and byte counts, in GNU's column widths. */
import { isSysError } from '../../engine/kernel/errno.js';
import { errorText, isUtf8Locale, quoteIfNeeded } from '../lib/output.js';
import { tool, withInput } from './common.js';
import { utf8Length } from '../../engine/kernel/utf8.js';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

/** What JavaScript's `\s` matches, as a code unit test (one regex test per character would dominate). */
function isSpace(u: number): boolean {
  if (u <= 0x20) return u === 0x20 || (u >= 0x09 && u <= 0x0d);
  if (u < 0xa0) return false;
  return u === 0xa0 || u === 0x1680 || (u >= 0x2000 && u <= 0x200a) || u === 0x2028 || u === 0x2029 || u === 0x202f || u === 0x205f || u === 0x3000 || u === 0xfeff;
}

/** Counts as the text streams by (GNU wc reads in blocks): only the position in the current line and word is kept. */
class Counter {
  readonly c: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
  private col = 0;
  private inWord = false;

  constructor(private readonly utf8: boolean) {}

  add(text: string): void {
    const c = this.c;
    let col = this.col;
    let inWord = this.inWord;
    let chars = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      const low = ch >= '\udc00' && ch <= '\udfff';
      if (!low) chars++;
      if (ch === '\n') {
        c.lines++;
        if (col > c.maxLine) c.maxLine = col;
        col = 0;
      } else if (ch === '\t') col += 8 - (col % 8);
      else if (ch >= ' ' && !low) col++;
      const space = isSpace(ch.charCodeAt(0));
      if (!space && !inWord) c.words++;
      inWord = !space;
    }
    this.col = col;
    this.inWord = inWord;
    const bytes = utf8Length(text);
    c.bytes += bytes;
    // In the C locale a character is a byte.
    c.chars += this.utf8 ? chars : bytes;
  }

  end(): Counts {
    if (this.col > this.c.maxLine) this.c.maxLine = this.col;
    return this.c;
  }
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
      const counter = new Counter(isUtf8Locale(t.sys.env));
      try {
        await withInput(t.sys, f, async (fd) => {
          for (let chunk = await t.sys.read(fd); chunk !== null; chunk = await t.sys.read(fd)) {
            counter.add(chunk);
            t.sys.cpu(1 + (chunk.length >> 14));
          }
        });
      } catch (err) {
        if (!isSysError(err) || err.code === 'EPIPE') throw err;
        await t.error(`${quoteIfNeeded(f)}: ${errorText(err)}`);
        status = 1;
        continue;
      }
      const c = counter.end();
      for (const k of ['lines', 'words', 'chars', 'bytes'] as const) total[k] += c[k];
      total.maxLine = Math.max(total.maxLine, c.maxLine);
      await t.out.write(row(c, files.length ? f : undefined));
    }
    if (list.length > 1) await t.out.write(row(total, 'total'));
    return status;
  },
);
