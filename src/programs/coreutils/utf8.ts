/** UTF-8 byte arithmetic on JS strings (the simulation passes strings; sizes are counted in bytes). */

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function utf8Bytes(ch: string): number[] {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/** The first `n` bytes of `s` (a split character is cut whole, which is what a terminal would show anyway). */
export function utf8Prefix(s: string, n: number): string {
  let bytes = 0;
  let i = 0;
  for (const ch of s) {
    const len = utf8Bytes(ch).length;
    if (bytes + len > n) break;
    bytes += len;
    i += ch.length;
  }
  return s.slice(0, i);
}
