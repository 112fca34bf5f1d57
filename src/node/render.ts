/**
 * What a terminal shows after some output: the raw bytes played through a headless xterm.js (the same
 * emulator the page uses), so progress bars redrawn with cursor moves, `\r` and clears end up as on screen.
 * Lines the terminal wrapped are joined back; trailing blanks are dropped, as a terminal does not keep them.
 *
 * The text is that of a terminal with a 1,000,000-line scrollback, but xterm.js itself keeps only a few
 * thousand: a full scrollback costs ~1 KB a line, and `yes` fills it in a virtual second. The lines that
 * scroll off are kept here as plain text (a run of identical lines as one entry with a count), and a run of
 * identical output lines that leaves the screen as it was (`yes`, `y\r\n` a hundred million times) is
 * counted instead of played.
 */
import xterm from '@xterm/headless';

/** The scrollback the rendered text has, as the page's terminal had it when the transcripts were recorded. */
export const RENDERED_SCROLLBACK = 1_000_000;

/** xterm.js's own scrollback; `CHUNK` chars scroll at most `CHUNK` lines, so nothing is lost between harvests. */
const SCROLLBACK = 4096;
const CHUNK = 4096;

/** A run of identical lines that scrolled off the emulator. */
interface Kept {
  readonly text: string;
  readonly wrapped: boolean;
  count: number;
}

type Buffer = xterm.IBuffer;

/** A line of output holding nothing the terminal acts on but its ending: playing it again repeats it. */
const PLAIN_LINE = /^[^\x00-\x1f\x7f-\x9f]*\r\n$/;

/** Lines repeated fewer times than this are played; the check costs about as much as a screenful. */
const MIN_RUN = 256;

export async function renderScreen(raw: string, cols = 80, rows = 24, scrollback = RENDERED_SCROLLBACK): Promise<string> {
  const term = new xterm.Terminal({ cols, rows, scrollback: SCROLLBACK, allowProposedApi: true });
  let kept: Kept[] = [];
  let ownClear = false;
  const normalActive = (): boolean => term.buffer.active.type === 'normal';
  // ED 3 (and DECSED 3) clears the whole scrollback, the part kept here too; on the alternate screen it
  // clears nothing. RIS resets both screens.
  const clearsScrollback = (params: (number | number[])[]): boolean => {
    if (params[0] !== 3) return false;
    if (ownClear) ownClear = false;
    else if (normalActive()) {
      kept = [];
      keptLines = 0;
    }
    return false;
  };
  term.parser.registerCsiHandler({ final: 'J' }, clearsScrollback);
  term.parser.registerCsiHandler({ prefix: '?', final: 'J' }, clearsScrollback);
  term.parser.registerEscHandler({ final: 'c' }, () => {
    kept = [];
    keptLines = 0;
    return false;
  });
  // Lines beyond what the rendered scrollback holds are dropped now and then, not only at the end
  // (`seq 1 100000000` would otherwise keep them all).
  const limit = scrollback + rows;
  let keptLines = 0;
  const keep = (text: string, wrapped: boolean, count: number): void => {
    const last = kept[kept.length - 1];
    if (last && last.text === text && last.wrapped === wrapped) last.count += count;
    else kept.push({ text, wrapped, count });
    keptLines += count;
    if (keptLines <= 2 * limit) return;
    let drop = keptLines - limit;
    let i = 0;
    for (; drop > 0 && drop >= kept[i].count; i++) drop -= kept[i].count;
    kept.splice(0, i);
    kept[0].count -= drop;
    keptLines = limit;
  };
  const write = (data: string): Promise<void> => new Promise<void>((resolve) => term.write(data, resolve));
  /** Moves the normal screen's scrollback into `kept`; the next write starts by clearing it in xterm. */
  const harvest = (): string => {
    const buf = term.buffer.normal;
    if (!normalActive() || buf.baseY === 0) return '';
    for (let i = 0; i < buf.baseY; i++) {
      const line = buf.getLine(i)!;
      keep(line.translateToString(true), line.isWrapped, 1);
    }
    ownClear = true;
    return '\x1b[3J';
  };

  let pos = 0;
  while (pos < raw.length) {
    const run = repeatedLine(raw, pos, cols);
    if (run) {
      await playRun(run.line, run.count);
      pos += run.count * run.line.length;
      continue;
    }
    // End the chunk after a newline when there is one, so that the next starts a line (maybe a run).
    let end = Math.min(raw.length, pos + CHUNK);
    const nl = raw.lastIndexOf('\n', end - 1);
    if (end < raw.length && nl >= pos) end = nl + 1;
    await write(harvest() + raw.slice(pos, end));
    pos = end;
  }

  /**
   * Plays a line repeated `count` times: a screenful and one more, then, if one more leaves the screen and
   * the cursor exactly as they were, each of the rest would only add the same line to the scrollback.
   */
  async function playRun(line: string, count: number): Promise<void> {
    let played = 0;
    const play = async (n: number): Promise<void> => {
      while (n > 0) {
        const k = Math.min(n, Math.max(1, Math.floor(CHUNK / line.length)));
        await write(harvest() + line.repeat(k));
        n -= k;
        played += k;
      }
    };
    await play(Math.min(count, rows + 1));
    if (played === count) return;
    await write(harvest());
    const before = screen(term.buffer.normal);
    await play(1);
    const buf = term.buffer.normal;
    if (normalActive() && buf.baseY === 1 && screen(buf) === before) {
      const pushed = buf.getLine(0)!;
      const text = pushed.translateToString(true);
      const wrapped = pushed.isWrapped;
      await write(harvest());
      keep(text, wrapped, count - played);
      played = count;
    }
    await play(count - played);
  }

  const virtual: Kept[] = [...kept];
  const buf = term.buffer.active;
  if (buf.type === 'alternate') virtual.length = 0;
  for (let i = 0; i < buf.length; i++) {
    const line = buf.getLine(i);
    if (!line) continue;
    virtual.push({ text: line.translateToString(true), wrapped: line.isWrapped, count: 1 });
  }
  term.dispose();
  // A 1,000,000-line scrollback keeps the last lines that fit it and the screen.
  let skip = virtual.reduce((n, k) => n + k.count, 0) - (scrollback + rows);
  const lines: string[] = [];
  for (const k of virtual) {
    let count = k.count;
    if (skip > 0) {
      const s = Math.min(skip, count);
      skip -= s;
      count -= s;
    }
    for (let j = 0; j < count; j++) {
      if (k.wrapped && lines.length > 0) lines[lines.length - 1] += k.text;
      else lines.push(k.text);
    }
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  // The cursor's line is only finished if the output ended with a newline (a prompt waiting is not).
  return lines.join('\n') + (lines.length > 0 && raw.endsWith('\n') ? '\n' : '');
}

/** Everything on the screen that later output can bring back into the text: cells, wraps and the cursor. */
function screen(buf: Buffer): string {
  const parts: string[] = [`${buf.cursorX},${buf.cursorY}`];
  const cell = buf.getNullCell();
  for (let y = buf.baseY; y < buf.length; y++) {
    const line = buf.getLine(y)!;
    parts.push(line.isWrapped ? 'w' : '-');
    for (let x = 0; x < line.length; x++) {
      line.getCell(x, cell);
      parts.push(`${cell.getWidth()}${cell.getChars()}`);
    }
  }
  return parts.join('\u0000');
}

/** The line at `pos` and how many times it repeats there, if it is plain and repeats at least `MIN_RUN` times. */
function repeatedLine(raw: string, pos: number, cols: number): { line: string; count: number } | undefined {
  const nl = raw.slice(pos, pos + cols + 2).indexOf('\n');
  if (nl < 0) return undefined;
  const line = raw.slice(pos, pos + nl + 1);
  if (!PLAIN_LINE.test(line) || !raw.startsWith(line, pos + line.length)) return undefined;
  if (!raw.startsWith(line.repeat(MIN_RUN - 1), pos + line.length)) return undefined;
  // Compare a block of many copies at a time: a flat-string compare is far faster than one per line.
  const block = line.repeat(Math.max(1, Math.floor(65536 / line.length)));
  let p = pos;
  while (raw.startsWith(block, p)) p += block.length;
  while (raw.startsWith(line, p)) p += line.length;
  return { line, count: (p - pos) / line.length };
}
