/**
 * A layer as the tar Docker stores and ships it (OCI whiteouts as `.wh.` files, parents before children,
 * names without a leading slash), and back: what `docker save` writes per layer and `docker load` and
 * `docker import` read.
 */
import type { TarEntry } from '../../../pkg/archive/tar.js';
import type { Tree, TreeEntry } from '../../fs/tree.js';
import { walkEntries } from '../../fs/treeio.js';
import type { Layer } from '../../fs/layer.js';
import { utf8Encode } from '../../kernel/utf8.js';
import { contentBytes } from '../../fs/deferred.js';
import { reapparent } from '../../fs/apparent.js';

export function layerTarEntries(layer: Layer): TarEntry[] {
  const out: TarEntry[] = [];
  walkEntries(layer.root, (path, e) => out.push(tarEntryOf(path.slice(1), e)));
  return out;
}

function tarEntryOf(name: string, e: TreeEntry): TarEntry {
  const ms = e.mtimeMs ?? 0;
  const base = { uid: e.uid ?? 0, gid: e.gid ?? 0, uname: '', gname: '', mtime: Math.floor(ms / 1000), mtimeMs: ms };
  switch (e.type) {
    case 'dir':
      return { name: `${name}/`, type: 'dir', mode: e.mode ?? 0o755, ...base };
    case 'file':
      return { name, type: 'file', mode: e.mode ?? 0o644, ...base, data: typeof e.content === 'string' ? utf8Encode(e.content) : contentBytes(e.content) };
    case 'symlink':
      return { name, type: 'symlink', mode: 0o777, ...base, linkname: e.target };
    default:
      return { name, type: 'chardev', mode: e.mode ?? 0o666, ...base, devmajor: e.rdev >> 8, devminor: e.rdev & 0xff };
  }
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
        out[path] = { type: 'file', content: reapparent(e.data ?? new Uint8Array(0)), mode: e.mode, ...meta };
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
