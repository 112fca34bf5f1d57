/**
 * What nano puts on the terminal, as curses would: the program composes whole rows of styled cells, and a
 * frame writes only the rows that changed since the last one, then places the cursor. One cell is one
 * UTF-16 unit here: wide (CJK) characters are not measured as two columns.
 */

/** SGR attribute strings nano's default colours come to (Debian's nanorc sets none: all is reverse video). */
export const REVERSE = '7';
export const NORMAL = '';

export interface Span {
  readonly text: string;
  readonly sgr: string;
}

/** One row under construction: spans written at columns, clipped to the width. */
export class Row {
  private readonly cells: { ch: string; sgr: string }[];

  constructor(readonly width: number) {
    this.cells = Array.from({ length: width }, () => ({ ch: ' ', sgr: NORMAL }));
  }

  /** Writes `text` from column `col` on, clipped at the right edge; returns the column after it. */
  put(col: number, text: string, sgr = NORMAL): number {
    for (const ch of text) {
      if (col >= this.width) break;
      if (col >= 0) this.cells[col] = { ch, sgr };
      col++;
    }
    return col;
  }

  /** Paints columns [from, to) with `sgr`, keeping their characters. */
  paint(from: number, to: number, sgr: string): void {
    for (let c = Math.max(0, from); c < Math.min(to, this.width); c++) this.cells[c] = { ch: this.cells[c].ch, sgr };
  }

  /** The row as terminal output: SGR changes between runs, trailing default blanks left to an erase. */
  render(): { text: string; full: boolean } {
    let end = this.width;
    while (end > 0 && this.cells[end - 1].ch === ' ' && this.cells[end - 1].sgr === NORMAL) end--;
    let out = '';
    let cur = NORMAL;
    for (let c = 0; c < end; c++) {
      const { ch, sgr } = this.cells[c];
      if (sgr !== cur) {
        out += sgr === NORMAL ? '\x1b[0m' : `\x1b[0;${sgr}m`;
        cur = sgr;
      }
      out += ch;
    }
    if (cur !== NORMAL) out += '\x1b[0m';
    return { text: out, full: end === this.width };
  }
}

/** The last frame written, so the next writes only what changed. */
export class Screen {
  private shown: string[] = [];

  constructor(
    public rows: number,
    public cols: number,
  ) {}

  /** Forgets what is on the terminal: the next frame is drawn whole (after a resize, ^L). */
  invalidate(rows: number, cols: number): string {
    this.rows = rows;
    this.cols = cols;
    this.shown = [];
    return '\x1b[H\x1b[2J';
  }

  newRow(): Row {
    return new Row(this.cols);
  }

  /** The output that turns the previous frame into `frame`, ending with the cursor at (row, col). */
  frame(frame: readonly Row[], cursor: { row: number; col: number } | null): string {
    let out = '\x1b[?25l';
    for (let r = 0; r < frame.length; r++) {
      const { text, full } = frame[r].render();
      const key = text + (full ? '' : '\x1b[K');
      if (this.shown[r] === key) continue;
      this.shown[r] = key;
      out += `\x1b[${r + 1};1H${key}`;
    }
    if (cursor) out += `\x1b[${cursor.row + 1};${cursor.col + 1}H\x1b[?25h`;
    return out;
  }
}
