/**
 * What a bind mount is in a container's mount table. `HostPath` is a subtree of the host's mount namespace:
 * every call is resolved on the host at the time it is made (crossing the host's own mounts below the source,
 * as Docker's rbind does), so a file edited on the host is seen in the container at once and the other way
 * round. `ReadOnly` wraps any backend and refuses changes with EROFS, as an `ro` mount does.
 */
import { SysError } from '../../kernel/errno.js';
import type { Backend, FileType, FsCaller, FsContext, MountNamespace, Stat, WriteOptions } from '../../kernel/fsTypes.js';

const ROOT_CTX: FsContext = { cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0, caller: { hostPid: 1 } };

export class HostPath implements Backend {
  constructor(
    private readonly host: MountNamespace,
    /** Canonical absolute path on the host (symlinks resolved when the mount was made). */
    private readonly source: string,
    readonly fsType = 'ext4',
  ) {}

  private abs(p: string): string {
    return p === '/' ? this.source : this.source === '/' ? p : this.source + p;
  }

  /** The backend and inner path of an existing entry (its last component never followed). */
  private at(p: string): { backend: Backend; path: string } {
    return this.host.lookup(this.abs(p), ROOT_CTX, false);
  }

  /** For an entry that may not exist yet: its parent resolved on the host, then the name inside it. */
  private entry(p: string): { backend: Backend; path: string } {
    try {
      return this.at(p);
    } catch (e) {
      if (!(e instanceof SysError) || e.code !== 'ENOENT' || p === '/') throw e;
      const i = p.lastIndexOf('/');
      const dir = this.host.lookup(this.abs(i === 0 ? '/' : p.slice(0, i)), ROOT_CTX, true);
      const name = p.slice(i + 1);
      return { backend: dir.backend, path: dir.path === '/' ? `/${name}` : `${dir.path}/${name}` };
    }
  }

  lstat(p: string, caller?: FsCaller): Stat {
    const r = this.at(p);
    return r.backend.lstat(r.path, caller);
  }
  readdir(p: string, caller?: FsCaller): string[] {
    const r = this.at(p);
    return r.backend.readdir(r.path, caller);
  }
  readFile(p: string, caller?: FsCaller): Uint8Array {
    const r = this.at(p);
    return r.backend.readFile(r.path, caller);
  }
  readlink(p: string, caller?: FsCaller): string {
    const r = this.at(p);
    return r.backend.readlink(r.path, caller);
  }
  writeFile(p: string, data: Uint8Array, opts: WriteOptions): void {
    const r = this.entry(p);
    r.backend.writeFile(r.path, data, opts);
  }
  truncate(p: string, length: number): void {
    const r = this.at(p);
    r.backend.truncate(r.path, length);
  }
  mkdir(p: string, mode: number, uid: number, gid: number): void {
    const r = this.entry(p);
    r.backend.mkdir(r.path, mode, uid, gid);
  }
  unlink(p: string): void {
    const r = this.at(p);
    r.backend.unlink(r.path);
  }
  rmdir(p: string): void {
    const r = this.at(p);
    r.backend.rmdir(r.path);
  }
  rename(from: string, to: string): void {
    const a = this.at(from);
    const b = this.entry(to);
    if (a.backend !== b.backend) throw new SysError('EXDEV', 'rename', from);
    a.backend.rename(a.path, b.path);
  }
  symlink(target: string, p: string, uid: number, gid: number): void {
    const r = this.entry(p);
    r.backend.symlink(target, r.path, uid, gid);
  }
  chmod(p: string, mode: number): void {
    const r = this.at(p);
    r.backend.chmod(r.path, mode);
  }
  chown(p: string, uid: number, gid: number): void {
    const r = this.at(p);
    r.backend.chown(r.path, uid, gid);
  }
  utimes(p: string, a: number, m: number): void {
    const r = this.at(p);
    r.backend.utimes(r.path, a, m);
  }
  mknod(p: string, type: FileType, mode: number, rdev: number, uid: number, gid: number): void {
    const r = this.entry(p);
    if (!r.backend.mknod) throw new SysError('EPERM', 'mknod', p);
    r.backend.mknod(r.path, type, mode, rdev, uid, gid);
  }
}

export class ReadOnly implements Backend {
  constructor(private readonly inner: Backend) {}

  get fsType(): string {
    return this.inner.fsType;
  }

  lstat(p: string, c?: FsCaller): Stat {
    return this.inner.lstat(p, c);
  }
  readdir(p: string, c?: FsCaller): string[] {
    return this.inner.readdir(p, c);
  }
  readFile(p: string, c?: FsCaller): Uint8Array {
    return this.inner.readFile(p, c);
  }
  readlink(p: string, c?: FsCaller): string {
    return this.inner.readlink(p, c);
  }
  writeFile(p: string): void {
    throw new SysError('EROFS', 'open', p);
  }
  truncate(p: string): void {
    throw new SysError('EROFS', 'truncate', p);
  }
  mkdir(p: string): void {
    throw new SysError('EROFS', 'mkdir', p);
  }
  unlink(p: string): void {
    throw new SysError('EROFS', 'unlink', p);
  }
  rmdir(p: string): void {
    throw new SysError('EROFS', 'rmdir', p);
  }
  rename(from: string): void {
    throw new SysError('EROFS', 'rename', from);
  }
  symlink(_t: string, p: string): void {
    throw new SysError('EROFS', 'symlink', p);
  }
  chmod(p: string): void {
    throw new SysError('EROFS', 'chmod', p);
  }
  chown(p: string): void {
    throw new SysError('EROFS', 'chown', p);
  }
  utimes(p: string): void {
    throw new SysError('EROFS', 'utime', p);
  }
  mknod(p: string): void {
    throw new SysError('EROFS', 'mknod', p);
  }
}
