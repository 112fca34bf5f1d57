/** Word expansion: parameters, command substitution, arithmetic, field splitting, pathname expansion. */
import type { Word, WordPart } from './ast.js';
import { evalArith } from './arith.js';
import { braceWords } from './brace.js';
import { globPaths, hasPattern, matchPattern, quotePattern, unescapePattern } from './pattern.js';
import type { ShellContext } from './context.js';
import { GlobFailure, ShellError } from './errors.js';
import { shoptOn } from './shopts.js';
import { subscripted } from './arrays.js';

/** Collects fields while expanding one word. `pat` mirrors `cur` with quoted characters escaped. */
class Fields {
  readonly out: string[] = [];
  cur = '';
  pat = '';
  started = false;
  glob = false;

  constructor(
    private readonly sh: ShellContext,
    private readonly doGlob: boolean,
  ) {}

  quoted(s: string): void {
    this.cur += s;
    this.pat += quotePattern(s);
    this.started = true;
  }

  literal(s: string): void {
    this.cur += s;
    this.pat += s;
    if (!this.glob && hasPattern(s)) this.glob = true;
    if (s) this.started = true;
  }

  /** An unquoted expansion result: split on IFS, globbed. */
  split(s: string): void {
    const ifs = this.sh.getVar('IFS') ?? ' \t\n';
    if (ifs === '') {
      this.unquotedValue(s);
      return;
    }
    let run = '';
    let afterWs = false;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (!ifs.includes(c)) {
        run += c;
        afterWs = false;
        continue;
      }
      if (run) {
        this.unquotedValue(run);
        run = '';
      }
      const ws = c === ' ' || c === '\t' || c === '\n';
      if (ws) {
        if (this.started) this.end();
        afterWs = true;
      } else {
        if (!afterWs || this.started) {
          this.started = true;
          this.end();
        }
        afterWs = false;
      }
    }
    if (run) this.unquotedValue(run);
  }

  private unquotedValue(s: string): void {
    this.cur += s;
    const esc = s.includes('\\') ? s.replace(/\\/g, '\\\\') : s;
    this.pat += esc;
    if (!this.glob && hasPattern(esc)) this.glob = true;
    if (s) this.started = true;
  }

  end(): void {
    if (this.started) {
      if (this.glob && this.doGlob && !this.sh.opts.noglob) {
        const sh = this.sh;
        const matches = globPaths(sh.sys.fs, this.pat, { dotglob: shoptOn(sh, 'dotglob'), nocase: shoptOn(sh, 'nocaseglob') });
        if (matches.length > 0) this.out.push(...matches);
        else if (shoptOn(sh, 'failglob')) throw new GlobFailure(this.cur);
        else if (!shoptOn(sh, 'nullglob')) this.out.push(this.cur);
      } else this.out.push(this.cur);
    }
    this.cur = '';
    this.pat = '';
    this.started = false;
    this.glob = false;
  }
}

function defaultIfs(sh: ShellContext): boolean {
  const ifs = sh.getVar('IFS');
  return ifs === undefined || ifs === ' \t\n';
}

/** True if a value has no IFS whitespace and no glob characters (default IFS assumed by the caller's check). */
function isSimpleField(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c <= 32 || c === 42 || c === 63 || c === 91 || c === 92) return false;
  }
  return true;
}

/** Expands words into argument fields (split and globbed). */
export async function expandWords(sh: ShellContext, words: readonly Word[]): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    if (w.plain !== undefined) {
      out.push(w.plain);
      continue;
    }
    const p0 = w.parts[0];
    if (w.parts.length === 1 && p0.k === 'param' && p0.op === undefined && p0.sub === undefined && p0.name !== '@' && p0.name !== '*') {
      // `$name`: the common case, expanded without the field machinery when it needs no splitting.
      const v = sh.getParam(p0.name);
      if (v !== undefined && v !== '' && isSimpleField(v) && defaultIfs(sh)) {
        out.push(v);
        continue;
      }
    }
    if (sh.flavor === 'bash' && sh.opts.braceexpand && w.parts.some((p) => p.k === 'lit' && p.v.includes('{'))) {
      const words = braceWords(w);
      if (words.length > 1 || words[0] !== w) {
        out.push(...(await expandWords(sh, words)));
        continue;
      }
    }
    const f = new Fields(sh, true);
    await expandParts(sh, w.parts, f, false);
    f.end();
    for (const s of f.out) out.push(s);
  }
  return out;
}

/** Expands a word to one string: no splitting, no globbing (assignments, here-docs, `case` words). */
export async function expandString(sh: ShellContext, w: Word): Promise<string> {
  if (w.plain !== undefined) return w.plain;
  const f = new Fields(sh, false);
  await expandParts(sh, w.parts, f, true);
  return f.cur;
}

/** Expands a word to a pattern string: quoted characters escaped, glob characters live. */
export async function expandPattern(sh: ShellContext, w: Word): Promise<string> {
  if (w.plain !== undefined) return w.plain;
  const f = new Fields(sh, false);
  await expandParts(sh, w.parts, f, false, true);
  return f.pat;
}

/** A redirection target: expanded, globbed only when that gives exactly one file. */
export async function expandTarget(sh: ShellContext, w: Word): Promise<string> {
  if (w.plain !== undefined) return w.plain;
  const f = new Fields(sh, true);
  await expandParts(sh, w.parts, f, false);
  f.end();
  if (f.out.length !== 1) {
    if (f.out.length === 0) return '';
    throw new ShellError(`${w.raw}: ambiguous redirect`, 1);
  }
  return f.out[0];
}

async function expandParts(sh: ShellContext, parts: readonly WordPart[], f: Fields, inDq: boolean, noSplit = false): Promise<void> {
  for (const p of parts) {
    switch (p.k) {
      case 'lit':
        if (inDq) f.quoted(p.v);
        else f.literal(p.v);
        break;
      case 'sq':
        f.quoted(p.v);
        break;
      case 'list':
        f.quoted(p.raw);
        break;
      case 'dq': {
        const only = p.parts.length === 1 && p.parts[0].k === 'param' ? p.parts[0] : undefined;
        const onlyAt = only !== undefined && ((only.name === '@' && !only.op) || (only.sub?.raw === '@' && (!only.op || only.op === '!keys')));
        if (!onlyAt) f.started = true;
        await expandParts(sh, p.parts, f, true);
        break;
      }
      case 'tilde':
        f.quoted(sh.tilde(p.user));
        break;
      case 'cmd': {
        const s = await sh.commandSubst(p.body);
        if (inDq || noSplit) f.quoted(s);
        else f.split(s);
        break;
      }
      case 'arith': {
        const text = await expandString(sh, p.expr);
        const v = String(evalArith(text, sh.arithVars));
        if (inDq || noSplit) f.quoted(v);
        else f.split(v);
        break;
      }
      case 'param':
        await expandParam(sh, p, f, inDq || noSplit);
        break;
    }
  }
}

/** `${a[…]…}`: one element, or with `@`/`*` the elements (or `!` their indices) as `$@`/`$*` would give them. */
async function expandSubscript(sh: ShellContext, p: WordPart & { k: 'param' }, f: Fields, quoted: boolean): Promise<void> {
  const r = await subscripted(sh, p.name, p.sub!, expandString);
  let list = p.op === '!keys' ? r.keys : r.values;
  if (p.op === '#len') {
    const n = String(r.all ? r.values.length : [...(r.values[0] ?? '')].length);
    return quoted ? f.quoted(n) : f.split(n);
  }
  if (p.op !== undefined && p.op !== '!keys') {
    if (!r.all || p.op === ':' || p.op.endsWith('-') || p.op.endsWith('+') || p.op.endsWith('=') || p.op.endsWith('?')) {
      if (r.all && p.op === ':') {
        let off = Number(evalArith(await expandString(sh, p.arg!), sh.arithVars));
        if (off < 0) off = Math.max(0, list.length + off);
        const n = p.arg2 ? Number(evalArith(await expandString(sh, p.arg2), sh.arithVars)) : list.length;
        list = list.slice(off, n < 0 ? Math.max(off, list.length + n) : off + n);
      } else {
        const joined = r.all ? list.join(' ') : list[0];
        const v = await paramValue(sh, { k: 'param', name: p.name, op: p.op, arg: p.arg, arg2: p.arg2 }, { v: r.all && list.length === 0 ? undefined : joined });
        if (v === undefined) return;
        return quoted ? f.quoted(v) : f.split(v);
      }
    } else {
      const out: string[] = [];
      for (const v of list) out.push((await paramValue(sh, { k: 'param', name: p.name, op: p.op, arg: p.arg, arg2: p.arg2 }, { v })) ?? '');
      list = out;
    }
  }
  if (!r.all) {
    if (list.length === 0 && sh.opts.nounset) throw new ShellError(`${p.name}[${p.sub!.raw}]: unbound variable`, 127, true);
    if (list.length > 0) return quoted ? f.quoted(list[0]) : f.split(list[0]);
    return;
  }
  spreadList(sh, list, f, quoted, r.star);
}

/**
 * A list of words as `$@`/`${a[@]}` (`star` false) or `$*`/`${a[*]}` (true) expand it: quoted `@` keeps one
 * field a word, quoted `*` joins them with IFS's first character, unquoted both split each word.
 */
function spreadList(sh: ShellContext, list: readonly string[], f: Fields, quoted: boolean, star: boolean): void {
  if (quoted && !star) {
    list.forEach((a, i) => {
      if (i > 0) {
        f.started = true;
        f.end();
      }
      f.quoted(a);
    });
  } else if (quoted) {
    const ifs = sh.getVar('IFS');
    f.quoted(list.join(ifs === undefined ? ' ' : ifs.slice(0, 1)));
  } else {
    list.forEach((a, i) => {
      if (i > 0 && f.started) f.end();
      f.split(a);
    });
  }
}

async function expandParam(sh: ShellContext, p: WordPart & { k: 'param' }, f: Fields, quoted: boolean): Promise<void> {
  if (p.sub) return expandSubscript(sh, p, f, quoted);
  const { name, op } = p;
  if ((name === '@' || name === '*') && (op === undefined || op === ':-' || op === '-')) {
    const args = sh.args;
    if (args.length === 0 && op) {
      const v = await expandString(sh, p.arg!);
      if (quoted) f.quoted(v);
      else f.split(v);
      return;
    }
    spreadList(sh, args, f, quoted, name === '*');
    return;
  }
  const v = await paramValue(sh, p);
  if (v === undefined) return;
  if (quoted) f.quoted(v);
  else f.split(v);
}

/** `known`: the value already looked up (an array element), instead of the parameter `name`. */
async function paramValue(sh: ShellContext, p: WordPart & { k: 'param' }, known?: { v: string | undefined }): Promise<string | undefined> {
  const { name, op } = p;
  if (op === 'bad') throw new ShellError(`${name}: bad substitution`, 1);
  if (op === '!') {
    const target = sh.getParam(name) ?? '';
    return sh.getParam(target) ?? '';
  }
  let v = known ? known.v : sh.getParam(name);
  if (op === undefined) {
    if (v === undefined && sh.opts.nounset) throw new ShellError(`${name}: unbound variable`, 127, true);
    return v;
  }
  if (op === '#len') {
    if (name === '@' || name === '*') return String(sh.args.length);
    if (v === undefined && sh.opts.nounset) throw new ShellError(`${name}: unbound variable`, 127, true);
    return String([...(v ?? '')].length);
  }
  const colon = op[0] === ':' && op.length === 2;
  const unset = v === undefined || (colon && v === '');
  switch (colon ? op[1] : op) {
    case '-':
      return unset ? expandString(sh, p.arg!) : v;
    case '=':
      if (unset) {
        v = await expandString(sh, p.arg!);
        sh.setVar(name, v);
      }
      return v;
    case '+':
      return unset ? '' : expandString(sh, p.arg!);
    case '?':
      if (unset) {
        const msg = await expandString(sh, p.arg!);
        // bash: `${x?}` "parameter not set", `${x:?}` "parameter null or not set"; dash and ash say "not set or null".
        const why = !colon ? 'parameter not set' : sh.flavor === 'bash' ? 'parameter null or not set' : 'parameter not set or null';
        throw new ShellError(`${name}: ${msg || why}`, sh.flavor === 'bash' ? 127 : 2, true);
      }
      return v;
  }
  if (v === undefined && sh.opts.nounset) throw new ShellError(`${name}: unbound variable`, 127, true);
  const s = v ?? '';
  switch (op) {
    case '#':
    case '##':
    case '%':
    case '%%':
      return trim(s, await expandPattern(sh, p.arg!), op);
    case '^^':
      return s.toUpperCase();
    case ',,':
      return s.toLowerCase();
    case '^':
      return s.charAt(0).toUpperCase() + s.slice(1);
    case ',':
      return s.charAt(0).toLowerCase() + s.slice(1);
    case ':': {
      const len = s.length;
      let off = Number(evalArith(await expandString(sh, p.arg!), sh.arithVars));
      if (off < 0) off = Math.max(0, len + off);
      if (!p.arg2) return s.slice(off);
      let n = Number(evalArith(await expandString(sh, p.arg2), sh.arithVars));
      if (n < 0) return s.slice(off, Math.max(off, len + n));
      return s.substr(off, n);
    }
    default: {
      const pat = await expandPattern(sh, p.arg!);
      const rep = p.arg2 ? await expandString(sh, p.arg2) : '';
      return replace(s, pat, rep, op);
    }
  }
}

function trim(s: string, pat: string, op: string): string {
  const n = s.length;
  if (op === '#') {
    for (let i = 0; i <= n; i++) if (matchPattern(pat, s.slice(0, i))) return s.slice(i);
  } else if (op === '##') {
    for (let i = n; i >= 0; i--) if (matchPattern(pat, s.slice(0, i))) return s.slice(i);
  } else if (op === '%') {
    for (let i = n; i >= 0; i--) if (matchPattern(pat, s.slice(i))) return s.slice(0, i);
  } else {
    for (let i = 0; i <= n; i++) if (matchPattern(pat, s.slice(i))) return s.slice(0, i);
  }
  return s;
}

function replace(s: string, pat: string, rep: string, op: string): string {
  if (pat === '') return s;
  const n = s.length;
  if (op === '/#') {
    for (let e = n; e >= 0; e--) if (matchPattern(pat, s.slice(0, e))) return rep + s.slice(e);
    return s;
  }
  if (op === '/%') {
    for (let b = 0; b <= n; b++) if (matchPattern(pat, s.slice(b))) return s.slice(0, b) + rep;
    return s;
  }
  let out = '';
  let i = 0;
  while (i <= n) {
    let matched = -1;
    for (let e = n; e > i; e--) {
      if (matchPattern(pat, s.slice(i, e))) {
        matched = e;
        break;
      }
    }
    if (matched < 0) {
      if (i < n) out += s[i];
      i++;
      continue;
    }
    out += rep;
    i = matched;
    if (op === '/') return out + s.slice(i);
  }
  return out;
}

export { unescapePattern };
