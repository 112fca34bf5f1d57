/**
 * Go's strconv.Quote and QuoteRune (and so `%q`): `"` and `\` escaped, C escapes for \a\b\f\n\r\t\v, `\xNN` for other
 * control bytes and DEL, `\uXXXX`/`\UXXXXXXXX` for non-printable runes. Go's IsPrint counts letters, marks,
 * numbers, punctuation, symbols and the ASCII space only, so U+00A0 is escaped too.
 */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const C_ESCAPES: Record<string, string> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v',
};

export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (PRINTABLE.test(ch)) out += ch;
    else out += escapeRune(ch);
  }
  return out + '"';
}

/** Go's `%q` applied to a single rune (a byte in pflag's shorthand errors): `'z'`, `'\''`, `'\n'`. */
export function goQuoteRune(ch: string): string {
  if (ch === "'" || ch === '\\') return `'\\${ch}'`;
  return `'${PRINTABLE.test(ch) ? ch : escapeRune(ch)}'`;
}

function escapeRune(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  if (C_ESCAPES[ch]) return C_ESCAPES[ch];
  if (c < 0x20 || c === 0x7f) return '\\x' + hex(c, 2);
  // A lone surrogate cannot exist in a Go string; it arrives as the replacement character.
  if (c >= 0xd800 && c < 0xe000) return '\ufffd';
  return c < 0x10000 ? '\\u' + hex(c, 4) : '\\U' + hex(c, 8);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}
