/** ls's multi-column layout (ls.c calculate_columns / print_many_per_line), padding with tabs as GNU does. */

const MIN_COLUMN_WIDTH = 3;
const TAB = 8;

export interface Cell {
  readonly text: string;
  /** Printed width (escape codes excluded). */
  readonly width: number;
}

function indent(from: number, to: number): string {
  let s = '';
  while (from < to) {
    if (Math.floor(to / TAB) > Math.floor((from + 1) / TAB)) {
      s += '\t';
      from += TAB - (from % TAB);
    } else {
      s += ' ';
      from++;
    }
  }
  return s;
}

/** Lays cells out down columns (`across` false, ls -C) or across rows (ls -x) within `lineWidth`. */
export function layoutColumns(cells: readonly Cell[], lineWidth: number, across = false): string {
  const n = cells.length;
  if (n === 0) return '';
  const maxCols = Math.max(1, Math.min(Math.floor(lineWidth / MIN_COLUMN_WIDTH), n));
  let best: number[] = [Math.max(...cells.map((c) => c.width))];
  for (let cols = maxCols; cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    const widths = new Array<number>(cols).fill(0);
    for (let i = 0; i < n; i++) {
      const col = across ? i % cols : Math.floor(i / rows);
      const w = cells[i].width + (col === cols - 1 ? 0 : 2);
      if (w > widths[col]) widths[col] = w;
    }
    if (cols === 1 || widths.reduce((a, b) => a + b, 0) < lineWidth) {
      best = widths;
      break;
    }
  }
  const cols = best.length;
  const rows = Math.ceil(n / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    for (let c = 0; ; c++) {
      const i = across ? r * cols + c : c * rows + r;
      const cell = cells[i];
      out += cell.text;
      const next = across ? (c + 1 < cols ? i + 1 : n) : i + rows;
      if (next >= n || (across && c + 1 >= cols)) break;
      out += indent(pos + cell.width, pos + best[c]);
      pos += best[c];
    }
    out += '\n';
  }
  return out;
}
