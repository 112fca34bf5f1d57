/**
 * A container's root filesystem: read-only image layers under one writable upper layer (overlayfs semantics).
 * Nothing is allocated for the upper layer until the first change, so an idle container costs a few objects.
 * Copy-up on first modification; deletions of lower entries leave whiteouts; a directory created where a lower
 * one was deleted is opaque. Lower layers are shared and never modified.
 */
import type { Backend, FileType, Stat, WriteOptions } from '../kernel/fsTypes.js';
import type { Tree } from './tree.js';
import { Inode, fail, joinPath, splitPath } from './inode.js';
import type { Layer } from './layer.js';
import { MemTree, touch } from './memtree.js';
import { exportInodes } from './treeio.js';
import { overlayChanges, type Change } from './changes.js';
import { contentLength } from './deferred.js';

export interface OverlayOptions {
  readonly clock?: () => number;
  /** Bytes the upper layer may hold (`--storage-opt size=`); beyond it writes fail with ENOSPC. */
  readonly quotaBytes?: number;
  readonly dev?: number;
}

/** walk() results besides a found inode. */
const MISS = 0; // absent in this layer: look in the next one down
const CUT = 1; // absent, and the layers below are hidden here (whiteout, opaque dir, shadowing non-dir)
const UPPER_FIRST_INO = 1 << 20;

export class Overlay implements Backend {
  readonly fsType = 'overlay';
  /** Lower layers' roots, topmost first. */
  private readonly lowers: readonly Inode[];
  private upper: MemTree | null = null;
  // Out-values of walk(), kept on the instance to avoid an allocation per lookup.
  private reach = 0;
  private ancOpaque = false;

  /** `layers` bottom first, as an image's RootFS lists them. */
  constructor(
    layers: readonly Layer[],
    private readonly opts: OverlayOptions = {},
  ) {
    // map, not push: an array grown by push keeps room for 17 entries, and every container keeps this one.
    this.lowers = layers.map((l) => l.root).reverse();
  }

  /** Bytes of file content in the upper layer (`docker ps --size`). */
  get upperBytes(): number {
    return this.upper ? this.upper.used : 0;
  }

  get dev(): number {
    return this.opts.dev ?? 0x2d;
  }

  // ---------------------------------------------------------------- lookup

  /**
   * Walks `path` in one layer. `dirDepth` is how many leading components a higher layer showed as directories:
   * a non-directory there in this layer is shadowed. Sets `reach` (components walked as directories) and
   * `ancOpaque` (an opaque directory on the way, which hides everything below this layer).
   */
  private walk(root: Inode, path: string, dirDepth: number, syscall: string, memo: WalkMemo | null = null): Inode | number {
    let node = root;
    let depth = 0;
    let opaque = root.opaque;
    const n = path.length;
    let i = 1;
    if (memo !== null && memo.root === root && memo.node !== null) {
      const m = memo.path.length;
      if (n === m && path === memo.path) {
        this.reach = memo.depth - 1;
        this.ancOpaque = memo.ancOpaque;
        return memo.node;
      }
      // The walk goes on from the directory the last one ended on: a path walk asks for /a, /a/b, /a/b/c…
      if (n > m && path.charCodeAt(m) === 47 && path.startsWith(memo.path)) {
        node = memo.node;
        depth = memo.depth;
        opaque = memo.ancOpaque || node.opaque;
        i = m + 1;
      }
    }
    while (i < n) {
      let j = path.indexOf('/', i);
      if (j < 0) j = n;
      const child = node.children!.get(path.slice(i, j));
      depth++;
      if (!child) {
        this.reach = depth - 1;
        return opaque ? CUT : MISS;
      }
      if (child.kind === 'whiteout') return CUT;
      if (j >= n) {
        this.reach = depth - 1;
        this.ancOpaque = opaque;
        if (memo !== null && child.kind === 'dir') {
          memo.root = root;
          memo.path = path;
          memo.node = child;
          memo.depth = depth;
          memo.ancOpaque = opaque;
        }
        return child;
      }
      if (child.kind !== 'dir') {
        if (depth <= dirDepth) return CUT;
        fail('ENOTDIR', syscall, path);
      }
      opaque ||= child.opaque;
      node = child;
      i = j + 1;
    }
    this.reach = 0;
    this.ancOpaque = false;
    return root;
  }

  /** The merged inode at `path`, or null. With `below`, ignores the upper layer's own entry at `path` (but not
   * its whiteouts or opaque directories above it): is there a lower entry the upper one covers? */
  private find(path: string, syscall: string, below = false): Inode | null {
    let dirDepth = 0;
    const up = this.upper;
    if (up) {
      const r = this.walk(up.root, path, 0, syscall, UPPER_MEMO);
      if (r === CUT) return null;
      if (r !== MISS) {
        if (!below) return r as Inode;
        if (this.ancOpaque || path === '/') return null;
      }
      dirDepth = this.reach;
    }
    const lowers = this.lowers;
    for (let k = 0; k < lowers.length; k++) {
      const r = this.walk(lowers[k], path, dirDepth, syscall, (LOWER_MEMOS[k] ??= newMemo()));
      if (r === CUT) return null;
      if (r !== MISS) return r as Inode;
      if (this.reach > dirDepth) dirDepth = this.reach;
    }
    if (path === '/' && !up) return this.emptyRoot();
    return null;
  }

  private get(path: string, syscall: string): Inode {
    return this.find(path, syscall) ?? fail('ENOENT', syscall, path);
  }

  /** The directories merged at `path`, topmost first. */
  private dirLayers(path: string): Inode[] {
    const out: Inode[] = [];
    let dirDepth = 0;
    const roots = this.upper ? [this.upper.root, ...this.lowers] : this.lowers;
    for (const root of roots) {
      const r = this.walk(root, path, dirDepth, 'scandir');
      if (r === CUT) break;
      if (r === MISS) {
        if (this.reach > dirDepth) dirDepth = this.reach;
        continue;
      }
      const node = r as Inode;
      if (node.kind !== 'dir') break;
      out.push(node);
      if (this.ancOpaque || node.opaque) break;
      dirDepth = this.reach + 1;
    }
    return out;
  }

  private mergedNames(path: string): string[] {
    const seen = new Set<string>();
    const names: string[] = [];
    for (const d of this.dirLayers(path)) {
      for (const [name, c] of d.children!) {
        if (seen.has(name)) continue;
        seen.add(name);
        if (c.kind !== 'whiteout') names.push(name);
      }
    }
    return names.sort();
  }

  private rootNode: Inode | null = null;
  private emptyRoot(): Inode {
    return (this.rootNode ??= new Inode('dir', 0o755, 0, 0, 2, 0));
  }

  // ---------------------------------------------------------------- copy-up

  private ensureUpper(): MemTree {
    if (this.upper) return this.upper;
    const base = this.lowers[0] ?? this.emptyRoot();
    const root = base.cloneShallow();
    root.children = new Map();
    this.upper = new MemTree(
      { clock: this.opts.clock, quotaBytes: this.opts.quotaBytes, dev: this.dev, fsType: 'overlay', firstIno: UPPER_FIRST_INO },
      root,
    );
    return this.upper;
  }

  /** The upper-layer directory at `dir`, copying it (and its parents) up if needed. */
  private upperDir(dir: string, syscall: string): Inode {
    let node = this.ensureUpper().root;
    const n = dir.length;
    let i = 1;
    while (i < n) {
      let j = dir.indexOf('/', i);
      if (j < 0) j = n;
      const name = dir.slice(i, j);
      let child = node.children!.get(name);
      if (!child || child.kind === 'whiteout') {
        const merged = this.find(dir.slice(0, j), syscall) ?? fail('ENOENT', syscall, dir);
        if (merged.kind !== 'dir') fail('ENOTDIR', syscall, dir);
        child = shell(merged);
        node.addChild(name, child);
      } else if (child.kind !== 'dir') fail('ENOTDIR', syscall, dir);
      node = child;
      i = j + 1;
    }
    return node;
  }

  /** The upper-layer copy of the existing entry at `path` (overlayfs copy-up; parents keep their times). */
  private copyUp(path: string, syscall: string): Inode {
    const merged = this.get(path, syscall);
    const up = this.ensureUpper();
    if (path === '/') return up.root;
    const [dir, name] = splitPath(path);
    const parent = this.upperDir(dir, syscall);
    const existing = parent.children!.get(name);
    if (existing === merged) return merged;
    if (merged.kind === 'file') this.charge(merged.size, path);
    const node = merged.kind === 'dir' ? shell(merged) : merged.cloneShallow();
    parent.addChild(name, node);
    return node;
  }

  private charge(delta: number, path: string): void {
    const up = this.ensureUpper();
    if (delta > 0 && up.used + delta > up.quotaBytes) fail('ENOSPC', 'write', path);
    up.used += delta;
  }

  private now(): number {
    return this.opts.clock ? this.opts.clock() : 0;
  }

  /** Adds a new entry; a directory replacing a whiteout becomes opaque so the deleted one stays deleted. */
  private create(path: string, syscall: string, node: Inode): void {
    if (path === '/') fail('EEXIST', syscall, path);
    const [dir, name] = splitPath(path);
    const parentMerged = this.get(dir, syscall);
    if (parentMerged.kind !== 'dir') fail('ENOTDIR', syscall, path);
    if (this.find(path, syscall)) fail('EEXIST', syscall, path);
    const parent = this.upperDir(dir, syscall);
    if (node.kind === 'dir' && parent.children!.get(name)?.kind === 'whiteout') node.opaque = true;
    parent.addChild(name, node);
    touch(parent, node.mtimeMs);
  }

  /** Removes the entry at `path` from the merged view: from the upper layer, plus a whiteout if a lower one shows. */
  private remove(path: string, syscall: string): void {
    UPPER_MEMO.node = null;
    const [dir, name] = splitPath(path);
    const parent = this.upperDir(dir, syscall);
    const old = parent.children!.get(name);
    if (old && old.kind !== 'whiteout') {
      parent.removeChild(name);
      this.upper!.used -= old.bytes();
    }
    const now = this.now();
    if (this.find(path, syscall, true)) {
      parent.addChild(name, new Inode('whiteout', 0, 0, 0, this.upper!.newIno(), now));
    }
    touch(parent, now);
  }

  private newNode(kind: FileType, mode: number, uid: number, gid: number): Inode {
    return new Inode(kind, mode & 0o7777, uid, gid, this.ensureUpper().newIno(), this.now());
  }

  // ---------------------------------------------------------------- Backend: reads

  /** The upper layer's top-level names (added, changed or whited out there); none before the first write. */
  upperTopNames(): string[] {
    return this.upper ? [...this.upper.root.children!.keys()] : [];
  }

  /**
   * Every name a path lookup can reach in the lower layers without help from the upper one or a mount: their
   * top-level entries and each component of each symlink target in them (a target may lead anywhere).
   */
  lowerReachableNames(): Set<string> {
    const out = new Set<string>();
    const visit = (dir: Inode): void => {
      for (const child of dir.children!.values()) {
        if (child.kind === 'dir') visit(child);
        else if (child.kind === 'symlink') {
          for (const part of child.target.split('/')) if (part !== '') out.add(part);
        }
      }
    };
    for (const root of this.lowers) {
      for (const name of root.children!.keys()) out.add(name);
      visit(root);
    }
    return out;
  }

  tryLstat(path: string): Stat | null {
    const node = this.find(path, 'lstat');
    return node ? node.stat(this.dev) : null;
  }

  lstat(path: string): Stat {
    return this.get(path, 'lstat').stat(this.dev);
  }

  peek(path: string): Inode | null {
    return this.find(path, 'lstat');
  }

  readdir(path: string): string[] {
    const node = this.get(path, 'scandir');
    if (node.kind !== 'dir') fail('ENOTDIR', 'scandir', path);
    return this.mergedNames(path);
  }

  readFile(path: string): Uint8Array {
    return this.get(path, 'open').readContent(path);
  }

  readHead(path: string, n: number): Uint8Array {
    const node = this.get(path, 'open');
    return node.kind === 'file' ? node.head(n) : node.readContent(path);
  }

  readlink(path: string): string {
    return this.get(path, 'readlink').readTarget(path);
  }

  // ---------------------------------------------------------------- Backend: writes

  writeFile(path: string, data: Uint8Array, opts: WriteOptions): void {
    const merged = this.find(path, 'open');
    if (!merged) {
      const length = contentLength(data);
      this.charge(length, path);
      const node = this.newNode('file', opts.mode, opts.uid, opts.gid);
      node.setContent(data, true);
      try {
        this.create(path, 'open', node);
      } catch (e) {
        this.upper!.used -= length;
        throw e;
      }
      return;
    }
    if (merged.kind === 'dir') fail('EISDIR', 'open', path);
    if (merged.kind !== 'file') fail('EINVAL', 'write', path);
    const grow = opts.append ? contentLength(data) : contentLength(data) - merged.size;
    const need = (this.isUpper(path, merged) ? 0 : merged.size) + grow;
    if (need > 0 && this.upperBytes + need > (this.opts.quotaBytes ?? Infinity)) fail('ENOSPC', 'write', path);
    const node = this.copyUp(path, 'open');
    this.charge(grow, path);
    if (opts.append) node.append(data);
    else node.setContent(data, true);
    touch(node, this.now());
  }

  private isUpper(path: string, node: Inode): boolean {
    return this.upper !== null && this.walk(this.upper.root, path, 0, 'open') === node;
  }

  truncate(path: string, length: number): void {
    const merged = this.get(path, 'truncate');
    if (merged.kind === 'dir') fail('EISDIR', 'truncate', path);
    if (merged.kind !== 'file') fail('EINVAL', 'truncate', path);
    const node = this.copyUp(path, 'truncate');
    this.charge(length - node.size, path);
    node.truncate(length);
    touch(node, this.now());
  }

  mkdir(path: string, mode: number, uid: number, gid: number): void {
    this.create(path, 'mkdir', this.newNode('dir', mode, uid, gid));
  }

  symlink(target: string, path: string, uid: number, gid: number): void {
    const node = this.newNode('symlink', 0o777, uid, gid);
    node.target = target;
    this.create(path, 'symlink', node);
  }

  mknod(path: string, type: FileType, mode: number, rdev: number, uid: number, gid: number): void {
    if (type === 'file' || type === 'dir' || type === 'symlink') fail('EINVAL', 'mknod', path);
    const node = this.newNode(type, mode, uid, gid);
    node.rdev = rdev;
    this.create(path, 'mknod', node);
  }

  unlink(path: string): void {
    const node = this.get(path, 'unlink');
    if (node.kind === 'dir') fail('EISDIR', 'unlink', path);
    this.remove(path, 'unlink');
  }

  rmdir(path: string): void {
    if (path === '/') fail('EBUSY', 'rmdir', path);
    const node = this.get(path, 'rmdir');
    if (node.kind !== 'dir') fail('ENOTDIR', 'rmdir', path);
    if (this.mergedNames(path).length > 0) fail('ENOTEMPTY', 'rmdir', path);
    this.remove(path, 'rmdir');
  }

  rename(from: string, to: string): void {
    if (from === '/' || to === '/') fail('EBUSY', 'rename', from);
    const src = this.get(from, 'rename');
    if (from === to) return;
    if (to.startsWith(from + '/')) fail('EINVAL', 'rename', from);
    const [toDir, toName] = splitPath(to);
    if (this.get(toDir, 'rename').kind !== 'dir') fail('ENOTDIR', 'rename', to);
    const dst = this.find(to, 'rename');
    if (dst) {
      if (src.kind === 'dir' && dst.kind !== 'dir') fail('ENOTDIR', 'rename', to);
      if (src.kind !== 'dir' && dst.kind === 'dir') fail('EISDIR', 'rename', to);
      if (dst.kind === 'dir' && this.mergedNames(to).length > 0) fail('ENOTEMPTY', 'rename', to);
    }
    const ownUpper = this.isUpper(from, src) && (src.kind !== 'dir' || src.opaque || !this.find(from, 'rename', true));
    const moved = ownUpper ? src : this.materialize(from, src);
    const copied = ownUpper ? 0 : moved.bytes();
    this.charge(copied, to);
    this.remove(from, 'rename');
    if (dst) this.remove(to, 'rename');
    const parent = this.upperDir(toDir, 'rename');
    if (moved.kind === 'dir' && (parent.children!.get(toName)?.kind === 'whiteout' || this.find(to, 'rename', true))) {
      moved.opaque = true;
    }
    parent.addChild(toName, moved);
    this.upper!.used += moved.bytes() - copied;
    const now = this.now();
    touch(parent, now);
    moved.ctimeMs = now;
  }

  /** A detached upper-layer copy of the merged subtree at `path` (file contents are shared, not copied). */
  private materialize(path: string, node: Inode): Inode {
    if (node.kind !== 'dir') return node.cloneShallow();
    const copy = shell(node);
    for (const name of this.mergedNames(path)) {
      const child = joinPath(path, name);
      copy.addChild(name, this.materialize(child, this.get(child, 'rename')));
    }
    return copy;
  }

  chmod(path: string, mode: number): void {
    this.copyUp(path, 'chmod').setMode(mode, this.now());
  }

  chown(path: string, uid: number, gid: number): void {
    this.copyUp(path, 'chown').setOwner(uid, gid, this.now());
  }

  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    this.copyUp(path, 'utime').setTimes(atimeMs, mtimeMs, this.now());
  }

  // ---------------------------------------------------------------- docker diff / commit

  /** `docker diff`: the upper layer against the lower ones, in the order dockerd reports it. */
  changes(): Change[] {
    if (!this.upper) return [];
    return overlayChanges(this.upper.root, (p) => this.lowerNode(p));
  }

  /** The upper layer as a Tree with OCI whiteouts: what `docker commit` turns into a new layer. */
  exportUpper(): Tree {
    return this.upper ? exportInodes(this.upper.root) : {};
  }

  /** The entry at `path` in the lower layers alone (what dockerd stats to tell A from C). */
  private lowerNode(path: string): Inode | null {
    let dirDepth = 0;
    for (const root of this.lowers) {
      let r: Inode | number;
      try {
        r = this.walk(root, path, dirDepth, 'lstat');
      } catch {
        return null;
      }
      if (r === CUT) return null;
      if (r !== MISS) return r as Inode;
      if (this.reach > dirDepth) dirDepth = this.reach;
    }
    return null;
  }
}

/** The directory `path` leads to in the layer under `root`, `depth` components down. */
interface WalkMemo {
  root: Inode | null;
  path: string;
  node: Inode | null;
  depth: number;
  /** An opaque directory above `node` (not `node` itself). */
  ancOpaque: boolean;
}

function newMemo(): WalkMemo {
  return { root: null, path: '', node: null, depth: 0, ancOpaque: false };
}

/**
 * Where find's last walk ended on a directory, in an upper layer and in the k-th lower one (of whichever
 * overlay: a memo is for its `root` only). A path walk above (vfs) asks for each prefix in turn, and walks from
 * the root made it quadratic in the components. Lower layers never change; the upper memo is dropped when an
 * entry leaves an upper layer (remove, which rename goes through): entries only added leave every directory
 * where it was. Shared by all overlays, so a container keeps none of it.
 */
const UPPER_MEMO: WalkMemo = newMemo();
const LOWER_MEMOS: WalkMemo[] = [];

/** An empty upper-layer directory with `dir`'s metadata. */
function shell(dir: Inode): Inode {
  const d = dir.cloneShallow();
  d.children = new Map();
  return d;
}
