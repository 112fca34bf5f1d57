/**
 * Mount namespaces and the per-process filesystem view: path resolution (cwd, `.`/`..`, symlinks, mount
 * crossing) and Unix permission checks in front of the backends, which do neither.
 */
import { stacklessSysError, SysError } from '../kernel/errno.js';
import type { AccessMode, Backend, Credentials, FileType, Fs, FsCaller, FsContext, MountNamespace, Peeked, Stat } from '../kernel/fsTypes.js';
import { utf8Decode, utf8Encode } from '../kernel/utf8.js';

/** Linux's limit on symlinks followed in one lookup (MAXSYMLINKS). */
const MAX_LINKS = 40;
/** What execve reads of a file to tell a binary from a script (Linux's BINPRM_BUF_SIZE). */
const EXEC_HEAD = 256;

export interface MountEntry {
  /** Absolute, normalized mount point. */
  readonly path: string;
  readonly backend: Backend;
  /** What /proc/mounts shows as the source (`overlay`, `proc`, `tmpfs`…). */
  readonly source: string;
  readonly options: string;
}

/** Where a path landed: `st` is null when only the last component is missing. */
export interface Resolved {
  /** Canonical absolute path. */
  readonly abs: string;
  readonly backend: Backend;
  /** Path inside the backend. */
  readonly inner: string;
  readonly st: Stat | null;
  /** The directory holding the last component: its kind, mode and owner. */
  readonly parent: Perm;
  /** The path is a mount point (or `/`). */
  readonly mountRoot: boolean;
}

/** What a permission check reads: mode and owner. */
type Perm = Pick<Stat, 'mode' | 'uid' | 'gid'>;
/** A component the walk has looked at: a Stat where the walk may end there, else the backend's inode. */
type Walked = Peeked | Stat;

let nextNsId = 4026531840;

export class MountTable implements MountNamespace {
  readonly id: number;
  private readonly table = new Map<string, MountEntry>();

  constructor(root: Backend, opts: { id?: number; source?: string; options?: string } = {}) {
    this.id = opts.id ?? nextNsId++;
    this.table.set('/', { path: '/', backend: root, source: opts.source ?? root.fsType, options: opts.options ?? 'rw' });
  }

  /** Mounts `backend` at an absolute path (the directory should exist in the filesystem below). */
  mount(path: string, backend: Backend, opts: { source?: string; options?: string } = {}): void {
    const p = normalize(path);
    this.table.set(p, { path: p, backend, source: opts.source ?? backend.fsType, options: opts.options ?? 'rw' });
  }

  umount(path: string): void {
    const p = normalize(path);
    if (p === '/' || !this.table.delete(p)) throw new SysError('EINVAL', 'umount', path);
  }

  /** Mounts in mount order, for /proc/mounts. */
  mounts(): MountEntry[] {
    return [...this.table.values()];
  }

  isMountPoint(abs: string): boolean {
    return this.table.has(abs);
  }

  /** A copy of the namespace (unshare CLONE_NEWNS): same backends, its own mount table. */
  clone(): MountTable {
    const root = this.table.get('/')!;
    const copy = new MountTable(root.backend, { source: root.source, options: root.options });
    for (const m of this.table.values()) if (m.path !== '/') copy.table.set(m.path, m);
    return copy;
  }

  view(ctx: FsContext): Fs {
    return new FsView(this, ctx);
  }

  lookup(path: string, ctx: FsContext, follow: boolean): { backend: Backend; path: string } {
    const r = this.resolve(path, ctx, follow, 'open');
    if (!r.st) throw stacklessSysError('ENOENT', 'open', path);
    return { backend: r.backend, path: r.inner };
  }

  /** The mount a canonical absolute path lies in: the longest mount point that prefixes it. */
  mountOf(abs: string): MountEntry {
    let p = abs;
    for (;;) {
      const m = this.table.get(p);
      if (m) return m;
      const i = p.lastIndexOf('/');
      p = i <= 0 ? '/' : p.slice(0, i);
    }
  }

  /**
   * Resolves `path` for `ctx`: every directory walked must grant search (x); symlinks are followed in the
   * middle always and at the end if `follow` (or a trailing slash). A missing last component gives `st: null`;
   * anything else missing throws ENOENT.
   */
  resolve(path: string, ctx: FsContext, follow: boolean, syscall: string): Resolved {
    if (path === '') throw stacklessSysError('ENOENT', syscall, path);
    const cred = ctx.cred;
    const caller = ctx.caller;
    let rest = path.charCodeAt(0) === 47 ? path : `${ctx.cwd}/${path}`;
    const mustBeDir = rest.length > 1 && rest.charCodeAt(rest.length - 1) === 47;
    if (mustBeDir) follow = true;
    let links = 0;
    // The canonical directory reached so far, its mount, the path inside that mount, and what the walk knows of
    // it: a full Stat where the walk may end, only kind, mode and owner (the backend's own inode) where it passes.
    let abs = '/';
    let mount = this.table.get('/')!;
    let inner = '/';
    let cur: Walked | null = peekRoot(mount.backend, caller);
    let dir: Walked = cur!;
    let parent: Walked = dir;
    let i = 0;
    const n0 = rest.length;
    let n = n0;
    // The walk so far has read `rest` as written (one slash before each name, no `.`, `..` or link): the path it
    // reached is then a prefix of `rest`, taken whole rather than joined from the names.
    let literal = rest.charCodeAt(0) === 47;
    while (i < n) {
      const from = i;
      while (i < n && rest.charCodeAt(i) === 47) i++;
      if (i >= n) break;
      if (i - from !== 1) literal = false;
      let j = rest.indexOf('/', i);
      if (j < 0) j = n;
      const start = i;
      const dots = rest.charCodeAt(start) !== 46 ? 0 : j - start === 1 ? 1 : j - start === 2 && rest.charCodeAt(start + 1) === 46 ? 2 : 0;
      i = j;
      if (cur === null) throw stacklessSysError('ENOENT', syscall, path);
      if (kindOf(cur) !== 'dir') throw stacklessSysError('ENOTDIR', syscall, path);
      dir = cur;
      if (dots === 1) {
        literal = false;
        continue;
      }
      if (!mayExec(dir, cred)) throw new SysError('EACCES', syscall, path);
      if (dots === 2) {
        literal = false;
        if (abs !== '/') {
          const k = abs.lastIndexOf('/');
          abs = k === 0 ? '/' : abs.slice(0, k);
          mount = this.mountOf(abs);
          inner = innerPath(abs, mount.path);
          cur = mount.backend.lstat(inner, caller);
        }
        parent = cur!;
        continue;
      }
      const nextAbs = literal ? rest.slice(0, j) : abs === '/' ? `/${rest.slice(start, j)}` : `${abs}/${rest.slice(start, j)}`;
      const m = this.table.get(nextAbs);
      const nextMount = m ?? mount;
      // Inside the root mount the inner path is the absolute one: the same string, not a second copy.
      const nextInner = m ? '/' : innerPath(nextAbs, mount.path);
      const last = !hasMore(rest, i, n);
      const b = nextMount.backend;
      const next = last || !b.peek ? tryLstat(b, nextInner, caller) : b.peek(nextInner, caller);
      if (next !== null && kindOf(next) === 'symlink' && (!last || follow)) {
        if (++links > MAX_LINKS) throw new SysError('ELOOP', syscall, path);
        const target = nextMount.backend.readlink(nextInner, caller);
        if (target === '') throw stacklessSysError('ENOENT', syscall, path);
        rest = i < n ? target + rest.slice(i) : target;
        n = rest.length;
        i = 0;
        literal = target.charCodeAt(0) === 47;
        if (literal) {
          abs = '/';
          mount = this.table.get('/')!;
          inner = '/';
          cur = peekRoot(mount.backend, caller);
        }
        continue;
      }
      parent = dir;
      abs = nextAbs;
      mount = nextMount;
      inner = nextInner;
      cur = next;
    }
    // The walk ended on a name it looked up as the last one (a full Stat), or on a directory it passed (`/`,
    // `.`, `..`, a trailing slash after a followed link): that one is stat'ed now.
    const st = cur === null ? null : isStat(cur) ? cur : mount.backend.lstat(inner, caller);
    if (mustBeDir && st !== null && st.type !== 'dir') throw new SysError('ENOTDIR', syscall, path);
    return { abs, backend: mount.backend, inner, st, parent, mountRoot: inner === '/' };
  }
}

function tryLstat(b: Backend, inner: string, caller: FsCaller): Stat | null {
  if (b.tryLstat) return b.tryLstat(inner, caller);
  try {
    return b.lstat(inner, caller);
  } catch (e) {
    if (!(e instanceof SysError) || e.code !== 'ENOENT') throw e;
    return null;
  }
}

function peekRoot(b: Backend, caller: FsCaller): Walked {
  return b.peek ? b.peek('/', caller)! : b.lstat('/', caller);
}

/** A Stat says `type`; a peeked inode says `kind` (a whiteout is never peeked). */
function kindOf(x: Walked): FileType {
  return 'type' in x ? x.type : (x.kind as FileType);
}

function isStat(x: Walked): x is Stat {
  return 'type' in x;
}

function hasMore(s: string, i: number, n: number): boolean {
  for (; i < n; i++) if (s.charCodeAt(i) !== 47) return true;
  return false;
}

function innerPath(abs: string, mountPoint: string): string {
  if (mountPoint === '/') return abs;
  return abs.length === mountPoint.length ? '/' : abs.slice(mountPoint.length);
}

/** Lexical normalization of an absolute path. */
export function normalize(path: string): string {
  // Most paths come normalized already (a mount point, a volume's destination): they are their own result.
  if (isNormal(path)) return path;
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** `/` or `/a/b`: a leading slash, no empty, `.` or `..` component, no trailing slash. */
function isNormal(path: string): boolean {
  const n = path.length;
  if (n === 0 || path.charCodeAt(0) !== 47) return false;
  if (n === 1) return true;
  // `start` is where the current component begins (just after a slash).
  let start = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && path.charCodeAt(i) !== 47) continue;
    const len = i - start;
    if (len === 0) return false;
    if (path.charCodeAt(start) === 46 && (len === 1 || (len === 2 && path.charCodeAt(start + 1) === 46))) return false;
    start = i + 1;
  }
  return true;
}

function inGroup(cred: Credentials, gid: number): boolean {
  return cred.gid === gid || cred.groups.includes(gid);
}

/** The permission bits that apply to `cred` (owner, group or other triplet), as 0–7. */
function bitsFor(st: Perm, cred: Credentials): number {
  if (st.uid === cred.uid) return (st.mode >> 6) & 7;
  if (inGroup(cred, st.gid)) return (st.mode >> 3) & 7;
  return st.mode & 7;
}

function mayExec(dir: Perm, cred: Credentials): boolean {
  return cred.uid === 0 || (bitsFor(dir, cred) & 1) !== 0;
}

/** access(2): root may read and write anything, and execute what has any x bit (or is a directory). */
export function permits(st: Stat, cred: Credentials, mode: AccessMode): boolean {
  const bit = mode === 'r' ? 4 : mode === 'w' ? 2 : 1;
  if (cred.uid === 0) return bit !== 1 || st.type === 'dir' || (st.mode & 0o111) !== 0;
  return (bitsFor(st, cred) & bit) !== 0;
}

/** One process's view; reads `ctx` on every call so chdir/setuid/umask apply at once. */
export class FsView implements Fs {
  constructor(
    private readonly ns: MountTable,
    private readonly ctx: FsContext,
  ) {}

  private res(path: string, follow: boolean, syscall: string): Resolved {
    return this.ns.resolve(path, this.ctx, follow, syscall);
  }

  private existing(path: string, follow: boolean, syscall: string): Resolved & { st: Stat } {
    const r = this.res(path, follow, syscall);
    if (!r.st) throw stacklessSysError('ENOENT', syscall, path);
    return r as Resolved & { st: Stat };
  }

  /** Write and search on the directory that gets or loses an entry. */
  private checkParent(r: Resolved, syscall: string, path: string): void {
    const c = this.ctx.cred;
    if (c.uid !== 0 && (bitsFor(r.parent, c) & 3) !== 3) throw new SysError('EACCES', syscall, path);
  }

  /** Sticky directory (/tmp): only the file's owner, the directory's owner or root may remove or rename. */
  private checkSticky(r: Resolved & { st: Stat }, syscall: string, path: string): void {
    const uid = this.ctx.cred.uid;
    if (uid !== 0 && r.parent.mode & 0o1000 && r.st.uid !== uid && r.parent.uid !== uid) {
      throw new SysError('EPERM', syscall, path);
    }
  }

  private newOwner(r: Resolved): { uid: number; gid: number; sgid: boolean } {
    const sgid = (r.parent.mode & 0o2000) !== 0;
    return { uid: this.ctx.cred.uid, gid: sgid ? r.parent.gid : this.ctx.cred.gid, sgid };
  }

  private isOwner(st: Stat): boolean {
    return this.ctx.cred.uid === 0 || this.ctx.cred.uid === st.uid;
  }

  stat(path: string): Stat {
    return this.existing(path, true, 'stat').st;
  }

  lstat(path: string): Stat {
    return this.existing(path, false, 'lstat').st;
  }

  exists(path: string): boolean {
    try {
      return this.res(path, true, 'stat').st !== null;
    } catch (e) {
      if (e instanceof SysError) return false;
      throw e;
    }
  }

  access(path: string, mode: AccessMode): boolean {
    try {
      const r = this.res(path, true, 'access');
      return r.st !== null && permits(r.st, this.ctx.cred, mode);
    } catch (e) {
      if (e instanceof SysError) return false;
      throw e;
    }
  }

  realpath(path: string): string {
    return this.existing(path, true, 'realpath').abs;
  }

  execProbe(path: string): { st: Stat; abs: string; data: Uint8Array } | undefined {
    let r: Resolved;
    try {
      r = this.res(path, true, 'stat');
    } catch (e) {
      if (e instanceof SysError) return undefined;
      throw e;
    }
    const st = r.st;
    if (st === null || st.type !== 'file' || !permits(st, this.ctx.cred, 'x') || !permits(st, this.ctx.cred, 'r')) return undefined;
    const b = r.backend;
    // execve looks at the header only: a 1 MB apparent binary is not made to read its first line.
    return { st, abs: r.abs, data: b.readHead ? b.readHead(r.inner, EXEC_HEAD, this.ctx.caller) : b.readFile(r.inner, this.ctx.caller) };
  }

  readdir(path: string): string[] {
    const r = this.existing(path, true, 'scandir');
    if (r.st.type !== 'dir') throw new SysError('ENOTDIR', 'scandir', path);
    if (!permits(r.st, this.ctx.cred, 'r')) throw new SysError('EACCES', 'scandir', path);
    return r.backend.readdir(r.inner, this.ctx.caller);
  }

  readFile(path: string): Uint8Array {
    const r = this.existing(path, true, 'open');
    if (r.st.type === 'dir') throw new SysError('EISDIR', 'read', path);
    if (!permits(r.st, this.ctx.cred, 'r')) throw new SysError('EACCES', 'open', path);
    return r.backend.readFile(r.inner, this.ctx.caller);
  }

  readText(path: string): string {
    return utf8Decode(this.readFile(path));
  }

  writeFile(path: string, data: string | Uint8Array, opts: { append?: boolean; mode?: number } = {}): void {
    const bytes = typeof data === 'string' ? utf8Encode(data) : data;
    const r = this.res(path, true, 'open');
    if (r.st) {
      if (r.st.type === 'dir') throw new SysError('EISDIR', 'open', path);
      if (!permits(r.st, this.ctx.cred, 'w')) throw new SysError('EACCES', 'open', path);
      r.backend.writeFile(r.inner, bytes, { append: opts.append, mode: r.st.mode, uid: r.st.uid, gid: r.st.gid });
      return;
    }
    this.checkParent(r, 'open', path);
    const o = this.newOwner(r);
    const mode = (opts.mode ?? 0o666) & ~this.ctx.umask & 0o7777;
    r.backend.writeFile(r.inner, bytes, { append: opts.append, mode, uid: o.uid, gid: o.gid });
  }

  truncate(path: string, length: number): void {
    const r = this.existing(path, true, 'truncate');
    if (r.st.type === 'dir') throw new SysError('EISDIR', 'truncate', path);
    if (!permits(r.st, this.ctx.cred, 'w')) throw new SysError('EACCES', 'truncate', path);
    r.backend.truncate(r.inner, length);
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    const mode = opts.mode ?? 0o777;
    if (!opts.recursive) {
      this.mkdirOne(path, mode);
      return;
    }
    const abs = normalize(path.startsWith('/') ? path : `${this.ctx.cwd}/${path}`);
    let prefix = '';
    for (const part of abs.split('/')) {
      if (part === '') continue;
      prefix += '/' + part;
      const r = this.res(prefix, true, 'mkdir');
      if (r.st === null) this.mkdirOne(prefix, mode);
      else if (r.st.type !== 'dir') throw new SysError(prefix === abs ? 'EEXIST' : 'ENOTDIR', 'mkdir', path);
    }
  }

  private mkdirOne(path: string, mode: number): void {
    const r = this.res(path, false, 'mkdir');
    if (r.st) throw new SysError('EEXIST', 'mkdir', path);
    this.checkParent(r, 'mkdir', path);
    const o = this.newOwner(r);
    const bits = (mode & ~this.ctx.umask & 0o1777) | (o.sgid ? 0o2000 : 0);
    r.backend.mkdir(r.inner, bits, o.uid, o.gid);
  }

  unlink(path: string): void {
    const r = this.existing(path, false, 'unlink');
    if (r.st.type === 'dir') throw new SysError('EISDIR', 'unlink', path);
    this.checkParent(r, 'unlink', path);
    this.checkSticky(r, 'unlink', path);
    r.backend.unlink(r.inner);
  }

  rmdir(path: string): void {
    const last = lastComponent(path);
    if (last === '.') throw new SysError('EINVAL', 'rmdir', path);
    if (last === '..') throw new SysError('ENOTEMPTY', 'rmdir', path);
    const r = this.existing(path, false, 'rmdir');
    if (r.st.type !== 'dir') throw new SysError('ENOTDIR', 'rmdir', path);
    if (r.mountRoot) throw new SysError('EBUSY', 'rmdir', path);
    this.checkParent(r, 'rmdir', path);
    this.checkSticky(r, 'rmdir', path);
    r.backend.rmdir(r.inner);
  }

  rename(from: string, to: string): void {
    const a = this.existing(from, false, 'rename');
    const b = this.res(to, false, 'rename');
    if (a.mountRoot || b.mountRoot) throw new SysError('EBUSY', 'rename', from);
    if (a.backend !== b.backend) throw new SysError('EXDEV', 'rename', from);
    this.checkParent(a, 'rename', from);
    this.checkParent(b, 'rename', to);
    this.checkSticky(a, 'rename', from);
    if (b.st) this.checkSticky(b as Resolved & { st: Stat }, 'rename', to);
    a.backend.rename(a.inner, b.inner);
  }

  symlink(target: string, path: string): void {
    const r = this.res(path, false, 'symlink');
    if (r.st) throw new SysError('EEXIST', 'symlink', path);
    this.checkParent(r, 'symlink', path);
    const o = this.newOwner(r);
    r.backend.symlink(target, r.inner, o.uid, o.gid);
  }

  readlink(path: string): string {
    const r = this.existing(path, false, 'readlink');
    if (r.st.type !== 'symlink') throw new SysError('EINVAL', 'readlink', path);
    return r.backend.readlink(r.inner, this.ctx.caller);
  }

  chmod(path: string, mode: number): void {
    const r = this.existing(path, true, 'chmod');
    if (!this.isOwner(r.st)) throw new SysError('EPERM', 'chmod', path);
    let bits = mode & 0o7777;
    // Linux drops setgid when a non-root owner is not in the file's group.
    if (this.ctx.cred.uid !== 0 && r.st.type !== 'dir' && !inGroup(this.ctx.cred, r.st.gid)) bits &= ~0o2000;
    r.backend.chmod(r.inner, bits);
  }

  chown(path: string, uid: number, gid: number): void {
    const r = this.existing(path, true, 'chown');
    const c = this.ctx.cred;
    if (c.uid !== 0) {
      const uidOk = uid < 0 || uid === r.st.uid;
      const gidOk = gid < 0 || gid === r.st.gid || inGroup(c, gid);
      if (c.uid !== r.st.uid || !uidOk || !gidOk) throw new SysError('EPERM', 'chown', path);
    }
    r.backend.chown(r.inner, uid, gid);
    // chown(2) clears set-user-ID and set-group-ID on regular files.
    if (r.st.type === 'file' && r.st.mode & 0o6000) r.backend.chmod(r.inner, r.st.mode & ~0o6000);
  }

  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    const r = this.existing(path, true, 'utime');
    if (!this.isOwner(r.st) && !permits(r.st, this.ctx.cred, 'w')) throw new SysError('EPERM', 'utime', path);
    r.backend.utimes(r.inner, atimeMs, mtimeMs);
  }

  mknod(path: string, type: FileType, mode: number, rdev: number): void {
    const r = this.res(path, false, 'mknod');
    if (r.st) throw new SysError('EEXIST', 'mknod', path);
    if ((type === 'chardev' || type === 'blockdev') && this.ctx.cred.uid !== 0) throw new SysError('EPERM', 'mknod', path);
    this.checkParent(r, 'mknod', path);
    if (!r.backend.mknod) throw new SysError('EPERM', 'mknod', path);
    const o = this.newOwner(r);
    r.backend.mknod(r.inner, type, mode & ~this.ctx.umask & 0o7777, rdev, o.uid, o.gid);
  }
}

function lastComponent(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(path.lastIndexOf('/', end - 1) + 1, end);
}
