/**
 * The in-memory inode every backend here stores: one class for all kinds, so copy-up and export treat them
 * alike. Deliberately not memfs: memfs stamps nodes with the real clock, checks permissions against the host
 * process's uid and cannot hold device nodes — all three break a deterministic simulated machine.
 */
import { utf8Length } from '../kernel/utf8.js';
import { stacklessSysError, type SysError } from '../kernel/errno.js';
import { contentBytes, DeferredBytes, PiecewiseBytes } from './deferred.js';
import { headOf } from './apparent.js';
import type { FileType, Stat } from '../kernel/fsTypes.js';

/** `whiteout` marks a name deleted from the layers below (overlayfs's 0/0 character device). */
export type InodeKind = FileType | 'whiteout';

const EMPTY = new Uint8Array(0);
/** Size from which appends keep pieces instead of growing one buffer. */
const PIECEWISE_FROM = 1 << 20;
/** What `ls -l` shows for a directory on ext4 and overlay. */
export const DIR_SIZE = 4096;

export class Inode {
  /** File content; `data.length` may exceed `size` (room to append). */
  data: Uint8Array = EMPTY;
  size = 0;
  target = '';
  children: Map<string, Inode> | null = null;
  /** Subdirectory count, for nlink. */
  subdirs = 0;
  rdev = 0;
  /** Directory hides the same directory in lower layers (`trusted.overlay.opaque=y`). */
  opaque = false;
  atimeMs: number;
  ctimeMs: number;

  constructor(
    public kind: InodeKind,
    public mode: number,
    public uid: number,
    public gid: number,
    public ino: number,
    public mtimeMs: number,
  ) {
    this.atimeMs = mtimeMs;
    this.ctimeMs = mtimeMs;
    if (kind === 'dir') this.children = new Map();
  }

  /** Content not made yet (a registry blob): `size` is its length, `data` is filled on the first use. */
  deferred: DeferredBytes | null = null;

  content(): Uint8Array {
    // Content that is cheap to remake (apparent.ts) is made per read, so a shared layer's inode stays small.
    if (this.deferred && !this.deferred.keep) return this.deferred.produce();
    if (this.deferred) this.materialize();
    return this.data.length === this.size ? this.data : this.data.subarray(0, this.size);
  }

  /** The first `n` bytes (an exec's look at the header), without making an apparent file's padding. */
  head(n: number): Uint8Array {
    return this.deferred ? headOf(this.deferred, Math.min(n, this.size)) : this.data.subarray(0, Math.min(n, this.size));
  }

  /** Replaces the content; keeps a private copy so callers may reuse their buffer. */
  setContent(bytes: Uint8Array, copy: boolean): void {
    if (bytes instanceof DeferredBytes) {
      this.deferred = bytes;
      this.data = EMPTY;
      this.size = bytes.deferredSize;
      return;
    }
    this.deferred = null;
    this.data = copy ? bytes.slice() : bytes;
    this.size = bytes.length;
  }

  private materialize(): void {
    const d = this.deferred!;
    this.deferred = null;
    this.data = d.produce();
    this.size = this.data.length;
  }

  append(more: Uint8Array): void {
    if (this.deferred instanceof PiecewiseBytes) {
      const bytes = contentBytes(more);
      this.deferred = this.deferred.plus(bytes);
      this.size += bytes.length;
      return;
    }
    if (this.deferred) this.materialize();
    const bytes = contentBytes(more);
    const need = this.size + bytes.length;
    if (need > this.data.length && need >= PIECEWISE_FROM) {
      // A large file written a piece at a time (a tar to stdout) keeps its pieces rather than doubling a buffer
      // for it: no copy of what is written so far, and repeated pieces are held once.
      const first = this.data.length === this.size ? this.data : this.data.slice(0, this.size);
      this.deferred = PiecewiseBytes.start(first, bytes);
      this.data = EMPTY;
      this.size = need;
      return;
    }
    if (need > this.data.length) {
      const grown = new Uint8Array(Math.max(need, this.size * 2, 64));
      grown.set(this.content());
      this.data = grown;
    }
    this.data.set(bytes, this.size);
    this.size = need;
  }

  truncate(length: number): void {
    if (this.deferred) this.materialize();
    const next = new Uint8Array(length);
    next.set(length < this.size ? this.data.subarray(0, length) : this.content());
    this.data = next;
    this.size = length;
  }

  /** A copy of the metadata and content (a directory's children are not copied). Content is shared, not aliased
   * for appends: the copy's buffer has no spare room, so its first append reallocates. */
  /** read(2) of the whole file, with read's errors for what is not a regular file. */
  readContent(path: string): Uint8Array {
    if (this.kind === 'dir') fail('EISDIR', 'read', path);
    if (this.kind !== 'file') fail('EINVAL', 'read', path);
    return this.content();
  }

  /** readlink(2). */
  readTarget(path: string): string {
    if (this.kind !== 'symlink') fail('EINVAL', 'readlink', path);
    return this.target;
  }

  /** chmod(2): permission bits only; the change time moves. */
  setMode(mode: number, now: number): void {
    this.mode = mode & 0o7777;
    this.ctimeMs = now;
  }

  /** chown(2): -1 leaves an id as it is. */
  setOwner(uid: number, gid: number, now: number): void {
    if (uid >= 0) this.uid = uid;
    if (gid >= 0) this.gid = gid;
    this.ctimeMs = now;
  }

  /** utimes(2). */
  setTimes(atimeMs: number, mtimeMs: number, now: number): void {
    this.atimeMs = atimeMs;
    this.mtimeMs = mtimeMs;
    this.ctimeMs = now;
  }

  cloneShallow(): Inode {
    const n = new Inode(this.kind, this.mode, this.uid, this.gid, this.ino, this.mtimeMs);
    n.atimeMs = this.atimeMs;
    n.ctimeMs = this.ctimeMs;
    if (this.deferred) {
      n.deferred = this.deferred;
      n.size = this.size;
    } else {
      n.data = this.content();
      n.size = this.size;
    }
    n.target = this.target;
    n.rdev = this.rdev;
    return n;
  }

  addChild(name: string, child: Inode): void {
    const ch = this.children!;
    const old = ch.get(name);
    if (old?.kind === 'dir') this.subdirs--;
    ch.set(name, child);
    if (child.kind === 'dir') this.subdirs++;
  }

  removeChild(name: string): Inode | undefined {
    const ch = this.children!;
    const old = ch.get(name);
    if (old) {
      ch.delete(name);
      if (old.kind === 'dir') this.subdirs--;
    }
    return old;
  }

  /** Bytes of file content in this subtree (quota accounting). */
  bytes(): number {
    if (this.kind === 'file') return this.size;
    let n = 0;
    if (this.children) for (const c of this.children.values()) n += c.bytes();
    return n;
  }

  stat(dev: number): Stat {
    const kind = this.kind === 'whiteout' ? 'chardev' : this.kind;
    return {
      type: kind,
      mode: this.mode,
      uid: this.uid,
      gid: this.gid,
      size: kind === 'file' ? this.size : kind === 'dir' ? DIR_SIZE : kind === 'symlink' ? utf8Length(this.target) : 0,
      nlink: kind === 'dir' ? 2 + this.subdirs : 1,
      ino: this.ino,
      dev,
      rdev: this.rdev,
      atimeMs: this.atimeMs,
      mtimeMs: this.mtimeMs,
      ctimeMs: this.ctimeMs,
    };
  }
}

/** Sorted child names: every listing here is in byte order, so output never depends on insertion order. */
export function sortedNames(dir: Inode): string[] {
  return [...dir.children!.keys()].sort(compareNames);
}

export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Splits a normalized absolute path into parent path and last name. `/` has no parent. */
export function splitPath(path: string): [string, string] {
  const i = path.lastIndexOf('/');
  return [i === 0 ? '/' : path.slice(0, i), path.slice(i + 1)];
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/**
 * A filesystem's refusal. Programs meet these by the thousand (every `exists`, every PATH search), and they are
 * answers, not faults: no stack trace is captured for them.
 */
export function fail(code: ConstructorParameters<typeof SysError>[0], syscall: string, path: string): never {
  throw stacklessSysError(code, syscall, path);
}
