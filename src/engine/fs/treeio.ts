/** Converting between a plain `Tree` and inodes, with OCI whiteouts on the Tree side. */
import type { Tree, TreeEntry } from './tree.js';
import { Inode, joinPath, sortedNames } from './inode.js';
import { utf8Encode } from '../kernel/utf8.js';
import { Sha256 } from './sha256.js';
import { ApparentBytes } from './apparent.js';
import { contentBytes } from './deferred.js';

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';

export interface BuildOptions {
  /** Timestamp for entries that give none (and for implied parent directories). */
  readonly mtimeMs?: number;
  /** First inode number (the root gets it). */
  readonly firstIno?: number;
}

/** Builds an inode tree. Keys are visited in sorted order, so inode numbers depend only on the tree. */
export function buildInodes(tree: Tree, opts: BuildOptions = {}): Inode {
  const mtime = opts.mtimeMs ?? 0;
  let ino = opts.firstIno ?? 2;
  const root = new Inode('dir', 0o755, 0, 0, ino++, mtime);
  const dirs = new Map<string, Inode>([['/', root]]);
  const dirAt = (path: string): Inode => {
    let d = dirs.get(path);
    if (d) return d;
    const i = path.lastIndexOf('/');
    const parent = dirAt(i === 0 ? '/' : path.slice(0, i));
    const name = path.slice(i + 1);
    d = parent.children!.get(name);
    if (!d || d.kind !== 'dir') {
      const replaced = d;
      d = new Inode('dir', 0o755, 0, 0, ino++, mtime);
      // A whiteout deletes only lower layers' entries; this layer's own directory stays, hiding theirs.
      if (replaced?.kind === 'whiteout') d.opaque = true;
      parent.addChild(name, d);
    }
    dirs.set(path, d);
    return d;
  };
  for (const raw of Object.keys(tree).sort()) {
    const e = tree[raw];
    const path = normalizeKey(raw);
    if (path === '/') {
      if (e.type === 'dir') applyMeta(root, e, mtime);
      continue;
    }
    const i = path.lastIndexOf('/');
    const parent = dirAt(i === 0 ? '/' : path.slice(0, i));
    const name = path.slice(i + 1);
    if (name === OPAQUE_MARKER) {
      parent.opaque = true;
      continue;
    }
    if (name.startsWith(WHITEOUT_PREFIX)) {
      const target = name.slice(WHITEOUT_PREFIX.length);
      const own = parent.children!.get(target);
      if (own?.kind === 'dir') own.opaque = true;
      else if (!own) parent.addChild(target, new Inode('whiteout', 0, e.uid ?? 0, e.gid ?? 0, ino++, mtime));
      continue;
    }
    if (e.type === 'dir') {
      applyMeta(dirAt(path), e, mtime);
      continue;
    }
    const node = new Inode(e.type, 0, e.uid ?? 0, e.gid ?? 0, ino++, e.mtimeMs ?? mtime);
    if (e.type === 'file') {
      node.mode = e.mode ?? 0o644;
      node.setContent(typeof e.content === 'string' ? utf8Encode(e.content) : e.content, typeof e.content !== 'string');
    } else if (e.type === 'symlink') {
      node.mode = 0o777;
      node.target = e.target;
    } else {
      node.mode = e.mode ?? 0o666;
      node.rdev = e.rdev;
    }
    parent.addChild(name, node);
  }
  return root;
}

function applyMeta(d: Inode, e: Extract<TreeEntry, { type: 'dir' }>, mtime: number): void {
  d.mode = e.mode ?? 0o755;
  d.uid = e.uid ?? 0;
  d.gid = e.gid ?? 0;
  d.mtimeMs = d.atimeMs = d.ctimeMs = e.mtimeMs ?? mtime;
}

function normalizeKey(key: string): string {
  const parts = key.split('/').filter((p) => p !== '' && p !== '.');
  return '/' + parts.join('/');
}

/**
 * Visits every entry below `root` as a Tree entry, depth first with names in byte order (the order of a layer
 * tar): whiteouts become `.wh.<name>` files, opaque directories get a `.wh..wh..opq` file. A file whose content is
 * deferred gives its `DeferredBytes` (length 0: use contentLength/contentBytes).
 */
export function walkEntries(root: Inode, visit: (path: string, e: TreeEntry) => void, base = '/'): void {
  for (const name of sortedNames(root)) {
    const n = root.children!.get(name)!;
    const path = joinPath(base, name);
    switch (n.kind) {
      case 'whiteout':
        visit(joinPath(base, WHITEOUT_PREFIX + name), whiteoutEntry(n));
        break;
      case 'dir':
        visit(path, { type: 'dir', mode: n.mode, uid: n.uid, gid: n.gid, mtimeMs: n.mtimeMs });
        if (n.opaque) {
          const marker: TreeEntry = { type: 'file', content: new Uint8Array(0), mode: n.mode & 0o777, uid: n.uid, gid: n.gid, mtimeMs: n.mtimeMs };
          visit(joinPath(path, OPAQUE_MARKER), marker);
        }
        walkEntries(n, visit, path);
        break;
      case 'file':
        // Deferred content stays deferred: a commit or an export must not make a layer's apparent bytes.
        visit(path, { type: 'file', content: n.deferred ?? n.content(), mode: n.mode, uid: n.uid, gid: n.gid, mtimeMs: n.mtimeMs });
        break;
      case 'symlink':
        visit(path, { type: 'symlink', target: n.target, uid: n.uid, gid: n.gid, mtimeMs: n.mtimeMs });
        break;
      default:
        visit(path, { type: 'chardev', rdev: n.rdev, mode: n.mode, uid: n.uid, gid: n.gid, mtimeMs: n.mtimeMs });
    }
  }
}

function whiteoutEntry(n: Inode): TreeEntry {
  return { type: 'file', content: new Uint8Array(0), mode: 0o600, uid: n.uid, gid: n.gid, mtimeMs: n.mtimeMs };
}

export function exportInodes(root: Inode): Tree {
  const out: Record<string, TreeEntry> = {};
  walkEntries(root, (p, e) => (out[p] = e));
  return out;
}

/** `sha256:` + hex over a canonical serialization of the entries (a stand-in for the layer tar's DiffID). */
export function digestInodes(root: Inode): string {
  const h = new Sha256();
  walkEntries(root, (path, e) => {
    const meta = e.type === 'symlink' ? e.target : e.type === 'chardev' ? String(e.rdev) : '';
    const mode = e.type === 'symlink' ? 0o777 : (e.mode ?? 0);
    const body = e.type === 'file' ? digestBody(e.content) : null;
    const size = body ? body.length : 0;
    h.update(utf8Encode(`${e.type} ${path} ${mode.toString(8)} ${e.uid ?? 0} ${e.gid ?? 0} ${e.mtimeMs ?? 0} ${size} ${meta}\n`));
    if (body) h.update(body);
  });
  return `sha256:${h.hex()}`;
}

/** An apparent file is digested by its head (apparent.ts says why); other content by its bytes. */
function digestBody(c: string | Uint8Array): Uint8Array {
  if (typeof c === 'string') return utf8Encode(c);
  return c instanceof ApparentBytes ? c.head : contentBytes(c);
}

/** Docker's layer size: the bytes of every non-directory (symlinks count their target's length). */
export function sizeInodes(root: Inode): number {
  let n = 0;
  for (const c of root.children!.values()) {
    if (c.kind === 'dir') n += sizeInodes(c);
    else if (c.kind === 'file') n += c.size;
    else if (c.kind === 'symlink') n += utf8Encode(c.target).length;
  }
  return n;
}
