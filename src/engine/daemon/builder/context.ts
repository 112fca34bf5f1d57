/**
 * The build context as the daemon receives it (moby builder/remotecontext tarsum context): the uploaded tar,
 * `.dockerignore` already applied by the client, read into paths relative to the context root. COPY and ADD
 * read their sources here, and a source's checksum (what the cache compares, and the legacy builder's
 * `COPY file:<hash> in /dst` comment shows) is moby's: a file's tarsum (v1) as the upload's header gave it, a
 * directory's the sha256 of its entries' sorted tarsums joined by commas.
 */
import { readTar, TarError, type TarEntry } from '../../../pkg/archive/tar.js';
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Decode, utf8Encode } from '../../kernel/utf8.js';
import { pathMatch } from '../images/pathmatch.js';
import { PatternMatcher, readDockerignore } from '../../../pkg/patternmatcher.js';

export class BuildContext {
  /** Clean relative paths (`a/b`), '' being the root, to their entries. */
  private readonly entries = new Map<string, TarEntry>();
  /** Parents the archive left out: moby's context has them on disk but no tarsum for them. */
  private readonly implied = new Set<string>();

  constructor(tar: Uint8Array) {
    if (tar.length === 0) return;
    let read;
    try {
      read = readTar(tar);
    } catch (e) {
      if (e instanceof TarError) throw new Error(`failed to read build context: ${e.message}`);
      throw e;
    }
    for (const e of read.entries) {
      const p = cleanRel(e.name);
      if (p === '') continue;
      this.entries.set(p, e);
      // Parents the archive left out are directories all the same.
      for (let d = parentOf(p); d !== '' && !this.entries.has(d); d = parentOf(d)) {
        this.entries.set(d, { name: `${d}/`, type: 'dir', mode: 0o755, uid: 0, gid: 0, uname: '', gname: '', mtime: 0 });
        this.implied.add(d);
      }
    }
  }

  /**
   * moby's removeDockerfile: `.dockerignore` and the Dockerfile leave the context when `.dockerignore` lists
   * them (the client always sends both; a Dockerfile from stdin travels as `.dockerfile.<id>`, listed there).
   */
  dropBuildFiles(dockerfile: string): void {
    const ignore = this.entries.get('.dockerignore');
    if (!ignore || ignore.type === 'dir') return;
    let matcher: PatternMatcher;
    try {
      matcher = new PatternMatcher(readDockerignore(utf8Decode(ignore.data ?? new Uint8Array(0))));
    } catch {
      return;
    }
    for (const file of ['.dockerignore', cleanRel(dockerfile)]) {
      if (matcher.excluded(file)) this.entries.delete(file);
    }
  }

  get(path: string): TarEntry | undefined {
    return this.entries.get(cleanRel(path));
  }

  isDir(path: string): boolean {
    const p = cleanRel(path);
    return p === '' || this.entries.get(p)?.type === 'dir';
  }

  /** Entries under a directory (itself excluded), sorted by path. */
  under(dir: string): Array<[string, TarEntry]> {
    const d = cleanRel(dir);
    const prefix = d === '' ? '' : `${d}/`;
    return [...this.entries].filter(([p]) => p.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** filepath.Glob over the context: each path element matched by path.Match. */
  glob(pattern: string): string[] {
    const parts = cleanRel(pattern).split('/').filter((x) => x !== '');
    let found = [''];
    for (const part of parts) {
      const next: string[] = [];
      for (const base of found) {
        const prefix = base === '' ? '' : `${base}/`;
        for (const p of this.entries.keys()) {
          if (!p.startsWith(prefix) || p.slice(prefix.length).includes('/')) continue;
          if (pathMatch(part, p.slice(prefix.length))) next.push(p);
        }
      }
      found = next.sort();
    }
    return found;
  }

  /** The checksum of a source, `file:<hex>` or `dir:<hex>` (moby's copyInfo.hash). */
  checksum(path: string): string {
    const p = cleanRel(path);
    const e = this.entries.get(p);
    if (e && e.type !== 'dir') return `file:${this.hash(p)}`;
    // walkSource: the directory itself (not the context's root) and everything under it, sums sorted.
    const paths = [...(p === '' ? [] : [p]), ...this.under(p).map(([q]) => q)];
    return `dir:${sha256Hex(utf8Encode(paths.map((q) => this.hash(q)).sort().join(',')))}`;
  }

  /** archiveContext.Hash: the path's tarsum, or the path itself where the archive had no entry for it. */
  private hash(p: string): string {
    const e = this.entries.get(p)!;
    return this.implied.has(p) ? p : tarsumV1(e.name, e);
  }
}

const TYPE_FLAG: Readonly<Record<TarEntry['type'], string>> = { file: '0', hardlink: '1', symlink: '2', chardev: '3', blockdev: '4', dir: '5', fifo: '6' };

/**
 * moby's pkg/tarsum (Version1) for one entry: the sha256 of the selected header fields, each as its key and value
 * (mode in decimal, uname and gname always empty, no mtime), then the entry's bytes.
 */
export function tarsumV1(name: string, e: TarEntry): string {
  const data = e.data ?? new Uint8Array(0);
  const size = e.type === 'file' ? data.length : 0;
  const head = utf8Encode(
    `name${name}mode${e.mode}uid${e.uid}gid${e.gid}size${size}typeflag${TYPE_FLAG[e.type]}linkname${e.linkname ?? ''}unamegname`
    + `devmajor${e.devmajor ?? 0}devminor${e.devminor ?? 0}`,
  );
  const out = new Uint8Array(head.length + data.length);
  out.set(head, 0);
  out.set(data, head.length);
  return sha256Hex(out);
}

/** A context path made relative and clean: `./a//b/` and `/a/b` are `a/b`; `..` cannot climb out. */
export function cleanRel(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}
