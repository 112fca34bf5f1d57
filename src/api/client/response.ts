/**
 * The client's side of the codec: reads a response head from a socket, then its body framed by
 * Content-Length, chunked coding, or the end of the connection, piece by piece so streams (logs -f, events,
 * pull progress) are seen as they come. Bytes after a 101 head belong to the raw stream.
 */
import type { Sys } from '../../engine/kernel/sys.js';
import { arrayFromBytes, readWire } from '../bytes.js';
import { concatBytes, latin1 } from '../../engine/kernel/chunks.js';
import { utf8Encode } from '../../engine/kernel/utf8.js';
import { Headers } from '../http/headers.js';

export class ProtocolError extends Error {
  /** `empty`: the server closed before sending a byte (curl's "Empty reply from server"). */
  constructor(message: string, readonly kind?: 'empty') {
    super(message);
  }
}

export interface ResponseHead {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
}

export class ResponseReader implements ResponseHead {
  status = 0;
  statusText = '';
  /** `1.0` or `1.1`. */
  version = '';
  /** The status line and header lines, without their CRLF, as received (curl -i prints them byte for byte). */
  rawHead: string[] = [];
  headers = new Headers();
  private buf = '';
  private eof = false;
  private mode: 'length' | 'chunked' | 'close' | 'none' = 'none';
  private remaining = 0;
  private finished = false;

  constructor(
    /** Only `readData` is used: a caller may give one with a deadline (the web preview's client). */
    private readonly sys: Pick<Sys, 'readData'>,
    readonly fd: number,
    private readonly method: string,
  ) {}

  private async fill(): Promise<boolean> {
    if (this.eof) return false;
    const d = await readWire(this.sys, this.fd);
    if (d === null) {
      this.eof = true;
      return false;
    }
    this.buf += d;
    return true;
  }

  async readHead(): Promise<void> {
    let m: RegExpExecArray | null;
    while (!(m = /\r?\n\r?\n/.exec(this.buf))) {
      if (!(await this.fill())) throw new ProtocolError('EOF', this.buf === '' ? 'empty' : undefined);
    }
    const lines = this.buf.slice(0, m.index).split(/\r?\n/);
    this.rawHead = lines;
    this.buf = this.buf.slice(m.index + m[0].length);
    const sl = /^HTTP\/(1\.[01]) (\d{3})(?: (.*))?$/.exec(lines[0]);
    if (!sl) throw new ProtocolError(`malformed HTTP response ${JSON.stringify(lines[0])}`);
    this.version = sl[1];
    this.status = Number(sl[2]);
    this.statusText = sl[3] ?? '';
    for (const l of lines.slice(1)) {
      const c = l.indexOf(':');
      if (c > 0) this.headers.add(l.slice(0, c), l.slice(c + 1).trim());
    }
    const noBody = this.method === 'HEAD' || this.status === 204 || this.status === 304 || this.status === 101 || (this.status >= 100 && this.status < 200);
    if (noBody) this.mode = 'none';
    else if (this.headers.get('Transfer-Encoding').toLowerCase() === 'chunked') this.mode = 'chunked';
    else if (this.headers.has('Content-Length')) {
      this.mode = 'length';
      this.remaining = Number(this.headers.get('Content-Length'));
    } else this.mode = 'close';
    if (this.mode === 'none' || (this.mode === 'length' && this.remaining === 0)) this.finished = this.status !== 101;
  }

  /** The next piece of the body (bytes), null at its end. */
  async next(): Promise<string | null> {
    for (;;) {
      if (this.finished) return null;
      if (this.mode === 'length') {
        if (this.buf.length === 0 && !(await this.fill())) throw new ProtocolError('unexpected EOF');
        const piece = this.buf.slice(0, this.remaining);
        this.buf = this.buf.slice(piece.length);
        this.remaining -= piece.length;
        if (this.remaining === 0) this.finished = true;
        return piece;
      }
      if (this.mode === 'close') {
        if (this.buf.length > 0) return this.take();
        if (!(await this.fill())) {
          this.finished = true;
          return null;
        }
        continue;
      }
      if (this.mode === 'chunked') {
        const eol = this.buf.indexOf('\n');
        if (eol < 0) {
          if (!(await this.fill())) throw new ProtocolError('unexpected EOF');
          continue;
        }
        const size = Number.parseInt(this.buf.slice(0, eol).split(';')[0].trim(), 16);
        if (Number.isNaN(size)) throw new ProtocolError('invalid byte in chunk length');
        if (size === 0) {
          // The last chunk's trailer section ends with an empty line; consume it so a kept-alive connection's
          // next response starts clean (curl reuses connections).
          this.buf = this.buf.slice(eol + 1);
          while (!/^(?:[^\n]*\S[^\n]*\n)*\r?\n/.test(this.buf) && (await this.fill()));
          const end = /^(?:[^\n]*\S[^\n]*\n)*\r?\n/.exec(this.buf);
          this.buf = end ? this.buf.slice(end[0].length) : '';
          this.finished = true;
          return null;
        }
        while (this.buf.length < eol + 1 + size + 2) if (!(await this.fill())) throw new ProtocolError('unexpected EOF');
        const piece = this.buf.slice(eol + 1, eol + 1 + size);
        this.buf = this.buf.slice(eol + 1 + size + 2);
        return piece;
      }
      return null;
    }
  }

  /** Body bytes received and not yet given out, for nextBytes (the binary string `buf` is moved here first). */
  private bytes: Uint8Array = new Uint8Array(0);
  /** Bytes of the current chunk still to come (chunked coding, nextBytes). */
  private chunkLeft = 0;

  private async fillBytes(): Promise<boolean> {
    let more: Uint8Array;
    if (this.buf.length > 0) {
      more = arrayFromBytes(this.buf);
      this.buf = '';
    } else {
      if (this.eof) return false;
      const d = await this.sys.readData(this.fd);
      if (d === null) {
        this.eof = true;
        return false;
      }
      more = typeof d === 'string' ? utf8Encode(d) : d;
    }
    this.bytes = this.bytes.length === 0 ? more : concatBytes([this.bytes, more]);
    return true;
  }

  private takeBytes(n: number): Uint8Array {
    const piece = this.bytes.subarray(0, n);
    this.bytes = this.bytes.subarray(n);
    return piece;
  }

  /**
   * The next piece of the body as bytes (as they came off the socket, never through a string), null at its end:
   * for bulk bodies (a tar), read as they arrive so only what the socket held is in memory. Do not mix with next().
   */
  async nextBytes(): Promise<Uint8Array | null> {
    for (;;) {
      if (this.finished) return null;
      if (this.mode === 'length') {
        if (this.bytes.length === 0 && !(await this.fillBytes())) throw new ProtocolError('unexpected EOF');
        const piece = this.takeBytes(Math.min(this.remaining, this.bytes.length));
        this.remaining -= piece.length;
        if (this.remaining === 0) this.finished = true;
        return piece;
      }
      if (this.mode === 'close') {
        if (this.bytes.length > 0 || (await this.fillBytes())) return this.takeBytes(this.bytes.length);
        this.finished = true;
        return null;
      }
      if (this.mode !== 'chunked') return null;
      if (this.chunkLeft > 0) {
        if (this.bytes.length === 0 && !(await this.fillBytes())) throw new ProtocolError('unexpected EOF');
        const piece = this.takeBytes(Math.min(this.chunkLeft, this.bytes.length));
        this.chunkLeft -= piece.length;
        if (this.chunkLeft === 0) this.chunkLeft = -1;
        return piece;
      }
      if (this.chunkLeft < 0) {
        // The CRLF after a chunk's data.
        while (this.bytes.length < 2) if (!(await this.fillBytes())) throw new ProtocolError('unexpected EOF');
        this.takeBytes(2);
        this.chunkLeft = 0;
      }
      const eol = this.bytes.indexOf(0x0a);
      if (eol < 0) {
        if (!(await this.fillBytes())) throw new ProtocolError('unexpected EOF');
        continue;
      }
      const size = Number.parseInt(latin1(this.bytes.subarray(0, eol)).split(';')[0].trim(), 16);
      if (Number.isNaN(size)) throw new ProtocolError('invalid byte in chunk length');
      if (size > 0) {
        this.takeBytes(eol + 1);
        this.chunkLeft = size;
        continue;
      }
      // The last chunk: its trailer is read by next(), from the binary string it reads.
      this.buf = latin1(this.bytes) + this.buf;
      this.bytes = new Uint8Array(0);
      await this.next();
      return null;
    }
  }

  /** The whole (remaining) body. */
  async readAll(): Promise<string> {
    let out = '';
    for (let p = await this.next(); p !== null; p = await this.next()) out += p;
    return out;
  }

  /** After a 101 (or a raw 200): bytes already read past the head. */
  take(): string {
    const b = this.buf;
    this.buf = '';
    return b;
  }
}
