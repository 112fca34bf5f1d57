/**
 * Go's text/tabwriter as docker builds it: `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`. Cells end at `\t`;
 * a column is as wide as its widest cell + padding (at least minwidth) within a block of consecutive lines
 * that have that column; the last cell of a line is never padded. Like Go, widths count code points, not
 * display columns (tabwriter assumes every character is one column wide).
 */
export interface TabOptions {
  readonly minwidth: number;
  readonly padding: number;
}

export const DOCKER_TABLE: TabOptions = { minwidth: 10, padding: 3 };

export function tabwrite(text: string, opts: TabOptions = DOCKER_TABLE): string {
  const rows = text.split('\n');
  const trailing = rows.pop()!; // text after the last newline: an unterminated line
  const lines = rows.map((r) => r.split('\t'));
  lines.push(trailing.split('\t'));
  const width = (s: string): number => [...s].length;
  const widths: number[] = [];
  let out = '';

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        out += j < widths.length && j < cells.length - 1 ? c + ' '.repeat(Math.max(0, widths[j] - width(c))) : c;
      }
      if (i < lines.length - 1) out += '\n';
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      writeLines(line0, i);
      line0 = i;
      let w = opts.minwidth;
      for (; i < line1 && column < lines[i].length - 1; i++) w = Math.max(w, width(lines[i][column]) + opts.padding);
      widths.push(w);
      format(line0, i);
      widths.pop();
      line0 = i;
      i--; // the outer loop re-examines the line that ended the block
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out;
}
