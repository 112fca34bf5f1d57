/**
 * The tar format as GNU tar 1.35 writes it by default (`--format=gnu`: "ustar  " magic, ././@LongLink for
 * names over 100 bytes, 10240-byte records) and reads it (gnu, ustar with prefix, pax extended headers), so
 * archives made here open with the real tar. `{ format: 'go' }` writes what Docker's Go code writes instead
 * (archive/tar with moby go-archive's FormatPAX headers): "ustar\0" "00" headers, a long name split into
 * prefix and name or else carried in a pax `x` header, no user or group names, and no padding to a record.
 */

import { nameBytes as enc, nameString as dec } from './names.js';

export class TarError extends Error {}

export type TarType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'chardev' | 'blockdev' | 'fifo';

export interface TarEntry {
  /** Relative path as stored; directories end with `/`. */
  readonly name: string;
  readonly type: TarType;
  /** Permission bits (0o7777). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly uname: string;
  readonly gname: string;
  /** Seconds since the epoch. */
  readonly mtime: number;
  /** Milliseconds, when a pax header carries more than whole seconds (the Go writer writes it so). */
  readonly mtimeMs?: number;
  readonly linkname?: string;
  readonly data?: Uint8Array;
  /** For writing: the data made piecewise, in place of `data`. */
  readonly source?: ByteSource;
  readonly devmajor?: number;
  readonly devminor?: number;
}

const BLOCK = 512;
export const RECORD = 10240;

const TYPE_FLAG: Record<TarType, string> = { file: '0', hardlink: '1', symlink: '2', chardev: '3', blockdev: '4', dir: '5', fifo: '6' };
const FLAG_TYPE: Record<string, TarType> = { '0': 'file', '\0': 'file', '7': 'file', '1': 'hardlink', '2': 'symlink', '3': 'chardev', '4': 'blockdev', '5': 'dir', '6': 'fifo' };


function putString(h: Uint8Array, off: number, len: number, s: string): void {
  h.set(enc(s).subarray(0, len), off);
}

/** An octal field: digits padded with zeros to len-1, then NUL (GNU tar's format for numbers). */
function putOctal(h: Uint8Array, off: number, len: number, n: number): void {
  let s = Math.max(0, Math.trunc(n)).toString(8);
  if (s.length > len - 1) {
    // GNU's base-256 for values too big for the field (files of 8 GiB and more).
    h[off] = 0x80;
    let v = BigInt(Math.trunc(n));
    for (let i = len - 1; i > 0; i--) {
      h[off + i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return;
  }
  s = s.padStart(len - 1, '0');
  putString(h, off, len - 1, s);
}

function header(name: string, e: Omit<TarEntry, 'name'>, size: number, flag: string, go = false, prefix = ''): Uint8Array {
  const h = new Uint8Array(BLOCK);
  putString(h, 0, 100, name);
  putOctal(h, 100, 8, e.mode & 0o7777);
  putOctal(h, 108, 8, e.uid);
  putOctal(h, 116, 8, e.gid);
  putOctal(h, 124, 12, size);
  putOctal(h, 136, 12, e.mtime);
  h.fill(0x20, 148, 156);
  h[156] = flag.charCodeAt(0);
  if (e.linkname) putString(h, 157, 100, e.linkname);
  putString(h, 257, 8, go ? 'ustar\x0000' : 'ustar  ');
  putString(h, 265, 32, e.uname);
  putString(h, 297, 32, e.gname);
  if (go) {
    putOctal(h, 329, 8, e.devmajor ?? 0);
    putOctal(h, 337, 8, e.devminor ?? 0);
    putString(h, 345, 155, prefix);
  } else if (e.type === 'chardev' || e.type === 'blockdev') {
    putOctal(h, 329, 8, e.devmajor ?? 0);
    putOctal(h, 337, 8, e.devminor ?? 0);
  }
  let sum = 0;
  for (const b of h) sum += b;
  putString(h, 148, 6, sum.toString(8).padStart(6, '0'));
  h[154] = 0;
  h[155] = 0x20;
  return h;
}

export interface WriteOptions {
  /** `gnu` (GNU tar's default, the default here) or `go` (Docker's archives). */
  readonly format?: 'gnu' | 'go';
}

/**
 * Bytes made piece by piece, their total known before the first piece: a layer in an image archive, an apparent
 * file's padding. The pieces may be views of a buffer the source reuses: a consumer copies what it keeps.
 */
export interface ByteSource {
  readonly size: number;
  pieces(): Iterable<Uint8Array>;
}

/** A source of one buffer. */
export function bytesSource(b: Uint8Array): ByteSource {
  return { size: b.length, pieces: () => [b] };
}

/** All of a source's bytes in one buffer (for a caller that needs them at once). */
export function collectSource(src: ByteSource): Uint8Array {
  const out = new Uint8Array(src.size);
  let o = 0;
  for (const p of src.pieces()) {
    if (o + p.length > out.length) throw new Error(`byte source: more than the ${src.size} bytes it announced`);
    out.set(p, o);
    o += p.length;
  }
  if (o !== out.length) throw new Error(`byte source: ${o} of the ${src.size} bytes it announced`);
  return out;
}

/** The archive's bytes: each entry's header and data in 512-byte blocks, two zero blocks, padded to a record. */
export function writeTar(entries: readonly TarEntry[], opts: WriteOptions = {}): Uint8Array {
  return collectSource(tarSource(entries, opts));
}

/**
 * The archive as writeTar makes it, made entry by entry when its pieces are read: a file's data is read from
 * its `source` piecewise when it has one, so an archive of a large tree never holds more than one piece of it.
 * The size is counted from the headers and data sizes alone.
 */
export function tarSource(entries: readonly TarEntry[], opts: WriteOptions = {}): ByteSource {
  const go = opts.format === 'go';
  let total = BLOCK * 2;
  for (const e of entries) {
    const size = dataSize(e);
    for (const h of headerBlocks(e, size, go)) total += h.length;
    total += Math.ceil(size / BLOCK) * BLOCK;
  }
  if (!go) total = Math.ceil(total / RECORD) * RECORD;
  const size = total;
  return {
    size,
    *pieces() {
      let written = 0;
      for (const e of entries) {
        const n = dataSize(e);
        for (const h of headerBlocks(e, n, go)) {
          written += h.length;
          yield h;
        }
        if (n === 0) continue;
        let got = 0;
        for (const p of e.source ? e.source.pieces() : [e.data!]) {
          got += p.length;
          if (p.length > 0) yield p;
        }
        if (got !== n) throw new Error(`tar: ${e.name}: ${got} bytes of data, header says ${n}`);
        const pad = (BLOCK - (n % BLOCK)) % BLOCK;
        if (pad > 0) yield new Uint8Array(pad);
        written += n + pad;
      }
      yield new Uint8Array(size - written);
    },
  };
}

function dataSize(e: TarEntry): number {
  if (e.type !== 'file') return 0;
  return e.source ? e.source.size : (e.data?.length ?? 0);
}

/** The blocks before an entry's data: GNU's ././@LongLink entries or Go's pax header, then its own header. */
function headerBlocks(e: TarEntry, size: number, go: boolean): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (go) {
    goEntry(e, size, (b) => out.push(b));
    return out;
  }
  for (const [long, flag] of [[e.linkname, 'K'], [e.name, 'L']] as const) {
    if (long !== undefined && enc(long).length > 100) {
      const body = enc(`${long}\0`);
      out.push(header('././@LongLink', { type: 'file', mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 0 }, body.length, flag));
      out.push(padded(body));
    }
  }
  out.push(header(e.name, e, size, TYPE_FLAG[e.type]));
  return out;
}

/**
 * The header blocks of one entry as Go's tar.Writer writes a FormatPAX header whose times are whole seconds:
 * USTAR when the name fits (split at a slash into a 155-byte prefix and a 100-byte name), else a pax header first.
 */
function goEntry(e: TarEntry, size: number, push: (b: Uint8Array) => void): void {
  const nameLen = enc(e.name).length;
  let name = e.name;
  let prefix = '';
  const records: Array<[string, string]> = [];
  if (nameLen > 100) {
    const split = splitUstar(e.name);
    if (split) [prefix, name] = split;
    else records.push(['path', e.name]);
  }
  if (e.linkname !== undefined && enc(e.linkname).length > 100) records.push(['linkpath', e.linkname]);
  if (e.mtimeMs !== undefined && e.mtimeMs % 1000 !== 0) {
    const ms = Math.round(e.mtimeMs);
    records.push(['mtime', `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`]);
  }
  if (records.length > 0) {
    const body = enc(records.map(([k, v]) => paxRecord(k, v)).join(''));
    const dir = e.name.replace(/\/+$/, '');
    const cut = dir.lastIndexOf('/');
    const paxName = `${cut < 0 ? '.' : dir.slice(0, cut)}/PaxHeaders.0/${dir.slice(cut + 1)}`;
    const meta = { type: 'file' as const, mode: e.mode, uid: e.uid, gid: e.gid, uname: '', gname: '', mtime: e.mtime };
    push(header(truncName(paxName), meta, body.length, 'x', true));
    push(padded(body));
    if (prefix === '' && nameLen > 100) name = truncName(e.name);
  }
  const link = e.linkname !== undefined && enc(e.linkname).length > 100 ? truncName(e.linkname) : e.linkname;
  push(header(name, { ...e, linkname: link }, size, TYPE_FLAG[e.type], true, prefix));
}

function truncName(s: string): string {
  let b = enc(s).subarray(0, 100);
  while (b.length > 0 && (b[b.length - 1] & 0xc0) === 0x80) b = b.subarray(0, b.length - 1);
  return dec(b);
}

/** archive/tar's splitUSTARPath: the last slash that leaves ≤ 155 bytes before it and 1–100 after. */
function splitUstar(name: string): [string, string] | null {
  const b = enc(name);
  let i = Math.min(b.length - 1, 155);
  while (i > 0 && b[i] !== 0x2f) i--;
  if (i <= 0 || b.length - i - 1 > 100 || b.length - i - 1 === 0) return null;
  return [dec(b.subarray(0, i)), dec(b.subarray(i + 1))];
}

/** "LEN key=value\n", LEN counting itself. */
function paxRecord(key: string, value: string): string {
  const rest = enc(` ${key}=${value}\n`).length;
  let n = rest + String(rest).length;
  if (String(n).length + rest !== n) n = rest + String(n).length;
  return `${n} ${key}=${value}\n`;
}

function padded(b: Uint8Array): Uint8Array {
  const n = Math.ceil(b.length / BLOCK) * BLOCK;
  if (n === b.length) return b;
  const out = new Uint8Array(n);
  out.set(b);
  return out;
}

function cstr(b: Uint8Array): string {
  const end = b.indexOf(0);
  return dec(end < 0 ? b : b.subarray(0, end));
}

function octal(b: Uint8Array): number {
  if (b[0] & 0x80) {
    let v = 0n;
    for (let i = 1; i < b.length; i++) v = (v << 8n) | BigInt(b[i]);
    return Number(v);
  }
  const s = cstr(b).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

export interface ReadResult {
  readonly entries: TarEntry[];
  /** GNU tar's complaints along the way ("A lone zero block at N", "Skipping to next header"). */
  readonly warnings: string[];
}

/**
 * Parses an archive; throws TarError("This does not look like a tar archive") for what is not one. With
 * `views`, a file's data is a view of `data` rather than a copy (for a caller that copies what it keeps).
 */
export function readTar(data: Uint8Array, opts: { views?: boolean } = {}): ReadResult {
  const entries: TarEntry[] = [];
  const warnings: string[] = [];
  let p = 0;
  let longName: string | null = null;
  let longLink: string | null = null;
  let pax: Record<string, string> = {};
  while (p + BLOCK <= data.length) {
    const h = data.subarray(p, p + BLOCK);
    if (h.every((b) => b === 0)) {
      const next = data.subarray(p + BLOCK, p + 2 * BLOCK);
      if (next.length === BLOCK && !next.every((b) => b === 0)) warnings.push(`A lone zero block at ${(p + BLOCK) / BLOCK}`);
      break;
    }
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
    if (sum !== octal(h.subarray(148, 156))) {
      if (entries.length === 0 && p === 0) throw new TarError('This does not look like a tar archive');
      throw new TarError('Skipping to next header');
    }
    const flag = String.fromCharCode(h[156]);
    const size = pax.size !== undefined ? Number(pax.size) : octal(h.subarray(124, 136));
    const body = data.subarray(p + BLOCK, p + BLOCK + size);
    if (body.length < size) throw new TarError('Unexpected EOF in archive');
    p += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === 'L' || flag === 'K') {
      const s = cstr(body);
      if (flag === 'L') longName = s;
      else longLink = s;
      continue;
    }
    if (flag === 'x' || flag === 'g') {
      if (flag === 'x') pax = parsePax(dec(body));
      continue;
    }
    const magic = dec(h.subarray(257, 263));
    const prefix = magic === 'ustar\0' ? cstr(h.subarray(345, 500)) : '';
    let name = longName ?? pax.path ?? cstr(h.subarray(0, 100));
    if (prefix && longName === null && pax.path === undefined) name = `${prefix}/${name}`;
    const type = FLAG_TYPE[flag] ?? 'file';
    entries.push({
      name,
      type: type === 'file' && name.endsWith('/') ? 'dir' : type,
      mode: octal(h.subarray(100, 108)) & 0o7777,
      uid: octal(h.subarray(108, 116)),
      gid: octal(h.subarray(116, 124)),
      uname: cstr(h.subarray(265, 297)),
      gname: cstr(h.subarray(297, 329)),
      mtime: pax.mtime !== undefined ? Math.floor(Number(pax.mtime)) : octal(h.subarray(136, 148)),
      ...(pax.mtime !== undefined && pax.mtime.includes('.') ? { mtimeMs: paxMillis(pax.mtime) } : {}),
      linkname: longLink ?? pax.linkpath ?? cstr(h.subarray(157, 257)),
      data: type === 'file' ? (opts.views ? body : body.slice()) : undefined,
      devmajor: octal(h.subarray(329, 337)),
      devminor: octal(h.subarray(337, 345)),
    });
    longName = null;
    longLink = null;
    pax = {};
  }
  if (p + BLOCK > data.length && entries.length === 0 && data.length > 0 && data.length < BLOCK) throw new TarError('This does not look like a tar archive');
  return { entries, warnings };
}

/** A pax time (`1733500000.123456`) in whole milliseconds, without going through a float. */
function paxMillis(v: string): number {
  const [secs, frac = ''] = v.split('.');
  return Number(secs) * 1000 + Number(frac.padEnd(3, '0').slice(0, 3));
}

/** pax records: "LEN key=value\n". */
function parsePax(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < s.length) {
    const sp = s.indexOf(' ', i);
    if (sp < 0) break;
    const len = Number(s.slice(i, sp));
    if (!len) break;
    const rec = s.slice(sp + 1, i + len - 1);
    const eq = rec.indexOf('=');
    out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}
