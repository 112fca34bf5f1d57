/**
 * Content with its real size but without its real bytes. `/usr/bin/bash` is 1,446,024 bytes in ubuntu:24.04 and
 * `apt-get install nginx` adds tens of megabytes: a layer's size, `du` and `docker history` must show that, yet
 * keeping those bytes would cost the page as much memory as the images are big, for bytes a learner never reads.
 * So such a file holds its head (what the simulation needs: the ELF marker naming the simulated program, a real
 * gzip member) and its size; the rest is padding made from the head alone, so the same file always reads the same
 * bytes and the kernel's PRNG is never drawn (other transcripts do not move). The bytes are made per read and
 * not kept: a binary in a shared image layer stays a few dozen bytes of heap however often it is read.
 * A layer's digest covers the head only (treeio.ts): the padding is a function of it and the size, and a
 * content digest that ignored sizes before they were modelled keeps every image ID it gave.
 */
import { DeferredBytes } from './deferred.js';
import { utf8Encode } from '../kernel/utf8.js';

/** How the padding after the head looks. */
export type ApparentFill =
  /** Machine code: bytes from a generator seeded by the head (so two programs differ). */
  | 'binary'
  /** A gzip member of stored blocks, grown by empty stored blocks and a header extra field: still a valid gzip
   * whose content is the head's. */
  | 'gzip';

export class ApparentBytes extends DeferredBytes {
  constructor(
    /** The bytes the file starts with (for 'gzip', the whole real gzip member). */
    readonly head: Uint8Array,
    size: number,
    readonly padding: ApparentFill,
  ) {
    // One function for every instance (it reads `this`): two apparent files with the same head and size compare
    // equal, as two byte arrays with the same bytes do.
    super(size, produceThis, undefined, false);
  }

  /** The same bytes as produce(), at most PIECE at a time: the padding repeats, so one piece serves for all. */
  override *pieces(): Generator<Uint8Array> {
    const size = this.deferredSize;
    if (this.padding === 'gzip') {
      yield* gzipPieces(this.head, size);
      return;
    }
    const head = this.head;
    if (size - head.length <= BLOCK) {
      yield this.produce();
      return;
    }
    yield head;
    // The padding after the head is one BLOCK repeated (paddedBinary): PIECE holds it a whole number of times.
    const block = paddedBinary(head, head.length + BLOCK).subarray(head.length);
    // No bigger than the padding needs: most files are far smaller than a piece.
    const run = new Uint8Array(Math.min(PIECE, Math.ceil((size - head.length) / BLOCK) * BLOCK));
    for (let at = 0; at < run.length; at += BLOCK) run.set(block, at);
    for (let left = size - head.length; left > 0; left -= run.length) yield run.subarray(0, Math.min(left, run.length));
  }
}

/** How much of an apparent file's padding is made at a time when it is read in pieces. */
const PIECE = 64 * 1024;

function produceThis(this: ApparentBytes): Uint8Array {
  return produceApparent(this.head, this.deferredSize, this.padding);
}

/**
 * Content of `size` bytes starting with `head`; the head itself when it is already that long (a size never
 * shrinks a file's real content).
 */
export function apparent(head: string | Uint8Array, size: number, fill: ApparentFill = 'binary'): Uint8Array {
  const bytes = typeof head === 'string' ? utf8Encode(head) : head;
  const min = fill === 'gzip' ? bytes.length + 2 : bytes.length;
  return size <= min ? bytes : new ApparentBytes(bytes, Math.floor(size), fill);
}

/**
 * The first `n` bytes — of an apparent binary, at most its head: what the simulation knows of the file is all
 * an exec's look at the header can use, and the padding is not made for it.
 */
export function headOf(c: Uint8Array, n: number): Uint8Array {
  if (c instanceof ApparentBytes && c.padding === 'binary') return c.head.subarray(0, n);
  if (c instanceof DeferredBytes) return c.produce().subarray(0, n);
  return c.subarray(0, n);
}

const BLOCK = 4096;

function produceApparent(head: Uint8Array, size: number, fill: ApparentFill): Uint8Array {
  return fill === 'gzip' ? grownGzip(head, size) : paddedBinary(head, size);
}

function paddedBinary(head: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(head);
  // xorshift32 seeded by FNV-1a of the head: cheap, deterministic, different per program.
  let x = 0x811c9dc5;
  for (const b of head) x = Math.imul(x ^ b, 0x01000193);
  x = x >>> 0 || 1;
  const end = Math.min(size, head.length + BLOCK);
  for (let i = head.length; i < end; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  // The block repeats: doubling copies are memcpy-fast, and a read of a 100 MB file stays cheap.
  let filled = end;
  while (filled < size) {
    const n = Math.min(filled - head.length, size - filled);
    out.copyWithin(filled, head.length, head.length + n);
    filled += n;
  }
  return out;
}

const EMPTY_STORED = [0, 0, 0, 0xff, 0xff];

/** grownGzip's bytes in pieces: the header with its extra field, runs of empty stored blocks, the member's rest. */
function* gzipPieces(gz: Uint8Array, size: number): Generator<Uint8Array> {
  const grow = size - gz.length - 2;
  const blocks = Math.floor(grow / 5);
  const xlen = grow - blocks * 5;
  const first = new Uint8Array(12 + xlen);
  first.set(gz.subarray(0, 10));
  first[3] |= 0x04;
  first[10] = xlen & 0xff;
  first[11] = xlen >>> 8;
  yield first;
  // A run of whole empty blocks, so every piece but the last is the same view.
  const run = new Uint8Array(Math.min(Math.floor(PIECE / 5), blocks) * 5);
  for (let at = 0; at < run.length; at += 5) run.set(EMPTY_STORED, at);
  for (let left = blocks * 5; left > 0 && run.length > 0; left -= run.length) yield run.subarray(0, Math.min(left, run.length));
  yield gz.subarray(10);
}

/**
 * `gz` (10-byte header, deflate, 8-byte trailer) grown to `size`: an FEXTRA field takes the remainder modulo 5
 * and empty non-final stored blocks the rest. gzip skips the extra field and an empty block inflates to nothing,
 * so `zcat` prints the same text.
 */
function grownGzip(gz: Uint8Array, size: number): Uint8Array {
  const grow = size - gz.length - 2;
  const blocks = Math.floor(grow / 5);
  const xlen = grow - blocks * 5;
  const out = new Uint8Array(size);
  out.set(gz.subarray(0, 10));
  out[3] |= 0x04;
  out[10] = xlen & 0xff;
  out[11] = xlen >>> 8;
  let p = 12 + xlen;
  if (blocks > 0) {
    out.set(EMPTY_STORED, p);
    let filled = 5;
    while (filled < blocks * 5) {
      const n = Math.min(filled, blocks * 5 - filled);
      out.copyWithin(p + filled, p, p + n);
      filled += n;
    }
    p += blocks * 5;
  }
  out.set(gz.subarray(10), p);
  return out;
}

/**
 * Bytes that are exactly what an apparent file reads as (a layer tar coming back through `docker load`, `import`
 * or `cp`) become that apparent content again: the same digest as before the round trip, and no heap for the
 * padding. Anything else is returned as it is.
 */
export function reapparent(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 64) return bytes;
  if (bytes[0] === 0x7f && bytes[1] === 0x45) {
    const nl = bytes.subarray(0, 256).indexOf(0x0a);
    if (nl < 0) return bytes;
    const head = bytes.slice(0, nl + 1);
    return sameBytes(paddedBinary(head, bytes.length), bytes) ? new ApparentBytes(head, bytes.length, 'binary') : bytes;
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[3] & 0x04 && bytes.length > 12) {
    const xlen = bytes[10] | (bytes[11] << 8);
    if (xlen > 4) return bytes;
    let p = 12 + xlen;
    while (p + 5 <= bytes.length && bytes[p] === 0 && bytes[p + 1] === 0 && bytes[p + 2] === 0 && bytes[p + 3] === 0xff && bytes[p + 4] === 0xff) p += 5;
    const gz = new Uint8Array(10 + bytes.length - p);
    gz.set(bytes.subarray(0, 10));
    gz[3] &= ~0x04;
    gz.set(bytes.subarray(p), 10);
    return bytes.length > gz.length + 2 && sameBytes(grownGzip(gz, bytes.length), bytes) ? new ApparentBytes(gz, bytes.length, 'gzip') : bytes;
  }
  return bytes;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
