/**
 * filters.Args as moby's daemon reads it (api/types/filters/parse.go): field → set of values, with the
 * matchers each list endpoint picks from. `Match` tries the value as-is and then as a Go regular expression
 * (unanchored; an invalid one is skipped), `FuzzyMatch` as a prefix, `MatchKVList` needs every `key[=value]`.
 */
import { invalidParameter } from '../../pkg/errdefs.js';

/** The wire form the router hands over (filters.FromJSON). */
export type FilterMap = Readonly<Record<string, readonly string[]>>;

export class FilterArgs {
  private readonly fields: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(raw: FilterMap = {}) {
    const m = new Map<string, Set<string>>();
    for (const [k, vs] of Object.entries(raw)) m.set(k, new Set(vs));
    this.fields = m;
  }

  /** The values of a field; their order is not Docker's (a Go map), callers must not depend on it. */
  get(field: string): string[] {
    return [...(this.fields.get(field) ?? [])].sort();
  }

  contains(field: string): boolean {
    return this.fields.has(field);
  }

  /** Args.Validate: `invalid filter 'NAME'` for a field the endpoint does not know. */
  validate(accepted: ReadonlySet<string>): void {
    for (const k of [...this.fields.keys()].sort()) if (!accepted.has(k)) throw invalidParameter(`invalid filter '${k}'`);
  }

  /** True when the field is absent or empty, or holds `source` exactly. */
  exactMatch(field: string, source: string): boolean {
    const vs = this.fields.get(field);
    return !vs || vs.size === 0 || vs.has(source);
  }

  match(field: string, source: string): boolean {
    if (this.exactMatch(field, source)) return true;
    for (const v of this.fields.get(field) ?? []) if (goRegexp(v)?.test(source)) return true;
    return false;
  }

  fuzzyMatch(field: string, source: string): boolean {
    if (this.exactMatch(field, source)) return true;
    for (const v of this.fields.get(field) ?? []) if (source.startsWith(v)) return true;
    return false;
  }

  matchKVList(field: string, sources: Readonly<Record<string, string>> | null | undefined): boolean {
    const vs = this.fields.get(field);
    if (!vs || vs.size === 0) return true;
    if (!sources || Object.keys(sources).length === 0) return false;
    for (const v of vs) {
      const eq = v.indexOf('=');
      const key = eq < 0 ? v : v.slice(0, eq);
      if (!Object.prototype.hasOwnProperty.call(sources, key)) return false;
      if (eq >= 0 && sources[key] !== v.slice(eq + 1)) return false;
    }
    return true;
  }

  /** Args.GetBoolOrDefault: `1`/`true` or `0`/`false`; none or both is `invalid filter 'KEY=[v …]'`. */
  getBoolOrDefault(field: string, def: boolean): boolean {
    const vs = this.fields.get(field);
    if (!vs) return def;
    if (vs.size === 0) throw invalidParameter(`invalid filter '${field}'`);
    const isFalse = vs.has('0') || vs.has('false');
    const isTrue = vs.has('1') || vs.has('true');
    if (isFalse === isTrue) throw invalidParameter(`invalid filter '${field}=[${this.get(field).join(' ')}]'`);
    return isTrue;
  }
}

const cache = new Map<string, RegExp | null>();

/**
 * A Go regexp as JavaScript runs it. RE2 and JS agree on the patterns people type in a filter (`^web`,
 * `db-[0-9]+`); patterns valid in one and not the other are skipped, as Go skips a pattern it cannot compile.
 */
function goRegexp(pattern: string): RegExp | null {
  let re = cache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern.replace(/^\(\?([ims]+)\)/, ''), /^\(\?([ims]+)\)/.exec(pattern)?.[1] ?? '');
    } catch {
      re = null;
    }
    if (cache.size > 256) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}
