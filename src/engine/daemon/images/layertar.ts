/**
 * A layer as the tar Docker stores and ships it (OCI whiteouts as `.wh.` files, parents before children,
 * names without a leading slash), and back: what `docker save` writes per layer and `docker load` and
 * `docker import` read.
 */
import { tarSource, type ByteSource, type TarEntry } from '../../../pkg/archive/tar.js';
import type { Tree, TreeEntry } from '../../fs/tree.js';
import { walkEntries } from '../../fs/treeio.js';
import type { Layer } from '../../fs/layer.js';
import { utf8Encode } from '../../kernel/utf8.js';
import { contentBytes, contentLength, contentPieces, DeferredBytes } from '../../fs/deferred.js';
import { reapparent } from '../../fs/apparent.js';

export function layerTarEntries(layer: Layer): TarEntry[] {
  const out: TarEntry[] = [];
  walkEntries(layer.root, (path, e) => out.push(tarEntryOf(path.slice(1), e, false)));
  return out;
}

/**
 * The layer's tar (Go's format, as `docker save` writes it) made file by file as it is read: a file's bytes are
 * made when its entry is reached, an apparent file's a piece at a time, so the whole tar is never held.
 */
export function layerTarSource(layer: Layer): ByteSource {
  const entries: TarEntry[] = [];
  walkEntries(layer.root, (path, e) => entries.push(tarEntryOf(path.slice(1), e, true)));
  return tarSource(entries, { format: 'go' });
}

/** A file's content as a source of bytes, made when read. */
export function contentSource(content: string | Uint8Array): ByteSource {
  if (typeof content === 'string') {
    return { size: contentLength(content), pieces: () => [utf8Encode(content)] };
  }
  return { size: contentLength(content), pieces: () => contentPieces(content) };
}

function tarEntryOf(name: string, e: TreeEntry, streamed: boolean): TarEntry {
  const ms = e.mtimeMs ?? 0;
  const base = { uid: e.uid ?? 0, gid: e.gid ?? 0, uname: '', gname: '', mtime: Math.floor(ms / 1000), mtimeMs: ms };
  switch (e.type) {
    case 'dir':
      return { name: `${name}/`, type: 'dir', mode: e.mode ?? 0o755, ...base };
    case 'file':
      if (streamed) return { name, type: 'file', mode: e.mode ?? 0o644, ...base, source: contentSource(e.content) };
      return { name, type: 'file', mode: e.mode ?? 0o644, ...base, data: typeof e.content === 'string' ? utf8Encode(e.content) : contentBytes(e.content) };
    case 'symlink':
      return { name, type: 'symlink', mode: 0o777, ...base, linkname: e.target };
    default:
      return { name, type: 'chardev', mode: e.mode ?? 0o666, ...base, devmajor: e.rdev >> 8, devminor: e.rdev & 0xff };
  }
}

/** Bytes of their own: a view into a whole archive (readTar's `views`) would keep all of it alive. */
function owned(b: Uint8Array): Uint8Array {
  return b instanceof DeferredBytes || b.byteLength === b.buffer.byteLength ? b : b.slice();
}

/** The Tree a layer tar describes (hard links become copies of their target; fifos and block devices are dropped). */
export function treeOfTar(entries: readonly TarEntry[]): Tree {
  const out: Record<string, TreeEntry> = {};
  for (const e of entries) {
    const path = `/${e.name.split('/').filter((p) => p !== '' && p !== '.').join('/')}`;
    const meta = { uid: e.uid, gid: e.gid, mtimeMs: e.mtimeMs ?? e.mtime * 1000 };
    switch (e.type) {
      case 'dir':
        out[path] = { type: 'dir', mode: e.mode, ...meta };
        break;
      case 'file':
        out[path] = { type: 'file', content: owned(reapparent(e.data ?? new Uint8Array(0))), mode: e.mode, ...meta };
        break;
      case 'symlink':
        out[path] = { type: 'symlink', target: e.linkname ?? '', ...meta };
        break;
      case 'hardlink': {
        const target = out[`/${(e.linkname ?? '').split('/').filter((p) => p !== '' && p !== '.').join('/')}`];
        if (target?.type === 'file') out[path] = { ...target, ...meta };
        break;
      }
      case 'chardev':
        out[path] = { type: 'chardev', rdev: ((e.devmajor ?? 0) << 8) | (e.devminor ?? 0), mode: e.mode, ...meta };
        break;
      default:
        break;
    }
  }
  return out;
}
