/**
 * The tar format as GNU tar 1.35 writes it by default (`--format=gnu`: "ustar  " magic, ././@LongLink for
 * names over 100 bytes, 10240-byte records) and reads it (gnu, ustar with prefix, pax extended headers), so
 * archives made here open with the real tar and `docker cp` can stream the same bytes.
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
  readonly linkname?: string;
  readonly data?: Uint8Array;
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

function header(name: string, e: Omit<TarEntry, 'name'>, size: number, flag: string): Uint8Array {
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
  putString(h, 257, 8, 'ustar  ');
  putString(h, 265, 32, e.uname);
  putString(h, 297, 32, e.gname);
  if (e.type === 'chardev' || e.type === 'blockdev') {
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

/** The archive's bytes: each entry's header and data in 512-byte blocks, two zero blocks, padded to a record. */
export function writeTar(entries: readonly TarEntry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  let total = 0;
  const push = (b: Uint8Array): void => {
    blocks.push(b);
    total += b.length;
  };
  for (const e of entries) {
    const size = e.type === 'file' ? (e.data?.length ?? 0) : 0;
    for (const [long, flag] of [[e.linkname, 'K'], [e.name, 'L']] as const) {
      if (long !== undefined && enc(long).length > 100) {
        const body = enc(`${long}\0`);
        push(header('././@LongLink', { type: 'file', mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 0 }, body.length, flag));
        push(padded(body));
      }
    }
    push(header(e.name, e, size, TYPE_FLAG[e.type]));
    if (size > 0) push(padded(e.data!));
  }
  push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(Math.ceil(total / RECORD) * RECORD);
  let o = 0;
  for (const b of blocks) {
    out.set(b, o);
    o += b.length;
  }
  return out;
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

/** Parses an archive; throws TarError("This does not look like a tar archive") for what is not one. */
export function readTar(data: Uint8Array): ReadResult {
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
      linkname: longLink ?? pax.linkpath ?? cstr(h.subarray(157, 257)),
      data: type === 'file' ? body.slice() : undefined,
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
