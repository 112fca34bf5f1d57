/**
 * Completion lists laid out as the real line editors print them: readline's rl_display_match_list
 * (column-major, width of the longest match + 2) and busybox's showfiles.
 */

/** readline: `limit` columns of `max + 2` cells; the last column of a row gets no padding. */
export function readlineColumns(items: readonly string[], cols: number): string[] {
  // A directory's trailing `/` is printed but not counted in the column width.
  const max = Math.max(...items.map((s) => [...s.replace(/\/$/, '')].length)) + 2;
  let limit = Math.floor(cols / max);
  if (limit !== 1 && limit * max === cols) limit--;
  if (limit <= 0) limit = 1;
  const rows = Math.ceil(items.length / limit);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < limit; c++) {
      const i = r + c * rows;
      if (i >= items.length) break;
      const s = items[i];
      line += c + 1 >= limit ? s : s + ' '.repeat(Math.max(1, max - [...s].length));
    }
    out.push(line);
  }
  return out;
}

/** busybox lineedit's showfiles: same idea, but it divides the width without readline's edge rule. */
export function busyboxColumns(items: readonly string[], cols: number): string[] {
  const width = Math.max(...items.map((s) => [...s].length)) + 2;
  let ncols = Math.floor(cols / width);
  let nrows = items.length;
  if (ncols > 1) nrows = Math.ceil(items.length / ncols);
  else ncols = 1;
  const out: string[] = [];
  for (let r = 0; r < nrows; r++) {
    let line = '';
    let n = r;
    for (let nc = 1; nc < ncols && n + nrows < items.length; n += nrows, nc++) {
      line += items[n] + ' '.repeat(width - [...items[n]].length);
    }
    out.push(line + items[n]);
  }
  return out;
}

/** The longest common prefix of the matches: what a first Tab inserts. */
export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return '';
  let p = items[0];
  for (const s of items) {
    let k = 0;
    while (k < p.length && k < s.length && p[k] === s[k]) k++;
    p = p.slice(0, k);
  }
  return p;
}
