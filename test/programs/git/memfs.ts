/** A tiny in-memory Fs and Sys for the git modules' unit tests (absolute paths only; no permissions). */
import type { Fs, Stat } from '../../../src/engine/kernel/fsTypes.js';
import type { Sys } from '../../../src/engine/kernel/sys.js';

interface Node {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  data: Uint8Array;
  target: string;
  ino: number;
  mtimeMs: number;
}

export function memFs(clock: () => number = () => 1_700_000_000_000): Fs {
  const nodes = new Map<string, Node>([['/', { type: 'dir', mode: 0o755, data: new Uint8Array(), target: '', ino: 1, mtimeMs: 0 }]]);
  let ino = 2;
  const enoent = (p: string): Error => Object.assign(new Error(`ENOENT ${p}`), { code: 'ENOENT' });
  const get = (p: string): Node => {
    const n = nodes.get(p);
    if (!n) throw enoent(p);
    return n;
  };
  const stat = (p: string): Stat => {
    const n = get(p);
    return { type: n.type, mode: n.mode, uid: 0, gid: 0, size: n.data.length, nlink: 1, ino: n.ino, dev: 42, rdev: 0, atimeMs: n.mtimeMs, mtimeMs: n.mtimeMs, ctimeMs: n.mtimeMs } as Stat;
  };
  const fs: Partial<Fs> = {
    stat, lstat: stat,
    exists: (p) => nodes.has(p),
    readdir: (p) => {
      get(p);
      const prefix = p === '/' ? '/' : `${p}/`;
      return [...nodes.keys()].filter((k) => k !== p && k.startsWith(prefix) && !k.slice(prefix.length).includes('/')).map((k) => k.slice(prefix.length));
    },
    readFile: (p) => get(p).data,
    readText: (p) => new TextDecoder().decode(get(p).data),
    readlink: (p) => get(p).target,
    writeFile: (p, data, opts) => {
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      const old = nodes.get(p);
      const content = opts?.append && old ? new Uint8Array([...old.data, ...bytes]) : bytes;
      nodes.set(p, { type: 'file', mode: old?.mode ?? opts?.mode ?? 0o644, data: content, target: '', ino: old?.ino ?? ino++, mtimeMs: clock() });
    },
    mkdir: (p, opts) => {
      const parts = p.split('/').filter(Boolean);
      for (let i = opts?.recursive ? 1 : parts.length; i <= parts.length; i++) {
        const d = `/${parts.slice(0, i).join('/')}`;
        if (!nodes.has(d)) nodes.set(d, { type: 'dir', mode: opts?.mode ?? 0o755, data: new Uint8Array(), target: '', ino: ino++, mtimeMs: clock() });
      }
    },
    symlink: (target, p) => void nodes.set(p, { type: 'symlink', mode: 0o777, data: new TextEncoder().encode(target), target, ino: ino++, mtimeMs: clock() }),
    chmod: (p, mode) => void (get(p).mode = mode),
    unlink: (p) => void nodes.delete(p),
  };
  return fs as Fs;
}

export function memSys(fs: Fs, env: Record<string, string> = {}, cwd = '/'): Sys {
  let dir = cwd;
  const sys: Partial<Sys> = {
    fs, env, cred: { uid: 0, gid: 0, groups: [] }, euid: 0,
    cwd: () => dir,
    chdir: (p: string) => void (dir = p),
    umask: () => 0o022,
    hostname: () => 'eb46b8c2a352',
    now: () => 1_700_000_000_000,
    isatty: () => false,
  };
  return sys as Sys;
}
