/**
 * An incremental HTTP/1.x request parser, fed bytes as they arrive. It never throws anything but
 * `HttpParseError`, which carries the exact bytes Go's net/http server writes before hanging up on a
 * malformed request (server.go: `HTTP/1.1 400 Bad Request` + errorHeaders + text, no Date, no Server).
 */
import { Headers, isToken } from './headers.js';
import type { HttpRequest } from './request.js';
import { latin1 } from '../../engine/kernel/chunks.js';
import { arrayFromBytes } from '../bytes.js';

const ERROR_HEADERS = '\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n';
/** http.DefaultMaxHeaderBytes plus the 4096 bytes of slack the server allows. */
export const MAX_HEADER_BYTES = (1 << 20) + 4096;

export class HttpParseError extends Error {
  constructor(
    message: string,
    /** What the server writes before closing the connection. */
    readonly response: string,
  ) {
    super(message);
    this.name = 'HttpParseError';
  }
}

/** Go's generic answer: the reason stays in the server log, the client sees only `400 Bad Request`. */
export const badRequest = (why: string): HttpParseError =>
  new HttpParseError(why, `HTTP/1.1 400 Bad Request${ERROR_HEADERS}400 Bad Request`);

/** Go's statusError: the reason is shown to the client, in the status line and in the body. */
const statusError = (code: number, text: string, why: string): HttpParseError =>
  new HttpParseError(why, `HTTP/1.1 ${code} ${text}: ${why}${ERROR_HEADERS}${code} ${text}: ${why}`);

const METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** A body that has not all arrived and is larger than this is collected as bytes as it comes (BodyBytes). */
const LARGE_BODY = 64 * 1024;
/** How much of a long read is made a string to look for the head in (a head is at most MAX_HEADER_BYTES). */
const HEAD_SCAN = 64 * 1024;

export class RequestParser {
  private buf = '';
  /** The request whose large body is arriving. */
  private pending: { head: Head; body: BodyBytes } | null = null;
  /** A framing error found while a large body arrived, thrown by the next next(). */
  private failure: unknown = null;
  /**
   * Bytes after `buf` not made a string yet: a read far longer than a head (a tar sent with its request in
   * one write) is scanned for the head first, and its body taken as bytes if it is large.
   */
  private tail: Uint8Array[] = [];

  /** Bytes received: a binary string, or bytes as they came off the socket (kept as they are: the caller gives them up). */
  push(bytes: string | Uint8Array): void {
    if (this.pending) {
      try {
        const left = this.pending.body.feed(bytes);
        if (left !== '') this.buf += left;
      } catch (e) {
        this.failure = e;
      }
      return;
    }
    if (this.tail.length > 0) this.tail.push(typeof bytes === 'string' ? arrayFromBytes(bytes) : bytes);
    else if (typeof bytes === 'string') this.buf += bytes;
    else if (bytes.length <= HEAD_SCAN) this.buf += latin1(bytes);
    else {
      // Cut after the head when it is here, so a body sent with it stays one array (kept without a copy).
      const cut = headEndIn(bytes, HEAD_SCAN);
      this.buf += latin1(bytes.subarray(0, cut));
      this.tail.push(bytes.subarray(cut));
    }
  }

  /** The tail as part of `buf`: what follows is not a large body after all. */
  private untail(): void {
    for (const t of this.tail) this.buf += latin1(t);
    this.tail = [];
  }

  /** Bytes received but not yet consumed: after a hijack they belong to the raw stream. */
  takeBuffered(): string {
    this.untail();
    const b = this.buf;
    this.buf = '';
    return b;
  }

  get buffered(): number {
    let n = this.buf.length;
    for (const t of this.tail) n += t.length;
    return n;
  }

  /** The next complete request, or null if more bytes are needed. */
  next(): HttpRequest | null {
    if (this.failure) throw this.failure;
    if (this.pending) {
      const { head, body } = this.pending;
      if (!body.done) return null;
      this.pending = null;
      const bytes = body.bytes();
      let text: string | undefined;
      return {
        ...head,
        bodyBytes: bytes,
        get body(): string {
          return (text ??= latin1(bytes));
        },
      };
    }
    const headEnd = findHeadEnd(this.buf);
    if (headEnd === null) {
      if (this.tail.length > 0) {
        this.untail();
        return this.next();
      }
      if (this.buf.length > MAX_HEADER_BYTES) throw tooLarge();
      return null;
    }
    if (headEnd.start > MAX_HEADER_BYTES) throw tooLarge();
    const lines = this.buf.slice(0, headEnd.start).split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    const head = parseHead(lines);
    const rest = this.buf.slice(headEnd.end);
    const body = readBody(head.headers, rest);
    if (body === null) {
      // Not all here: a large body is taken as bytes from now on, not re-read from the start at each push.
      const large = largeBody(head.headers);
      if (large) {
        this.buf = '';
        this.pending = { head, body: large };
        const tail = this.tail;
        this.tail = [];
        this.push(rest);
        for (const t of tail) this.push(t);
        return this.next();
      }
      if (this.tail.length > 0) {
        this.untail();
        return this.next();
      }
      return null;
    }
    this.buf = rest.slice(body.consumed);
    return { ...head, body: body.data };
  }
}

function tooLarge(): HttpParseError {
  const t = '431 Request Header Fields Too Large';
  return new HttpParseError('request too large', `HTTP/1.1 ${t}${ERROR_HEADERS}${t}`);
}

function findHeadEnd(buf: string): { start: number; end: number } | null {
  const m = /\r?\n\r?\n/.exec(buf);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

type Head = Omit<HttpRequest, 'body'>;

function parseHead(lines: string[]): Head {
  const line = lines[0];
  const sp1 = line.indexOf(' ');
  const sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
  if (sp1 < 0 || sp2 < 0) throw badRequest(`malformed HTTP request ${JSON.stringify(line)}`);
  const method = line.slice(0, sp1);
  const target = line.slice(sp1 + 1, sp2);
  const proto = line.slice(sp2 + 1);
  if (!METHOD.test(method)) throw badRequest(`invalid method ${JSON.stringify(method)}`);
  const pv = /^HTTP\/(\d)\.(\d)$/.exec(proto);
  if (!pv) throw badRequest(`malformed HTTP version ${JSON.stringify(proto)}`);
  if (pv[1] !== '1') throw statusError(505, 'HTTP Version Not Supported', 'unsupported protocol version');
  if (target === '' || (target[0] !== '/' && target !== '*' && !/^https?:\/\//.test(target))) {
    throw badRequest(`invalid request URI ${JSON.stringify(target)}`);
  }
  const headers = new Headers();
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.startsWith(' ') || l.startsWith('\t')) throw badRequest('malformed MIME header initial line');
    const colon = l.indexOf(':');
    if (colon <= 0 || !isToken(l.slice(0, colon))) throw badRequest(`malformed MIME header line: ${l}`);
    headers.add(l.slice(0, colon), l.slice(colon + 1).trim());
  }
  const hosts = headers.values('Host');
  if (hosts.length > 1) throw badRequest('too many Host headers');
  if (proto === 'HTTP/1.1' && hosts.length === 0) throw statusError(400, 'Bad Request', 'missing required Host header');
  const conn = headers.values('Connection').join(',').toLowerCase();
  const keepAlive = proto === 'HTTP/1.1' ? !/\bclose\b/.test(conn) : /\bkeep-alive\b/.test(conn);
  const { path, rawQuery } = splitTarget(target);
  return { method, target, path, rawQuery, proto, headers, keepAlive };
}

function splitTarget(target: string): { path: string; rawQuery: string } {
  let t = target.replace(/^https?:\/\/[^/]*/, '');
  if (t === '') t = '/';
  const q = t.indexOf('?');
  const rawPath = q < 0 ? t : t.slice(0, q);
  let path = rawPath;
  try {
    path = rawPath.includes('%') ? decodeURIComponent(rawPath) : rawPath;
  } catch {
    throw badRequest(`invalid URL escape in ${JSON.stringify(rawPath)}`);
  }
  return { path, rawQuery: q < 0 ? '' : t.slice(q + 1) };
}

/** The body framed by Content-Length or chunked coding; null if it has not all arrived. */
function readBody(h: Headers, rest: string): { data: string; consumed: number } | null {
  const te = h.values('Transfer-Encoding');
  if (te.length > 0) {
    if (te.length !== 1 || te[0].toLowerCase() !== 'chunked') {
      const t = '501 Not Implemented';
      throw new HttpParseError('unsupported transfer encoding', `HTTP/1.1 ${t}${ERROR_HEADERS}Unsupported transfer encoding`);
    }
    return readChunked(rest);
  }
  const cls = h.values('Content-Length');
  if (cls.length === 0) return { data: '', consumed: 0 };
  if (new Set(cls).size > 1) throw badRequest('message cannot contain multiple Content-Length headers');
  if (!/^\d{1,15}$/.test(cls[0])) throw badRequest(`bad Content-Length ${JSON.stringify(cls[0])}`);
  const n = Number(cls[0]);
  return rest.length < n ? null : { data: rest.slice(0, n), consumed: n };
}

/** The collector for a body that is large or chunked and still arriving (readBody has checked its framing). */
function largeBody(h: Headers): BodyBytes | null {
  if (h.values('Transfer-Encoding').length > 0) return new BodyBytes(-1);
  const n = Number(h.values('Content-Length')[0]);
  return n > LARGE_BODY ? new BodyBytes(n) : null;
}

/** Where the blank line after a head ends in `b`, looking at its first `max` bytes; `max` if not there. */
function headEndIn(b: Uint8Array, max: number): number {
  const end = Math.min(b.length, max);
  for (let i = b.indexOf(0x0a); i >= 0 && i < end; i = b.indexOf(0x0a, i + 1)) {
    const j = b[i + 1] === 0x0d ? i + 2 : i + 1;
    if (b[j] === 0x0a) return j + 1;
  }
  return max;
}

/**
 * A body taken as bytes as they arrive, framed by a Content-Length (`length` ≥ 0) or chunked coding (-1): the
 * data is copied once into pieces, the framing is read as it comes. What follows the body is handed back.
 */
class BodyBytes {
  private readonly parts: Uint8Array[] = [];
  private size = 0;
  done = false;
  /** Chunked coding: the framing line being read, data left in the current chunk, what comes next. */
  private line = '';
  private chunkLeft = 0;
  private state: 'size' | 'data' | 'crlf' | 'trailer' = 'size';

  /** A body of known length is copied straight into its place, or kept as the one read that brought it all. */
  private whole: Uint8Array | null = null;

  constructor(private readonly length: number) {}

  /** Takes what belongs to the body; returns the rest as a binary string. */
  feed(input: string | Uint8Array): string {
    const b = typeof input === 'string' ? arrayFromBytes(input) : input;
    let at = 0;
    while (at < b.length && !this.done) {
      if (this.length >= 0) {
        const n = Math.min(this.length - this.size, b.length - at);
        this.take(b.subarray(at, at + n));
        at += n;
        this.done = this.size === this.length;
        continue;
      }
      if (this.state === 'data') {
        const n = Math.min(this.chunkLeft, b.length - at);
        this.take(b.subarray(at, at + n));
        at += n;
        this.chunkLeft -= n;
        if (this.chunkLeft === 0) this.state = 'crlf';
        continue;
      }
      // A framing line, byte by byte (they are short).
      const c = b[at++];
      if (c !== 0x0a) {
        this.line += String.fromCharCode(c);
        if (this.line.length > 4096) fail('chunk header too long');
        continue;
      }
      const l = this.line.replace(/\r$/, '');
      this.line = '';
      if (this.state === 'crlf') {
        if (l !== '') fail('malformed chunked encoding');
        this.state = 'size';
      } else if (this.state === 'trailer') {
        if (l === '') this.done = true;
      } else {
        const sizeLine = l.split(';')[0].trim();
        if (!/^[0-9a-fA-F]{1,15}$/.test(sizeLine)) fail('invalid byte in chunk length');
        this.chunkLeft = Number.parseInt(sizeLine, 16);
        this.state = this.chunkLeft === 0 ? 'trailer' : 'data';
      }
    }
    return at < b.length ? latin1(b.subarray(at)) : '';
  }

  private take(piece: Uint8Array): void {
    if (piece.length === 0) return;
    if (this.length >= 0 && this.size === 0 && piece.length === this.length) {
      // All of it in one read (a client's one write): the read's buffer is the parser's, so no copy.
      this.whole = piece;
    } else if (this.length >= 0) {
      this.whole ??= new Uint8Array(this.length);
      this.whole.set(piece, this.size);
    } else this.parts.push(piece.slice());
    this.size += piece.length;
  }

  bytes(): Uint8Array {
    if (this.length >= 0) return this.whole ?? new Uint8Array(0);
    const out = new Uint8Array(this.size);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    this.parts.length = 0;
    return out;
  }
}

/** Decodes `size[;ext]\r\n data \r\n … 0\r\n [trailers] \r\n`. */
export function readChunked(rest: string): { data: string; consumed: number } | null {
  let pos = 0;
  let data = '';
  for (;;) {
    const eol = rest.indexOf('\n', pos);
    if (eol < 0) return rest.length - pos > 4096 ? fail('chunk header too long') : null;
    const sizeLine = rest.slice(pos, eol).replace(/\r$/, '').split(';')[0].trim();
    if (!/^[0-9a-fA-F]{1,15}$/.test(sizeLine)) return fail('invalid byte in chunk length');
    const size = Number.parseInt(sizeLine, 16);
    pos = eol + 1;
    if (size === 0) {
      // Trailers, then an empty line.
      for (;;) {
        const e = rest.indexOf('\n', pos);
        if (e < 0) return null;
        const l = rest.slice(pos, e).replace(/\r$/, '');
        pos = e + 1;
        if (l === '') return { data, consumed: pos };
      }
    }
    if (rest.length < pos + size + 2) return null;
    data += rest.slice(pos, pos + size);
    pos += size;
    if (rest.slice(pos, pos + 2) === '\r\n') pos += 2;
    else if (rest[pos] === '\n') pos += 1;
    else return fail('malformed chunked encoding');
  }
}

function fail(why: string): never {
  throw badRequest(why);
}
