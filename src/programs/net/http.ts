/**
 * The HTTP/1.1 client side curl and wget share: URL parsing as they accept URLs, and a response reader that
 * keeps the header lines as the server sent them (curl -i prints them byte for byte) and frames the body by
 * Content-Length, chunked coding or the end of the connection.
 */
import type { Sys } from '../../engine/kernel/sys.js';

export interface Url {
  readonly scheme: string;
  readonly host: string;
  /** Explicit port in the URL, if any. */
  readonly port: number | undefined;
  /** Path and query, `/` when empty. */
  readonly target: string;
}

/** `host`, `host:port/path`, `http://…`: curl's and wget's default scheme is http. */
export function parseUrl(raw: string): Url | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?([^#]*)/.exec(raw);
  if (!m || m[2] === '') return undefined;
  const target = m[4] === '' ? '/' : m[4].startsWith('?') ? `/${m[4]}` : m[4];
  return { scheme: (m[1] ?? 'http').toLowerCase(), host: m[2], port: m[3] ? Number(m[3]) : undefined, target };
}

export function defaultPort(scheme: string): number {
  return scheme === 'https' ? 443 : 80;
}

export class HttpProtocolError extends Error {}

export class HttpResponse {
  status = 0;
  reason = '';
  version = '';
  /** The status line and header lines, without their CRLF, as received. */
  rawHead: string[] = [];
  private buf = '';
  private eof = false;
  private mode: 'length' | 'chunked' | 'close' | 'none' = 'none';
  private remaining = 0;
  private finished = false;

  constructor(
    private readonly sys: Sys,
    private readonly fd: number,
    private readonly method: string,
  ) {}

  header(name: string): string | undefined {
    const lower = name.toLowerCase();
    for (const l of this.rawHead.slice(1)) {
      const c = l.indexOf(':');
      if (c > 0 && l.slice(0, c).toLowerCase() === lower) return l.slice(c + 1).trim();
    }
    return undefined;
  }

  private async fill(): Promise<boolean> {
    if (this.eof) return false;
    const d = await this.sys.read(this.fd);
    if (d === null) {
      this.eof = true;
      return false;
    }
    this.buf += d;
    return true;
  }

  /** Reads the head; throws HttpProtocolError('empty') when the server closed without a byte. */
  async readHead(): Promise<void> {
    let m: RegExpExecArray | null;
    while (!(m = /\r?\n\r?\n/.exec(this.buf))) {
      if (!(await this.fill())) throw new HttpProtocolError(this.buf === '' ? 'empty' : 'truncated');
    }
    this.rawHead = this.buf.slice(0, m.index).split(/\r?\n/);
    this.buf = this.buf.slice(m.index + m[0].length);
    const sl = /^HTTP\/(1\.[01]) (\d{3})(?: (.*))?$/.exec(this.rawHead[0]);
    if (!sl) throw new HttpProtocolError('malformed');
    this.version = sl[1];
    this.status = Number(sl[2]);
    this.reason = sl[3] ?? '';
    const noBody = this.method === 'HEAD' || this.status === 204 || this.status === 304 || this.status < 200;
    if (noBody) this.mode = 'none';
    else if ((this.header('Transfer-Encoding') ?? '').toLowerCase() === 'chunked') this.mode = 'chunked';
    else if (this.header('Content-Length') !== undefined) {
      this.mode = 'length';
      this.remaining = Number(this.header('Content-Length'));
    } else this.mode = 'close';
    if (this.mode === 'none' || (this.mode === 'length' && this.remaining === 0)) this.finished = true;
  }

  /** The next piece of the body, null at its end. */
  async next(): Promise<string | null> {
    for (;;) {
      if (this.finished) return null;
      if (this.mode === 'length') {
        if (this.buf.length === 0 && !(await this.fill())) throw new HttpProtocolError('partial');
        const piece = this.buf.slice(0, this.remaining);
        this.buf = this.buf.slice(piece.length);
        this.remaining -= piece.length;
        if (this.remaining === 0) this.finished = true;
        return piece;
      }
      if (this.mode === 'close') {
        if (this.buf.length > 0) {
          const b = this.buf;
          this.buf = '';
          return b;
        }
        if (!(await this.fill())) {
          this.finished = true;
          return null;
        }
        continue;
      }
      const eol = this.buf.indexOf('\n');
      if (eol < 0) {
        if (!(await this.fill())) throw new HttpProtocolError('partial');
        continue;
      }
      const size = Number.parseInt(this.buf.slice(0, eol).split(';')[0].trim(), 16);
      if (Number.isNaN(size)) throw new HttpProtocolError('chunk');
      if (size === 0) {
        this.finished = true;
        return null;
      }
      while (this.buf.length < eol + 1 + size + 2) if (!(await this.fill())) throw new HttpProtocolError('partial');
      const piece = this.buf.slice(eol + 1, eol + 1 + size);
      this.buf = this.buf.slice(eol + 1 + size + 2);
      return piece;
    }
  }

  /** The server will close after this response (HTTP/1.0 without keep-alive, or `Connection: close`). */
  get closes(): boolean {
    const c = (this.header('Connection') ?? '').toLowerCase();
    return this.version === '1.0' ? c !== 'keep-alive' : c === 'close';
  }
}

/** Resolves a URL's location header against the URL it came from. */
export function resolveLocation(base: Url, location: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return location;
  const origin = `${base.scheme}://${base.host}${base.port !== undefined ? `:${base.port}` : ''}`;
  if (location.startsWith('/')) return origin + location;
  const dir = base.target.replace(/[^/]*(\?.*)?$/, '');
  return origin + dir + location;
}
