/**
 * bash's table of remembered commands (`set -h`, on by default): the first run of `ls` searches PATH and
 * remembers `/usr/bin/ls`; later runs go straight there, even if the file has gone (bash's `checkhash` is off), so
 * a program moved after its first run fails with `bash: /usr/local/bin/x: No such file or directory` until
 * `hash -r` or an assignment to PATH. `hash` lists the table in bash's own order: 256 buckets by the FNV-1 hash of
 * the name, the newest entry first within a bucket (hashlib.c), which is why its rows look unordered.
 */

import { utf8Encode } from '../../engine/kernel/utf8.js';

export interface HashedCommand {
  readonly path: string;
  hits: number;
  /** When it went into its bucket: later entries are listed first. */
  readonly seq: number;
}

const BUCKETS = 256;

/** hashlib.c's hash_string: FNV-1 over the name's bytes (C `char`, signed on x86-64). */
function bucketOf(name: string): number {
  let h = 2166136261;
  for (const b of utf8Encode(name)) {
    h = Math.imul(h, 16777619) >>> 0;
    h = (h ^ (b >= 128 ? b - 256 : b)) >>> 0;
  }
  return h & (BUCKETS - 1);
}

export class CommandHash {
  private readonly table = new Map<string, HashedCommand>();
  private seq = 0;
  /** bash makes its table at the first insert; removing from a table never made is no error. */
  private made = false;

  get size(): number {
    return this.table.size;
  }

  /** A lookup that counts as a hit (phash_search). */
  find(name: string): string | undefined {
    const e = this.table.get(name);
    if (!e) return undefined;
    e.hits++;
    return e.path;
  }

  /** Remembers `path` for `name`; a name already there keeps its place in the listing, as hash_insert does. */
  insert(name: string, path: string, hits: number): void {
    const e = this.table.get(name);
    this.table.set(name, { path, hits, seq: e ? e.seq : ++this.seq });
    this.made = true;
  }

  /** False when the name was not there (and the table exists). */
  remove(name: string): boolean {
    return this.table.delete(name) || !this.made;
  }

  clear(): void {
    this.table.clear();
  }

  /** The entries in the order bash walks them. */
  entries(): [string, HashedCommand][] {
    return [...this.table].sort(([a, x], [b, y]) => bucketOf(a) - bucketOf(b) || y.seq - x.seq);
  }

  copy(): CommandHash {
    const c = new CommandHash();
    for (const [k, v] of this.table) c.table.set(k, { ...v });
    c.seq = this.seq;
    c.made = this.made;
    return c;
  }
}
