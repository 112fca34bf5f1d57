/**
 * Two small backends for a container's mount table. `FileBind` mounts one file of another backend at a path,
 * as dockerd bind-mounts /var/lib/docker/containers/<id>/hosts over /etc/hosts: reads and writes go to that
 * file, and it can be neither removed nor renamed (EBUSY). `LazyBackend` builds its backend on first use, so
 * a container that never looks at /dev costs nothing for it.
 */
import { SysError } from '../../kernel/errno.js';
import type { Backend, FileType, FsCaller, Stat, WriteOptions } from '../../kernel/fsTypes.js';

export class FileBind implements Backend {
  constructor(
    private readonly target: Backend,
    private readonly path: string,
    readonly fsType = 'ext4',
  ) {}

  private at(p: string, syscall: string): string {
    if (p !== '/') throw new SysError('ENOTDIR', syscall, p);
    return this.path;
  }

  lstat(p: string, caller?: FsCaller): Stat {
    return this.target.lstat(this.at(p, 'lstat'), caller);
  }
  readdir(p: string): string[] {
    throw new SysError('ENOTDIR', 'scandir', p);
  }
  readFile(p: string, caller?: FsCaller): Uint8Array {
    return this.target.readFile(this.at(p, 'open'), caller);
  }
  readlink(p: string): string {
    throw new SysError('EINVAL', 'readlink', p);
  }
  writeFile(p: string, data: Uint8Array, opts: WriteOptions): void {
    this.target.writeFile(this.at(p, 'open'), data, opts);
  }
  truncate(p: string, length: number): void {
    this.target.truncate(this.at(p, 'truncate'), length);
  }
  chmod(p: string, mode: number): void {
    this.target.chmod(this.at(p, 'chmod'), mode);
  }
  chown(p: string, uid: number, gid: number): void {
    this.target.chown(this.at(p, 'chown'), uid, gid);
  }
  utimes(p: string, a: number, m: number): void {
    this.target.utimes(this.at(p, 'utime'), a, m);
  }
  mkdir(p: string): void {
    throw new SysError('EEXIST', 'mkdir', p);
  }
  unlink(p: string): void {
    throw new SysError('EBUSY', 'unlink', p);
  }
  rmdir(p: string): void {
    throw new SysError('ENOTDIR', 'rmdir', p);
  }
  rename(from: string): void {
    throw new SysError('EBUSY', 'rename', from);
  }
  symlink(_t: string, p: string): void {
    throw new SysError('EEXIST', 'symlink', p);
  }
}

export class LazyBackend implements Backend {
  private inner: Backend | null = null;

  constructor(
    readonly fsType: string,
    private readonly make: () => Backend,
  ) {}

  private get b(): Backend {
    return (this.inner ??= this.make());
  }

  lstat(p: string, c?: FsCaller): Stat {
    return this.b.lstat(p, c);
  }
  readdir(p: string, c?: FsCaller): string[] {
    return this.b.readdir(p, c);
  }
  readFile(p: string, c?: FsCaller): Uint8Array {
    return this.b.readFile(p, c);
  }
  readlink(p: string, c?: FsCaller): string {
    return this.b.readlink(p, c);
  }
  writeFile(p: string, d: Uint8Array, o: WriteOptions): void {
    this.b.writeFile(p, d, o);
  }
  truncate(p: string, n: number): void {
    this.b.truncate(p, n);
  }
  mkdir(p: string, m: number, u: number, g: number): void {
    this.b.mkdir(p, m, u, g);
  }
  unlink(p: string): void {
    this.b.unlink(p);
  }
  rmdir(p: string): void {
    this.b.rmdir(p);
  }
  rename(f: string, t: string): void {
    this.b.rename(f, t);
  }
  symlink(t: string, p: string, u: number, g: number): void {
    this.b.symlink(t, p, u, g);
  }
  chmod(p: string, m: number): void {
    this.b.chmod(p, m);
  }
  chown(p: string, u: number, g: number): void {
    this.b.chown(p, u, g);
  }
  utimes(p: string, a: number, m: number): void {
    this.b.utimes(p, a, m);
  }
  mknod(p: string, type: FileType, mode: number, rdev: number, uid: number, gid: number): void {
    const b = this.b;
    if (!b.mknod) throw new SysError('EPERM', 'mknod', p);
    b.mknod(p, type, mode, rdev, uid, gid);
  }
}
