/**
 * A writable in-memory filesystem (tmpfs): a tree of inodes with a byte quota. Also the storage behind image
 * layers, which wrap it read-only. Whiteout inodes (only layers have them) read as absent.
 */
import { SysError } from '../kernel/errno.js';
import type { Backend, FileType, Stat, WriteOptions } from '../kernel/fsTypes.js';
import { Inode, sortedNames, splitPath, fail } from './inode.js';
import { contentLength } from './deferred.js';

export interface MemTreeOptions {
  /** Wall-clock ms for new timestamps; from the kernel's clock. */
  readonly clock?: () => number;
  /** Bytes of file content allowed; writes beyond throw ENOSPC. */
  readonly quotaBytes?: number;
  readonly dev?: number;
  readonly fsType?: string;
  readonly rootMode?: number;
  /** First inode number handed out (an overlay's upper layer starts above its lower layers' numbers). */
  readonly firstIno?: number;
}

const zeroClock = (): number => 0;

export class MemTree implements Backend {
  readonly fsType: string;
  readonly dev: number;
  readonly root: Inode;
  readonly clock: () => number;
  quotaBytes: number;
  /** Bytes of file content stored. */
  used = 0;
  private nextIno: number;

  constructor(opts: MemTreeOptions = {}, root?: Inode) {
    this.clock = opts.clock ?? zeroClock;
    this.quotaBytes = opts.quotaBytes ?? Infinity;
    this.dev = opts.dev ?? 0x2c;
    this.fsType = opts.fsType ?? 'tmpfs';
    this.nextIno = opts.firstIno ?? 2;
    if (root) {
      this.root = root;
      this.used = root.bytes();
      this.nextIno = Math.max(this.nextIno, maxIno(root) + 1);
    } else {
      this.root = new Inode('dir', opts.rootMode ?? 0o1777, 0, 0, this.nextIno++, this.clock());
    }
  }

  newIno(): number {
    return this.nextIno++;
  }

  /** The inode at `path`, or undefined; ENOTDIR when a directory component is not one. */
  find(path: string, syscall: string): Inode | undefined {
    let node = this.root;
    const n = path.length;
    let i = 1;
    while (i < n) {
      let j = path.indexOf('/', i);
      if (j < 0) j = n;
      if (node.kind !== 'dir') fail('ENOTDIR', syscall, path);
      const child = node.children!.get(path.slice(i, j));
      if (!child || child.kind === 'whiteout') return undefined;
      node = child;
      i = j + 1;
    }
    return node;
  }

  get(path: string, syscall: string): Inode {
    return this.find(path, syscall) ?? fail('ENOENT', syscall, path);
  }

  /** The directory that holds `path` and the last name; ENOENT/ENOTDIR if the directory is missing. */
  parentOf(path: string, syscall: string): [Inode, string] {
    if (path === '/') fail('EBUSY', syscall, path);
    const [dir, name] = splitPath(path);
    const parent = this.get(dir, syscall);
    if (parent.kind !== 'dir') fail('ENOTDIR', syscall, path);
    return [parent, name];
  }

  lstat(path: string): Stat {
    return this.get(path, 'lstat').stat(this.dev);
  }

  peek(path: string): Inode | null {
    return this.find(path, 'lstat') ?? null;
  }

  readdir(path: string): string[] {
    const node = this.get(path, 'scandir');
    if (node.kind !== 'dir') fail('ENOTDIR', 'scandir', path);
    const names = sortedNames(node);
    return names.some((n) => node.children!.get(n)!.kind === 'whiteout')
      ? names.filter((n) => node.children!.get(n)!.kind !== 'whiteout')
      : names;
  }

  readFile(path: string): Uint8Array {
    return this.get(path, 'open').readContent(path);
  }

  readlink(path: string): string {
    return this.get(path, 'readlink').readTarget(path);
  }

  readHead(path: string, n: number): Uint8Array {
    const node = this.get(path, 'open');
    return node.kind === 'file' ? node.head(n) : node.readContent(path);
  }

  writeFile(path: string, data: Uint8Array, opts: WriteOptions): void {
    let node = this.find(path, 'open');
    if (node && node.kind === 'dir') fail('EISDIR', 'open', path);
    if (node && node.kind !== 'file') fail('EINVAL', 'write', path);
    const old = node ? node.size : 0;
    const next = opts.append ? old + contentLength(data) : contentLength(data);
    this.charge(next - old, path);
    const now = this.clock();
    if (!node) {
      const [dir, name] = this.parentOf(path, 'open');
      node = new Inode('file', opts.mode & 0o7777, opts.uid, opts.gid, this.newIno(), now);
      dir.addChild(name, node);
      touch(dir, now);
    }
    if (opts.append) node.append(data);
    else node.setContent(data, opts.share !== true);
    touch(node, now);
  }

  truncate(path: string, length: number): void {
    const node = this.get(path, 'truncate');
    if (node.kind === 'dir') fail('EISDIR', 'truncate', path);
    if (node.kind !== 'file') fail('EINVAL', 'truncate', path);
    this.charge(length - node.size, path);
    node.truncate(length);
    touch(node, this.clock());
  }

  mkdir(path: string, mode: number, uid: number, gid: number): void {
    this.create(path, 'mkdir', new Inode('dir', mode & 0o7777, uid, gid, this.newIno(), this.clock()));
  }

  symlink(target: string, path: string, uid: number, gid: number): void {
    const node = new Inode('symlink', 0o777, uid, gid, this.newIno(), this.clock());
    node.target = target;
    this.create(path, 'symlink', node);
  }

  mknod(path: string, type: FileType, mode: number, rdev: number, uid: number, gid: number): void {
    if (type !== 'chardev' && type !== 'fifo' && type !== 'socket' && type !== 'blockdev') fail('EINVAL', 'mknod', path);
    const node = new Inode(type, mode & 0o7777, uid, gid, this.newIno(), this.clock());
    node.rdev = rdev;
    this.create(path, 'mknod', node);
  }

  unlink(path: string): void {
    const [dir, name] = this.parentOf(path, 'unlink');
    const node = dir.children!.get(name);
    if (!node || node.kind === 'whiteout') fail('ENOENT', 'unlink', path);
    if (node.kind === 'dir') fail('EISDIR', 'unlink', path);
    dir.removeChild(name);
    this.used -= node.bytes();
    touch(dir, this.clock());
  }

  rmdir(path: string): void {
    const [dir, name] = this.parentOf(path, 'rmdir');
    const node = dir.children!.get(name);
    if (!node || node.kind === 'whiteout') fail('ENOENT', 'rmdir', path);
    if (node.kind !== 'dir') fail('ENOTDIR', 'rmdir', path);
    for (const c of node.children!.values()) if (c.kind !== 'whiteout') fail('ENOTEMPTY', 'rmdir', path);
    dir.removeChild(name);
    touch(dir, this.clock());
  }

  rename(from: string, to: string): void {
    if (from === to) {
      this.get(from, 'rename');
      return;
    }
    if (to.startsWith(from + '/') || from === '/') fail('EINVAL', 'rename', from);
    const [fromDir, fromName] = this.parentOf(from, 'rename');
    const node = fromDir.children!.get(fromName);
    if (!node || node.kind === 'whiteout') fail('ENOENT', 'rename', from);
    const [toDir, toName] = this.parentOf(to, 'rename');
    const old = toDir.children!.get(toName);
    if (old && old.kind !== 'whiteout') {
      checkReplace(node, old, to);
      this.used -= old.bytes();
    }
    fromDir.removeChild(fromName);
    toDir.addChild(toName, node);
    const now = this.clock();
    touch(fromDir, now);
    touch(toDir, now);
    node.ctimeMs = now;
  }

  chmod(path: string, mode: number): void {
    this.get(path, 'chmod').setMode(mode, this.clock());
  }

  chown(path: string, uid: number, gid: number): void {
    this.get(path, 'chown').setOwner(uid, gid, this.clock());
  }

  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    this.get(path, 'utime').setTimes(atimeMs, mtimeMs, this.clock());
  }

  private create(path: string, syscall: string, node: Inode): void {
    const [dir, name] = this.parentOf(path, syscall);
    const old = dir.children!.get(name);
    if (old && old.kind !== 'whiteout') fail('EEXIST', syscall, path);
    dir.addChild(name, node);
    touch(dir, node.mtimeMs);
  }

  private charge(delta: number, path: string): void {
    if (delta > 0 && this.used + delta > this.quotaBytes) throw new SysError('ENOSPC', 'write', path);
    this.used += delta;
  }
}

/** rename(2)'s rules for replacing an existing target. */
export function checkReplace(node: Inode, old: Inode, to: string): void {
  if (node.kind === 'dir' && old.kind !== 'dir') fail('ENOTDIR', 'rename', to);
  if (node.kind !== 'dir' && old.kind === 'dir') fail('EISDIR', 'rename', to);
  if (old.kind === 'dir') for (const c of old.children!.values()) if (c.kind !== 'whiteout') fail('ENOTEMPTY', 'rename', to);
}

export function touch(node: Inode, now: number): void {
  node.mtimeMs = now;
  node.ctimeMs = now;
}

function maxIno(node: Inode): number {
  let m = node.ino;
  if (node.children) for (const c of node.children.values()) m = Math.max(m, maxIno(c));
  return m;
}
