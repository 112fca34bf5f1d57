import { binaryContent } from '../kernel/binfmt.js';
import type { Tree, TreeEntry } from '../fs/tree.js';

/** The ELF header a shared library starts with; not `binaryContent`, so the kernel refuses to run it. */
const LIB_HEADER = '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00';

/**
 * Collects the entries of one root filesystem. Every parent directory ends up as an explicit entry (root
 * 0755 unless declared), so a tree never relies on the fs helper's implicit parents, and a path under a
 * symlink (`/bin/ls` when `/bin → usr/bin`) is refused at once: writing it would put a file where the real
 * image has none.
 */
export class TreeBuilder {
  private readonly entries = new Map<string, TreeEntry>();

  constructor(private readonly mtimeMs?: number) {}

  dir(path: string, mode = 0o755, uid = 0, gid = 0): this {
    return this.put(path, { type: 'dir', mode, uid, gid, ...this.time() });
  }

  dirs(paths: readonly string[]): this {
    for (const p of paths) this.dir(p);
    return this;
  }

  file(path: string, content: string | Uint8Array, mode = 0o644, uid = 0, gid = 0): this {
    return this.put(path, { type: 'file', content, mode, uid, gid, ...this.time() });
  }

  link(path: string, target: string): this {
    return this.put(path, { type: 'symlink', target, uid: 0, gid: 0, ...this.time() });
  }

  /** A simulated program: `program` defaults to the file's own name (the registry key). */
  bin(path: string, program = basename(path), mode = 0o755, uid = 0, gid = 0): this {
    return this.file(path, binaryContent(program), mode, uid, gid);
  }

  /** Many programs in one directory, each named after itself. */
  bins(dir: string, names: readonly string[]): this {
    for (const n of names) this.bin(`${dir}/${n}`);
    return this;
  }

  /** Symlinks `dir/name → target` for each `[name, target]`. */
  links(dir: string, pairs: readonly (readonly [string, string])[]): this {
    for (const [name, target] of pairs) this.link(`${dir}/${name}`, target);
    return this;
  }

  /** A shared object: looks binary to `cat`/`file`, cannot be executed. */
  lib(path: string): this {
    return this.file(path, `${LIB_HEADER}${basename(path)}\n`);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  build(): Tree {
    // The root directory carries the image's time too, or `ls -ld /` would show the epoch.
    const out: Record<string, TreeEntry> = { '/': { type: 'dir', mode: 0o755, uid: 0, gid: 0, ...this.time() } };
    for (const path of [...this.entries.keys()].sort()) out[path] = this.entries.get(path)!;
    return out;
  }

  private put(path: string, entry: TreeEntry): this {
    if (!path.startsWith('/') || path.endsWith('/') || path.includes('//')) {
      throw new Error(`rootfs: bad path ${JSON.stringify(path)}`);
    }
    this.ensureParents(path);
    const prev = this.entries.get(path);
    // Re-declaring a directory refines it (mode/owner); anything else twice is a data error.
    if (prev && !(prev.type === 'dir' && entry.type === 'dir')) throw new Error(`rootfs: duplicate ${path}`);
    this.entries.set(path, entry);
    return this;
  }

  private ensureParents(path: string): void {
    const parts = path.split('/').slice(1, -1);
    let cur = '';
    for (const part of parts) {
      cur += `/${part}`;
      const e = this.entries.get(cur);
      if (!e) this.entries.set(cur, { type: 'dir', mode: 0o755, uid: 0, gid: 0, ...this.time() });
      else if (e.type !== 'dir') throw new Error(`rootfs: ${path} lies under non-directory ${cur}`);
    }
  }

  private time(): { mtimeMs?: number } {
    return this.mtimeMs === undefined ? {} : { mtimeMs: this.mtimeMs };
  }
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins lines with a trailing newline, the way every config file on disk ends. */
export function lines(...ls: string[]): string {
  return `${ls.join('\n')}\n`;
}
