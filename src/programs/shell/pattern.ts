/**
 * Shell patterns (`*`, `?`, `[…]`) for `case`, `${x%pat}`, `[[ == ]]` and pathname expansion.
 * A pattern string marks quoted characters with a backslash, as bash does internally.
 */
import type { Fs } from '../../engine/kernel/fsTypes.js';

const cache = new Map<string, RegExp>();

/** True if the pattern has an unescaped `*`, `?` or `[`. */
export function hasPattern(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || (c === '[' && bracketEnd(p, i) > 0)) return true;
  }
  return false;
}

/** Escapes a literal so it matches only itself. */
export function quotePattern(s: string): string {
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    if (c === 42 || c === 63 || c === 91 || c === 92 || c === 93) plain = false;
  }
  if (plain) return s;
  let out = '';
  for (const c of s) out += c === '*' || c === '?' || c === '[' || c === '\\' || c === ']' ? `\\${c}` : c;
  return out;
}

/** Removes the escaping backslashes of a pattern string (what an unmatched glob expands to). */
export function unescapePattern(p: string): string {
  if (!p.includes('\\')) return p;
  let out = '';
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\' && i + 1 < p.length) i++;
    out += p[i];
  }
  return out;
}

function reEscape(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** The pattern's regex source (unanchored). `shortest` makes `*` lazy, for `${x#pat}` and `${x%pat}`. */
export function patternSource(p: string, shortest = false): string {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      if (i + 1 < p.length) re += reEscape(p[++i]);
      else re += '\\\\';
    } else if (c === '*') re += shortest ? '[^]*?' : '[^]*';
    else if (c === '?') re += '[^]';
    else if (c === '[') {
      const end = bracketEnd(p, i);
      if (end < 0) re += '\\[';
      else {
        let body = p.slice(i + 1, end);
        let neg = false;
        if (body[0] === '!' || body[0] === '^') {
          neg = true;
          body = body.slice(1);
        }
        let cls = '';
        for (let j = 0; j < body.length; j++) {
          const b = body[j];
          if (b === '[' && body[j + 1] === ':') {
            const close = body.indexOf(':]', j + 2);
            if (close > 0) {
              cls += charClass(body.slice(j + 2, close));
              j = close + 1;
              continue;
            }
          }
          if (b === '\\' && j + 1 < body.length) cls += `\\${body[++j]}`;
          else if (b === '-' && j > 0 && j < body.length - 1) cls += '-';
          else cls += b === ']' || b === '\\' || b === '^' || b === '-' ? `\\${b}` : b;
        }
        re += `[${neg ? '^' : ''}${cls}]`;
        i = end;
      }
    } else re += reEscape(c);
  }
  return re;
}

function charClass(name: string): string {
  const classes: Record<string, string> = {
    alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
    xdigit: '0-9a-fA-F', punct: '!-\\/:-@\\[-`{-~', blank: ' \\t', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f',
  };
  return classes[name] ?? '';
}

function bracketEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '\\') j++;
    else if (p[j] === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      if (close > 0) j = close + 1;
    } else if (p[j] === ']') return j;
  }
  return -1;
}

export function patternRegex(p: string): RegExp {
  let re = cache.get(p);
  if (!re) {
    re = new RegExp(`^${patternSource(p)}$`);
    if (cache.size > 2000) cache.clear();
    cache.set(p, re);
  }
  return re;
}

export function matchPattern(p: string, s: string): boolean {
  if (!hasPattern(p)) return unescapePattern(p) === s;
  return patternRegex(p).test(s);
}

/** bash's `shopt` options that change pathname expansion. */
export interface GlobOptions {
  /** `dotglob`: `*` matches names starting with `.` (never `.` and `..`). */
  readonly dotglob?: boolean;
  /** `nocaseglob`: letters match either case. */
  readonly nocase?: boolean;
}

/** Pathname expansion: sorted matches, or [] when nothing matches. Hidden files need an explicit `.`. */
export function globPaths(fs: Fs, pattern: string, opts: GlobOptions = {}): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let bases: string[] = [absolute ? '/' : ''];
  for (let i = absolute ? 1 : 0; i < segs.length; i++) {
    const seg = segs[i];
    const last = i === segs.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      const dir = base === '' ? '.' : base;
      if (!hasPattern(seg)) {
        const path = join(base, unescapePattern(seg));
        if (last ? fs.exists(path) || isLink(fs, path) : isDir(fs, path)) next.push(path);
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(dir);
      } catch {
        continue;
      }
      const re = opts.nocase ? new RegExp(patternRegex(seg).source, 'i') : patternRegex(seg);
      const dotOk = opts.dotglob || seg.startsWith('.') || seg.startsWith('\\.');
      for (const name of names.sort(compareNames)) {
        if (name.startsWith('.') && !dotOk) continue;
        if (opts.dotglob && (name === '.' || name === '..')) continue;
        if (!re.test(name)) continue;
        const path = join(base, name);
        if (last || isDir(fs, path)) next.push(path);
      }
    }
    bases = next;
    if (bases.length === 0) return [];
  }
  if (pattern.endsWith('/')) bases = bases.map((b) => `${b}/`);
  return bases;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function join(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}

function isDir(fs: Fs, path: string): boolean {
  try {
    return fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}

function isLink(fs: Fs, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}
