/**
 * busybox wc (coreutils/wc.c): every count in `%9u` after a space (GNU sizes its columns to the numbers), a
 * single count for one file or stdin printed bare, `wc: F: strerror` for a file it cannot open, and its own
 * word rule: a non-ASCII character neither starts nor ends a word.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program } from '../../engine/kernel/sys.js';
import { utf8Length } from '../../engine/kernel/utf8.js';
import { withInput } from '../coreutils/common.js';
import { Output } from '../lib/output.js';
import { bbGetopt } from './common.js';

/** The count order of wc.c's arrays: lines, words, chars, bytes, longest line; and their option letters. */
const LETTERS = ['l', 'w', 'm', 'c', 'L'];

class Counter {
  readonly n = [0, 0, 0, 0, 0];
  private linepos = 0;
  private inWord = false;

  private endOfLine(nl: boolean, keepPos: boolean): void {
    if (this.linepos > this.n[4]) this.n[4] = this.linepos;
    if (nl) this.n[0]++;
    if (!keepPos) this.linepos = 0;
    this.word();
  }

  private word(): void {
    if (this.inWord) this.n[1]++;
    this.inWord = false;
  }

  add(text: string): void {
    this.n[3] += utf8Length(text);
    for (const ch of text) {
      this.n[2]++;
      const c = ch.codePointAt(0)!;
      if (c >= 0x20 && c <= 0x7e) {
        this.linepos++;
        if (c !== 0x20) this.inWord = true;
        else this.word();
      } else if (c === 9) {
        this.linepos = (this.linepos | 7) + 1;
        this.word();
      } else if (c >= 10 && c <= 13) this.endOfLine(c === 10, c === 11);
    }
  }

  end(): void {
    this.endOfLine(false, false);
  }
}

export const wc: Program = async (sys) => {
  const got = await bbGetopt(sys, 'wc', { short: 'lwmcL' });
  if (typeof got === 'number') return got;
  const asked = LETTERS.map((l) => got.opts.some((o) => o.key === l));
  const shown = asked.some(Boolean) ? asked : [true, true, false, true, false];
  const files = got.operands.length > 0 ? got.operands : ['-'];
  const bare = files.length === 1 && shown.filter(Boolean).length === 1;
  const out = new Output(sys, 1);
  const totals = [0, 0, 0, 0, 0];
  let status = 0;
  const line = (n: number[], name: string | null): string => {
    const cols = n.filter((_v, i) => shown[i]).map((v, i) => (bare ? String(v) : i === 0 ? String(v).padStart(9) : ` ${String(v).padStart(9)}`));
    return `${cols.join('')}${name === null ? '' : ` ${name}`}\n`;
  };
  for (const f of files) {
    const counter = new Counter();
    try {
      await withInput(sys, f, async (fd) => {
        try {
          for (let d = await sys.read(fd); d !== null; d = await sys.read(fd)) {
            counter.add(d);
            sys.cpu(1 + (d.length >> 14));
          }
        } catch (e) {
          // A read error (a directory) is reported, and the counts so far still printed.
          if (!isSysError(e)) throw e;
          await out.flush();
          await sys.write(2, `wc: ${f}: ${e.message}\n`);
          status = 1;
        }
      });
    } catch (e) {
      if (!isSysError(e)) throw e;
      await out.flush();
      await sys.write(2, `wc: ${f}: ${e.message}\n`);
      status = 1;
      // fopen succeeds on a directory and its read fails: busybox still prints the (zero) counts.
      if (e.code !== 'EISDIR') continue;
    }
    counter.end();
    // wc.c keeps the longest line's total as the largest, the others as sums.
    for (let i = 0; i < 4; i++) totals[i] += counter.n[i];
    totals[4] = Math.max(totals[4], counter.n[4]);
    await out.write(line(counter.n, got.operands.length > 0 ? f : null));
  }
  if (files.length > 1) await out.write(line(totals, 'total'));
  await out.flush();
  return status;
};
