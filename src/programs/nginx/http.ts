/**
 * One HTTP request through nginx's phases, as far as a static site goes: server by Host, location (exact,
 * longest prefix, `^~`, regexes in order), `return`, `try_files`, the index and static modules, `error_page`,
 * and the special responses nginx prints itself (404, 403, 301…), byte for byte. Pure: the worker does the I/O.
 */
import { bytesFromArray } from '../../api/bytes.js';
import type { Fs, Stat } from '../../engine/kernel/fsTypes.js';
import { isSysError, type Errno } from '../../engine/kernel/errno.js';
import { errnoText } from './errno.js';
import type { Location, Server, Settings } from './model.js';

export interface Request {
  readonly method: string;
  /** The request line as sent (`GET /x HTTP/1.1`): $request. */
  readonly line: string;
  /** The raw target (`/a%20b?x=1`): $request_uri. */
  readonly target: string;
  readonly version: string;
  readonly headers: ReadonlyMap<string, string>;
}

export interface Response {
  status: number;
  headers: [string, string][];
  /** A binary string. */
  body: string;
  /** Logged at [error] by the worker (`open() "…" failed (2: No such file or directory)`). */
  errors: string[];
  /** `return 444`: close without answering. */
  drop?: boolean;
  /** What $uri ended as. */
  uri: string;
  /** The settings of the location that answered (its filters and keep-alive apply). */
  settings?: Settings;
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Moved Temporarily', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Not Allowed', 406: 'Not Acceptable', 408: 'Request Time-out', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large', 414: 'Request-URI Too Large',
  415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable', 421: 'Misdirected Request', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out', 505: 'HTTP Version Not Supported', 507: 'Insufficient Storage',
};

/** The page titles that differ from the status line's reason (ngx_http_special_response.c). */
const PAGE_TITLES: Readonly<Record<number, string>> = { 302: '302 Found' };

export function statusLine(status: number): string {
  const reason = REASONS[status];
  return reason ? `HTTP/1.1 ${status} ${reason}` : `HTTP/1.1 ${status} `;
}

/** The page nginx writes for an error or redirect it produces itself, or null when it sends none. */
export function specialPage(status: number, product: string): string | null {
  const reason = REASONS[status];
  if (!reason || status < 301 || status === 304) return null;
  const title = PAGE_TITLES[status] ?? `${status} ${reason}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
    `<hr><center>${product}</center>\r\n</body>\r\n</html>\r\n`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** `Sun, 06 Dec 2026 11:25:40 GMT`. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

/** The server that answers: by Host among those on the socket, else the default_server, else the first. */
export function selectServer(servers: readonly Server[], host: string, port: number, addr: string): Server {
  const name = host.replace(/:\d+$/, '').toLowerCase().replace(/\.$/, '');
  const exact = servers.find((s) => s.names.includes(name));
  if (exact) return exact;
  const wild = servers.find((s) => s.names.some((n) => (n.startsWith('*.') && name.endsWith(n.slice(1))) ||
    (n.startsWith('.') && (name === n.slice(1) || name.endsWith(n)))));
  if (wild) return wild;
  return servers.find((s) => s.listens.some((l) => l.defaultServer && l.port === port && (l.addr === addr || l.addr === '0.0.0.0'))) ?? servers[0];
}

/** ngx_http_core_find_location: `=` exact, the longest prefix, `^~` stops regexes, then regexes in order. */
export function findLocation(server: Server, uri: string): Location | null {
  let best: Location | null = null;
  for (const l of server.locations) {
    if (l.match === '=' && l.pattern === uri) return l;
    if ((l.match === '' || l.match === '^~') && uri.startsWith(l.pattern) && (!best || l.pattern.length > best.pattern.length)) {
      best = l;
    }
  }
  if (best?.match === '^~') return best;
  for (const l of server.locations) if (l.regex?.test(uri)) return l;
  return best;
}

/** Decodes %XX and resolves `.`, `..` and `//`; null when `..` climbs above the root (nginx's 400). */
export function normalizeUri(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    decoded = path;
  }
  const out: string[] = [];
  const parts = decoded.split('/');
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i];
    if (p === '' && i < parts.length - 1) continue;
    if (p === '.') {
      if (i === parts.length - 1) out.push('');
      continue;
    }
    if (p === '..') {
      if (out.length === 0) return null;
      out.pop();
      if (i === parts.length - 1) out.push('');
      continue;
    }
    out.push(p);
  }
  return `/${out.join('/')}`;
}

/**
 * A worker's copies of the files it served, as binary strings, keyed by path and checked against the file's
 * mtime and size on every request (a page changed on disk is read again, as nginx reads it each time).
 */
export type FileCache = Map<string, { readonly st: Stat; readonly body: string }>;

export interface Ctx {
  readonly fs: Fs;
  readonly cache?: FileCache;
  /** This request's stat results. */
  readonly stats?: Map<string, Stat | Errno>;
  readonly product: string;
  readonly server: Server;
  readonly req: Request;
  /** The Host header's name, or the server's, for redirects. */
  readonly host: string;
  readonly port: number;
}

/** stat(2), remembered for the rest of the request (the index module's look and the static module's open). */
function stat(c: Ctx, path: string): Stat | Errno {
  const seen = c.stats?.get(path);
  if (seen !== undefined) return seen;
  let r: Stat | Errno;
  try {
    r = c.fs.stat(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    r = e.code;
  }
  c.stats?.set(path, r);
  return r;
}

function special(c: Ctx, status: number, uri: string, errors: string[] = [], extra: [string, string][] = []): Response {
  return { status, headers: extra, body: specialPage(status, c.product) ?? '', errors, uri };
}

function ext(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot < 0 ? '' : last.slice(dot + 1).toLowerCase();
}

function mapPath(s: Settings, loc: Location | null, uri: string): string {
  if (s.alias !== null && loc) return s.alias + uri.slice(loc.pattern.length);
  return s.root + uri;
}

/** Runs a request with its decoded URI and args; `redirects` bounds internal redirects as nginx does (10). */
export function handle(c: Ctx, uri: string, args: string, redirects = 0): Response {
  if (redirects > 10) {
    return special(c, 500, uri, [`rewrite or internal redirection cycle while internally redirecting to "${uri}"`]);
  }
  const loc = findLocation(c.server, uri);
  const s = loc?.settings ?? c.server.settings;
  const res = run(c, s, loc, uri, args, redirects);
  res.settings ??= s;
  return applyErrorPage(c, s, res, args, redirects);
}

function applyErrorPage(c: Ctx, s: Settings, res: Response, args: string, redirects: number): Response {
  const page = s.errorPages.get(res.status);
  if (!page || redirects > 0) return res;
  const target = normalizeUri(page.uri.split('?')[0]) ?? page.uri;
  if (/^https?:\/\//.test(page.uri)) {
    return special(c, page.code ?? 302, res.uri, res.errors, [['Location', page.uri]]);
  }
  const inner = handle({ ...c, req: { ...c.req, method: c.req.method === 'HEAD' ? 'HEAD' : 'GET' } }, target, args, redirects + 1);
  if (inner.status >= 400 && inner.status !== (page.code ?? res.status)) return res;
  return { ...inner, status: page.code ?? res.status, errors: [...res.errors, ...inner.errors] };
}

function run(c: Ctx, s: Settings, loc: Location | null, uri: string, args: string, redirects: number): Response {
  if (s.ret) return doReturn(c, s, uri, args);
  if (s.tryFiles) {
    const list = s.tryFiles;
    for (const t of list.slice(0, -1)) {
      const cand = t.replace(/\$uri/g, uri).replace(/\$args|\$query_string/g, args);
      const dir = cand.endsWith('/');
      const st = stat(c, mapPath(s, loc, dir ? cand.slice(0, -1) || '/' : cand));
      if (typeof st === 'string') continue;
      if (dir ? st.type === 'dir' : st.type !== 'dir') return serveStatic(c, s, loc, cand, args, redirects);
    }
    const last = list[list.length - 1];
    const code = /^=(\d+)$/.exec(last);
    if (code) return special(c, Number(code[1]), uri);
    const next = last.replace(/\$uri/g, uri).replace(/\$args/g, args);
    const [p, q = ''] = next.split('?');
    return handle(c, normalizeUri(p) ?? p, q || args, redirects + 1);
  }
  return serveStatic(c, s, loc, uri, args, redirects);
}

function doReturn(c: Ctx, s: Settings, uri: string, args: string): Response {
  const { code, text } = s.ret!;
  if (code === 444) return { status: 444, headers: [], body: '', errors: [], drop: true, uri };
  const value = text === null ? null : expand(text, c, uri, args);
  if ([301, 302, 303, 307, 308].includes(code) && value !== null) {
    const loc = value.startsWith('/') ? `http://${c.host}${c.port === 80 ? '' : `:${c.port}`}${value}` : value;
    return special(c, code, uri, [], [['Location', loc]]);
  }
  if (value === null) return special(c, code, uri);
  return { status: code, headers: [['Content-Type', s.defaultType]], body: value, errors: [], uri };
}

/** The variables a `return` text may hold. */
function expand(text: string, c: Ctx, uri: string, args: string): string {
  return text.replace(/\$(\w+)|\$\{(\w+)\}/g, (all, a?: string, b?: string) => {
    const name = a ?? b ?? '';
    switch (name) {
      case 'uri': return uri;
      case 'request_uri': return c.req.target;
      case 'args': case 'query_string': return args;
      case 'host': return c.host;
      case 'scheme': return 'http';
      case 'request_method': return c.req.method;
      case 'server_port': return String(c.port);
      default:
        if (name.startsWith('http_')) return c.req.headers.get(name.slice(5).replace(/_/g, '-')) ?? '';
        return all;
    }
  });
}

function serveStatic(c: Ctx, s: Settings, loc: Location | null, uri: string, args: string, redirects: number): Response {
  const path = mapPath(s, loc, uri);
  if (uri.endsWith('/')) {
    for (const name of s.index) {
      const file = name.startsWith('/') ? name : `${path}${name}`;
      const st = stat(c, file);
      if (typeof st !== 'string') {
        if (st.type === 'dir') continue;
        return handle(c, name.startsWith('/') ? name : `${uri}${name}`, args, redirects + 1);
      }
      if (st === 'ENOENT') {
        const dir = stat(c, path);
        if (typeof dir === 'string') {
          return special(c, 404, uri, [`"${file}" is not found (${errnoText(dir)})`]);
        }
        continue;
      }
      if (st === 'EACCES') return special(c, 403, uri, [`"${file}" is forbidden (${errnoText(st)})`]);
      return special(c, 404, uri, [`"${file}" is not found (${errnoText(st)})`]);
    }
    const dir = stat(c, path);
    if (typeof dir === 'string') return special(c, 404, uri, [`"${path}" is not found (${errnoText(dir)})`]);
    if (!['GET', 'HEAD'].includes(c.req.method)) return special(c, 405, uri);
    return special(c, 403, uri, [`directory index of "${path}" is forbidden`]);
  }
  if (!['GET', 'HEAD'].includes(c.req.method)) return special(c, 405, uri);
  const st = stat(c, path);
  if (typeof st === 'string') {
    const status = st === 'EACCES' ? 403 : 404;
    return special(c, status, uri, [`open() "${path}" failed (${errnoText(st)})`]);
  }
  if (st.type === 'dir') {
    const loc301 = `http://${c.host}${c.port === 80 ? '' : `:${c.port}`}${encodeURI(uri)}/${args ? `?${args}` : ''}`;
    return special(c, 301, uri, [], [['Location', loc301]]);
  }
  let body: string;
  try {
    const hit = c.cache?.get(path);
    // The same file, owner and mode as last time: the worker may read it, and it reads the same.
    if (hit && sameFile(hit.st, st)) body = hit.body;
    else {
      body = bytesFromArray(c.fs.readFile(path));
      if (c.cache && body.length <= 1 << 20) c.cache.set(path, { st, body });
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    return special(c, e.code === 'EACCES' ? 403 : 404, uri, [`open() "${path}" failed (${errnoText(e.code)})`]);
  }
  const mtime = Math.floor(st.mtimeMs / 1000);
  return {
    status: 200,
    headers: [
      ['Content-Type', s.types.get(ext(uri)) ?? s.defaultType],
      ['Content-Length', String(body.length)],
      ['Last-Modified', httpDate(mtime * 1000)],
      ...(s.etag ? [['ETag', `"${mtime.toString(16)}-${body.length.toString(16)}"`] as [string, string]] : []),
      ['Accept-Ranges', 'bytes'],
    ],
    body,
    errors: [],
    uri,
  };
}

function sameFile(a: Stat, b: Stat): boolean {
  return a.mtimeMs === b.mtimeMs && a.size === b.size && a.mode === b.mode && a.uid === b.uid && a.gid === b.gid && a.ino === b.ino;
}

