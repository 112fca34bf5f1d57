/**
 * A small in-memory filesystem for program tests, until src/engine/fs lands: a Backend (dumb tree) plus a
 * MountNamespace whose views resolve paths from cwd, follow symlinks and check Unix permissions.
 */
import { SysError } from '../../../src/engine/kernel/errno.js';
import type {
  AccessMode,
  Backend,
  FileType,
  Fs,
  FsContext,
  MountNamespace,
  Stat,
  WriteOptions,
} from '../../../src/engine/kernel/fsTypes.js';

interface Node {
  type: FileType;
  mode: number;
  uid: number;
  gid: number;
  data: Uint8Array;
  target: string;
  ino: number;
  rdev: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export class MemBackend implements Backend {
  readonly fsType = 'ext4';
  readonly nodes = new Map<string, Node>();
  private ino = 2;
  constructor(readonly now: () => number) {
    this.add('/', 'dir', 0o755, 0, 0);
  }
  add(path: string, type: FileType, mode: number, uid: number, gid: number, extra: Partial<Node> = {}): Node {
    const t = this.now();
    const n: Node = { type, mode, uid, gid, data: new Uint8Array(), target: '', ino: this.ino++, rdev: 0, atimeMs: t, mtimeMs: t, ctimeMs: t, ...extra };
    this.nodes.set(path, n);
    if (path !== '/') this.touchDir(parentOf(path));
    return n;
  }
  private touchDir(p: string): void {
    const d = this.nodes.get(p);
    if (d) d.mtimeMs = d.ctimeMs = this.now();
  }
  get(path: string): Node {
    const n = this.nodes.get(path);
    if (!n) throw new SysError('ENOENT', 'stat', path);
    return n;
  }
  lstat(path: string): Stat {
    const n = this.get(path);
    const size = n.type === 'symlink' ? n.target.length : n.type === 'dir' ? 4096 : n.data.length;
    const nlink = n.type === 'dir' ? 2 + this.readdir(path).filter((c) => this.nodes.get(`${path === '/' ? '' : path}/${c}`)?.type === 'dir').length : 1;
    return { type: n.type, mode: n.mode, uid: n.uid, gid: n.gid, size, nlink, ino: n.ino, dev: 2049, rdev: n.rdev, atimeMs: n.atimeMs, mtimeMs: n.mtimeMs, ctimeMs: n.ctimeMs };
  }
  readdir(path: string): string[] {
    if (this.get(path).type !== 'dir') throw new SysError('ENOTDIR', 'scandir', path);
    const pre = path === '/' ? '/' : `${path}/`;
    const out: string[] = [];
    for (const k of this.nodes.keys()) if (k !== '/' && k.startsWith(pre) && !k.slice(pre.length).includes('/')) out.push(k.slice(pre.length));
    return out;
  }
  readFile(path: string): Uint8Array {
    const n = this.get(path);
    if (n.type === 'dir') throw new SysError('EISDIR', 'read', path);
    return n.data;
  }
  readlink(path: string): string {
    const n = this.get(path);
    if (n.type !== 'symlink') throw new SysError('EINVAL', 'readlink', path);
    return n.target;
  }
  writeFile(path: string, data: Uint8Array, o: WriteOptions): void {
    let n = this.nodes.get(path);
    if (!n) n = this.add(path, 'file', o.mode, o.uid, o.gid);
    if (n.type === 'dir') throw new SysError('EISDIR', 'open', path);
    if (o.append) {
      const m = new Uint8Array(n.data.length + data.length);
      m.set(n.data);
      m.set(data, n.data.length);
      n.data = m;
    } else n.data = data.slice();
    n.mtimeMs = n.ctimeMs = this.now();
  }
  truncate(path: string, length: number): void {
    const n = this.get(path);
    n.data = n.data.slice(0, length);
    n.mtimeMs = this.now();
  }
  mkdir(path: string, mode: number, uid: number, gid: number): void {
    if (this.nodes.has(path)) throw new SysError('EEXIST', 'mkdir', path);
    this.add(path, 'dir', mode, uid, gid);
  }
  unlink(path: string): void {
    if (this.get(path).type === 'dir') throw new SysError('EISDIR', 'unlink', path);
    this.nodes.delete(path);
    this.touchDir(parentOf(path));
  }
  rmdir(path: string): void {
    if (this.get(path).type !== 'dir') throw new SysError('ENOTDIR', 'rmdir', path);
    if (this.readdir(path).length > 0) throw new SysError('ENOTEMPTY', 'rmdir', path);
    this.nodes.delete(path);
    this.touchDir(parentOf(path));
  }
  rename(from: string, to: string): void {
    const n = this.get(from);
    const existing = this.nodes.get(to);
    if (existing?.type === 'dir' && this.readdir(to).length > 0) throw new SysError('ENOTEMPTY', 'rename', to);
    for (const [k, v] of [...this.nodes]) {
      if (k === from || k.startsWith(`${from}/`)) {
        this.nodes.delete(k);
        this.nodes.set(to + k.slice(from.length), v);
      }
    }
    n.ctimeMs = this.now();
  }
  symlink(target: string, path: string, uid: number, gid: number): void {
    if (this.nodes.has(path)) throw new SysError('EEXIST', 'symlink', path);
    this.add(path, 'symlink', 0o777, uid, gid, { target });
  }
  chmod(path: string, mode: number): void {
    const n = this.get(path);
    n.mode = mode & 0o7777;
    n.ctimeMs = this.now();
  }
  chown(path: string, uid: number, gid: number): void {
    const n = this.get(path);
    n.uid = uid;
    n.gid = gid;
  }
  utimes(path: string, a: number, m: number): void {
    const n = this.get(path);
    n.atimeMs = a;
    n.mtimeMs = m;
  }
  mknod(path: string, type: FileType, mode: number, rdev: number, uid: number, gid: number): void {
    this.add(path, type, mode, uid, gid, { rdev });
  }
}

export class MemMounts implements MountNamespace {
  readonly id = 1;
  constructor(readonly b: MemBackend) {}

  /** Resolves to a backend path; the last component is followed only if `follow`. */
  resolve(path: string, ctx: FsContext, follow: boolean, depth = 0): string {
    if (path === '') throw new SysError('ENOENT', 'stat', path);
    const parts = (path.startsWith('/') ? path : `${ctx.cwd}/${path}`).split('/').filter((p) => p !== '' && p !== '.');
    let cur = '/';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const node = this.b.nodes.get(cur)!;
      if (node.type !== 'dir') throw new SysError('ENOTDIR', 'stat', path);
      if (!this.allowed(node, ctx, 'x')) throw new SysError('EACCES', 'stat', path);
      if (part === '..') {
        cur = parentOf(cur);
        continue;
      }
      const next = cur === '/' ? `/${part}` : `${cur}/${part}`;
      const child = this.b.nodes.get(next);
      const last = i === parts.length - 1;
      if (child?.type === 'symlink' && (!last || follow)) {
        if (depth > 8) throw new SysError('ELOOP', 'stat', path);
        const t = child.target.startsWith('/') ? child.target : `${cur}/${child.target}`;
        cur = this.resolve(t, ctx, true, depth + 1);
        if (!this.b.nodes.has(cur) && !last) throw new SysError('ENOENT', 'stat', path);
        continue;
      }
      if (!child && !last) throw new SysError('ENOENT', 'stat', path);
      // A trailing slash on a non-directory fails as Linux does.
      cur = next;
    }
    if (path.endsWith('/') && this.b.nodes.has(cur) && this.b.nodes.get(cur)!.type !== 'dir') throw new SysError('ENOTDIR', 'stat', path);
    return cur;
  }

  allowed(n: { mode: number; uid: number; gid: number; type: FileType }, ctx: FsContext, m: AccessMode): boolean {
    const bit = m === 'r' ? 4 : m === 'w' ? 2 : 1;
    if (ctx.cred.uid === 0) return m !== 'x' || n.type === 'dir' || (n.mode & 0o111) !== 0;
    if (n.uid === ctx.cred.uid) return ((n.mode >> 6) & bit) !== 0;
    if (n.gid === ctx.cred.gid || ctx.cred.groups.includes(n.gid)) return ((n.mode >> 3) & bit) !== 0;
    return (n.mode & bit) !== 0;
  }

  lookup(path: string, ctx: FsContext, follow: boolean): { backend: Backend; path: string } {
    return { backend: this.b, path: this.resolve(path, ctx, follow) };
  }

  view(ctx: FsContext): Fs {
    const b = this.b;
    const res = (p: string, follow = true): string => this.resolve(p, ctx, follow);
    const node = (p: string, follow = true) => b.get(res(p, follow));
    const need = (p: string, m: AccessMode, sc: string, shown: string): void => {
      if (!this.allowed(b.get(p), ctx, m)) throw new SysError('EACCES', sc, shown);
    };
    const creating = (p: string, sc: string): string => {
      const r = res(p, false);
      const parent = parentOf(r);
      if (!b.nodes.has(parent)) throw new SysError('ENOENT', sc, p);
      if (b.get(parent).type !== 'dir') throw new SysError('ENOTDIR', sc, p);
      need(parent, 'w', sc, p);
      return r;
    };
    const owner = (p: string, sc: string): void => {
      const n = node(p);
      if (ctx.cred.uid !== 0 && ctx.cred.uid !== n.uid) throw new SysError('EPERM', sc, p);
    };
    const fs: Fs = {
      stat: (p) => b.lstat(res(p)),
      lstat: (p) => b.lstat(res(p, false)),
      exists: (p) => {
        try {
          return b.nodes.has(res(p));
        } catch {
          return false;
        }
      },
      access: (p, m) => this.allowed(node(p), ctx, m),
      realpath: (p) => {
        const r = res(p);
        if (!b.nodes.has(r)) throw new SysError('ENOENT', 'realpath', p);
        return r;
      },
      readdir: (p) => {
        const r = res(p);
        if (b.get(r).type === 'dir') need(r, 'r', 'scandir', p);
        return b.readdir(r);
      },
      readFile: (p) => {
        const r = res(p);
        need(r, 'r', 'open', p);
        return b.readFile(r);
      },
      readText: (p) => dec.decode(fs.readFile(p)),
      writeFile: (p, data, o = {}) => {
        const bytes = typeof data === 'string' ? enc.encode(data) : data;
        const r = res(p);
        if (b.nodes.has(r)) need(r, 'w', 'open', p);
        else creating(p, 'open');
        b.writeFile(r, bytes, { append: o.append, mode: (o.mode ?? 0o666) & ~ctx.umask, uid: ctx.cred.uid, gid: ctx.cred.gid });
      },
      truncate: (p, len) => b.truncate(res(p), len),
      mkdir: (p, o = {}) => {
        if (o.recursive) {
          const parts = res(p, false).split('/').filter(Boolean);
          let cur = '';
          for (const part of parts) {
            cur += `/${part}`;
            if (!b.nodes.has(cur)) fs.mkdir(cur, { mode: o.mode });
          }
          return;
        }
        const r = creating(p, 'mkdir');
        if (b.nodes.has(r)) throw new SysError('EEXIST', 'mkdir', p);
        b.mkdir(r, (o.mode ?? 0o777) & ~ctx.umask, ctx.cred.uid, ctx.cred.gid);
      },
      unlink: (p) => {
        const r = creating(p, 'unlink');
        const n = b.get(r);
        const parent = b.get(parentOf(r));
        if (parent.mode & 0o1000 && ctx.cred.uid !== 0 && ctx.cred.uid !== n.uid && ctx.cred.uid !== parent.uid) throw new SysError('EPERM', 'unlink', p);
        b.unlink(r);
      },
      rmdir: (p) => b.rmdir(creating(p, 'rmdir')),
      rename: (f, t) => {
        const rf = creating(f, 'rename');
        b.get(rf);
        b.rename(rf, creating(t, 'rename'));
      },
      symlink: (target, p) => b.symlink(target, creating(p, 'symlink'), ctx.cred.uid, ctx.cred.gid),
      readlink: (p) => b.readlink(res(p, false)),
      chmod: (p, m) => {
        owner(p, 'chmod');
        b.chmod(res(p), m);
      },
      chown: (p, u, g) => {
        if (ctx.cred.uid !== 0) throw new SysError('EPERM', 'chown', p);
        b.chown(res(p), u, g);
      },
      utimes: (p, a, m) => {
        owner(p, 'utimes');
        b.utimes(res(p), a, m);
      },
      mknod: (p, type, mode, rdev) => b.mknod(creating(p, 'mknod'), type, mode, rdev, ctx.cred.uid, ctx.cred.gid),
    };
    return fs;
  }
}
