/**
 * HTTP header fields as Go's net/http keeps them: looked up case-insensitively under the canonical key
 * (`api-version` → `Api-Version`, `OSType` → `Ostype`), values in arrival order. Go writes a response's
 * header fields sorted by key, which `lines()` reproduces.
 */
export class Headers {
  private readonly map = new Map<string, string[]>();

  constructor(init?: Iterable<readonly [string, string]>) {
    if (init) for (const [k, v] of init) this.add(k, v);
  }

  get(name: string): string {
    return this.map.get(canonicalKey(name))?.[0] ?? '';
  }

  values(name: string): readonly string[] {
    return this.map.get(canonicalKey(name)) ?? [];
  }

  has(name: string): boolean {
    return this.map.has(canonicalKey(name));
  }

  set(name: string, value: string): void {
    this.map.set(canonicalKey(name), [value]);
  }

  add(name: string, value: string): void {
    const key = canonicalKey(name);
    const list = this.map.get(key);
    if (list) list.push(value);
    else this.map.set(key, [value]);
  }

  delete(name: string): void {
    this.map.delete(canonicalKey(name));
  }

  keys(): string[] {
    return [...this.map.keys()];
  }

  /** `Key: value\r\n` lines, keys sorted (Header.WriteSubset), skipping `exclude`. */
  lines(exclude: readonly string[] = []): string {
    let out = '';
    for (const key of [...this.map.keys()].sort()) {
      if (exclude.includes(key)) continue;
      for (const v of this.map.get(key)!) out += `${key}: ${v.replace(/[\r\n]+/g, ' ').trim()}\r\n`;
    }
    return out;
  }
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** textproto.CanonicalMIMEHeaderKey: a key with a non-token character is left alone. */
export function canonicalKey(name: string): string {
  // Most keys arrive canonical already (every request and response carries a few): no new string then.
  if (isCanonical(name)) return name;
  if (!TOKEN.test(name)) return name;
  let upper = true;
  let out = '';
  for (const ch of name) {
    out += upper ? ch.toUpperCase() : ch.toLowerCase();
    upper = ch === '-';
  }
  return out;
}

/** A non-empty run of letters, digits and `-` in canonical case (what the loop below would return unchanged). */
function isCanonical(name: string): boolean {
  if (name.length === 0) return false;
  let upper = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      if (!upper) return false;
    } else if (c >= 97 && c <= 122) {
      if (upper) return false;
    } else if (c !== 45 && (c < 48 || c > 57)) return false;
    upper = c === 45;
  }
  return true;
}

export function isToken(s: string): boolean {
  return TOKEN.test(s);
}
