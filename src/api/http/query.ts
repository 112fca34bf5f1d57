/**
 * URL query strings as Go's url.ParseQuery reads them: `&`-separated, `+` is a space, `%XX` escapes; a bad
 * escape or a `;` is an error (Go 1.17+), which moby answers with 400.
 */
import { bytesToText as decodeUtf8, textToBytes as textBytes } from '../bytes.js';

export class Query {
  constructor(private readonly pairs: ReadonlyArray<readonly [string, string]> = []) {}

  /** The first value, '' when absent (r.Form.Get). */
  get(key: string): string {
    return this.pairs.find(([k]) => k === key)?.[1] ?? '';
  }

  all(key: string): string[] {
    return this.pairs.filter(([k]) => k === key).map(([, v]) => v);
  }

  has(key: string): boolean {
    return this.pairs.some(([k]) => k === key);
  }

  entries(): ReadonlyArray<readonly [string, string]> {
    return this.pairs;
  }
}

export class QueryError extends Error {}

export function parseQuery(raw: string): Query {
  const pairs: Array<[string, string]> = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    if (part.includes(';')) throw new QueryError('invalid semicolon separator in query');
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([unescapeQuery(k), unescapeQuery(v)]);
  }
  return new Query(pairs);
}

/** url.QueryUnescape over a binary string; the result is decoded as UTF-8. */
export function unescapeQuery(s: string): string {
  if (!/[%+]/.test(s)) return s;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '+') bytes.push(0x20);
    else if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new QueryError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return decodeBytes(bytes);
}

function decodeBytes(bytes: number[]): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return /[^\x00-\x7f]/.test(s) ? decodeUtf8(s) : s;
}

/** url.QueryEscape: what Go's client puts in a query (space as `+`). */
export function escapeQuery(s: string): string {
  let out = '';
  for (const ch of textBytes(s)) {
    const c = ch.charCodeAt(0);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${c.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** url.Values.Encode: keys sorted, values in order. */
export function encodeQuery(params: Readonly<Record<string, string | readonly string[] | undefined>>): string {
  const parts: string[] = [];
  for (const key of Object.keys(params).sort()) {
    const v = params[key];
    if (v === undefined) continue;
    for (const one of typeof v === 'string' ? [v] : v) parts.push(`${escapeQuery(key)}=${escapeQuery(one)}`);
  }
  return parts.join('&');
}
