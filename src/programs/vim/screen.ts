/**
 * Draws an `Editor` on the terminal as vim (or busybox vi) lays it out: the text with long lines wrapped,
 * `~` below the end, `@@@` for a last line that does not fit ('display' truncate), the number column, and
 * the last row with the message or command line, 'showcmd' and the ruler. A frame is a list of rows; only
 * rows that differ from the last frame are sent, so a key costs a row or two of output.
 */
import type { Editor } from './editor.js';
import { cellText, cellWidth, vcolOf } from './text.js';

const NONTEXT = '\x1b[94m';
const LINENR = '\x1b[33m';
const ERROR = '\x1b[97;41m';
const WARNING = '\x1b[91m';
const BOLD = '\x1b[1m';
const REVERSE = '\x1b[7m';
const RESET = '\x1b[m';

/** vim's 'scrolloff' from defaults.vim. */
const SCROLLOFF = 5;

export interface IntroText {
  readonly version: string;
  readonly helpVersion: string;
}

export class Screen {
  private shown: string[] = [];
  private rows = 0;
  private cols = 0;

  constructor(
    private readonly ed: Editor,
    private readonly intro: IntroText | null,
  ) {}

  /** Forgets what is on the terminal (after a resize or a clear): the next frame is drawn whole. */
  invalidate(): void {
    this.shown = [];
  }

  private numberWidth(): number {
    if (!this.ed.number) return 0;
    return Math.max(3, String(this.ed.lines.length).length) + 1;
  }

  private textCols(): number {
    return Math.max(1, this.ed.cols - this.numberWidth());
  }

  /** Screen rows buffer line `row` takes, wrapped. */
  private height(row: number): number {
    const w = vcolOf(this.ed.lines[row], Infinity);
    return Math.max(1, Math.ceil(w / this.textCols()));
  }

  /** Moves the window so the cursor line is on it with 'scrolloff' lines around, as vim scrolls. */
  scroll(): void {
    const ed = this.ed;
    const total = ed.lines.length;
    const rows = ed.textRows;
    const so = Math.min(SCROLLOFF, Math.floor((rows - 1) / 2));
    const row = ed.cursor.row;
    ed.top = Math.max(0, Math.min(ed.top, total - 1));
    const far = row < ed.top - rows || row > ed.top + 2 * rows;
    if (far) {
      // A jump far away puts the cursor line in the middle of the window, as vim's scroll_cursor_halfway.
      let used = this.height(row);
      let top = row;
      while (top > 0 && used + this.height(top - 1) <= Math.floor(rows / 2) + 1) used += this.height(--top);
      ed.top = top;
    }
    if (row < ed.top + so) ed.top = Math.max(0, row - so);
    // Lowest top that still shows the cursor line and `so` lines below it.
    const bottom = Math.min(total - 1, row + so);
    let used = 0;
    let top = bottom;
    for (; top >= 0; top--) {
      const h = this.height(top);
      if (used + h > rows) break;
      used += h;
    }
    const minTop = Math.min(row, top + 1);
    if (ed.top < minTop) ed.top = minTop;
    // At the end of the buffer vim leaves no `~` rows it could fill from above after a big jump.
    if (far) {
      let fill = 0;
      for (let r = ed.top; r < total && fill <= rows; r++) fill += this.height(r);
      while (ed.top > 0 && fill + this.height(ed.top - 1) <= rows) fill += this.height(--ed.top);
    }
  }

  /** The rows of a frame and where the cursor is. */
  frame(): { rows: string[]; cursor: { row: number; col: number } } {
    const ed = this.ed;
    const rows = ed.textRows;
    const cols = ed.cols;
    const nw = this.numberWidth();
    const tc = this.textCols();
    const out: string[] = [];
    let cursor = { row: 0, col: 0 };
    let r = ed.top;
    for (; r < ed.lines.length && out.length < rows; r++) {
      const h = this.height(r);
      if (out.length + h > rows && r !== ed.top) {
        while (out.length < rows - 1) out.push('');
        out.push(this.ed.dialect === 'vim' ? `${NONTEXT}@@@${RESET}` : `${NONTEXT}@${RESET}`);
        break;
      }
      const line = ed.lines[r];
      const num = nw > 0 ? `${LINENR}${String(r + 1).padStart(nw - 1)} ${RESET}` : '';
      const blank = nw > 0 ? ' '.repeat(nw) : '';
      let cells = '';
      let w = 0;
      let v = 0;
      let first = true;
      const cursorCol = r === ed.cursor.row ? ed.cursor.col : -1;
      for (let i = 0; i <= line.length; i++) {
        if (i === cursorCol) {
          // In normal mode the cursor sits on a tab's last cell, in insert mode on its first.
          const inNormal = ed.mode === 'normal' || ed.mode === 'cmdline';
          const cw = i < line.length ? cellWidth(line[i], v) : 1;
          const at = v + (inNormal && line[i] === '\t' ? cw - 1 : 0);
          cursor = { row: out.length + Math.floor(at / tc), col: nw + (at % tc) };
          if (cursor.row >= out.length + h) cursor = { row: out.length + h - 1, col: nw + tc - 1 };
        }
        if (i === line.length) break;
        const text = cellText(line[i], v);
        for (const ch of text) {
          if (w === tc) {
            out.push((first ? num : blank) + cells);
            first = false;
            cells = '';
            w = 0;
          }
          cells += ch;
          w++;
        }
        v += text.length;
      }
      out.push((first ? num : blank) + cells);
    }
    while (out.length < rows) out.push(`${NONTEXT}~${RESET}`);
    if (ed.intro && this.intro) this.drawIntro(out);
    out.length = rows;
    const last = this.lastRow();
    out.push(last.text);
    if (ed.mode === 'cmdline') cursor = { row: rows, col: Math.min(cols - 1, last.cursorCol) };
    return { rows: out, cursor };
  }

  private drawIntro(out: string[]): void {
    const intro = this.intro!;
    const cols = this.ed.cols;
    const lines = [
      'VIM - Vi IMproved', '', `version ${intro.version}`, 'by Bram Moolenaar et al.',
      'Modified by team+vim@tracker.debian.org', 'Vim is open source and freely distributable', '',
      ...this.sponsor(), '',
      'type  :q<Enter>               to exit         ',
      'type  :help<Enter>  or  <F1>  for on-line help',
      `type  :help ${intro.helpVersion}<Enter>   for version info`,
    ];
    // version.c: the rows left over once the 17 lines of the message (4 of them for 'compatible') are out, halved.
    const blank = this.ed.rows - 17 + 4;
    let row = Math.floor(blank / 2);
    if (row < 2 || cols < 50) return;
    for (const text of lines) {
      if (row >= out.length) break;
      if (text !== '') {
        const col = Math.floor((cols - text.length) / 2);
        out[row] = `${NONTEXT}~${RESET}${' '.repeat(Math.max(0, col - 1))}${text.trimEnd()}`;
      }
      row++;
    }
  }

  /** version.c's sponsor lines; which one depends on the clock, as in vim (`time(NULL)`). */
  sponsorSeconds = 0;

  private sponsor(): string[] {
    const t = this.sponsorSeconds;
    const s = (t & 2 ? 0 : 1) - (t & 4 ? 0 : 1);
    if (s < 0) return ['Sponsor Vim development!', 'type  :help sponsor<Enter>    for information '];
    if (s > 0) return ['Become a registered Vim user!', 'type  :help register<Enter>   for information '];
    return ['Help poor children in Uganda!', 'type  :help iccf<Enter>       for information '];
  }

  /** The command line row: typed command, or message + 'showcmd' + ruler (vim), or busybox's status. */
  private lastRow(): { text: string; cursorCol: number } {
    const ed = this.ed;
    const cols = ed.cols;
    if (ed.mode === 'cmdline') {
      const shown = ed.cmdline.replace(/\t/g, '^I');
      return { text: shown.slice(-(cols - 1)), cursorCol: Math.min(shown.length, cols - 1) };
    }
    if (ed.dialect === 'busybox') return { text: this.busyboxStatus(), cursorCol: 0 };
    const msg = ed.message;
    let text = '';
    let width = 0;
    if (msg) {
      const body = msg.text.slice(0, cols - 1);
      width = body.length;
      const attr = msg.kind === 'error' ? ERROR : msg.kind === 'warning' ? WARNING : msg.kind === 'bold' ? BOLD : '';
      text = attr ? `${attr}${body}${RESET}` : body;
    }
    const rulerCol = cols - 18;
    const scCol = cols - 28;
    if (width <= scCol && ed.showcmd !== '') {
      text += ' '.repeat(scCol - width) + ed.showcmd.slice(-10);
      width = scCol + Math.min(10, ed.showcmd.length);
    }
    if (width <= rulerCol && rulerCol > 0) text += ' '.repeat(rulerCol - width) + this.ruler();
    return { text, cursorCol: 0 };
  }

  /** `12,5-9        Top`: line, column (byte and screen when they differ), and where the window is. */
  ruler(): string {
    const ed = this.ed;
    const empty = ed.buf.noLines;
    const line = ed.lines[ed.cursor.row];
    const row = empty ? 0 : ed.cursor.row + 1;
    let pos: string;
    // vim's win_redr_ruler: an empty line reads 0-1 except in Insert mode, where the cursor is at column 1.
    if (line.length === 0) pos = ed.mode === 'insert' || ed.mode === 'replace' ? `${row},1` : `${row},0-1`;
    else {
      const bytes = byteCol(line, ed.cursor.col) + 1;
      const inNormal = ed.mode === 'normal';
      const v = vcolOf(line, ed.cursor.col) + (inNormal && line[ed.cursor.col] === '\t' ? cellWidth('\t', vcolOf(line, ed.cursor.col)) - 1 : 0) + 1;
      pos = v === bytes ? `${row},${bytes}` : `${row},${bytes}-${v}`;
    }
    const rel = this.relPos();
    const width = 17;
    return pos + ' '.repeat(Math.max(1, width - pos.length - rel.length)) + rel;
  }

  private relPos(): string {
    const ed = this.ed;
    const above = ed.top;
    let shown = 0;
    let r = ed.top;
    for (; r < ed.lines.length; r++) {
      shown += this.height(r);
      if (shown > ed.textRows) break;
    }
    const below = ed.lines.length - r;
    if (below <= 0) return above === 0 ? 'All' : 'Bot';
    if (above <= 0) return 'Top';
    const pct = Math.floor((above * 100) / (above + below));
    return `${String(pct).padStart(2)}%`;
  }

  private busyboxStatus(): string {
    const ed = this.ed;
    if (ed.message) {
      const body = ed.message.text.slice(0, ed.cols - 1);
      return ed.message.kind === 'error' || ed.message.kind === 'bold' ? `${REVERSE}${body}${RESET}` : body;
    }
    const mode = ed.mode === 'insert' ? 'I' : ed.mode === 'replace' ? 'R' : '-';
    const total = ed.lines.length;
    const cur = ed.cursor.row + 1;
    const pct = Math.floor((cur * 100) / total);
    const mod = ed.buf.modified ? ' [Modified]' : '';
    const ro = ed.readonly ? ' [Readonly]' : '';
    return `${mode} ${ed.fileName ?? 'No file'}${mod}${ro} ${cur}/${total} ${pct}%`;
  }

  /** The escape sequences that take the terminal from the last frame to this one. */
  render(): string {
    const ed = this.ed;
    if (ed.rows !== this.rows || ed.cols !== this.cols) {
      this.rows = ed.rows;
      this.cols = ed.cols;
      this.shown = [];
    }
    this.scroll();
    const { rows, cursor } = this.frame();
    let out = '';
    const whole = this.shown.length === 0;
    if (whole) out += '\x1b[H\x1b[2J';
    for (let i = 0; i < rows.length; i++) {
      if (this.shown[i] === rows[i]) continue;
      if (whole && rows[i] === '') continue;
      out += `\x1b[${i + 1};1H${rows[i]}`;
      // Clearing after a full row would take its last cell with it (the cursor waits there to wrap).
      if (!whole && visibleLength(rows[i]) < this.cols) out += '\x1b[K';
    }
    this.shown = rows;
    if (out === '' && this.lastCursor === `${cursor.row};${cursor.col}`) return '';
    this.lastCursor = `${cursor.row};${cursor.col}`;
    return `${out === '' ? '' : `\x1b[?25l${out}`}\x1b[${cursor.row + 1};${cursor.col + 1}H${out === '' ? '' : '\x1b[?25h'}`;
  }

  private lastCursor = '';
}

function visibleLength(s: string): number {
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').length;
}

/** UTF-8 bytes before `col` (the ruler counts bytes, as vim's %c does). */
function byteCol(line: string, col: number): number {
  let n = 0;
  for (let i = 0; i < col && i < line.length; i++) {
    const c = line.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}
