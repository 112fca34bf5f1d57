/**
 * Go's strconv as docker's texts show it: ParseBool, ParseInt with base 0 (flag values), and Quote and
 * QuoteRune (and so `%q`): `"` and `\` escaped, C escapes for \a\b\f\n\r\t\v, `\xNN` for other control bytes
 * and DEL, `\uXXXX`/`\UXXXXXXXX` for non-printable runes. Go's IsPrint counts letters, marks, numbers,
 * punctuation, symbols and the ASCII space only, so U+00A0 is escaped too.
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

/** strconv.ParseBool. */
export function parseGoBool(s: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return null;
}

const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64); throws with Go's *NumError text. */
export function parseInt64(s: string): bigint {
  if (!/^[+-]?\d+$/.test(s)) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n > INT64_MAX || n < -INT64_MAX - 1n) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  return n;
}

/** strconv.ParseInt(s, 0, bits) / ParseUint: base prefixes 0x 0o 0b and a bare leading 0 (octal), `_` separators. */
export function parseGoInt(s: string, unsigned: boolean): bigint | null {
  let body = s;
  let neg = false;
  if (!unsigned && (body[0] === '+' || body[0] === '-')) {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let base = 10;
  let digits = body;
  const p = body.slice(0, 2).toLowerCase();
  if (p === '0x' || p === '0o' || p === '0b') {
    base = p === '0x' ? 16 : p === '0o' ? 8 : 2;
    digits = body.slice(2);
  } else if (body.length > 1 && body[0] === '0') {
    base = 8;
    digits = body.slice(1);
  }
  if (base !== 10 || digits.includes('_')) {
    // Underscores only between digits, and only with a base prefix (Go's underscoreOK).
    if (digits.includes('_') && (base === 10 || !/^_?[^_]+(_[^_]+)*$/.test(digits))) return null;
    digits = digits.replace(/_/g, '');
  }
  const re = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!re.test(digits)) return null;
  let v = 0n;
  for (const d of digits) v = v * BigInt(base) + BigInt(parseInt(d, 16));
  return neg ? -v : v;
}
