/**
 * nginx's header and body filters between a handler's response and the wire, in the order nginx calls them
 * (auto/modules: not_modified, headers, gzip, range, chunked, then the header filter that writes the head):
 * If-Modified-Since/If-None-Match → 304 and If-Unmodified-Since/If-Match → 412, add_header, gzip, byte ranges
 * (206, 416, multipart/byteranges) and chunked coding. Each filter reads and changes `Out` as its C filter
 * changes r->headers_out: the handler's headers first (ETag), then add_header's, then Content-Encoding, then
 * Accept-Ranges or Content-Range, which is the order they reach the wire.
 */
import { bytesFromArray } from '../../api/bytes.js';
import { deflateRaw, crc32 } from '../../pkg/archive/deflate.js';
import { specialPage } from './http.js';
import type { GzipSettings, Settings } from './model.js';

/** r->headers_out, as far as the filters here read it. */
export interface Out {
  status: number;
  /** null: no Content-Type line. */
  contentType: string | null;
  /** -1: no Content-Length (gzip, or a 304). */
  contentLength: number;
  /** Seconds since the epoch; null: no Last-Modified. */
  lastModified: number | null;
  location: string | null;
  /** The header list in the order it was filled; ETag is kept apart because filters rewrite or drop it. */
  etag: string | null;
  list: [string, string][];
  /** A binary string (one character per byte). */
  body: string;
  /** The static module's allow_ranges. */
  allowRanges: boolean;
  /** gzip_vary: `Vary: Accept-Encoding` after the Connection line. */
  vary: boolean;
  chunked: boolean;
  keepalive: boolean;
}

export interface FilterRequest {
  readonly method: string;
  readonly version: string;
  readonly headers: ReadonlyMap<string, string>;
}

/** ngx_http_parse_http_time: the three date formats HTTP allows; null when it is none of them. */
export function parseHttpTime(v: string): number | null {
  const MON = 'JanFebMarAprMayJunJulAugSepOctNovDec';
  const month = (m: string): number => {
    const i = MON.indexOf(m);
    return i < 0 || i % 3 !== 0 ? -1 : i / 3;
  };
  let m = /^[A-Za-z]+, (\d\d) ([A-Z][a-z]{2}) (\d{4}) (\d\d):(\d\d):(\d\d) GMT$/.exec(v.trim())
    ?? /^[A-Za-z]+, (\d\d)-([A-Z][a-z]{2})-(\d\d) (\d\d):(\d\d):(\d\d) GMT$/.exec(v.trim());
  let year: number;
  let mon: number;
  let day: number;
  let hh: number;
  let mm: number;
  let ss: number;
  if (m) {
    day = Number(m[1]);
    mon = month(m[2]);
    year = m[3].length === 2 ? 1900 + Number(m[3]) : Number(m[3]);
    [hh, mm, ss] = [Number(m[4]), Number(m[5]), Number(m[6])];
  } else {
    m = /^[A-Za-z]{3} ([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\d{4})$/.exec(v.trim());
    if (!m) return null;
    mon = month(m[1]);
    day = Number(m[2].trim());
    [hh, mm, ss] = [Number(m[3]), Number(m[4]), Number(m[5])];
    year = Number(m[6]);
  }
  if (mon < 0 || hh > 23 || mm > 59 || ss > 59 || day < 1 || day > 31 || year < 1970) return null;
  return Date.UTC(year, mon, day, hh, mm, ss) / 1000;
}

/** ngx_http_test_if_match: `*`, or the ETag among the listed ones (weakly for If-None-Match). */
function ifMatch(out: Out, list: string, weak: boolean): boolean {
  if (list === '*') return true;
  if (out.etag === null) return false;
  let etag = out.etag;
  if (weak && etag.startsWith('W/')) etag = etag.slice(2);
  for (let item of list.split(',')) {
    item = item.trim();
    if (weak && item.startsWith('W/')) item = item.slice(2);
    if (item === etag) return true;
  }
  return false;
}

export type Verdict = 'pass' | 412;

/** ngx_http_not_modified_filter_module; 412 asks the caller for the special page. */
export function notModified(out: Out, req: FilterRequest, s: Settings): Verdict {
  if (out.status !== 200) return 'pass';
  const h = req.headers;
  const ius = h.get('if-unmodified-since');
  if (ius !== undefined) {
    const t = parseHttpTime(ius);
    if (out.lastModified === null || t === null || t < out.lastModified) return 412;
  }
  const im = h.get('if-match');
  if (im !== undefined && !ifMatch(out, im, false)) return 412;
  const ims = h.get('if-modified-since');
  const inm = h.get('if-none-match');
  if (ims === undefined && inm === undefined) return 'pass';
  if (ims !== undefined && modified(out, ims, s)) return 'pass';
  if (inm !== undefined && !ifMatch(out, inm, true)) return 'pass';
  out.status = 304;
  out.contentType = null;
  out.contentLength = -1;
  out.allowRanges = false;
  out.body = '';
  return 'pass';
}

/** ngx_http_test_if_modified. */
function modified(out: Out, value: string, s: Settings): boolean {
  if (out.lastModified === null || s.ifModifiedSince === 'off') return true;
  const ims = parseHttpTime(value);
  if (ims === out.lastModified) return false;
  return s.ifModifiedSince === 'exact' || ims === null || ims < out.lastModified;
}

/** ngx_http_headers_filter's add_header: the listed statuses, or `always`. */
export function addHeaders(out: Out, s: Settings, alwaysOnly = false): void {
  const ok = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308].includes(out.status);
  for (const [k, v, always] of s.addHeaders) if (always || (ok && !alwaysOnly)) out.list.push([k, v]);
}

/** MSIE 4–6 as ngx_http_process_user_agent flags it (msie6), SP2's SV1 excepted for 6. */
function isMsie6(ua: string): boolean {
  const i = ua.indexOf('MSIE ');
  if (i < 0 || i + 7 >= ua.length) return false;
  if (ua[i + 6] !== '.') return false;
  const major = ua[i + 5];
  if (major === '4' || major === '5') return true;
  return major === '6' && !ua.slice(i + 8).includes('SV1');
}

/** ngx_http_gzip_accept_encoding and ngx_http_gzip_quantity: `gzip` as a token with a q above 0. */
function acceptsGzip(ae: string): boolean {
  if (ae.length < 4) return false;
  if (ae.startsWith('gzip,')) return true;
  const lower = ae.toLowerCase();
  let at = -1;
  for (let from = 0; ;) {
    const p = lower.indexOf('gzip', from);
    if (p < 0) return false;
    if (p === 0 || ae[p - 1] === ',' || ae[p - 1] === ' ') {
      at = p + 4;
      break;
    }
    from = p + 4;
  }
  let p = at;
  for (; p < ae.length; p++) {
    const c = ae[p];
    if (c === ',') return true;
    if (c === ';') break;
    if (c !== ' ') return false;
  }
  if (p >= ae.length) return true;
  for (p++; p < ae.length; p++) {
    const c = ae[p];
    if (c === 'q' || c === 'Q') break;
    if (c !== ' ') return false;
  }
  if (p >= ae.length) return true;
  p++;
  if (p + 1 > ae.length || ae[p] !== '=') return false;
  return quantity(ae.slice(p + 1)) > 0;
}

function quantity(s: string): number {
  const c = s[0];
  if (c !== '0' && c !== '1') return 0;
  let q = (c === '1' ? 1 : 0) * 100;
  if (s.length === 1 || s[1] === ',' || s[1] === ' ') return q;
  if (s[1] !== '.') return 0;
  let n = 0;
  for (const d of s.slice(2)) {
    if (d === ',' || d === ' ') break;
    if (d < '0' || d > '9') return 0;
    q += Number(d);
    n++;
  }
  return q > 100 || n > 3 ? 0 : q;
}

/** ngx_http_gzip_ok: what the request allows. */
function gzipOk(req: FilterRequest, g: GzipSettings, out: Out): boolean {
  const ae = req.headers.get('accept-encoding');
  if (ae === undefined || !acceptsGzip(ae)) return false;
  const ua = req.headers.get('user-agent') ?? '';
  if (g.disableMsie6 && isMsie6(ua)) return false;
  if (req.version === '1.0' && g.httpVersion === '1.1') return false;
  if (req.headers.has('via')) {
    const p = g.proxied;
    if (p.has('off')) return false;
    if (!p.has('any') && !(p.has('auth') && req.headers.has('authorization'))) {
      // No Expires or Cache-Control is ever sent here, so only the last two conditions can decide.
      if (p.has('no_last_modified') && out.lastModified !== null) return false;
      if (p.has('no_etag') && out.etag !== null) return false;
    }
  }
  if (req.headers.has('user-agent') && g.disable.some((r) => r.test(ua))) return false;
  return true;
}

/** The gzip filter's header half; returns true when the body is to be compressed. */
export function gzipHeader(out: Out, req: FilterRequest, s: Settings): boolean {
  const g = s.gzip;
  if (!g.on || ![200, 403, 404].includes(out.status)) return false;
  if (out.list.some(([k, v]) => k.toLowerCase() === 'content-encoding' && v !== '')) return false;
  if (out.contentLength !== -1 && out.contentLength < g.minLength) return false;
  const type = (out.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!g.types.has('*') && !g.types.has(type)) return false;
  // r->header_only is set by the header filter after this one, so HEAD is compressed (in its headers) too.
  out.vary = g.vary;
  if (!gzipOk(req, g, out)) return false;
  out.list.push(['Content-Encoding', 'gzip']);
  out.contentLength = -1;
  out.allowRanges = false;
  if (out.etag !== null && out.etag.startsWith('"')) out.etag = `W/${out.etag}`;
  return true;
}

/** nginx's gzip stream: its own 10-byte header (no name, no time, OS 3), raw deflate, CRC-32 and size. */
export function gzipBody(body: string): string {
  const data = new Uint8Array(body.length);
  for (let i = 0; i < body.length; i++) data[i] = body.charCodeAt(i);
  const deflated = deflateRaw(data);
  const crc = crc32(data);
  const size = data.length;
  const le = (n: number): string =>
    String.fromCharCode(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  const s = '\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03';
  return s + bytesFromArray(deflated) + le(crc) + le(size);
}

interface Range {
  readonly start: number;
  readonly end: number;
}

/** ngx_http_range_parse: the ranges, 416, or 'declined' (serve the whole body). */
function parseRanges(v: string, length: number, max: number | null): Range[] | 416 | 'declined' {
  const ranges: Range[] = [];
  let p = 6;
  let size = 0;
  let left = max ?? Infinity;
  const at = (): string => v[p] ?? '';
  const digit = (): boolean => at() >= '0' && at() <= '9';
  const spaces = (): void => {
    while (at() === ' ') p++;
  };
  for (;;) {
    let start = 0;
    let end = 0;
    let suffix = false;
    spaces();
    let found = false;
    if (at() !== '-') {
      if (!digit()) return 416;
      while (digit()) start = start * 10 + Number(v[p++]);
      spaces();
      if (v[p++] !== '-') return 416;
      spaces();
      if (at() === ',' || at() === '') {
        end = length;
        found = true;
      }
    } else {
      suffix = true;
      p++;
    }
    if (!found) {
      if (!digit()) return 416;
      while (digit()) end = end * 10 + Number(v[p++]);
      spaces();
      if (at() !== ',' && at() !== '') return 416;
      if (suffix) {
        start = end < length ? length - end : 0;
        end = length - 1;
      }
      end = end >= length ? length : end + 1;
    }
    if (start < end) {
      ranges.push({ start, end });
      size += end - start;
      if (left-- === 0) return 'declined';
    } else if (start === 0) return 'declined';
    if (v[p++] !== ',') break;
  }
  if (ranges.length === 0) return 416;
  if (size > length) return 'declined';
  return ranges;
}

/** What the range filter did: nothing, a 416 for the caller to finish, or the body already cut. */
export type RangeResult = 'pass' | 416;

/**
 * ngx_http_range_header_filter and its body filter. `boundary` gives ngx_next_temp_number(0), the master's
 * shared counter that multipart boundaries are numbered from.
 */
export function ranges(out: Out, req: FilterRequest, s: Settings, boundary: () => number): RangeResult {
  if (out.status !== 200 || out.contentLength === -1 || !out.allowRanges) return 'pass';
  if (s.maxRanges === 0) return 'pass';
  const range = req.headers.get('range');
  const decline = (): RangeResult => {
    out.list.push(['Accept-Ranges', 'bytes']);
    return 'pass';
  };
  if (range === undefined || range.length < 7 || range.slice(0, 6).toLowerCase() !== 'bytes=') return decline();
  const ifRange = req.headers.get('if-range');
  if (ifRange !== undefined) {
    if (ifRange.length >= 2 && ifRange.endsWith('"')) {
      if (out.etag === null || ifRange !== out.etag) return decline();
    } else if (out.lastModified === null || parseHttpTime(ifRange) !== out.lastModified) return decline();
  }
  const length = out.contentLength;
  const parsed = parseRanges(range, length, s.maxRanges);
  if (parsed === 'declined') return decline();
  if (parsed === 416) {
    out.list.push(['Content-Range', `bytes */${length}`]);
    return 416;
  }
  out.status = 206;
  if (parsed.length === 1) {
    const r = parsed[0];
    out.list.push(['Content-Range', `bytes ${r.start}-${r.end - 1}/${length}`]);
    out.contentLength = r.end - r.start;
    out.body = out.body.slice(r.start, r.end);
    return 'pass';
  }
  const b = String(boundary()).padStart(20, '0');
  const head = `\r\n--${b}\r\n${out.contentType ? `Content-Type: ${out.contentType}\r\n` : ''}Content-Range: bytes `;
  let body = '';
  for (const r of parsed) body += `${head}${r.start}-${r.end - 1}/${length}\r\n\r\n${out.body.slice(r.start, r.end)}`;
  body += `\r\n--${b}--\r\n`;
  out.contentType = `multipart/byteranges; boundary=${b}`;
  out.contentLength = body.length;
  out.body = body;
  return 'pass';
}

/** ngx_http_chunked_header_filter: chunked on HTTP/1.1 when the length is unknown, else close after. */
export function chunked(out: Out, req: FilterRequest): void {
  if (out.status === 304 || out.status === 204 || req.method === 'HEAD') return;
  if (out.contentLength !== -1) return;
  if (req.version === '1.1') out.chunked = true;
  else out.keepalive = false;
}

/** ngx_http_send_special_response for a status a filter chose (412, 416): the page, the list kept. */
export function specialOut(out: Out, status: number, product: string): void {
  const page = specialPage(status, product) ?? '';
  out.status = status;
  out.contentType = 'text/html';
  out.contentLength = page.length;
  out.body = page;
  out.lastModified = null;
  out.etag = null;
  out.allowRanges = false;
  out.list = out.list.filter(([k]) => k !== 'Accept-Ranges');
}
