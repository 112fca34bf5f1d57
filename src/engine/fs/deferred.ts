/**
 * File content that exists only once something reads it. A registry's blob is a layer's tar.gz: making those
 * bytes costs as much as the layer is big, and a push or pull never needs them (the layer is shared by
 * reference), so the file holds a `DeferredBytes` — its size, and how to produce the bytes — and the inode
 * turns it into bytes on the first read, copy-up or append (inode.ts). `stat`, `ls -l`, `du` see the size
 * without producing anything.
 */
export class DeferredBytes extends Uint8Array {
  constructor(
    /** What the content's length will be: the file's size until it is produced. */
    readonly deferredSize: number,
    /** Makes the bytes (once; the inode keeps them). */
    readonly produce: () => Uint8Array,
    /** What the bytes are, for whoever can use that instead (a layer a registry serves by reference). */
    readonly source?: unknown,
  ) {
    super(0);
  }
}
