/**
 * A read-only image layer: an inode tree with a content digest, shared by every image and container that uses
 * it. Its own whiteouts read as absent; the overlay interprets them against the layers below.
 */
import { SysError } from '../kernel/errno.js';
import type { Backend, Stat, WriteOptions } from '../kernel/fsTypes.js';
import type { Inode } from './inode.js';
import { MemTree } from './memtree.js';
import type { Tree } from './tree.js';
import { buildInodes, digestInodes, exportInodes, sizeInodes, type BuildOptions } from './treeio.js';

export class Layer implements Backend {
  readonly fsType = 'overlay';
  private readonly tree: MemTree;
  private digestCache: string | null = null;
  private sizeCache = -1;

  private constructor(root: Inode) {
    this.tree = new MemTree({ fsType: 'overlay' }, root);
  }

  /** Builds a layer; `mtimeMs` stamps entries that carry no time of their own. */
  static fromTree(tree: Tree, opts: BuildOptions = {}): Layer {
    return new Layer(buildInodes(tree, opts));
  }

  /** Wraps an inode tree the caller hands over (and must not change afterwards). */
  static fromInodes(root: Inode): Layer {
    return new Layer(root);
  }

  /** The root inode, for the overlay. Never modify it. */
  get root(): Inode {
    return this.tree.root;
  }

  /** `sha256:<64 hex>`, a function of the content only (paths, metadata, bytes, whiteouts). */
  get digest(): string {
    return (this.digestCache ??= digestInodes(this.tree.root));
  }

  /** Bytes of content, as `docker image ls` adds them up. */
  get size(): number {
    if (this.sizeCache < 0) this.sizeCache = sizeInodes(this.tree.root);
    return this.sizeCache;
  }

  /** The layer's content as a Tree, with OCI whiteout files; `Layer.fromTree` of it gives the same digest. */
  toTree(): Tree {
    return exportInodes(this.tree.root);
  }

  lstat(path: string): Stat {
    return this.tree.lstat(path);
  }
  readdir(path: string): string[] {
    return this.tree.readdir(path);
  }
  readFile(path: string): Uint8Array {
    return this.tree.readFile(path);
  }
  readHead(path: string, n: number): Uint8Array {
    return this.tree.readHead(path, n);
  }
  readlink(path: string): string {
    return this.tree.readlink(path);
  }

  writeFile(path: string, _data?: Uint8Array, _opts?: WriteOptions): void {
    throw new SysError('EROFS', 'open', path);
  }
  truncate(path: string, _length?: number): void {
    throw new SysError('EROFS', 'truncate', path);
  }
  mkdir(path: string, _mode?: number, _uid?: number, _gid?: number): void {
    throw new SysError('EROFS', 'mkdir', path);
  }
  unlink(path: string): void {
    throw new SysError('EROFS', 'unlink', path);
  }
  rmdir(path: string): void {
    throw new SysError('EROFS', 'rmdir', path);
  }
  rename(from: string, _to?: string): void {
    throw new SysError('EROFS', 'rename', from);
  }
  symlink(_target: string, path: string, _uid?: number, _gid?: number): void {
    throw new SysError('EROFS', 'symlink', path);
  }
  chmod(path: string, _mode?: number): void {
    throw new SysError('EROFS', 'chmod', path);
  }
  chown(path: string, _uid?: number, _gid?: number): void {
    throw new SysError('EROFS', 'chown', path);
  }
  utimes(path: string, _atimeMs?: number, _mtimeMs?: number): void {
    throw new SysError('EROFS', 'utime', path);
  }
  mknod(path: string): void {
    throw new SysError('EROFS', 'mknod', path);
  }
}
