/**
 * RESP2, the protocol redis-server and redis-cli speak. Sockets here carry JS strings, so a bulk string's
 * length is counted in UTF-8 bytes of those characters, as the real wire counts bytes: `$3\r\né\r\n` is wrong and
 * `$2\r\né\r\n` right.
 */

export type Reply =
  | { readonly t: 'status'; readonly s: string }
  | { readonly t: 'error'; readonly s: string }
  | { readonly t: 'int'; readonly n: number }
  | { readonly t: 'bulk'; readonly s: string | null }
  | { readonly t: 'array'; readonly items: readonly Reply[] | null };

export const OK: Reply = { t: 'status', s: 'OK' };
export const NIL: Reply = { t: 'bulk', s: null };
export const status = (s: string): Reply => ({ t: 'status', s });
export const error = (s: string): Reply => ({ t: 'error', s });
export const int = (n: number): Reply => ({ t: 'int', n });
export const bulk = (s: string | null): Reply => ({ t: 'bulk', s });
export const array = (items: readonly Reply[] | null): Reply => ({ t: 'array', items });
export const bulks = (xs: readonly (string | null)[]): Reply => array(xs.map(bulk));

/** UTF-8 length of a JS string. */
export function byteLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      n += 2; // the pair's two UTF-16 units make one 4-byte sequence
      i++;
    } else n += 2;
  }
  return n;
}

export function encode(r: Reply): string {
  switch (r.t) {
    case 'status':
      return `+${r.s}\r\n`;
    case 'error':
      return `-${r.s}\r\n`;
    case 'int':
      return `:${r.n}\r\n`;
    case 'bulk':
      return r.s === null ? '$-1\r\n' : `$${byteLength(r.s)}\r\n${r.s}\r\n`;
    case 'array':
      return r.items === null ? '*-1\r\n' : `*${r.items.length}\r\n${r.items.map(encode).join('')}`;
  }
}

/** A command as a client sends it: an array of bulk strings. */
export function encodeCommand(args: readonly string[]): string {
  let out = `*${args.length}\r\n`;
  for (const a of args) out += `$${byteLength(a)}\r\n${a}\r\n`;
  return out;
}

/** The index after `n` UTF-8 bytes from `start`, or -1 when `buf` ends first. */
function skipBytes(buf: string, start: number, n: number): number {
  let i = start;
  while (n > 0) {
    if (i >= buf.length) return -1;
    const c = buf.charCodeAt(i);
    if (c < 0x80) n -= 1;
    else if (c < 0x800) n -= 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n -= 4;
      i++;
    } else n -= 3;
    i++;
  }
  return i;
}

export class ProtocolError extends Error {}

/**
 * Incremental reader: `push` what the socket gave, then take whole values while there are any. Servers read
 * commands (multibulk, or an inline line as telnet users type), clients read replies.
 */
export class RespReader {
  private buf = '';
  private pos = 0;

  push(chunk: string): void {
    this.buf = this.pos > 0 ? this.buf.slice(this.pos) + chunk : this.buf + chunk;
    this.pos = 0;
  }

  /** Bytes waiting (a rough measure for the query buffer). */
  get pending(): number {
    return this.buf.length - this.pos;
  }

  /** The next reply, or undefined until more arrives. */
  reply(): Reply | undefined {
    const r = this.parseReply(this.pos);
    if (!r) return undefined;
    this.pos = r.end;
    return r.value;
  }

  /**
   * The next command's arguments, or undefined until more arrives. An empty array is an empty inline line,
   * which Redis skips.
   */
  command(): string[] | undefined {
    if (this.pos >= this.buf.length) return undefined;
    if (this.buf[this.pos] !== '*') return this.inline();
    const head = this.line(this.pos);
    if (!head) return undefined;
    const count = Number(head.text.slice(1));
    if (!/^-?\d+$/.test(head.text.slice(1)) || count > 1024 * 1024) throw new ProtocolError('Protocol error: invalid multibulk length');
    let at = head.end;
    const args: string[] = [];
    for (let i = 0; i < count; i++) {
      const h = this.line(at);
      if (!h) return undefined;
      if (h.text[0] !== '$') throw new ProtocolError(`Protocol error: expected '$', got '${h.text[0] ?? ''}'`);
      const len = Number(h.text.slice(1));
      if (!/^\d+$/.test(h.text.slice(1)) || len > 512 * 1024 * 1024) throw new ProtocolError('Protocol error: invalid bulk length');
      const end = skipBytes(this.buf, h.end, len);
      if (end < 0 || end + 2 > this.buf.length) return undefined;
      args.push(this.buf.slice(h.end, end));
      at = end + 2;
    }
    this.pos = at;
    return args;
  }

  private inline(): string[] | undefined {
    const nl = this.buf.indexOf('\n', this.pos);
    if (nl < 0) return undefined;
    const text = this.buf.slice(this.pos, nl).replace(/\r$/, '');
    this.pos = nl + 1;
    const args = splitArgs(text);
    if (args === null) throw new ProtocolError('Protocol error: unbalanced quotes in request');
    return args;
  }

  private line(at: number): { text: string; end: number } | undefined {
    const nl = this.buf.indexOf('\r\n', at);
    if (nl < 0) return undefined;
    return { text: this.buf.slice(at, nl), end: nl + 2 };
  }

  private parseReply(at: number): { value: Reply; end: number } | undefined {
    const l = this.line(at);
    if (!l) return undefined;
    const kind = l.text[0];
    const rest = l.text.slice(1);
    switch (kind) {
      case '+':
        return { value: status(rest), end: l.end };
      case '-':
        return { value: error(rest), end: l.end };
      case ':':
        return { value: int(Number(rest)), end: l.end };
      case '$': {
        const len = Number(rest);
        if (len < 0) return { value: NIL, end: l.end };
        const end = skipBytes(this.buf, l.end, len);
        if (end < 0 || end + 2 > this.buf.length) return undefined;
        return { value: bulk(this.buf.slice(l.end, end)), end: end + 2 };
      }
      case '*': {
        const n = Number(rest);
        if (n < 0) return { value: array(null), end: l.end };
        const items: Reply[] = [];
        let p = l.end;
        for (let i = 0; i < n; i++) {
          const r = this.parseReply(p);
          if (!r) return undefined;
          items.push(r.value);
          p = r.end;
        }
        return { value: array(items), end: p };
      }
      default:
        throw new ProtocolError(`Protocol error, got "${kind}" as reply type byte`);
    }
  }
}

const HEX = /^[0-9a-fA-F]{2}$/;

/**
 * sdssplitargs: how redis-cli splits a typed line and the server an inline command. Double quotes take
 * `\n \r \t \b \a \\ \" \xHH`; single quotes only `\'`; a closing quote must be followed by a space or the end.
 * Null means unbalanced quotes.
 */
export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) return out;
    let cur = '';
    let inq = false;
    let insq = false;
    for (;;) {
      const c = line[i];
      if (inq) {
        if (c === undefined) return null;
        if (c === '\\' && line[i + 1] === 'x' && HEX.test(line.slice(i + 2, i + 4))) {
          cur += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (c === '\\' && i + 1 < line.length) {
          i++;
          const e = line[i];
          cur += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === 'b' ? '\b' : e === 'a' ? '\x07' : e;
        } else if (c === '"') {
          if (i + 1 < line.length && !/\s/.test(line[i + 1])) return null;
          i++;
          break;
        } else cur += c;
      } else if (insq) {
        if (c === undefined) return null;
        if (c === '\\' && line[i + 1] === "'") {
          i++;
          cur += "'";
        } else if (c === "'") {
          if (i + 1 < line.length && !/\s/.test(line[i + 1])) return null;
          i++;
          break;
        } else cur += c;
      } else {
        if (c === undefined || /\s/.test(c)) break;
        if (c === '"') inq = true;
        else if (c === "'") insq = true;
        else cur += c;
      }
      i++;
    }
    out.push(cur);
  }
}

/** sdscatrepr: how redis-cli shows a bulk string ("a\nb" with its quotes). */
export function repr(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    if (c === '\\' || c === '"') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\x07') out += '\\a';
    else if (c === '\b') out += '\\b';
    else if (code >= 0x20 && code < 0x7f) out += c;
    else if (code >= 0x80) {
      // Non-ASCII text goes out as its UTF-8 bytes, each as \xHH (isprint is false for them in the C locale).
      const ch = code >= 0xd800 && code < 0xdc00 ? s.slice(i, i + 2) : c;
      if (ch.length === 2) i++;
      for (const b of utf8Bytes(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else out += `\\x${code.toString(16).padStart(2, '0')}`;
  }
  return `${out}"`;
}

function utf8Bytes(ch: string): number[] {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}
