/**
 * A worker process: accepts on the listening sockets it inherited, serves each connection in a fiber of its
 * own (nginx multiplexes them with epoll; a fiber per connection gives the same interleaving on this
 * kernel), keeps connections alive between requests, and writes the access and error logs.
 */
import { sendWire } from '../../api/bytes.js';
import { isSysError } from '../../engine/kernel/errno.js';
import { isProcessEnd } from '../../engine/kernel/process.js';
import type { Sys } from '../../engine/kernel/sys.js';
import { addHeaders, chunked, gzipBody, gzipHeader, notModified, type Out, parseHttpTime, ranges, specialOut } from './filters.js';
import { handle, httpDate, type FileCache, MONTHS, normalizeUri, selectServer, specialPage, statusLine, type Request, type Response } from './http.js';
import { ErrorLog } from './log.js';
import type { Config, Server, Settings } from './model.js';

/** One listening socket and the servers on it. */
export interface Socket {
  readonly fd: number;
  readonly addr: string;
  readonly port: number;
  readonly servers: readonly Server[];
}

export interface WorkerShared {
  readonly config: Config;
  readonly sockets: readonly Socket[];
  /** Access log files by path, opened by the master. */
  readonly logFds: ReadonlyMap<string, number>;
  readonly product: string;
  readonly serverHeader: string;
  readonly log: ErrorLog;
  /** nginx's connection counter (`*3` in error lines), shared by every worker through shared memory. */
  readonly counter: { n: number };
  /** The worker's pid ($pid, and the `29#29:` of its error lines). */
  readonly pid: number;
  readonly cache?: FileCache;
  /** ngx_temp_number in the cycle's shared memory: multipart boundaries are numbered from it. */
  readonly temp: { n: number };
  /** Requests being served in this worker (a graceful stop waits for these, not for idle connections). */
  readonly inflight?: { n: number };
}

const MAX_HEADER = 8192;

/** The address of the connected peer, for $remote_addr. */
function peerAddress(sys: Sys, fd: number): string {
  return sys.getpeername(fd).address;
}

class Reader {
  private buf = '';
  eof = false;

  constructor(private readonly sys: Sys, private readonly fd: number) {}

  /**
   * The head up to the blank line; null at end of file before one, or when `idleMs` of virtual time pass with
   * nothing buffered (client_header_timeout, keepalive_timeout: nginx closes without a word); 'big' when it
   * outgrows the buffer.
   */
  async head(idleMs: number): Promise<string | null | 'big'> {
    const deadline = this.sys.now() + idleMs;
    for (;;) {
      const end = this.buf.indexOf('\r\n\r\n');
      const lf = this.buf.indexOf('\n\n');
      const cut = end >= 0 && (lf < 0 || end < lf) ? end + 4 : lf >= 0 ? lf + 2 : -1;
      if (cut >= 0) {
        const h = this.buf.slice(0, cut);
        this.buf = this.buf.slice(cut);
        return h;
      }
      if (this.buf.length > MAX_HEADER) return 'big';
      const left = deadline - this.sys.now();
      if (left <= 0) return null;
      const more = await this.sys.readTimed(this.fd, left);
      if (more === undefined) continue;
      if (more === null) {
        this.eof = true;
        return null;
      }
      this.buf += more;
    }
  }

  async skip(n: number): Promise<void> {
    while (this.buf.length < n) {
      const more = await this.sys.read(this.fd);
      if (more === null) return;
      this.buf += more;
    }
    this.buf = this.buf.slice(n);
  }
}

function parseHead(head: string): Request | null {
  const lines = head.replace(/\r?\n\r?\n$/, '').split(/\r?\n/);
  const line = lines[0];
  const m = /^([A-Z_]+) (\S+) HTTP\/(\d\.\d)$/.exec(line);
  const headers = new Map<string, string>();
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i <= 0) return null;
    const k = l.slice(0, i).trim().toLowerCase();
    if (!headers.has(k)) headers.set(k, l.slice(i + 1).trim());
  }
  if (!m) return { method: line.split(' ')[0], line, target: '', version: '', headers };
  return { method: m[1], line, target: m[2], version: m[3], headers };
}

/** client_header_timeout's default: how long a new connection may stay silent. */
const CLIENT_HEADER_TIMEOUT = 60_000;

/** Serves one connection until the client closes it, a response ends it, or it stays idle too long. */
export async function serveConnection(sys: Sys, fd: number, sock: Socket, w: WorkerShared): Promise<void> {
  const reader = new Reader(sys, fd);
  // A connection's fiber writes the error log itself, under the worker's pid; made when first needed.
  let errorLog: ErrorLog | undefined;
  const client = peerAddress(sys, fd);
  const conn = ++w.counter.n;
  const started = sys.now();
  let requests = 0;
  let idle = CLIENT_HEADER_TIMEOUT;
  try {
    for (;;) {
      const head = await reader.head(idle);
      if (head === null) return;
      if (w.inflight) w.inflight.n++;
      try {
        sys.cpu(1);
        requests++;
        const req = head === 'big' ? null : parseHead(head);
        const { res, keep, server, settings } = respond(sys.fs, req, sock, w, head === 'big', { requests, age: sys.now() - started });
        if (res.drop) {
          await accessLog(sys, w, server, req, res, 0, client);
          return;
        }
        const length = Number(req?.headers.get('content-length') ?? 0);
        if (length > 0) await reader.skip(length);
        const wire = serialize(sys, res, keep, req, w, server, settings);
        await sendWire(sys, fd, wire.bytes);
        for (const e of res.errors) {
          if (!errorLog) {
            errorLog = new ErrorLog(sys, w.log.targets, w.pid);
            errorLog.console = false;
          }
          await errorLog.write('error', `*${conn} ${e}, client: ${client}, server: ${server.names[0]}, ` +
            `request: "${req?.line ?? ''}"${req?.headers.has('host') ? `, host: "${req.headers.get('host')}"` : ''}`);
        }
        await accessLog(sys, w, server, req, { ...res, status: wire.status }, wire.bodyBytes, client, wire.total);
        if (!wire.keepalive) return;
        idle = settings.keepaliveTimeout;
      } finally {
        if (w.inflight) w.inflight.n--;
      }
    }
  } catch (e) {
    if (isProcessEnd(e) || !isSysError(e)) throw e;
  } finally {
    sys.close(fd);
  }
}

interface Responded {
  res: Response;
  keep: boolean;
  server: Server;
  settings: Settings;
}

/** The special responses after which ngx_http_special_response_handler closes the connection. */
const CLOSING = new Set([400, 413, 414, 500, 501]);

function respond(fs: Sys['fs'], req: Request | null, sock: Socket, w: WorkerShared, big: boolean, c: { requests: number; age: number }): Responded {
  const host = req?.headers.get('host') ?? '';
  const server = selectServer(sock.servers, host, sock.port, sock.addr);
  const bad = (status: number): Responded => ({
    res: { status, headers: [], body: specialPage(status, productFor(w, server)) ?? '', errors: [], uri: '' },
    keep: false,
    server,
    settings: server.settings,
  });
  if (big) return bad(400);
  if (!req || req.version === '' || !req.target.startsWith('/')) return bad(400);
  if (req.version !== '1.0' && req.version !== '1.1') return bad(505);
  if (req.version === '1.1' && !req.headers.has('host')) return bad(400);
  const q = req.target.indexOf('?');
  const uri = normalizeUri(q < 0 ? req.target : req.target.slice(0, q));
  if (uri === null) return bad(400);
  const args = q < 0 ? '' : req.target.slice(q + 1);
  const res = handle({ fs, cache: w.cache, stats: new Map(), product: productFor(w, server), server, req, host: host.replace(/:\d+$/, '') || server.names[0] || sock.addr, port: sock.port }, uri, args);
  const settings = res.settings ?? server.settings;
  const conn = (req.headers.get('connection') ?? '').toLowerCase();
  let keep = req.version === '1.1' ? conn !== 'close' : conn === 'keep-alive';
  // ngx_http_update_location_config: the location's keepalive_timeout, _requests and _time.
  if (settings.keepaliveTimeout === 0 || c.requests >= settings.keepaliveRequests || c.age > settings.keepaliveTime) keep = false;
  return { res, keep: keep && !CLOSING.has(res.status), server, settings };
}

function productFor(w: WorkerShared, server: Server): string {
  return server.settings.serverTokens ? w.product : 'nginx';
}

/** The handler's response as r->headers_out, before the filters. */
function headersOut(res: Response, keep: boolean): Out {
  const get = (k: string): string | undefined => res.headers.find(([n]) => n === k)?.[1];
  const lm = get('Last-Modified');
  return {
    status: res.status,
    contentType: get('Content-Type') ?? (res.body !== '' || res.status >= 300 ? 'text/html' : null),
    contentLength: res.body.length,
    lastModified: lm === undefined ? null : parseHttpTime(lm),
    location: get('Location') ?? null,
    etag: get('ETag') ?? null,
    list: [],
    body: res.body,
    allowRanges: get('Accept-Ranges') !== undefined,
    vary: false,
    chunked: false,
    keepalive: keep,
  };
}

interface Wire {
  bytes: string;
  bodyBytes: number;
  total: number;
  status: number;
  keepalive: boolean;
}

function serialize(sys: Sys, res: Response, keep: boolean, req: Request | null, w: WorkerShared, server: Server, s: Settings): Wire {
  const product = productFor(w, server);
  const out = headersOut(res, keep);
  const fr = req ?? { method: 'GET', version: '1.1', headers: new Map<string, string>() };
  let gzip = false;
  if (req && notModified(out, fr, s) === 412) {
    specialOut(out, 412, product);
    addHeaders(out, s);
  } else {
    addHeaders(out, s);
    gzip = gzipHeader(out, fr, s);
    if (ranges(out, fr, s, () => ++w.temp.n) === 416) {
      // The static handler finalizes with 416: the special page goes through the filters again.
      specialOut(out, 416, product);
      addHeaders(out, s, true);
    }
  }
  chunked(out, fr);
  const head = req?.method === 'HEAD' || out.status === 304;
  if (gzip && !head) out.body = gzipBody(out.body);
  const lines: string[] = [statusLine(out.status)];
  lines.push(`Server: ${server.settings.serverTokens ? w.serverHeader : 'nginx'}`);
  lines.push(`Date: ${cachedTime(sys.now()).http}`);
  if (out.contentType !== null) lines.push(`Content-Type: ${out.contentType}`);
  if (out.contentLength >= 0) lines.push(`Content-Length: ${out.contentLength}`);
  if (out.lastModified !== null && [200, 206, 304].includes(out.status)) lines.push(`Last-Modified: ${httpDate(out.lastModified * 1000)}`);
  if (out.location !== null) lines.push(`Location: ${out.location}`);
  if (out.chunked) lines.push('Transfer-Encoding: chunked');
  lines.push(`Connection: ${out.keepalive ? 'keep-alive' : 'close'}`);
  if (out.keepalive && s.keepaliveHeader !== null) lines.push(`Keep-Alive: timeout=${s.keepaliveHeader}`);
  if (out.vary) lines.push('Vary: Accept-Encoding');
  if (out.etag !== null) lines.push(`ETag: ${out.etag}`);
  for (const [k, v] of out.list) lines.push(`${k}: ${v}`);
  const headText = `${lines.join('\r\n')}\r\n\r\n`;
  let body = head ? '' : out.body;
  if (out.chunked) body = body === '' ? '0\r\n\r\n' : `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
  // $body_bytes_sent is what went out after the head, chunk framing included.
  const sent = head ? 0 : body.length;
  return { bytes: headText + body, bodyBytes: sent, total: headText.length + body.length, status: out.status, keepalive: out.keepalive };
}

/** nginx keeps its time strings per second (ngx_time_update); so do we. */
let timeCache = { sec: -1, http: '', local: '' };

function cachedTime(ms: number): { http: string; local: string } {
  const sec = Math.floor(ms / 1000);
  if (sec !== timeCache.sec) timeCache = { sec, http: httpDate(sec * 1000), local: timeLocal(sec * 1000) };
  return timeCache;
}

/** `06/Dec/2026:11:25:40 +0000`. */
function timeLocal(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:` +
    `${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** The variables log formats may use; an unknown one was refused when the configuration was read. */
export const LOG_VARIABLES = new Set(['remote_addr', 'remote_user', 'time_local', 'time_iso8601', 'request', 'status',
  'body_bytes_sent', 'bytes_sent', 'request_method', 'request_uri', 'uri', 'args', 'query_string', 'server_protocol',
  'host', 'server_name', 'server_port', 'msec', 'pid', 'connection', 'scheme', 'request_length', 'request_time']);

const formatParts = new Map<string, readonly { text: string; v?: string }[]>();

/** A log format split once into its text and its variables. */
function compiled(format: string): readonly { text: string; v?: string }[] {
  let parts = formatParts.get(format);
  if (!parts) {
    const out: { text: string; v?: string }[] = [];
    let last = 0;
    for (const m of format.matchAll(/\$(\w+)|\$\{(\w+)\}/g)) {
      if (m.index > last) out.push({ text: format.slice(last, m.index) });
      out.push({ text: '', v: m[1] ?? m[2] });
      last = m.index + m[0].length;
    }
    if (last < format.length) out.push({ text: format.slice(last) });
    formatParts.set(format, (parts = out));
  }
  return parts;
}

async function accessLog(sys: Sys, w: WorkerShared, server: Server, req: Request | null, res: Response, bodyBytes: number, client: string, total = 0): Promise<void> {
  const logs = server.settings.accessLogs;
  if (!logs) return;
  for (const l of logs) {
    const fd = w.logFds.get(l.path);
    if (fd === undefined) continue;
    let line = '';
    for (const part of compiled(w.config.formats.get(l.format) ?? '')) {
      line += part.v === undefined ? part.text : variable(w, part.v, sys, req, res, bodyBytes, client, total, server) || '-';
    }
    try {
      await sys.write(fd, `${line}\n`);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
}

function variable(w: WorkerShared, name: string, sys: Sys, req: Request | null, res: Response, bodyBytes: number, client: string, total: number, server: Server): string {
  switch (name) {
    case 'remote_addr': return client;
    case 'remote_user': return '';
    case 'time_local': return cachedTime(sys.now()).local;
    case 'time_iso8601': return `${new Date(sys.now()).toISOString().slice(0, 19)}+00:00`;
    case 'msec': return (sys.now() / 1000).toFixed(3);
    case 'request': return req?.line ?? '';
    case 'status': return String(res.status === 444 ? 444 : res.status);
    case 'body_bytes_sent': return String(bodyBytes);
    case 'bytes_sent': return String(total);
    case 'request_method': return req?.method ?? '';
    case 'request_uri': return req?.target ?? '';
    case 'uri': return res.uri;
    case 'args': case 'query_string': return req?.target.includes('?') ? req.target.slice(req.target.indexOf('?') + 1) : '';
    case 'server_protocol': return req?.version ? `HTTP/${req.version}` : '';
    case 'host': return (req?.headers.get('host') ?? server.names[0]).replace(/:\d+$/, '');
    case 'server_name': return server.names[0];
    case 'pid': return String(w.pid);
    case 'scheme': return 'http';
    case 'request_time': return '0.000';
    default:
      if (name.startsWith('http_')) return req?.headers.get(name.slice(5).replace(/_/g, '-')) ?? '';
      return '';
  }
}
