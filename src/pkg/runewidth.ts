/**
 * Display width of text in terminal cells, as go-runewidth counts it for docker's tables and wcwidth does for
 * a terminal program's line: East Asian wide and fullwidth characters take 2, combining marks and zero-width
 * characters 0, everything else 1.
 */
const ZERO = /^[\p{Mn}\p{Me}\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]$/u;

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd)
  );
}

export function runeWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c === 0 || ZERO.test(ch)) return 0;
  return isWide(c) ? 2 : 1;
}

export function displayWidth(s: string): number {
  // ASCII is one cell a character: most lines are all ASCII, so skip the per-character walk for them.
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  let w = 0;
  for (const ch of s) w += runeWidth(ch);
  return w;
}
