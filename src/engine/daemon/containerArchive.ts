/**
 * `docker cp` and `docker export` on the daemon's side (moby v28.2.2 daemon/archive.go, archive_unix.go,
 * export.go): stat a path, tar a path, extract a tar into a directory, tar the whole root filesystem. A
 * container is seen through its own mount table, running or not (moby's openContainerFS mounts the rootfs and
 * the volumes for a stopped one too), so a path under a volume or bind reads and writes the mount, and the
 * rest goes through the overlay into the writable layer, where `docker diff` sees it.
 */
import { conflict, invalidParameter, notFound, systemError } from '../../pkg/errdefs.js';
import { collectSource, readTar, TarError, tarSource, writeTar, type ByteSource } from '../../pkg/archive/tar.js';
import { decompressStream } from '../../pkg/archive/compression.js';
import { formatRFC3339Nano } from '../../pkg/timetypes.js';
import {
  cleanPath, joinPath, pathErrorText, preserveTrailingDotOrSeparator, tarResource, untar, UntarError,
} from '../fs/fstar.js';
import { MountTable } from '../fs/vfs.js';
import { isSysError } from '../kernel/errno.js';
import type { Fs, Stat } from '../kernel/fsTypes.js';
import type { Container } from './container.js';
import { containerMounts } from './runtime/rootfs.js';
import { resolveUser } from './runtime/runc.js';
import type { DaemonStore } from './store.js';
import { mountPoints } from './volume/points.js';

const ROOT_CTX = { cred: { uid: 0, gid: 0, groups: [0] }, cwd: '/', umask: 0o022, caller: { hostPid: 0 } };

/** container.PathStat, in its JSON field order; `mode` is Go's os.FileMode. */
export interface PathStat {
  readonly name: string;
  readonly size: number;
  readonly mode: number;
  readonly mtime: string;
  readonly linkTarget: string;
}

const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;
const MODE_DEVICE = 2 ** 26;
const MODE_NAMED_PIPE = 2 ** 25;
const MODE_SOCKET = 2 ** 24;
const MODE_SETUID = 2 ** 23;
const MODE_SETGID = 2 ** 22;
const MODE_CHAR_DEVICE = 2 ** 21;
const MODE_STICKY = 2 ** 20;

/** os.FileMode of a stat: type bits high, permission bits low, setuid/setgid/sticky moved up as Go does. */
export function goFileMode(st: Stat): number {
  let m = st.mode & 0o777;
  if (st.mode & 0o4000) m += MODE_SETUID;
  if (st.mode & 0o2000) m += MODE_SETGID;
  if (st.mode & 0o1000) m += MODE_STICKY;
  switch (st.type) {
    case 'dir':
      return m + MODE_DIR;
    case 'symlink':
      return m + MODE_SYMLINK;
    case 'chardev':
      return m + MODE_DEVICE + MODE_CHAR_DEVICE;
    case 'blockdev':
      return m + MODE_DEVICE;
    case 'fifo':
      return m + MODE_NAMED_PIPE;
    case 'socket':
      return m + MODE_SOCKET;
    default:
      return m;
  }
}

export const isGoDir = (mode: number): boolean => mode >= MODE_DIR;
export const isGoSymlink = (mode: number): boolean => Math.floor(mode / MODE_SYMLINK) % 2 === 1;

/** The container's filesystem as root, through its mount table (built on first use, as a start would). */
function containerFs(engine: DaemonStore, c: Container): Fs {
  return containerMounts(engine, c, engine.runtime(c)).view({ ...ROOT_CTX });
}

/** Maps a failure as ContainerStatPath/ArchivePath/ExtractToDir do: not-exist → 404 with moby's text. */
function classify(e: unknown, path: string, name: string): Error {
  if (isSysError(e) && e.code === 'ENOENT') return notFound(`Could not find the file ${path} in container ${name}`);
  if (e instanceof UntarError) return systemError(e.message);
  if (isSysError(e)) return systemError(pathErrorText(e));
  return e as Error;
}

function statOf(fs: Fs, path: string): PathStat {
  const st = fs.lstat(path);
  let target = '';
  if (st.type === 'symlink') target = followInScope(fs, path);
  const base = cleanPath(path);
  return {
    name: base === '/' ? '/' : base.slice(base.lastIndexOf('/') + 1),
    size: st.type === 'dir' ? 4096 : st.size,
    mode: goFileMode(st),
    mtime: formatRFC3339Nano(BigInt(Math.round(st.mtimeMs * 1e6))),
    linkTarget: target,
  };
}

/** symlink.FollowSymlinkInScope(path, "/"): as far as the links lead, a broken last link left as its target. */
function followInScope(fs: Fs, path: string): string {
  try {
    return fs.realpath(path);
  } catch {
    let cur = cleanPath(path);
    for (let i = 0; i < 255; i++) {
      let st: Stat;
      try {
        st = fs.lstat(cur);
      } catch {
        return cur;
      }
      if (st.type !== 'symlink') return cur;
      const t = fs.readlink(cur);
      cur = t.startsWith('/') ? cleanPath(t) : joinPath(cur.slice(0, cur.lastIndexOf('/')) || '/', t);
    }
    return cur;
  }
}

/** HEAD /containers/{name}/archive. */
export function containerStatPath(engine: DaemonStore, name: string, path: string): PathStat {
  const c = engine.getContainer(name);
  try {
    return statOf(containerFs(engine, c), path.startsWith('/') ? path : `/${path}`);
  } catch (e) {
    throw classify(e, path, name);
  }
}

/** GET /containers/{name}/archive: the tar of the path (TarResourceRebaseOpts) and its stat. */
export function containerArchivePath(engine: DaemonStore, name: string, path: string): { tar: Uint8Array; stat: PathStat } {
  const c = engine.getContainer(name);
  try {
    const fs = containerFs(engine, c);
    const absPath = preserveTrailingDotOrSeparator(joinPath('/', path), path);
    const stat = statOf(fs, absPath);
    let sourceDir = absPath;
    let sourceBase = '.';
    if (!isGoDir(stat.mode)) {
      // filepath.Split
      const cut = absPath.lastIndexOf('/');
      sourceDir = absPath.slice(0, cut + 1);
      sourceBase = absPath.slice(cut + 1);
    }
    const rebase = goBase(absPath);
    const tar = writeTar(tarResource(fs, sourceDir, sourceBase, rebase), { format: 'go' });
    engine.containerEvent(c, 'archive-path', { path });
    return { tar, stat };
  } catch (e) {
    throw classify(e, path, name);
  }
}

/** filepath.Base: trailing slashes dropped, `.` for the empty path. */
function goBase(p: string): string {
  const t = p.replace(/\/+$/, '');
  if (t === '') return p === '' ? '.' : '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

export interface ExtractOptions {
  readonly copyUIDGID: boolean;
  readonly noOverwriteDirNonDir: boolean;
}

/** PUT /containers/{name}/archive: unpacks `data` into the directory at `path`. */
export function containerExtractToDir(engine: DaemonStore, name: string, path: string, data: Uint8Array, opts: ExtractOptions): void {
  const c = engine.getContainer(name);
  try {
    const fs = containerFs(engine, c);
    const absPath = preserveTrailingDotOrSeparator(fs.realpath(joinPath('/', path)), path);
    if (fs.lstat(absPath).type !== 'dir') throw invalidParameter('extraction point is not a directory');
    checkWritablePath(c, cleanPath(absPath));
    let chown: { uid: number; gid: number } | undefined;
    if (opts.copyUIDGID && c.Config.User !== '') {
      const u = resolveUser(fs, c.Config.User);
      if ('error' in u) throw systemError(u.error);
      chown = { uid: u.cred.uid, gid: u.cred.gid };
    }
    let entries;
    try {
      entries = readTar(decompressStream(data)).entries;
    } catch (e) {
      if (e instanceof TarError) throw systemError(data.length < 512 ? 'unexpected EOF' : 'archive/tar: invalid tar header');
      throw e;
    }
    untar(fs, entries, cleanPath(absPath), { noOverwriteDirNonDir: opts.noOverwriteDirNonDir, chown });
    engine.containerEvent(c, 'extract-to-dir', { path });
  } catch (e) {
    throw classify(e, path, name);
  }
}

/** checkWritablePath: the mount that holds the path decides; the rootfs is never read-only here (--read-only is refused). */
function checkWritablePath(c: Container, absPath: string): void {
  for (const m of mountPoints(c)) {
    const dest = cleanPath(m.Destination);
    if (absPath === dest || absPath.startsWith(dest === '/' ? '/' : `${dest}/`)) {
      if (m.RW) return;
      throw invalidParameter('mounted volume is marked read-only');
    }
  }
}

/**
 * GET /containers/{name}/export: the container's root filesystem (image layers and writable layer, without
 * volumes or binds) as one tar, as moby's containerExport tars the mounted rwlayer.
 */
export function containerExport(engine: DaemonStore, name: string): Uint8Array {
  return collectSource(containerExportSource(engine, name));
}

/** containerExport as the daemon streams it: the tree is walked now, each file read when the tar reaches it. */
export function containerExportSource(engine: DaemonStore, name: string): ByteSource {
  const c = engine.getContainer(name);
  if (c.State.Dead) throw conflict(`You cannot export container ${c.ID} which is Dead`);
  if (c.State.RemovalInProgress) throw conflict(`You cannot export container ${c.ID} which is being removed`);
  const rt = engine.runtime(c);
  // A mount table of the overlay alone; a fixed id, so exporting never moves the ids namespaces get.
  const fs = new MountTable(rt.rootfs, { id: 0 }).view({ ...ROOT_CTX });
  const tar = tarSource(tarResource(fs, '/', '.', '', { includeSourceDir: false, lazy: true }), { format: 'go' });
  engine.containerEvent(c, 'export');
  return tar;
}
