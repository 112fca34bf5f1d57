/**
 * The build context as the daemon receives it (moby builder/remotecontext tarsum context): the uploaded tar,
 * `.dockerignore` already applied by the client, read into paths relative to the context root. COPY and ADD
 * read their sources here, and a source's checksum (what the cache compares) is the sha256 of its entries'
 * names, modes, owners and bytes, as moby's `file:<hash>` / `dir:<hash>` comments name them.
 */
import { readTar, TarError, type TarEntry } from '../../../pkg/archive/tar.js';
import { sha256Hex } from '../../fs/sha256.js';
import { utf8Decode, utf8Encode } from '../../kernel/utf8.js';
import { pathMatch } from '../images/pathmatch.js';
import { PatternMatcher, readDockerignore } from '../../../pkg/patternmatcher.js';

export class BuildContext {
  /** Clean relative paths (`a/b`), '' being the root, to their entries. */
  private readonly entries = new Map<string, TarEntry>();

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
    if (e && e.type !== 'dir') return `file:${sha256Hex(entryBytes('', e))}`;
    const parts = this.under(p).map(([q, x]) => sha256Hex(entryBytes(q.slice(p === '' ? 0 : p.length + 1), x)));
    return `dir:${sha256Hex(utf8Encode(parts.join(',')))}`;
  }
}

function entryBytes(name: string, e: TarEntry): Uint8Array {
  const head = utf8Encode(`${name}\0${e.type}\0${e.mode.toString(8)}\0${e.uid}:${e.gid}\0${e.linkname ?? ''}\0`);
  const data = e.data ?? new Uint8Array(0);
  const out = new Uint8Array(head.length + data.length);
  out.set(head, 0);
  out.set(data, head.length);
  return out;
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
