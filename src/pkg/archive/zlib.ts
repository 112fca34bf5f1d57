/**
 * The zlib format (RFC 1950) around our DEFLATE: a two-byte header, the raw stream, the Adler-32 of the data.
 * git stores every loose object this way. The compressed bytes are our deflate's, not zlib's, which any
 * inflater reads the same.
 */
import { DeflateError, deflateRaw, inflateRaw } from './deflate.js';

export class ZlibError extends Error {}

export function adler32(data: Uint8Array, start = 1): number {
  let a = start & 0xffff;
  let b = start >>> 16;
  // 5552 is the most bytes that cannot overflow 32 bits before the modulo (zlib's NMAX).
  for (let i = 0; i < data.length; ) {
    const end = Math.min(i + 5552, data.length);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * `level` only sets the header's FLEVEL, as zlib would for that level (git writes loose objects at level 1,
 * core.looseCompression's default: `78 01`); the body is our one compressor's whatever the level.
 */
export function zlibDeflate(data: Uint8Array, level = 6): Uint8Array {
  const body = deflateRaw(data);
  const out = new Uint8Array(2 + body.length + 4);
  // CMF 0x78: deflate with a 32 KiB window; FLG: FLEVEL, then FCHECK so that (CMF << 8 | FLG) % 31 === 0.
  out[0] = 0x78;
  out[1] = level < 2 ? 0x01 : level < 6 ? 0x5e : level === 6 ? 0x9c : 0xda;
  out.set(body, 2);
  const sum = adler32(data);
  out.set([sum >>> 24, (sum >>> 16) & 0xff, (sum >>> 8) & 0xff, sum & 0xff], 2 + body.length);
  return out;
}

/** Inflates a zlib stream, checking its header and Adler-32; throws ZlibError as zlib names the fault. */
export function zlibInflate(data: Uint8Array): Uint8Array {
  if (data.length < 2) throw new ZlibError('unexpected end of file');
  const cmf = data[0];
  const flg = data[1];
  if ((cmf & 0x0f) !== 8 || ((cmf << 8) | flg) % 31 !== 0) throw new ZlibError('incorrect header check');
  if (flg & 0x20) throw new ZlibError('need dictionary');
  let inflated;
  try {
    inflated = inflateRaw(data, 2);
  } catch (err) {
    if (err instanceof DeflateError) throw new ZlibError(err.message);
    throw err;
  }
  const t = inflated.end;
  if (t + 4 > data.length) throw new ZlibError('unexpected end of file');
  const sum = ((data[t] << 24) | (data[t + 1] << 16) | (data[t + 2] << 8) | data[t + 3]) >>> 0;
  if (sum !== adler32(inflated.data)) throw new ZlibError('incorrect data check');
  return inflated.data;
}
