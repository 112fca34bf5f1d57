/**
 * A ResponseWriter with net/http's framing rules (server.go, chunkWriter.writeHeader): the handler's header
 * fields sorted, then Date, Content-Length, Content-Type, Connection, Transfer-Encoding when Go adds them.
 * Output is held until 2048 bytes or a flush; a response that ends within that gets a Content-Length,
 * otherwise it is chunked (HTTP/1.1) or delimited by closing the connection (HTTP/1.0).
 */
import { Headers } from '../http/headers.js';
import type { HttpRequest } from '../http/request.js';
import { bodyAllowed, httpDate, statusLine } from '../http/status.js';
import type { RawStream, ResponseWriter } from './types.js';
import { latin1 } from '../../engine/kernel/chunks.js';
import { arrayFromBytes } from '../bytes.js';

export const BUFFER_BEFORE_CHUNKING = 2048;

/** The byte pipe under a writer: the socket, in the simulation. */
export interface Transport {
  /** A binary string, or bytes as they are. */
  send(bytes: string | Uint8Array): Promise<void>;
  /** The raw stream a hijack hands over (with bytes already received after the request). */
  raw(): RawStream;
}

export class HttpResponseWriter implements ResponseWriter {
  readonly header = new Headers();
  private status = 0;
  /** Body held before the head goes out: binary strings and byte arrays as written, `bufLength` bytes. */
  private buf: Array<string | Uint8Array> = [];
  private bufLength = 0;
  private headSent = false;
  private chunked = false;
  private raw: RawStream | null = null;
  /** The connection must close after this response. */
  closeAfter: boolean;

  constructor(
    private readonly req: HttpRequest,
    private readonly transport: Transport,
    private readonly now: () => number,
  ) {
    this.closeAfter = !req.keepAlive;
  }

  get started(): boolean {
    return this.headSent;
  }

  get hijacked(): boolean {
    return this.raw !== null;
  }

  get statusCode(): number {
    return this.status || 200;
  }

  writeHeader(status: number): void {
    if (!this.status) this.status = status;
  }

  async write(bytes: string | Uint8Array): Promise<void> {
    if (this.raw) throw new Error('http: response.Write on hijacked connection');
    this.writeHeader(200);
    if (!bodyAllowed(this.status) || this.req.method === 'HEAD' || bytes.length === 0) {
      if (this.req.method === 'HEAD' && !this.headSent) this.hold(bytes);
      return;
    }
    if (!this.headSent) {
      this.hold(bytes);
      if (this.bufLength > BUFFER_BEFORE_CHUNKING) await this.flush();
      return;
    }
    if (!this.chunked) return this.transport.send(bytes);
    // A byte body's chunk goes as one array (size line, bytes, CRLF): one copy, one write to the socket.
    await this.transport.send(typeof bytes === 'string' ? chunk(bytes) : chunkBytes([bytes], bytes.length));
  }

  private hold(bytes: string | Uint8Array): void {
    // write(2) semantics: the caller may reuse its buffer once the call returns.
    this.buf.push(typeof bytes === 'string' ? bytes : bytes.slice());
    this.bufLength += bytes.length;
  }

  private takeHeld(): Array<string | Uint8Array> {
    const parts = this.buf;
    this.buf = [];
    this.bufLength = 0;
    return parts;
  }

  async flush(): Promise<void> {
    if (this.raw) return;
    this.writeHeader(200);
    if (!this.headSent) await this.sendHead(false, this.takeHeld());
  }

  /** The handler returned: send what is left and end the body. */
  async finish(): Promise<void> {
    if (this.raw) return;
    this.writeHeader(200);
    if (!this.headSent) return this.sendHead(true, this.takeHeld());
    if (this.chunked) await this.transport.send('0\r\n\r\n');
  }

  hijack(): RawStream {
    if (this.headSent) throw new Error('http: Hijack after response started');
    this.raw = this.transport.raw();
    this.closeAfter = true;
    return this.raw;
  }

  private async sendHead(done: boolean, parts: Array<string | Uint8Array>): Promise<void> {
    let length = 0;
    for (const p of parts) length += p.length;
    // Text bodies (JSON, the common case) stay one binary string; a byte body is sent as bytes.
    const text = parts.every((p) => typeof p === 'string');
    const body = text ? (parts as string[]).join('') : '';
    this.headSent = true;
    const code = this.status;
    const h = this.header;
    const isHead = this.req.method === 'HEAD';
    const allowed = bodyAllowed(code);
    if (code === 304) for (const k of ['Content-Type', 'Content-Length', 'Transfer-Encoding']) h.delete(k);
    else if (!allowed) for (const k of ['Content-Length', 'Transfer-Encoding']) h.delete(k);
    const extra: string[] = [];
    if (!h.has('Date')) extra.push(`Date: ${httpDate(this.now())}`);
    const hasLength = h.has('Content-Length');
    if (done && allowed && !hasLength && (!isHead || length > 0)) extra.push(`Content-Length: ${length}`);
    if (allowed && !h.has('Content-Type') && length > 0) extra.push(`Content-Type: ${sniff(text ? body : headText(parts, 512))}`);
    const canChunk = this.req.proto === 'HTTP/1.1';
    const streaming = !done && allowed && !hasLength && !isHead;
    if (streaming && !canChunk) this.closeAfter = true;
    if (this.closeAfter && this.req.proto === 'HTTP/1.1' && !h.has('Connection')) extra.push('Connection: close');
    if (streaming && canChunk) {
      this.chunked = true;
      extra.push('Transfer-Encoding: chunked');
    }
    let out = statusLine(code) + h.lines() + extra.map((l) => `${l}\r\n`).join('') + '\r\n';
    const withBody = allowed && !isHead && length > 0;
    if (text || !withBody) {
      if (withBody) out += this.chunked ? chunk(body) : body;
      return this.transport.send(out);
    }
    // Head and body in one write, as a text body goes: a write's cost on the simulated clock counts calls.
    const bytes = [arrayFromBytes(out), ...parts.map((p) => (typeof p === 'string' ? arrayFromBytes(p) : p))];
    if (!this.chunked) return this.transport.send(concatParts(bytes, out.length + length, 0, 0));
    const size = arrayFromBytes(`${length.toString(16)}\r\n`);
    bytes.splice(1, 0, size);
    const all = concatParts(bytes, out.length + size.length + length, 0, 2);
    all.set(CRLF, all.length - 2);
    await this.transport.send(all);
  }
}

function chunk(bytes: string): string {
  return `${bytes.length.toString(16)}\r\n${bytes}\r\n`;
}

const CRLF = [13, 10];

/** One chunk of chunked coding around `parts` (`length` bytes in all), as one array. */
function chunkBytes(parts: readonly Uint8Array[], length: number): Uint8Array {
  const size = `${length.toString(16)}\r\n`;
  const out = concatParts(parts, length, size.length, 2);
  for (let i = 0; i < size.length; i++) out[i] = size.charCodeAt(i);
  out.set(CRLF, out.length - 2);
  return out;
}

/** `parts` in one array, with `before` and `after` bytes of room around them. */
function concatParts(parts: readonly Uint8Array[], length: number, before: number, after: number): Uint8Array {
  if (parts.length === 1 && before === 0 && after === 0) return parts[0];
  const out = new Uint8Array(before + length + after);
  let at = before;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The first `n` bytes of a held body as a binary string (for sniffing). */
function headText(parts: ReadonlyArray<string | Uint8Array>, n: number): string {
  let out = '';
  for (const p of parts) {
    if (out.length >= n) break;
    out += typeof p === 'string' ? p.slice(0, n - out.length) : latin1(p.subarray(0, n - out.length));
  }
  return out;
}

/** http.DetectContentType, reduced to the two answers the Engine API can produce. */
function sniff(body: string): string {
  const head = body.slice(0, 512);
  return /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]/.test(head) ? 'application/octet-stream' : 'text/plain; charset=utf-8';
}
