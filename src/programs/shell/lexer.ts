/**
 * Tokens and words of the shell language. Word scanning handles quoting and every `$` form; `$(…)` calls
 * back into the parser (a command substitution is a full program), so the parser extends this class.
 */
import type { ListNode, Redir, Word, WordPart } from './ast.js';

/** A syntax error, or input that stops where more is needed (`incomplete`: the interactive shell reads on). */
export class ParseError extends Error {
  constructor(
    readonly incomplete: boolean,
    /** The unexpected token as bash names it (`;;`, `newline`, `fi`), or '' at end of input. */
    readonly token: string,
    readonly line: number,
    readonly detail: { readonly quote?: string; readonly expecting?: string; readonly message?: string; readonly atEof?: boolean } = {},
  ) {
    super(detail.message ?? (incomplete ? 'unexpected end of file' : `syntax error near unexpected token \`${token}'`));
    this.name = 'ParseError';
  }
}

export type Token =
  | { readonly t: 'word'; readonly word: Word; readonly line: number; readonly start: number }
  | { readonly t: 'op'; readonly v: string; readonly fd?: number; readonly line: number; readonly start: number }
  | { readonly t: 'nl'; readonly line: number; readonly start: number }
  | { readonly t: 'eof'; readonly line: number; readonly start: number };

export interface ParseOptions {
  /** The input is all there is: a missing here-doc end is a warning, not a request for more. */
  readonly final?: boolean;
  readonly line?: number;
  readonly depth?: number;
  /** dash and busybox ash: bash's reserved word `time` is an ordinary command name there. */
  readonly posix?: boolean;
}

/** Deeper nesting than this is refused rather than risking the JS stack. */
export const MAX_DEPTH = 400;

const OPS = ['&&', '||', ';;&', ';;', ';&', '|&', '&>>', '&>', '>>', '>|', '>&', '<<<', '<<-', '<<', '<&', '<>', '&', '|', ';', '<', '>', '(', ')'];
const SPECIAL_PARAMS = '@*#?$!-0';
/** The text before `(` that makes it a compound assignment: `name=`, `name+=`. */
const ASSIGN_OPEN = /^[A-Za-z_][A-Za-z0-9_]*\+?=$/;
const PARAM_OPS = [':-', ':=', ':+', ':?', '-', '=', '+', '?', '%%', '%', '##', '#', '//', '/#', '/%', '/', '^^', '^', ',,', ',', ':'];

function isMeta(c: number): boolean {
  // space \t \n ; & | < > ( )
  return c === 32 || c === 9 || c === 10 || c === 59 || c === 38 || c === 124 || c === 60 || c === 62 || c === 40 || c === 41;
}
export function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** `*`, `?`, or a `[` with a `]` after it: a lone `[` (the test command) is not a pattern. */
function hasGlob(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 42 || c === 63 || (c === 91 && s.indexOf(']', i + 1) > 0)) return true;
  }
  return false;
}

/** A `{` that brace expansion might act on (a lone `{` or `}` is a reserved word, not a brace group). */
function hasBrace(s: string): boolean {
  return s.length > 2 && s.includes('{') && s.includes('}');
}

/** Builds a word, marking the plain ones (one literal, nothing to expand) for the interpreter's fast path. */
export function makeWord(parts: WordPart[], raw: string): Word {
  if (parts.length === 0) return { parts, raw, plain: '' };
  if (parts.length === 1 && parts[0].k === 'lit' && !hasGlob(parts[0].v) && !hasBrace(parts[0].v)) {
    return { parts, raw, plain: parts[0].v };
  }
  // Quoted text alone ('a b', "x", arithmetic bodies) also needs no expansion: it never splits or globs.
  if (parts.every((p) => p.k === 'sq')) return { parts, raw, plain: parts.map((p) => (p as { v: string }).v).join('') };
  return { parts, raw };
}

interface PendingHeredoc {
  readonly redir: Redir;
  readonly delim: string;
  readonly strip: boolean;
  readonly quoted: boolean;
  /** The line of the `<<` operator, which bash's warning names. */
  readonly line: number;
}

export abstract class Lexer {
  protected pos = 0;
  protected line: number;
  protected readonly final: boolean;
  /** Whether `time` is a reserved word (bash). */
  protected readonly timed: boolean;
  protected depth: number;
  protected pending: PendingHeredoc[] = [];
  readonly warnings: { line: number; text: string }[] = [];

  constructor(
    protected readonly src: string,
    opts: ParseOptions = {},
  ) {
    this.final = opts.final ?? false;
    this.timed = !opts.posix;
    this.line = opts.line ?? 1;
    this.depth = opts.depth ?? 0;
  }

  /** Parses a `$(…)` body; the lexer is positioned just after `$(`. */
  protected abstract parseSubst(): ListNode;
  /** Parses a complete program from text (backticks). */
  protected abstract parseNested(text: string): ListNode;

  protected enter(): void {
    if (++this.depth > MAX_DEPTH) {
      throw new ParseError(false, '', this.line, { message: 'syntax error: expression nesting level exceeded' });
    }
  }

  protected incomplete(quote?: string, expecting?: string, line = this.line): never {
    throw new ParseError(true, '', line, { quote, expecting, message: quote ? `unexpected EOF while looking for matching \`${quote}'` : undefined });
  }

  protected nextToken(): Token {
    const src = this.src;
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (c === 32 || c === 9) this.pos++;
      else if (c === 92 && src.charCodeAt(this.pos + 1) === 10) {
        this.pos += 2;
        this.line++;
      } else if (c === 35) {
        const nl = src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? src.length : nl;
      } else break;
    }
    const start = this.pos;
    const line = this.line;
    if (this.pos >= src.length) {
      if (this.pending.length > 0) this.readHeredocs();
      return { t: 'eof', line, start };
    }
    const c = src.charCodeAt(this.pos);
    if (c === 10) {
      this.pos++;
      this.line++;
      if (this.pending.length > 0) this.readHeredocs();
      return { t: 'nl', line, start };
    }
    if (isDigit(c)) {
      let e = this.pos;
      while (isDigit(src.charCodeAt(e))) e++;
      const n = src.charCodeAt(e);
      if ((n === 60 || n === 62) && e - this.pos < 5) {
        const fd = Number(src.slice(this.pos, e));
        this.pos = e;
        const op = this.readOp()!;
        return { t: 'op', v: op, fd, line, start };
      }
    }
    if (isMeta(c)) {
      const op = this.readOp()!;
      return { t: 'op', v: op, line, start };
    }
    return { t: 'word', word: this.scanWord(), line, start };
  }

  private readOp(): string | undefined {
    for (const op of OPS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return op;
      }
    }
    return undefined;
  }

  protected addHeredoc(redir: Redir, target: Word): void {
    let delim = '';
    let quoted = false;
    for (const p of target.parts) {
      if (p.k === 'lit') delim += p.v;
      else if (p.k === 'sq') {
        delim += p.v;
        quoted = true;
      } else if (p.k === 'dq') {
        quoted = true;
        for (const q of p.parts) delim += q.k === 'sq' || q.k === 'lit' ? q.v : '';
      } else delim += target.raw;
    }
    this.pending.push({ redir, delim, strip: redir.op === '<<-', quoted, line: this.line });
  }

  private readHeredocs(): void {
    const src = this.src;
    for (const h of this.pending.splice(0)) {
      let body = '';
      for (;;) {
        if (this.pos >= src.length) {
          if (!this.final) this.incomplete(undefined, h.delim);
          this.warnings.push({
            // The input's last line: a final newline ends a line, it does not start one.
            line: src.endsWith('\n') ? this.line - 1 : this.line,
            text: `warning: here-document at line ${h.line} delimited by end-of-file (wanted \`${h.delim}')`,
          });
          break;
        }
        const eol = src.indexOf('\n', this.pos);
        let text = src.slice(this.pos, eol < 0 ? src.length : eol);
        this.pos = eol < 0 ? src.length : eol + 1;
        this.line++;
        if (h.strip) text = text.replace(/^\t+/, '');
        if (text === h.delim) break;
        body += `${text}\n`;
      }
      h.redir.heredoc = {
        quoted: h.quoted,
        body: h.quoted ? makeWord([{ k: 'sq', v: body }], body) : this.heredocWord(body),
      };
    }
  }

  /** A here-document body: like double quotes, except `"` is an ordinary character. */
  protected abstract heredocWord(body: string): Word;

  protected scanWord(): Word {
    const src = this.src;
    const start = this.pos;
    const parts: WordPart[] = [];
    if (src.charCodeAt(this.pos) === 126) this.scanTilde(parts);
    let runStart = this.pos;
    const flush = (): void => {
      if (this.pos > runStart) parts.push({ k: 'lit', v: src.slice(runStart, this.pos) });
    };
    while (this.pos < src.length) {
      const c = src.charCodeAt(this.pos);
      if (isMeta(c)) {
        if (c === 40 && parts.length === 0 && ASSIGN_OPEN.test(src.slice(runStart, this.pos))) {
          flush();
          parts.push(this.scanList());
          runStart = this.pos;
          continue;
        }
        break;
      }
      if (c === 92 || c === 39 || c === 34 || c === 36 || c === 96) {
        flush();
        this.scanSpecial(c, parts, false);
        runStart = this.pos;
      } else this.pos++;
    }
    flush();
    return makeWord(mergeLits(parts), src.slice(start, this.pos));
  }

  /** `(a b [3]=c)` of a compound assignment: words up to the matching `)`, newlines and comments allowed. */
  private scanList(): WordPart {
    const src = this.src;
    const start = this.pos;
    const line = this.line;
    this.pos++;
    const items: Word[] = [];
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (this.pos >= src.length) this.incomplete(undefined, ')', line);
      if (c === 32 || c === 9) this.pos++;
      else if (c === 10) {
        this.pos++;
        this.line++;
      } else if (c === 35) {
        const nl = src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? src.length : nl;
      } else if (c === 41) {
        this.pos++;
        break;
      } else if (isMeta(c)) throw new ParseError(false, src[this.pos], this.line);
      else items.push(this.scanWord());
    }
    return { k: 'list', items, raw: src.slice(start, this.pos) };
  }

  private scanTilde(parts: WordPart[]): void {
    const src = this.src;
    let e = this.pos + 1;
    while (e < src.length) {
      const c = src.charCodeAt(e);
      if (isNameChar(c) || c === 46 || c === 45 || c === 43) e++;
      else break;
    }
    const c = src.charCodeAt(e);
    if (e >= src.length || c === 47 || isMeta(c)) {
      parts.push({ k: 'tilde', user: src.slice(this.pos + 1, e) });
      this.pos = e;
    }
  }

  /** Handles `\`, quotes, `$` and backquote at `pos`, appending parts (literal text stays with the caller). */
  private scanSpecial(c: number, parts: WordPart[], inDq: boolean): void {
    const src = this.src;
    if (c === 92) {
      const n = src[this.pos + 1];
      if (n === undefined) {
        if (!this.final) this.incomplete();
        parts.push({ k: 'sq', v: '\\' });
        this.pos++;
      } else if (n === '\n') {
        this.pos += 2;
        this.line++;
      } else {
        parts.push({ k: 'sq', v: n });
        this.pos += 2;
      }
    } else if (c === 39) {
      const line = this.line;
      const end = src.indexOf("'", this.pos + 1);
      if (end < 0) this.incomplete("'", undefined, line);
      const v = src.slice(this.pos + 1, end);
      this.countLines(v);
      parts.push({ k: 'sq', v });
      this.pos = end + 1;
    } else if (c === 34) {
      this.pos++;
      parts.push({ k: 'dq', parts: this.scanDq('"') });
    } else if (c === 36) {
      const p = this.scanDollar(inDq);
      if (p) parts.push(p);
      else {
        parts.push({ k: 'lit', v: '$' });
        this.pos++;
      }
    } else {
      parts.push(this.scanBackquote());
    }
  }

  private countLines(s: string): void {
    for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) this.line++;
  }

  /** Double-quoted text up to `end` (or to end of input for here-documents, where `"` is literal). */
  protected scanDq(end: '"' | null): WordPart[] {
    const src = this.src;
    const parts: WordPart[] = [];
    const line = this.line;
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ k: 'sq', v: lit });
      lit = '';
    };
    for (;;) {
      if (this.pos >= src.length) {
        if (end === null) break;
        this.incomplete('"', undefined, line);
      }
      const ch = src[this.pos];
      if (ch === end) {
        this.pos++;
        break;
      }
      if (ch === '\\') {
        const n = src[this.pos + 1];
        if (n === '$' || n === '`' || n === '\\' || (n === '"' && end !== null)) {
          lit += n;
          this.pos += 2;
        } else if (n === '\n') {
          this.pos += 2;
          this.line++;
        } else {
          lit += '\\';
          this.pos++;
        }
      } else if (ch === '$') {
        const p = this.scanDollar(true);
        if (p) {
          flush();
          parts.push(p);
        } else {
          lit += '$';
          this.pos++;
        }
      } else if (ch === '`') {
        flush();
        parts.push(this.scanBackquote());
      } else {
        if (ch === '\n') this.line++;
        lit += ch;
        this.pos++;
      }
    }
    flush();
    return parts;
  }

  private scanBackquote(): WordPart {
    const src = this.src;
    const line = this.line;
    let text = '';
    let i = this.pos + 1;
    for (;;) {
      if (i >= src.length) this.incomplete('`', undefined, line);
      const ch = src[i];
      if (ch === '`') break;
      if (ch === '\\' && (src[i + 1] === '`' || src[i + 1] === '\\' || src[i + 1] === '$')) {
        text += src[i + 1];
        i += 2;
      } else {
        text += ch;
        i++;
      }
    }
    this.pos = i + 1;
    this.countLines(text);
    this.enter();
    const body = this.parseNested(text);
    this.depth--;
    return { k: 'cmd', body };
  }

  /** At `$`: returns the expansion, or null when the `$` is literal (pos unchanged). */
  private scanDollar(inDq: boolean): WordPart | null {
    const src = this.src;
    const n = src.charCodeAt(this.pos + 1);
    if (n === 40) {
      this.enter();
      let part: WordPart;
      if (src.charCodeAt(this.pos + 2) === 40) {
        this.pos += 3;
        part = { k: 'arith', expr: this.scanArith('))') };
      } else {
        this.pos += 2;
        part = { k: 'cmd', body: this.parseSubst() };
      }
      this.depth--;
      return part;
    }
    if (n === 123) return this.scanBraced();
    if (n === 91) {
      // `$[…]`: bash's old spelling of `$((…))`.
      this.pos += 2;
      return { k: 'arith', expr: this.scanArith(']') };
    }
    if (isNameStart(n)) {
      let e = this.pos + 2;
      while (isNameChar(src.charCodeAt(e))) e++;
      const name = src.slice(this.pos + 1, e);
      this.pos = e;
      return { k: 'param', name };
    }
    if (isDigit(n) || (n === n && SPECIAL_PARAMS.includes(src[this.pos + 1]))) {
      this.pos += 2;
      return { k: 'param', name: src[this.pos - 1] };
    }
    if (!inDq && n === 39) {
      this.pos += 2;
      return { k: 'sq', v: this.scanAnsiC() };
    }
    if (!inDq && n === 34) {
      this.pos += 2;
      return { k: 'dq', parts: this.scanDq('"') };
    }
    return null;
  }

  private scanAnsiC(): string {
    const src = this.src;
    const line = this.line;
    let out = '';
    for (;;) {
      if (this.pos >= src.length) this.incomplete("'", undefined, line);
      const ch = src[this.pos++];
      if (ch === "'") return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = src[this.pos++];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
      if (e in simple) out += simple[e];
      else if (e === 'x') {
        const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(this.pos, this.pos + 2));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          this.pos += m[0].length;
        } else out += '\\x';
      } else if (e >= '0' && e <= '7') {
        const m = /^[0-7]{1,3}/.exec(src.slice(this.pos - 1, this.pos + 2))!;
        out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
        this.pos += m[0].length - 1;
      } else out += `\\${e ?? ''}`;
    }
  }

  private scanBraced(): WordPart {
    const src = this.src;
    const line = this.line;
    const open = this.pos;
    this.pos += 2;
    let op: string | undefined;
    if (src[this.pos] === '#' && src[this.pos + 1] !== '}' && src[this.pos + 1] !== undefined) {
      op = '#len';
      this.pos++;
    } else if (src[this.pos] === '!' && isNameStart(src.charCodeAt(this.pos + 1))) {
      op = '!';
      this.pos++;
    }
    const name = this.readParamName();
    if (!name) return this.badSubst(open, line);
    let sub: Word | undefined;
    if (src[this.pos] === '[' && isNameStart(name.charCodeAt(0))) {
      this.pos++;
      sub = this.scanParamArg(']');
      if (src[this.pos] !== ']') return this.badSubst(open, line);
      this.pos++;
    }
    if (src[this.pos] === '}') {
      this.pos++;
      if (op === '!' && sub && (sub.raw === '@' || sub.raw === '*')) return { k: 'param', name, op: '!keys', sub };
      return sub ? { k: 'param', name, op, sub } : { k: 'param', name, op };
    }
    if (op) return this.badSubst(open, line);
    op = PARAM_OPS.find((o) => src.startsWith(o, this.pos));
    if (!op) return this.badSubst(open, line);
    this.pos += op.length;
    let arg: Word;
    let arg2: Word | undefined;
    if (op[0] === '/') {
      arg = this.scanParamArg('/');
      if (src[this.pos] === '/') {
        this.pos++;
        arg2 = this.scanParamArg('}');
      }
    } else if (op === ':') {
      arg = this.scanParamArg(':');
      if (src[this.pos] === ':') {
        this.pos++;
        arg2 = this.scanParamArg('}');
      }
    } else arg = this.scanParamArg('}');
    if (src[this.pos] !== '}') this.incomplete('}', undefined, line);
    this.pos++;
    return sub ? { k: 'param', name, op, arg, arg2, sub } : { k: 'param', name, op, arg, arg2 };
  }

  private badSubst(open: number, line: number): WordPart {
    let depth = 0;
    for (let i = open + 2; i < this.src.length; i++) {
      const ch = this.src[i];
      if (ch === '{') depth++;
      else if (ch === '}' && depth-- === 0) {
        this.pos = i + 1;
        return { k: 'param', name: this.src.slice(open, i + 1), op: 'bad' };
      }
    }
    this.incomplete('}', undefined, line);
  }

  private readParamName(): string {
    const src = this.src;
    const c = src.charCodeAt(this.pos);
    let e = this.pos;
    if (isNameStart(c)) while (isNameChar(src.charCodeAt(e))) e++;
    else if (isDigit(c)) while (isDigit(src.charCodeAt(e))) e++;
    else if (SPECIAL_PARAMS.includes(src[this.pos]) && this.pos < src.length) e++;
    const name = src.slice(this.pos, e);
    this.pos = e;
    return name;
  }

  /** The word inside `${name<op>…}`: quotes and expansions allowed, braces balanced, up to `}` (or `stop`). */
  private scanParamArg(stop: string): Word {
    const src = this.src;
    const start = this.pos;
    const parts: WordPart[] = [];
    let runStart = this.pos;
    let depth = 0;
    const flush = (): void => {
      if (this.pos > runStart) parts.push({ k: 'lit', v: src.slice(runStart, this.pos) });
    };
    while (this.pos < src.length) {
      const ch = src[this.pos];
      if (ch === '}' && depth === 0) break;
      if (ch === stop && depth === 0) break;
      const c = src.charCodeAt(this.pos);
      if (c === 92 || c === 39 || c === 34 || c === 36 || c === 96) {
        flush();
        this.scanSpecial(c, parts, false);
        runStart = this.pos;
        continue;
      }
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
      else if (ch === '\n') this.line++;
      this.pos++;
    }
    flush();
    return makeWord(mergeLits(parts), src.slice(start, this.pos));
  }

  /** Arithmetic text up to `))` (or a top-level `;` for `for ((…;…;…))`), with `$` expansions inside. */
  protected scanArith(end: '))' | ';' | ']'): Word {
    const src = this.src;
    const line = this.line;
    const start = this.pos;
    const parts: WordPart[] = [];
    let depth = 0;
    let runStart = this.pos;
    const flush = (): void => {
      if (this.pos > runStart) parts.push({ k: 'sq', v: src.slice(runStart, this.pos) });
    };
    for (;;) {
      if (this.pos >= src.length) this.incomplete(')', undefined, line);
      const ch = src[this.pos];
      if (depth === 0 && (end === ']' ? ch === ']' : end === ';' ? ch === ';' : ch === ')' && src[this.pos + 1] === ')')) break;
      if (end === ';' && depth === 0 && ch === ')' && src[this.pos + 1] === ')') break;
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
      if (ch === '$' || ch === '`' || ch === '"' || ch === "'" || ch === '\\') {
        flush();
        this.scanSpecial(src.charCodeAt(this.pos), parts, true);
        runStart = this.pos;
        continue;
      }
      if (ch === '\n') this.line++;
      this.pos++;
    }
    flush();
    const word = makeWord(mergeLits(parts), src.slice(start, this.pos));
    if (src[this.pos] === ';' || src[this.pos] === ']') this.pos++;
    else this.pos += 2;
    return word;
  }
}

function mergeLits(parts: WordPart[]): WordPart[] {
  if (parts.length < 2) return parts;
  const out: WordPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.k === 'lit' && p.k === 'lit') out[out.length - 1] = { k: 'lit', v: last.v + p.v };
    else out.push(p);
  }
  return out;
}
