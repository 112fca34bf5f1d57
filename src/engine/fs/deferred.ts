/**
 * File content that exists only once something reads it. A registry's blob is a layer's tar.gz: making those
 * bytes costs as much as the layer is big, and a push or pull never needs them (the layer is shared by
 * reference), so the file holds a `DeferredBytes` — its size, and how to produce the bytes — and the inode
 * turns it into bytes on the first read, copy-up or append (inode.ts). `stat`, `ls -l`, `du` see the size
 * without producing anything.
 */
import { utf8Length } from '../kernel/utf8.js';

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
}

/** A file's length whether its content is bytes, text or deferred. */
export function contentLength(c: string | Uint8Array): number {
  if (c instanceof DeferredBytes) return c.deferredSize;
  return typeof c === 'string' ? utf8Length(c) : c.length;
}

/** A file's bytes, produced now if deferred (for whoever must write them out: a tar, a hash). */
export function contentBytes(c: Uint8Array): Uint8Array {
  return c instanceof DeferredBytes ? c.produce() : c;
}
