/**
 * The HTTP/1.1 client side curl and wget share: URL parsing as they accept URLs, and the response reader the
 * Engine API client uses (it keeps the header lines as the server sent them, for curl -i).
 */
import { ResponseReader } from '../../api/client/response.js';

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

export { ProtocolError as HttpProtocolError } from '../../api/client/response.js';

/** The Engine API client's response reader, with the names curl and wget think in. */
export class HttpResponse extends ResponseReader {
  get reason(): string {
    return this.statusText;
  }

  header(name: string): string | undefined {
    return this.headers.has(name) ? this.headers.get(name) : undefined;
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
