/**
 * Go's path.Match, which reference.FamiliarMatch (and so `docker images --filter reference=…`) uses: `*` is any
 * run of characters but `/`, `?` one character but `/`, `[…]`/`[^…]` a class with ranges, `\` escapes. The
 * whole pattern must match; a malformed one is Go's ErrBadPattern, `syntax error in pattern`.
 */
export class BadPattern extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

const compiled = new Map<string, RegExp>();

export function pathMatch(pattern: string, name: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^${toRegExp(pattern)}$`, 'su');
    if (compiled.size > 256) compiled.clear();
    compiled.set(pattern, re);
  }
  return re.test(name);
}

// With the `u` flag an identity escape is allowed only for a syntax character, and `-` is one only inside a
// class: `\-` outside one is a SyntaxError ('hello-world' as a reference filter answered 500).
const esc = (ch: string): string => ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const escInClass = (ch: string): string => ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

function toRegExp(p: string): string {
  const chars = [...p];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      if (i + 1 >= chars.length) throw new BadPattern();
      out += esc(chars[++i]);
    } else if (c === '[') {
      i++;
      let cls = '[';
      if (chars[i] === '^') {
        cls += '^';
        i++;
      }
      let n = 0;
      for (;;) {
        if (i >= chars.length) throw new BadPattern();
        if (chars[i] === ']' && n > 0) break;
        const lo = classChar(chars, i);
        i = lo.next;
        if (chars[i] === '-') {
          const hi = classChar(chars, i + 1);
          if (hi.ch.codePointAt(0)! < lo.ch.codePointAt(0)!) throw new BadPattern();
          cls += `${escInClass(lo.ch)}-${escInClass(hi.ch)}`;
          i = hi.next;
        } else cls += escInClass(lo.ch);
        n++;
      }
      out += `${cls}]`;
    } else out += esc(c);
  }
  return out;
}

/** One character of a class (getEsc): `-` and `]` must be escaped, nothing may be missing. */
function classChar(chars: readonly string[], i: number): { ch: string; next: number } {
  let ch = chars[i];
  if (ch === undefined || ch === '-' || ch === ']') throw new BadPattern();
  if (ch === '\\') {
    ch = chars[i + 1];
    if (ch === undefined) throw new BadPattern();
    return { ch, next: i + 2 };
  }
  return { ch, next: i + 1 };
}
