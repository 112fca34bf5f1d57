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

export const BUFFER_BEFORE_CHUNKING = 2048;

/** The byte pipe under a writer: the socket, in the simulation. */
export interface Transport {
  send(bytes: string): Promise<void>;
  /** The raw stream a hijack hands over (with bytes already received after the request). */
  raw(): RawStream;
}

export class HttpResponseWriter implements ResponseWriter {
  readonly header = new Headers();
  private status = 0;
  private buf = '';
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

  async write(bytes: string): Promise<void> {
    if (this.raw) throw new Error('http: response.Write on hijacked connection');
    this.writeHeader(200);
    if (!bodyAllowed(this.status) || this.req.method === 'HEAD' || bytes === '') {
      if (this.req.method === 'HEAD' && !this.headSent) this.buf += bytes;
      return;
    }
    if (!this.headSent) {
      this.buf += bytes;
      if (this.buf.length > BUFFER_BEFORE_CHUNKING) await this.flush();
      return;
    }
    await this.transport.send(this.chunked ? chunk(bytes) : bytes);
  }

  async flush(): Promise<void> {
    if (this.raw) return;
    this.writeHeader(200);
    if (!this.headSent) {
      const body = this.buf;
      this.buf = '';
      await this.sendHead(false, body);
    }
  }

  /** The handler returned: send what is left and end the body. */
  async finish(): Promise<void> {
    if (this.raw) return;
    this.writeHeader(200);
    if (!this.headSent) {
      const body = this.buf;
      this.buf = '';
      return this.sendHead(true, body);
    }
    if (this.chunked) await this.transport.send('0\r\n\r\n');
  }

  hijack(): RawStream {
    if (this.headSent) throw new Error('http: Hijack after response started');
    this.raw = this.transport.raw();
    this.closeAfter = true;
    return this.raw;
  }

  private async sendHead(done: boolean, body: string): Promise<void> {
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
    if (done && allowed && !hasLength && (!isHead || body.length > 0)) extra.push(`Content-Length: ${body.length}`);
    if (allowed && !h.has('Content-Type') && body.length > 0) extra.push(`Content-Type: ${sniff(body)}`);
    const canChunk = this.req.proto === 'HTTP/1.1';
    const streaming = !done && allowed && !hasLength && !isHead;
    if (streaming && !canChunk) this.closeAfter = true;
    if (this.closeAfter && this.req.proto === 'HTTP/1.1' && !h.has('Connection')) extra.push('Connection: close');
    if (streaming && canChunk) {
      this.chunked = true;
      extra.push('Transfer-Encoding: chunked');
    }
    let out = statusLine(code) + h.lines() + extra.map((l) => `${l}\r\n`).join('') + '\r\n';
    if (allowed && !isHead && body.length > 0) out += this.chunked ? chunk(body) : body;
    await this.transport.send(out);
  }
}

function chunk(bytes: string): string {
  return `${bytes.length.toString(16)}\r\n${bytes}\r\n`;
}

/** http.DetectContentType, reduced to the two answers the Engine API can produce. */
function sniff(body: string): string {
  const head = body.slice(0, 512);
  return /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]/.test(head) ? 'application/octet-stream' : 'text/plain; charset=utf-8';
}
