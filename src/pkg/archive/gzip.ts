/**
 * The gzip file format (RFC 1952) around DEFLATE: the header GNU gzip writes (the original name unless
 * reading a pipe, the mtime, OS = Unix), members read back to back as `zcat a.gz b.gz` would, and gzip's own
 * words for what is wrong with a file.
 */
import { crc32, DeflateError, deflateRaw, inflateRaw } from './deflate.js';

export class GzipError extends Error {}

export interface GzipHeader {
  /** FNAME: the original file name, without directories. */
  readonly name?: string;
  /** Seconds since the epoch; 0 when unknown. */
  readonly mtime?: number;
}

export const GZIP_MAGIC = [0x1f, 0x8b] as const;

export function isGzip(data: Uint8Array): boolean {
  return data.length >= 2 && data[0] === GZIP_MAGIC[0] && data[1] === GZIP_MAGIC[1];
}

export function gzip(data: Uint8Array, header: GzipHeader = {}): Uint8Array {
  const name = header.name === undefined ? null : latin1(header.name);
  const body = deflateRaw(data);
  const out = new Uint8Array(10 + (name ? name.length + 1 : 0) + body.length + 8);
  const mtime = header.mtime ?? 0;
  out.set([0x1f, 0x8b, 8, name ? 0x08 : 0, mtime & 0xff, (mtime >>> 8) & 0xff, (mtime >>> 16) & 0xff, (mtime >>> 24) & 0xff, 0, 3]);
  let p = 10;
  if (name) {
    out.set(name, p);
    p += name.length + 1;
  }
  out.set(body, p);
  p += body.length;
  const crc = crc32(data);
  const size = data.length >>> 0;
  out.set([crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24, size & 0xff, (size >>> 8) & 0xff, (size >>> 16) & 0xff, size >>> 24], p);
  return out;
}

function latin1(s: string): Uint8Array {
  return Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 0xff));
}

export interface Gunzipped {
  readonly data: Uint8Array;
  readonly header: GzipHeader;
  /** Bytes after the last member that are not another member (gzip warns "trailing garbage ignored"). */
  readonly trailingGarbage: boolean;
}

/** Decompresses every member; throws GzipError with gzip's message ("not in gzip format", ...). */
export function gunzip(data: Uint8Array): Gunzipped {
  if (!isGzip(data)) throw new GzipError(data.length < 2 && data.length > 0 ? 'unexpected end of file' : 'not in gzip format');
  const parts: Uint8Array[] = [];
  let header: GzipHeader | null = null;
  let p = 0;
  let garbage = false;
  while (p < data.length) {
    if (!(data[p] === 0x1f && data[p + 1] === 0x8b)) {
      garbage = !data.subarray(p).every((b) => b === 0);
      break;
    }
    if (p + 10 > data.length) throw new GzipError('unexpected end of file');
    if (data[p + 2] !== 8) throw new GzipError(`unknown method ${data[p + 2]} -- not supported`);
    const flg = data[p + 3];
    const mtime = (data[p + 4] | (data[p + 5] << 8) | (data[p + 6] << 16) | (data[p + 7] << 24)) >>> 0;
    let q = p + 10;
    if (flg & 0x04) q += 2 + (data[q] | (data[q + 1] << 8));
    let name: string | undefined;
    if (flg & 0x08) {
      const end = data.indexOf(0, q);
      if (end < 0) throw new GzipError('unexpected end of file');
      name = String.fromCharCode(...data.subarray(q, end));
      q = end + 1;
    }
    if (flg & 0x10) {
      const end = data.indexOf(0, q);
      if (end < 0) throw new GzipError('unexpected end of file');
      q = end + 1;
    }
    if (flg & 0x02) q += 2;
    let inflated;
    try {
      inflated = inflateRaw(data, q);
    } catch (err) {
      if (err instanceof DeflateError) throw new GzipError(err.message);
      throw err;
    }
    const t = inflated.end;
    if (t + 8 > data.length) throw new GzipError('unexpected end of file');
    const crc = (data[t] | (data[t + 1] << 8) | (data[t + 2] << 16) | (data[t + 3] << 24)) >>> 0;
    const size = (data[t + 4] | (data[t + 5] << 8) | (data[t + 6] << 16) | (data[t + 7] << 24)) >>> 0;
    if (crc !== crc32(inflated.data)) throw new GzipError('invalid compressed data--crc error');
    if (size !== inflated.data.length >>> 0) throw new GzipError('invalid compressed data--length error');
    header ??= { name, mtime };
    parts.push(inflated.data);
    p = t + 8;
  }
  const total = parts.reduce((a, b) => a + b.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const part of parts) {
    out.set(part, o);
    o += part.length;
  }
  return { data: out, header: header ?? {}, trailingGarbage: garbage };
}
