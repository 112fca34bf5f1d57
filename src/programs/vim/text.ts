/** Character classes and screen cells as vim counts them ('tabstop' 8, control characters as `^X`). */

export const TABSTOP = 8;

/** vim's word classes: 0 blank, 1 punctuation, 2 keyword ('iskeyword' @,48-57,_,192-255). */
export function charClass(ch: string | undefined): 0 | 1 | 2 {
  if (ch === undefined || ch === ' ' || ch === '\t' || ch === '') return 0;
  const c = ch.charCodeAt(0);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 192) return 2;
  return 1;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}

/** Cells `ch` takes when it starts at cell `vcol`. */
export function cellWidth(ch: string, vcol: number): number {
  const c = ch.charCodeAt(0);
  if (ch === '\t') return TABSTOP - (vcol % TABSTOP);
  if (c < 32 || c === 0x7f) return 2;
  return isWide(c) ? 2 : 1;
}

/** What a character looks like on screen at cell `vcol` (a tab as spaces, ^X for a control character). */
export function cellText(ch: string, vcol: number): string {
  const c = ch.charCodeAt(0);
  if (ch === '\t') return ' '.repeat(TABSTOP - (vcol % TABSTOP));
  if (c < 32) return `^${String.fromCharCode(c + 64)}`;
  if (c === 0x7f) return '^?';
  return ch;
}

/** Cell where the character at `col` starts. */
export function vcolOf(line: string, col: number): number {
  let v = 0;
  const end = Math.min(col, line.length);
  for (let i = 0; i < end; i++) v += cellWidth(line[i], v);
  return v;
}

export function lineWidth(line: string): number {
  return vcolOf(line, line.length);
}

/** The character index whose cells cover `vcol` (the last one if the line is shorter). */
export function colAtVcol(line: string, vcol: number): number {
  let v = 0;
  for (let i = 0; i < line.length; i++) {
    const w = cellWidth(line[i], v);
    if (v + w > vcol) return i;
    v += w;
  }
  return line.length;
}

export function firstNonBlank(line: string): number {
  const m = /[^ \t]/.exec(line);
  return m ? m.index : Math.max(0, line.length - 1);
}

/** Bytes of `s` in UTF-8 (vim's `45B`). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
