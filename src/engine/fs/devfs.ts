/**
 * /dev: the character devices the kernel knows, the /proc/self/fd links, and /dev/pts listing the terminals
 * that exist right now. Otherwise a writable tmpfs (as devtmpfs is), so `/dev/shm` and root's mknod work.
 */
import { DEV, PTS_MAJOR, type FsCaller, type Stat, type WriteOptions, type FileType } from '../kernel/fsTypes.js';
import { fail } from './inode.js';
import { MemTree } from './memtree.js';
import type { Tree } from './tree.js';
import { buildInodes } from './treeio.js';

export interface PtsEntry {
  /** N of /dev/pts/N. */
  readonly n: number;
  readonly uid: number;
  /** Group `tty` (5) on Ubuntu. */
  readonly gid: number;
  readonly mode?: number;
}

export interface DevFsOptions {
  /** The terminals that exist now (devpts shows exactly those). */
  readonly pts?: () => readonly PtsEntry[];
  /** Boot time (epoch ms) for the static nodes. */
  readonly mtimeMs?: number;
  readonly clock?: () => number;
  /** Extra entries merged into the static tree (e.g. `/mqueue` for containers). */
  readonly extra?: Tree;
}

const TTY_GID = 5;
const dev = (rdev: number, mode = 0o666, gid = 0) => ({ type: 'chardev', rdev, mode, uid: 0, gid }) as const;

export function devTree(extra: Tree = {}): Tree {
  return {
    '/': { type: 'dir', mode: 0o755 },
    '/null': dev(DEV.null),
    '/zero': dev(DEV.zero),
    '/random': dev(DEV.random),
    '/urandom': dev(DEV.urandom),
    '/tty': dev(DEV.tty, 0o666, TTY_GID),
    '/console': dev(DEV.console, 0o600),
    '/ptmx': dev(DEV.ptmx, 0o666, TTY_GID),
    '/fd': { type: 'symlink', target: '/proc/self/fd' },
    '/stdin': { type: 'symlink', target: '/proc/self/fd/0' },
    '/stdout': { type: 'symlink', target: '/proc/self/fd/1' },
    '/stderr': { type: 'symlink', target: '/proc/self/fd/2' },
    '/core': { type: 'symlink', target: '/proc/kcore' },
    '/shm': { type: 'dir', mode: 0o1777 },
    '/pts': { type: 'dir', mode: 0o755 },
    ...extra,
  };
}

export class DevFs extends MemTree {
  private readonly pts: () => readonly PtsEntry[];
  private readonly bootMs: number;

  constructor(opts: DevFsOptions = {}) {
    const root = buildInodes(devTree(opts.extra), { mtimeMs: opts.mtimeMs ?? 0 });
    super({ clock: opts.clock, fsType: 'devtmpfs', dev: 0x5 }, root);
    this.pts = opts.pts ?? (() => []);
    this.bootMs = opts.mtimeMs ?? 0;
  }

  /** `pts/N` → the entry, `pts` → null (the directory itself), anything else → undefined. */
  private ptsEntry(path: string, syscall: string): PtsEntry | null | undefined {
    if (path === '/pts') return null;
    if (!path.startsWith('/pts/')) return undefined;
    const name = path.slice(5);
    if (name === 'ptmx') return { n: -1, uid: 0, gid: 0, mode: 0 };
    return this.pts().find((p) => String(p.n) === name) ?? fail('ENOENT', syscall, path);
  }

  override lstat(path: string): Stat {
    const e = this.ptsEntry(path, 'lstat');
    if (!e) return super.lstat(path);
    const t = this.clock();
    return {
      type: 'chardev',
      mode: e.mode ?? 0o620,
      uid: e.uid,
      gid: e.gid,
      size: 0,
      nlink: 1,
      ino: e.n + 3,
      dev: 0x18,
      rdev: e.n < 0 ? DEV.ptmx : (PTS_MAJOR << 8) | e.n,
      atimeMs: t,
      mtimeMs: t,
      ctimeMs: this.bootMs,
    };
  }

  override readdir(path: string): string[] {
    if (path === '/pts') return ['ptmx', ...this.pts().map((p) => String(p.n))].sort(numericLast);
    return super.readdir(path);
  }

  override writeFile(path: string, data: Uint8Array, opts: WriteOptions): void {
    if (this.ptsEntry(path, 'open') !== undefined) fail('EACCES', 'open', path);
    super.writeFile(path, data, opts);
  }

  override mkdir(path: string, mode: number, uid: number, gid: number): void {
    if (path.startsWith('/pts/')) fail('EACCES', 'mkdir', path);
    super.mkdir(path, mode, uid, gid);
  }

  override mknod(path: string, type: FileType, mode: number, rdev: number, uid: number, gid: number): void {
    if (path.startsWith('/pts/')) fail('EACCES', 'mknod', path);
    super.mknod(path, type, mode, rdev, uid, gid);
  }

  override unlink(path: string): void {
    if (this.ptsEntry(path, 'unlink') !== undefined) fail('EPERM', 'unlink', path);
    super.unlink(path);
  }

  override rmdir(path: string): void {
    if (path === '/pts') fail('EBUSY', 'rmdir', path);
    super.rmdir(path);
  }

  /** Unused by the kernel (it opens devices by rdev), present so `cat /dev/pts/0` style reads don't crash. */
  override readFile(path: string, _caller?: FsCaller): Uint8Array {
    if (this.ptsEntry(path, 'open') !== undefined) fail('EINVAL', 'read', path);
    return super.readFile(path);
  }
}

/** devpts lists `ptmx` first, then terminals by number. */
function numericLast(a: string, b: string): number {
  if (a === 'ptmx') return -1;
  if (b === 'ptmx') return 1;
  return Number(a) - Number(b);
}
