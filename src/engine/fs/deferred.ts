/**
 * File content that exists only once something reads it. A registry's blob is a layer's tar.gz: making those
 * bytes costs as much as the layer is big, and a push or pull never needs them (the layer is shared by
 * reference), so the file holds a `DeferredBytes` — its size, and how to produce the bytes — and the inode
 * turns it into bytes on the first read, copy-up or append (inode.ts). `stat`, `ls -l`, `du` see the size
 * without producing anything.
 */
import { utf8Length } from '../kernel/utf8.js';
import { concatBytes } from '../kernel/chunks.js';

export class DeferredBytes extends Uint8Array {
  constructor(
    /** What the content's length will be: the file's size until it is produced. */
    readonly deferredSize: number,
    /** Makes the bytes (once; the inode keeps them unless `keep` is false). */
    readonly produce: () => Uint8Array,
    /** What the bytes are, for whoever can use that instead (a layer a registry serves by reference). */
    readonly source?: unknown,
    /** Whether the inode keeps the bytes once made: content that is cheap to remake is made per read instead. */
    readonly keep = true,
  ) {
    super(0);
  }

  /** The bytes in pieces, for a reader that passes them on (a tar being written): here, all at once. */
  *pieces(): Generator<Uint8Array> {
    yield this.produce();
  }
}

/** A file's length whether its content is bytes, text or deferred. */
export function contentLength(c: string | Uint8Array): number {
  if (c instanceof DeferredBytes) return c.deferredSize;
  return typeof c === 'string' ? utf8Length(c) : c.length;
}

/** A file's bytes in pieces: an apparent file's padding is made a piece at a time and never held whole. */
export function contentPieces(c: Uint8Array): Iterable<Uint8Array> {
  return c instanceof DeferredBytes ? c.pieces() : [c];
}

/** A file's bytes, produced now if deferred (for whoever must write them out: a tar, a hash). */
export function contentBytes(c: Uint8Array): Uint8Array {
  return c instanceof DeferredBytes ? c.produce() : c;
}

/**
 * Bytes that arrived in pieces (a stream written to a file: `docker save > u.tar`), kept as they came and joined
 * only when something reads the file whole. A piece equal to the piece before shares its buffer: an image
 * archive is mostly its apparent files' padding, which repeats piece after piece, so the file holds about what
 * is distinct in it rather than its size. (A reader of the whole file still gets one buffer of all of it.)
 */
export class PiecewiseBytes extends DeferredBytes {
  private constructor(
    private readonly held: Uint8Array[],
    /** How many of `held` are this content's (a later append may have added more for another). */
    private readonly count: number,
    size: number,
  ) {
    // Not kept once joined: the file stays its pieces, and a whole read costs a buffer only while it is used.
    super(size, () => concatBytes(held.slice(0, count), size), undefined, false);
  }

  /** `first` (kept as it is: the caller gives it up) followed by a copy of `piece`. */
  static start(first: Uint8Array, piece: Uint8Array): PiecewiseBytes {
    return new PiecewiseBytes([first], 1, first.length).plus(piece);
  }

  /**
   * This content with `piece` after it, copied in parts cut where the content's offset is a multiple of PART;
   * a part equal to the part before shares its buffer (an apparent file's padding repeats every 4 KiB).
   */
  plus(piece: Uint8Array): PiecewiseBytes {
    if (piece.length === 0) return this;
    // Another holder (a copy-up's inode) appended past this content: take its own list from here.
    const held = this.count === this.held.length ? this.held : this.held.slice(0, this.count);
    let at = 0;
    let offset = this.deferredSize;
    while (at < piece.length) {
      const n = Math.min(PART - (offset % PART), piece.length - at);
      const part = piece.subarray(at, at + n);
      const last = held[held.length - 1];
      held.push(last !== undefined && sameBytes(last, part) ? last : part.slice());
      at += n;
      offset += n;
    }
    return new PiecewiseBytes(held, held.length, offset);
  }

  override *pieces(): Generator<Uint8Array> {
    for (let i = 0; i < this.count; i++) yield this.held[i];
  }

  /** Distinct buffers held (what the content costs). */
  heldBytes(): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) if (i === 0 || this.held[i] !== this.held[i - 1]) n += this.held[i].length;
    return n;
  }
}

/** Where a piecewise content is cut: the period of an apparent file's padding. */
const PART = 4096;

/** Whether two pieces hold the same bytes; words at a time when both are aligned. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  if (a.length % 4 === 0 && a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const x = new Uint32Array(a.buffer, a.byteOffset, a.length / 4);
    const y = new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
