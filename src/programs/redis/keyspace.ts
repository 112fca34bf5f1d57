/**
 * The data Redis holds: 16 databases of typed values with expiry times on the virtual clock. A key past its
 * expiry is gone for every command that looks at it (Redis's lazy expiry); `activeExpire` stands for the
 * server's cron that removes keys nobody touches.
 */

export type RedisValue =
  | { readonly type: 'string'; v: string }
  | { readonly type: 'list'; readonly v: string[] }
  | { readonly type: 'hash'; readonly v: Map<string, string> }
  | { readonly type: 'set'; readonly v: Set<string> }
  | { readonly type: 'zset'; readonly v: Map<string, number> };

export type RedisType = RedisValue['type'];

export class Db {
  readonly data = new Map<string, RedisValue>();
  /** Absolute unix milliseconds. */
  readonly expires = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  private expireIfNeeded(key: string): boolean {
    const at = this.expires.get(key);
    if (at === undefined || at > this.now()) return false;
    this.data.delete(key);
    this.expires.delete(key);
    return true;
  }

  get(key: string): RedisValue | undefined {
    this.expireIfNeeded(key);
    return this.data.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Sets a value; `keepTtl` false drops any expiry, as SET does. */
  set(key: string, value: RedisValue, keepTtl = false): void {
    this.expireIfNeeded(key);
    this.data.set(key, value);
    if (!keepTtl) this.expires.delete(key);
  }

  delete(key: string): boolean {
    this.expireIfNeeded(key);
    this.expires.delete(key);
    return this.data.delete(key);
  }

  ttl(key: string): number | undefined {
    this.expireIfNeeded(key);
    return this.expires.get(key);
  }

  setExpire(key: string, at: number): void {
    this.expires.set(key, at);
    this.expireIfNeeded(key);
  }

  persist(key: string): boolean {
    return this.expires.delete(key);
  }

  /** Live keys in insertion order. */
  keys(): string[] {
    const out: string[] = [];
    for (const k of [...this.data.keys()]) if (!this.expireIfNeeded(k)) out.push(k);
    return out;
  }

  get size(): number {
    return this.keys().length;
  }

  get expiresCount(): number {
    this.keys();
    return this.expires.size;
  }

  clear(): void {
    this.data.clear();
    this.expires.clear();
  }

  /** Removes every expired key; returns how many. */
  activeExpire(): number {
    let n = 0;
    for (const k of [...this.expires.keys()]) if (this.expireIfNeeded(k)) n++;
    return n;
  }
}

export const DB_COUNT = 16;

export class Keyspace {
  readonly dbs: Db[];

  constructor(now: () => number, count = DB_COUNT) {
    this.dbs = Array.from({ length: count }, () => new Db(now));
  }

  keyCount(): number {
    return this.dbs.reduce((n, d) => n + d.size, 0);
  }
}

/** Redis's stringmatchlen: `*`, `?`, `[abc]`, `[^a-z]`, `\x`, with `nocase`. */
export function globMatch(pattern: string, s: string, nocase = false): boolean {
  const p = nocase ? pattern.toLowerCase() : pattern;
  const str = nocase ? s.toLowerCase() : s;
  return matchAt(p, 0, str, 0);
}

function matchAt(p: string, pi: number, s: string, si: number): boolean {
  while (pi < p.length) {
    const c = p[pi];
    if (c === '*') {
      while (p[pi + 1] === '*') pi++;
      if (pi + 1 === p.length) return true;
      for (let k = si; k <= s.length; k++) if (matchAt(p, pi + 1, s, k)) return true;
      return false;
    }
    if (si >= s.length) return false;
    if (c === '?') {
      pi++;
      si++;
      continue;
    }
    if (c === '[') {
      let i = pi + 1;
      const not = p[i] === '^';
      if (not) i++;
      let match = false;
      for (;;) {
        if (i >= p.length) {
          i--; // an unclosed class: Redis treats the end as its close
          break;
        }
        if (p[i] === '\\' && i + 1 < p.length) {
          if (p[i + 1] === s[si]) match = true;
          i += 2;
        } else if (p[i] === ']') break;
        else if (p[i + 1] === '-' && i + 2 < p.length && p[i + 2] !== ']') {
          let lo = p[i];
          let hi = p[i + 2];
          if (lo > hi) [lo, hi] = [hi, lo];
          if (s[si] >= lo && s[si] <= hi) match = true;
          i += 3;
        } else {
          if (p[i] === s[si]) match = true;
          i++;
        }
      }
      if (not) match = !match;
      if (!match) return false;
      pi = i + 1;
      si++;
      continue;
    }
    if (c === '\\' && pi + 1 < p.length) {
      if (p[pi + 1] !== s[si]) return false;
      pi += 2;
      si++;
      continue;
    }
    if (c !== s[si]) return false;
    pi++;
    si++;
  }
  return si === s.length;
}
