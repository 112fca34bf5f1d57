/**
 * JSON as Go's encoding/json sees it. `checkSyntax` reports the first error with the exact text of Go's
 * scanner (`invalid character 'x' looking for beginning of value`, `unexpected EOF`), which moby returns
 * to the client after `invalid JSON: `. `encodeJSON` writes what json.Encoder with SetEscapeHTML(false) does.
 */

/** Go's quoteChar: `'x'`, `'\''`, `'"'`, `'\n'`, `'\x01'`-style via strconv.Quote. */
export function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const code = c.charCodeAt(0);
  const esc: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\x07': '\\a', '\\': '\\\\' };
  if (esc[c]) return `'${esc[c]}'`;
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  if (code >= 0x80 && code < 0xa0) return `'\\u${code.toString(16).padStart(4, '0')}'`;
  return `'${c}'`;
}

const inv = (c: string, ctx: string): string => `invalid character ${quoteChar(c)} ${ctx}`;

/**
 * Scans one JSON value at the start of `s` (a binary string: bytes as Go sees them). Returns the error
 * text or null, and where the value ended. Trailing content is the caller's business (Decoder.More).
 */
export function checkSyntax(s: string): { error: string | null; end: number } {
  let i = 0;
  const ws = (): void => {
    while (i < s.length && ' \t\r\n'.includes(s[i])) i++;
  };
  const eof = (): never => {
    throw new Error('unexpected EOF');
  };
  const lit = (word: string): void => {
    for (let k = 1; k < word.length; k++) {
      if (i + k >= s.length) eof();
      if (s[i + k] !== word[k]) throw new Error(inv(s[i + k], `in literal ${word} (expecting ${quoteChar(word[k])})`));
    }
    i += word.length;
  };
  const str = (): void => {
    i++;
    for (;;) {
      if (i >= s.length) eof();
      const c = s[i];
      if (c === '"') return void i++;
      if (c === '\\') {
        i++;
        if (i >= s.length) eof();
        const e = s[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (i + k >= s.length) eof();
            if (!/[0-9a-fA-F]/.test(s[i + k])) throw new Error(inv(s[i + k], 'in \\u hexadecimal character escape'));
          }
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) throw new Error(inv(e, 'in string escape code'));
        i++;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) throw new Error(inv(c, 'in string literal'));
      i++;
    }
  };
  const num = (): void => {
    if (s[i] === '-') {
      i++;
      if (i >= s.length) eof();
      if (!/[0-9]/.test(s[i])) throw new Error(inv(s[i], 'in numeric literal'));
    }
    if (s[i] === '0') i++;
    else while (i < s.length && /[0-9]/.test(s[i])) i++;
    if (s[i] === '.') {
      i++;
      if (i >= s.length) eof();
      if (!/[0-9]/.test(s[i])) throw new Error(inv(s[i], 'after decimal point in numeric literal'));
      while (i < s.length && /[0-9]/.test(s[i])) i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      if (i >= s.length) eof();
      if (!/[0-9]/.test(s[i])) throw new Error(inv(s[i], 'in exponent of numeric literal'));
      while (i < s.length && /[0-9]/.test(s[i])) i++;
    }
  };
  /** An object's or array's members after its opening bracket, comma-separated up to `close`. */
  const members = (close: string, after: string, member: () => void): void => {
    i++;
    ws();
    if (i >= s.length) eof();
    if (s[i] === close) return void i++;
    for (;;) {
      member();
      ws();
      if (i >= s.length) eof();
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === close) return void i++;
      throw new Error(inv(s[i], after));
    }
  };
  const value = (depth: number): void => {
    if (depth > 10000) throw new Error('exceeded max depth');
    ws();
    if (i >= s.length) eof();
    const c = s[i];
    if (c === '{') {
      return members('}', 'after object key:value pair', () => {
        ws();
        if (i >= s.length) eof();
        if (s[i] !== '"') throw new Error(inv(s[i], 'looking for beginning of object key string'));
        str();
        ws();
        if (i >= s.length) eof();
        if (s[i] !== ':') throw new Error(inv(s[i], 'after object key'));
        i++;
        value(depth + 1);
      });
    }
    if (c === '[') return members(']', 'after array element', () => value(depth + 1));
    if (c === '"') return str();
    if (c === '-' || /[0-9]/.test(c)) return num();
    if (c === 't') return lit('true');
    if (c === 'f') return lit('false');
    if (c === 'n') return lit('null');
    throw new Error(inv(c, 'looking for beginning of value'));
  };
  try {
    value(0);
    return { error: null, end: i };
  } catch (e) {
    return { error: (e as Error).message, end: i };
  }
}

/** json.Encoder.Encode with SetEscapeHTML(false): compact, U+2028/U+2029 escaped, newline-terminated. */
export function encodeJSON(v: unknown): string {
  return `${JSON.stringify(v).replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'))}\n`;
}
