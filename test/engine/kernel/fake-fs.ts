/** A minimal in-memory MountNamespace for kernel tests: flat map, no permissions beyond existence. */
import { SysError } from '../../../src/engine/kernel/errno.js';
import type { Backend, Fs, FsContext, MountNamespace, Stat } from '../../../src/engine/kernel/fsTypes.js';

interface Node {
  type: 'file' | 'dir';
  data: Uint8Array;
  mode: number;
}

function norm(cwd: string, p: string): string {
  const out: string[] = [];
  for (const part of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export class FakeMounts implements MountNamespace {
  readonly id = 1;
  readonly nodes = new Map<string, Node>([['/', { type: 'dir', data: new Uint8Array(), mode: 0o755 }]]);

  addFile(path: string, content: string, mode = 0o755): void {
    this.nodes.set(path, { type: 'file', data: new TextEncoder().encode(content), mode });
  }

  private stat(p: string): Stat {
    const n = this.nodes.get(p);
    if (!n) throw new SysError('ENOENT', 'stat', p);
    return {
      type: n.type, mode: n.mode, uid: 0, gid: 0, size: n.data.length, nlink: 1, ino: 1, dev: 1, rdev: 0,
      atimeMs: 0, mtimeMs: 0, ctimeMs: 0,
    };
  }

  view(ctx: FsContext): Fs {
    const abs = (p: string): string => norm(ctx.cwd, p);
    const get = (p: string): Node => {
      const n = this.nodes.get(abs(p));
      if (!n) throw new SysError('ENOENT', 'open', p);
      return n;
    };
    const unsupported = (): never => {
      throw new SysError('EPERM');
    };
    return {
      stat: (p) => this.stat(abs(p)),
      lstat: (p) => this.stat(abs(p)),
      exists: (p) => this.nodes.has(abs(p)),
      access: (p, m) => this.nodes.has(abs(p)) && (m !== 'x' || (get(p).mode & 0o111) !== 0),
      realpath: (p) => (this.nodes.has(abs(p)) ? abs(p) : unsupported()),
      readdir: () => [],
      readFile: (p) => get(p).data,
      readText: (p) => new TextDecoder().decode(get(p).data),
      writeFile: (p, d, o) => {
        const bytes = typeof d === 'string' ? new TextEncoder().encode(d) : d;
        const old = this.nodes.get(abs(p));
        const data = o?.append && old ? new Uint8Array([...old.data, ...bytes]) : bytes;
        this.nodes.set(abs(p), { type: 'file', data, mode: old?.mode ?? 0o644 });
      },
      truncate: (p) => {
        get(p).data = new Uint8Array();
      },
      mkdir: (p) => {
        this.nodes.set(abs(p), { type: 'dir', data: new Uint8Array(), mode: 0o755 });
      },
      unlink: (p) => {
        this.nodes.delete(abs(p));
      },
      rmdir: (p) => {
        this.nodes.delete(abs(p));
      },
      rename: unsupported,
      symlink: unsupported,
      readlink: unsupported,
      chmod: (p, m) => {
        get(p).mode = m;
      },
      chown: unsupported,
      utimes: () => {},
      mknod: unsupported,
    };
  }

  lookup(path: string, ctx: FsContext): { backend: Backend; path: string } {
    const self = this;
    const p = norm(ctx.cwd, path);
    const backend = {
      fsType: 'fake',
      lstat: (q: string) => self.stat(q),
      readFile: (q: string) => self.nodes.get(q)!.data,
      writeFile: (q: string, d: Uint8Array, o: { append?: boolean }) => {
        const old = self.nodes.get(q);
        const data = o.append && old ? new Uint8Array([...old.data, ...d]) : d;
        self.nodes.set(q, { type: 'file', data, mode: old?.mode ?? 0o644 });
      },
    } as unknown as Backend;
    return { backend, path: p };
  }
}
