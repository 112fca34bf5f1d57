/**
 * Names in archive headers are bytes; these turn them to and from strings as UTF-8 (pkg sits below the
 * engine, whose kernel/utf8.ts does the same for file contents, and the ES2022 target has no TextEncoder).
 */
export function nameBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

export function nameString(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
    if (len === 0 || i + len > b.length) {
      s += '\ufffd';
      i++;
      continue;
    }
    let cp = len === 1 ? c : c & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) cp = (cp << 6) | (b[i + k] & 63);
    s += String.fromCodePoint(cp);
    i += len;
  }
  return s;
}
