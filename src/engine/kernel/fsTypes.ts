/**
 * The filesystem contracts the kernel relies on. Implementations live in `src/engine/fs`; the kernel only
 * sees these interfaces, so the layering stays kernel ← fs.
 */

export type FileType = 'file' | 'dir' | 'symlink' | 'chardev' | 'blockdev' | 'fifo' | 'socket';

export interface Stat {
  readonly type: FileType;
  /** Permission bits only (0o7777: setuid, setgid, sticky, rwx × 3). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly nlink: number;
  readonly ino: number;
  readonly dev: number;
  /** Device number (major << 8 | minor) for character devices, else 0. */
  readonly rdev: number;
  readonly atimeMs: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

/** The part of an inode a path walk needs; never a whiteout (a backend answers null for one). */
export interface Peeked {
  readonly kind: FileType | 'whiteout';
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
}

/** Who is asking: procfs needs it for /proc/self, permission checks need the credentials. */
export interface FsCaller {
  readonly hostPid: number;
}

/**
 * A filesystem as mounted at one point. Paths are absolute inside the backend, normalized, with every
 * directory component already resolved (no symlinks, no `.`/`..`); the final component is never followed.
 * Backends do not check permissions (the VFS does) but do enforce their own limits (EROFS, ENOSPC).
 * Errors are `SysError`s.
 */
export interface Backend {
  readonly fsType: string;
  lstat(path: string, caller?: FsCaller): Stat;
  /** lstat with null for ENOENT: path walks meet missing names by the thousand, and a throw is the costly part. */
  tryLstat?(path: string, caller?: FsCaller): Stat | null;
  /**
   * What a path walk reads of a component it passes (kind, permission bits, owner), or null for ENOENT: the
   * backend's own inode, not a new Stat. A walk passes several directories for every name it ends at.
   */
  peek?(path: string, caller?: FsCaller): Peeked | null;
  readdir(path: string, caller?: FsCaller): string[];
  readFile(path: string, caller?: FsCaller): Uint8Array;
  /** The first `n` bytes of a file (of a file only sized, its known head: fs/apparent.ts), for execve's look. */
  readHead?(path: string, n: number, caller?: FsCaller): Uint8Array;
  readlink(path: string, caller?: FsCaller): string;
  /** Creates the file if missing (with mode, uid, gid); replaces or appends the content. */
  writeFile(path: string, data: Uint8Array, opts: WriteOptions): void;
  truncate(path: string, length: number): void;
  mkdir(path: string, mode: number, uid: number, gid: number): void;
  unlink(path: string): void;
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string, uid: number, gid: number): void;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  utimes(path: string, atimeMs: number, mtimeMs: number): void;
  /** Makes a special file (character device, fifo). Backends that cannot hold them throw EPERM. */
  mknod?(path: string, type: FileType, mode: number, rdev: number, uid: number, gid: number): void;
}

export interface WriteOptions {
  readonly append?: boolean;
  /**
   * The file may keep `data` itself rather than a copy: nobody changes those bytes after (a file's first append
   * to them reallocates, as its buffer has no room to spare). A backend may copy anyway.
   */
  readonly share?: boolean;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
}

export interface Credentials {
  readonly uid: number;
  readonly gid: number;
  /** Supplementary groups, as from initgroups(3) at login. */
  readonly groups: readonly number[];
}

/** The mutable per-process state a filesystem view reads on every call. */
export interface FsContext {
  cred: Credentials;
  /** Absolute, normalized. */
  cwd: string;
  umask: number;
  readonly caller: FsCaller;
}

export type AccessMode = 'r' | 'w' | 'x';

/**
 * A process's view of its mount namespace: relative paths are taken from `ctx.cwd`, symlinks are followed
 * (except by the l-functions), and Unix permissions are checked against `ctx.cred` (root passes all but
 * execute on files with no x bit). Every method is synchronous; only descriptors (pipes, TTYs) block.
 */
export interface Fs {
  stat(path: string): Stat;
  lstat(path: string): Stat;
  exists(path: string): boolean;
  access(path: string, mode: AccessMode): boolean;
  /** The canonical absolute path, with every symlink resolved. Throws ENOENT if missing. */
  realpath(path: string): string;
  readdir(path: string): string[];
  readFile(path: string): Uint8Array;
  readText(path: string): string;
  writeFile(path: string, data: string | Uint8Array, opts?: { append?: boolean; mode?: number }): void;
  truncate(path: string, length: number): void;
  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void;
  unlink(path: string): void;
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  utimes(path: string, atimeMs: number, mtimeMs: number): void;
  mknod(path: string, type: FileType, mode: number, rdev: number): void;
  /**
   * What execve reads of `path` (stat, realpath, contents) in one walk, when it is a regular file the caller
   * may read and execute; undefined otherwise, and the caller asks again the long way for the exact error.
   */
  execProbe?(path: string): { st: Stat; abs: string; data: Uint8Array } | undefined;
}

/** A mount namespace: a root filesystem plus mounts on top of it. */
export interface MountNamespace {
  readonly id: number;
  /** A view for one process; it reads `ctx` live, so chdir and setuid take effect at once. */
  view(ctx: FsContext): Fs;
  /** The backend and inner path for an absolute path, following symlinks as `Fs.stat` does. */
  lookup(path: string, ctx: FsContext, follow: boolean): { backend: Backend; path: string };
}

/** Device numbers of the character devices the kernel knows how to open. */
export const DEV = {
  null: (1 << 8) | 3,
  zero: (1 << 8) | 5,
  random: (1 << 8) | 8,
  urandom: (1 << 8) | 9,
  tty: (5 << 8) | 0,
  console: (5 << 8) | 1,
  ptmx: (5 << 8) | 2,
} as const;

/** Pseudo-terminal slaves are major 136 (`/dev/pts/N`). */
export const PTS_MAJOR = 136;
