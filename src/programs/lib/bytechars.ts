/**
 * Bytes inside text, as printf's and echo's `\xHH` and `\NNN` make them: a byte of 0x80 and above that is no
 * character is kept as a lone low surrogate U+DC80–U+DCFF (Python's "surrogateescape", PEP 383), so one
 * string holds both `中` typed in a format and `\xe4\xb8\xad` spelled out; `toOutput` writes each as bytes.
 */
import { utf8Encode } from '../../engine/kernel/utf8.js';

const ESCAPED = /[\udc80-\udcff]/;

/** The character standing for byte `b` in text. */
export function byteChar(b: number): string {
  return String.fromCharCode(b < 0x80 ? b : 0xdc00 + b);
}

/** What to write for text that may hold bytes: the same string when it holds none, else its bytes. */
export function toOutput(s: string): string | Uint8Array {
  if (!ESCAPED.test(s)) return s;
  const out: number[] = [];
  let run = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : -1;
    const lone = c >= 0xdc80 && c <= 0xdcff && !(i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) < 0xdc00);
    if (!lone && c !== -1) continue;
    if (i > run) for (const b of utf8Encode(s.slice(run, i))) out.push(b);
    if (lone) out.push(c - 0xdc00);
    run = i + 1;
  }
  return Uint8Array.from(out);
}
