/** docker's formatter widths are go-runewidth's (pkg/runewidth.ts). */
import { displayWidth, runeWidth } from '../../pkg/runewidth.js';

/** docker's formatter.Ellipsis: cut to `max` display columns, the last one being `…`. */
export function ellipsis(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = runeWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}
