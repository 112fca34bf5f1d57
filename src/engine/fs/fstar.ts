/**
 * Tar streams from and into a filesystem view, as moby/go-archive v0.1.0 (vendored by docker 28.2) makes and
 * unpacks them: `tarResource` is TarResourceRebase (the Tarballer's walk, names rebased as `docker cp` asks),
 * `untar` is Unpack with its NoOverwriteDirNonDir, NoLchown and ChownOpts. Both sides of `docker cp` use them:
 * the daemon on a container's mount table, the CLI on the host's filesystem through its own process.
 */
import { isSysError } from '../kernel/errno.js';
import type { Fs, Stat } from '../kernel/fsTypes.js';
import { readTar, type TarEntry, type TarType } from '../../pkg/archive/tar.js';
import { reapparent } from './apparent.js';

/** Go's os.PathError text: `lstat /x: no such file or directory`. */
export function pathErrorText(e: unknown): string {
  if (!isSysError(e)) return e instanceof Error ? e.message : String(e);
  const msg = e.message.charAt(0).toLowerCase() + e.message.slice(1);
  return e.syscall && e.path !== undefined ? `${e.syscall} ${e.path}: ${msg}` : msg;
}

/** filepath.Clean. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = out.join('/');
  return abs ? `/${s}` : s || '.';
}

export function joinPath(...parts: string[]): string {
  return cleanPath(parts.filter((p) => p !== '').join('/'));
}

export function baseName(p: string): string {
  const c = cleanPath(p);
  if (c === '/') return '/';
  return c.slice(c.lastIndexOf('/') + 1);
}

export function dirName(p: string): string {
  const c = cleanPath(p);
  const i = c.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : c.slice(0, i);
}

const hasTrailingSep = (p: string): boolean => p.endsWith('/');
const specifiesCurrentDir = (p: string): boolean => baseName(p) === '.' || p === '.' || p.endsWith('/.');

/** archive.PreserveTrailingDotOrSeparator. */
export function preserveTrailingDotOrSeparator(cleaned: string, original: string): string {
  let out = cleaned;
  if (!specifiesCurrentDir(out) && specifiesCurrentDir(original)) {
    if (!hasTrailingSep(out)) out += '/';
    out += '.';
  }
  if (!hasTrailingSep(out) && hasTrailingSep(original)) out += '/';
  return out;
}

/** archive.SplitPathDirEntry. */
export function splitPathDirEntry(path: string): [string, string] {
  let cleaned = cleanPath(path);
  if (specifiesCurrentDir(path)) cleaned += cleaned.endsWith('/') ? '.' : '/.';
  const i = cleaned.lastIndexOf('/');
  if (i < 0) return ['.', cleaned];
  return [i === 0 ? '/' : cleaned.slice(0, i), cleaned.slice(i + 1)];
}

/** archive.GetRebaseName. */
export function getRebaseName(path: string, resolved: string): [string, string] {
  let r = resolved;
  if (specifiesCurrentDir(path) && !specifiesCurrentDir(r)) r += '/.';
  if (hasTrailingSep(path) && !hasTrailingSep(r)) r += '/';
  return [r, baseName(path) !== baseName(r) ? baseName(path) : ''];
}

/** archive.RebaseArchiveEntries: the first occurrence of oldBase in each name (and hard link target) becomes newBase. */
export function rebaseEntries(entries: readonly TarEntry[], oldBase: string, newBase: string): TarEntry[] {
  const from = oldBase === '/' ? '' : oldBase;
  const swap = (s: string): string => {
    const i = s.indexOf(from);
    return i < 0 ? s : s.slice(0, i) + newBase + s.slice(i + from.length);
  };
  return entries.map((e) => ({ ...e, name: swap(e.name), ...(e.type === 'hardlink' && e.linkname ? { linkname: swap(e.linkname) } : {}) }));
}

function tarType(st: Stat): TarType | null {
  switch (st.type) {
    case 'file':
      return 'file';
    case 'dir':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'chardev':
      return 'chardev';
    case 'blockdev':
      return 'blockdev';
    case 'fifo':
      return 'fifo';
    default:
      // archive/tar: sockets not supported (the Tarballer logs it and goes on).
      return null;
  }
}

/**
 * TarResourceRebase(srcDir/include) with RebaseNames {include: rebase}: the entries of the walk, parents
 * first, names in byte order, as the Tarballer writes them. `uid`/`gid` force ownership (ChownOpts).
 */
export function tarResource(
  fs: Fs, srcDir: string, include: string, rebase: string,
  opts: { chown?: { uid: number; gid: number }; includeSourceDir?: boolean; lazy?: boolean } = {},
): TarEntry[] {
  const chown = opts.chown;
  const includeSourceDir = opts.includeSourceDir ?? true;
  let src = srcDir;
  let inc = include;
  const top = fs.lstat(src === '' ? '.' : src);
  if (top.type !== 'dir') {
    [src, inc] = splitPathDirEntry(src);
  }
  const out: TarEntry[] = [];
  const seenIno = new Map<number, string>();
  const seen = new Set<string>();
  const add = (filePath: string, rel: string): void => {
    let st: Stat;
    try {
      st = fs.lstat(filePath);
    } catch {
      return;
    }
    const type = tarType(st);
    if (type === null) return;
    let name = rel;
    if (rebase !== '') {
      const repl = rebase === '/' ? '' : rebase;
      const i = name.indexOf(inc);
      if (i >= 0) name = name.slice(0, i) + repl + name.slice(i + inc.length);
    }
    if (type === 'dir' && !name.endsWith('/')) name += '/';
    const base = {
      mode: st.mode & 0o7777, uid: chown?.uid ?? st.uid, gid: chown?.gid ?? st.gid, uname: '', gname: '',
      mtime: Math.floor(st.mtimeMs / 1000),
    };
    if (type !== 'dir' && st.nlink > 1) {
      const first = seenIno.get(st.ino);
      if (first !== undefined) {
        out.push({ name, type: 'hardlink', linkname: first, ...base });
        return;
      }
      seenIno.set(st.ino, name);
    }
    if (type === 'file' && opts.lazy) {
      // Read when the tar reaches it (a daemon streaming an export): one file's bytes at a time, not the tree's.
      out.push({ name, type, ...base, source: { size: st.size, pieces: () => [fs.readFile(filePath)] } });
    } else if (type === 'file') out.push({ name, type, ...base, data: fs.readFile(filePath) });
    else if (type === 'symlink') out.push({ name, type, ...base, linkname: fs.readlink(filePath) });
    else if (type === 'chardev' || type === 'blockdev') out.push({ name, type, ...base, devmajor: st.rdev >> 8, devminor: st.rdev & 0xff });
    else out.push({ name, type, ...base });
  };
  const walk = (filePath: string): void => {
    let rel = relative(src, filePath);
    if (includeSourceDir && inc === '.' && rel !== '.') rel = `./${rel}`;
    if (seen.has(rel)) return;
    seen.add(rel);
    if (includeSourceDir || rel !== '.') add(filePath, rel);
    let st: Stat;
    try {
      st = fs.lstat(filePath);
    } catch {
      return;
    }
    if (st.type !== 'dir') return;
    let names: string[];
    try {
      names = fs.readdir(filePath);
    } catch {
      return;
    }
    for (const n of [...names].sort(byteOrder)) walk(filePath === '/' ? `/${n}` : `${filePath}/${n}`);
  };
  walk(inc === '.' ? src : joinPath(src, inc));
  return out;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function relative(base: string, target: string): string {
  const b = cleanPath(base);
  const t = cleanPath(target);
  if (b === t) return '.';
  const prefix = b === '/' ? '/' : `${b}/`;
  return t.startsWith(prefix) ? t.slice(prefix.length) : t;
}

export interface UntarOptions {
  readonly noOverwriteDirNonDir?: boolean;
  /** Leave ownership to whoever extracts (the CLI's CopyTo). */
  readonly noLchown?: boolean;
  /** Every entry owned by this user (the daemon's ChownOpts for `docker cp -a` with a container user). */
  readonly chown?: { uid: number; gid: number };
}

/** Errors Unpack returns with their own text (not an os.PathError). */
export class UntarError extends Error {}

/**
 * archive.Untar of `data` into `dest` (a directory that exists). Throws UntarError for what Unpack itself
 * refuses, TarError for a stream that is not a tar, SysError for the filesystem's refusals.
 */
export function untar(fs: Fs, data: Uint8Array | readonly TarEntry[], dest: string, opts: UntarOptions = {}): void {
  const entries = data instanceof Uint8Array ? readTar(data).entries : data;
  const dirs: Array<{ path: string; mtime: number }> = [];
  for (const e of entries) {
    const name = cleanPath(e.name);
    const path = joinPath(dest, name);
    const rel = relative(dest, path);
    if (rel === '..' || rel.startsWith('../') || (!path.startsWith(dest === '/' ? '/' : `${cleanPath(dest)}/`) && path !== cleanPath(dest))) {
      throw new UntarError(`${JSON.stringify(e.name)} is outside of ${JSON.stringify(dest)}`);
    }
    // createImpliedDirectories
    const parent = dirName(path);
    if (!fs.exists(parent)) fs.mkdir(parent, { recursive: true, mode: 0o755 });
    let existing: Stat | null = null;
    try {
      existing = fs.lstat(path);
    } catch {
      existing = null;
    }
    if (existing) {
      if (opts.noOverwriteDirNonDir && existing.type === 'dir' && e.type !== 'dir') {
        throw new UntarError(`cannot overwrite directory ${JSON.stringify(path)} with non-directory ${JSON.stringify(dest)}`);
      }
      if (opts.noOverwriteDirNonDir && existing.type !== 'dir' && e.type === 'dir') {
        throw new UntarError(`cannot overwrite non-directory ${JSON.stringify(path)} with directory ${JSON.stringify(dest)}`);
      }
      if (existing.type === 'dir' && name === '.') continue;
      if (existing.type !== 'dir' || e.type !== 'dir') removeAll(fs, path);
    }
    const owner = opts.chown ?? { uid: e.uid, gid: e.gid };
    switch (e.type) {
      case 'dir':
        if (!fs.exists(path)) fs.mkdir(path, { mode: e.mode & 0o7777 });
        dirs.push({ path, mtime: e.mtime });
        break;
      case 'file':
        // A binary copied out and back in is the apparent file it was, not megabytes of heap.
        fs.writeFile(path, reapparent(e.data ?? new Uint8Array(0)), { mode: e.mode & 0o7777 });
        break;
      case 'symlink':
        fs.symlink(e.linkname ?? '', path);
        break;
      case 'hardlink': {
        // Fs has no link(2): the link's bytes and mode are copied from its target, inside `dest` as Unpack checks.
        const target = joinPath(dest, cleanPath(e.linkname ?? ''));
        const st = fs.lstat(target);
        fs.writeFile(path, fs.readFile(target), { mode: st.mode });
        break;
      }
      case 'chardev':
      case 'blockdev':
        fs.mknod(path, e.type, e.mode & 0o7777, ((e.devmajor ?? 0) << 8) | (e.devminor ?? 0));
        break;
      case 'fifo':
        fs.mknod(path, 'fifo', e.mode & 0o7777, 0);
        break;
    }
    // Fs has no lchown: a symlink stays its creator's (root's), never passing the owner on to its target.
    if (!opts.noLchown && e.type !== 'hardlink' && e.type !== 'symlink') fs.chown(path, owner.uid, owner.gid);
    if (e.type !== 'symlink' && e.type !== 'hardlink') {
      fs.chmod(path, e.mode & 0o7777);
      if (e.type !== 'dir') fs.utimes(path, e.mtime * 1000, e.mtime * 1000);
    }
  }
  for (const d of dirs) fs.utimes(d.path, d.mtime * 1000, d.mtime * 1000);
}

function removeAll(fs: Fs, path: string): void {
  const st = fs.lstat(path);
  if (st.type === 'dir') {
    for (const n of fs.readdir(path)) removeAll(fs, `${path}/${n}`);
    fs.rmdir(path);
  } else fs.unlink(path);
}
