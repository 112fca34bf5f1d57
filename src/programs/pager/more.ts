/**
 * util-linux's `more`: the text a screenful at a time on the normal screen, `--More--(NN%)` in reverse video
 * after each (the share of the file's bytes shown so far; no percentage for a pipe), space for the next
 * screen, Enter for one more line, q to stop; it ends by itself at the end of the text. When its output is
 * not a terminal it copies its input.
 */
import { isSysError, STRERROR, type Errno } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Program } from '../../engine/kernel/sys.js';
import { utf8Length } from '../../engine/kernel/utf8.js';
import { pagerFile, pagerKeys, readAll, screenRows } from './text.js';

export const more: Program = async (sys) => {
  const file = await pagerFile(sys, 'more', "more: bad usage\nTry 'more --help' for more information.\n");
  if (!file) return 1;
  const name = file.name;
  let text: string;
  if (name === undefined || name === '-') text = await readAll(sys, 0);
  else {
    try {
      if (sys.fs.stat(name).type === 'dir') {
        await sys.write(1, `\n*** ${name}: directory ***\n\n`);
        return 0;
      }
      text = sys.fs.readText(name);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.write(2, `more: cannot open ${name}: ${STRERROR[e.code as Errno]}\n`);
      return 0;
    }
  }
  const keyFd = await pagerKeys(sys, text);
  if (keyFd === null) return 0;
  const { rows, cols } = sys.getWinSize(1);
  const lines = screenRows(text, cols);
  const total = utf8Length(text);
  const fromFile = name !== undefined && name !== '-';
  // Bytes each row takes in the file, so the percentage counts what has been shown.
  const sizes = text.split('\n').flatMap((l) => {
    const parts = screenRows(`${l}\n`, cols);
    const each = parts.map((p) => utf8Length(p));
    each[each.length - 1] += 1;
    return each;
  });
  let shown = 0;
  let bytes = 0;
  const show = async (n: number, continuing: boolean): Promise<void> => {
    let out = continuing ? '\r' : '';
    for (let i = 0; i < n && shown < lines.length; i++, shown++) {
      out += `${lines[shown]}${i === 0 && continuing ? '\x1b[K' : ''}\r\n`;
      bytes += sizes[shown] ?? 0;
    }
    await sys.write(1, out);
  };
  const saved = sys.tcgetattr(keyFd);
  sys.tcsetattr(keyFd, { icanon: false, echo: false });
  try {
    await show(rows - 1, false);
    let prompted = false;
    while (shown < lines.length) {
      const pct = fromFile ? `(${Math.floor((100 * bytes) / Math.max(1, total))}%)` : '';
      if (!prompted) await sys.write(1, `\x1b[7m--More--${pct}\x1b[27m`);
      prompted = true;
      const key = await sys.read(keyFd);
      if (key === null || key[0] === 'q' || key[0] === 'Q') {
        await sys.write(1, '\r\x1b[K');
        break;
      }
      prompted = false;
      if (key[0] === ' ' || key[0] === 'f') await show(rows - 1, true);
      else if (key[0] === '\r' || key[0] === '\n') await show(1, true);
      else {
        // A key more has no command for rings the bell; the prompt stays.
        await sys.write(1, '\x07');
        prompted = true;
      }
    }
  } finally {
    sys.tcsetattr(keyFd, saved);
  }
  return 0;
};
