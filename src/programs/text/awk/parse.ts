/**
 * The awk language: a lexer (regex literals by context, newlines as terminators, `name(` as a call) and a
 * recursive-descent parser with POSIX awk's precedence, producing the tree interp.ts runs. Syntax errors
 * carry mawk's wording (`syntax error at or near }`, `missing } near end of file`, `runaway string constant`).
 */

export class AwkSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

type TokType =
  | 'num' | 'str' | 'ere' | 'name' | 'func' | 'builtin' | 'kw' | 'nl' | 'eof' | 'op';

interface Token {
  type: TokType;
  text: string;
  line: number;
  value?: number | string;
}

const KEYWORDS = new Set([
  'BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile',
  'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf',
]);

export const BUILTINS = new Set([
  'length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt',
  'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush',
]);

const OPS = [
  '+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~',
  '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '=',
];

/** After these a `/` divides; anywhere else it starts a regular expression. */
function endsOperand(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.type === 'num' || t.type === 'str' || t.type === 'ere' || t.type === 'name' || t.type === 'builtin') return true;
  return t.type === 'op' && (t.text === ')' || t.text === ']' || t.text === '$' || t.text === '++' || t.text === '--');
}

export function lex(src: string): Token[] {
  const toks: Token[] = [];
  let i = 0;
  let line = 1;
  const push = (type: TokType, text: string, value?: number | string): void => {
    toks.push({ type, text, line, value });
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      push('nl', 'end of line');
      i++;
      line++;
      continue;
    }
    if (c === '"') {
      let s = '';
      let j = i + 1;
      for (;;) {
        if (j >= src.length || src[j] === '\n') throw new AwkSyntaxError(line, `runaway string constant "${src.slice(i + 1, j).slice(0, 10)} ...`);
        const d = src[j];
        if (d === '"') break;
        if (d === '\\' && j + 1 < src.length) {
          const [ch, used] = unescape(src, j + 1);
          s += ch;
          j += 1 + used;
          continue;
        }
        s += d;
        j++;
      }
      push('str', src.slice(i, j + 1), s);
      i = j + 1;
      continue;
    }
    if (c === '/' && !endsOperand(toks[toks.length - 1])) {
      let s = '';
      let j = i + 1;
      let bracket = false;
      for (;;) {
        if (j >= src.length || src[j] === '\n') throw new AwkSyntaxError(line, `runaway regular expression /${src.slice(i + 1, j).slice(0, 10)} ...`);
        const d = src[j];
        if (d === '/' && !bracket) break;
        if (d === '[' && !bracket) {
          bracket = true;
          s += d;
          j++;
          if (src[j] === '^') s += src[j++];
          if (src[j] === ']') s += src[j++];
          continue;
        }
        if (d === ']' && bracket) bracket = false;
        if (d === '\\' && src[j + 1] === '/') {
          s += '/';
          j += 2;
          continue;
        }
        if (d === '\\' && j + 1 < src.length) {
          s += d + src[j + 1];
          j += 2;
          continue;
        }
        s += d;
        j++;
      }
      push('ere', src.slice(i, j + 1), s);
      i = j + 1;
      continue;
    }
    if (/[0-9.]/.test(c) && /^(\d+\.?\d*|\.\d+)/.test(src.slice(i, i + 40))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i))!;
      push('num', m[0], Number(m[0]));
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      const w = m[0];
      i += w.length;
      if (KEYWORDS.has(w)) push('kw', w);
      else if (BUILTINS.has(w)) push('builtin', w);
      else if (src[i] === '(') push('func', w);
      else push('name', w);
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(line, `syntax error at or near ${c}`);
    push('op', op);
    i += op.length;
  }
  toks.push({ type: 'eof', text: 'end of file', line: line + (src.endsWith('\n') ? 0 : 1) });
  return toks;
}

/** An escape after `\` in a string literal: the character and how many source characters it used. */
export function unescape(src: string, at: number): [string, number] {
  const d = src[at];
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
  if (d in simple) return [simple[d], 1];
  const oct = /^[0-7]{1,3}/.exec(src.slice(at, at + 3));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), oct[0].length];
  return [`\\${d}`, 1];
}

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'index'; name: string; subs: Expr[] }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'and' | 'or'; l: Expr; r: Expr }
  | { k: 'not' | 'neg' | 'plus'; e: Expr }
  | { k: 'match'; neg: boolean; l: Expr; r: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'concat'; l: Expr; r: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'call'; name: string; args: Expr[]; line: number }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; target: Expr | null; file: Expr | null; cmd: Expr | null }
  | { k: 'group'; e: Expr }
  | { k: 'list'; items: Expr[] };

export type Redirect = { kind: '>' | '>>' | '|'; dest: Expr } | null;

export type Stmt =
  | { k: 'print'; args: Expr[]; redir: Redirect }
  | { k: 'printf'; args: Expr[]; redir: Redirect }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; then: Stmt; else: Stmt | null }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init: Expr | null; c: Expr | null; step: Expr | null; body: Stmt }
  | { k: 'forin'; v: Expr; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit' | 'return'; e: Expr | null }
  | { k: 'delete'; name: string; subs: Expr[] | null };

export interface Item {
  kind: 'begin' | 'end' | 'main';
  pattern: Expr | null;
  pattern2: Expr | null;
  action: Stmt[] | null;
}

export interface Func {
  name: string;
  params: string[];
  body: Stmt[];
}

export interface Program {
  items: Item[];
  funcs: Map<string, Func>;
}

const UNARY_START = new Set(['!', '-', '+', '++', '--', '$', '(']);

class Parser {
  private p = 0;
  private funcs = new Map<string, Func>();
  private calls: { name: string; line: number; argc: number }[] = [];
  /** How a global name has been used (array or scalar), for mawk's parse-time type errors. */
  private kinds = new Map<string, 'array' | 'scalar'>();
  private params: string[] | null = null;
  private braceDepth = 0;
  private inPrint = false;

  constructor(private readonly toks: Token[]) {}

  private get t(): Token {
    return this.toks[this.p];
  }

  private is(text: string): boolean {
    const t = this.t;
    return (t.type === 'op' || t.type === 'kw') && t.text === text;
  }

  private fail(t: Token = this.t): never {
    if (t.type === 'eof' && this.braceDepth > 0) throw new AwkSyntaxError(t.line, 'missing } near end of file');
    if (this.toks[this.p - 1]?.text === '(' && (t.text === '}' || t.type === 'nl')) throw new AwkSyntaxError(t.line, `missing ) near ${t.text}`);
    throw new AwkSyntaxError(t.line, `syntax error at or near ${t.text}`);
  }

  private expect(text: string): Token {
    if (!this.is(text)) {
      if (text === ')' && this.t.type !== 'eof') throw new AwkSyntaxError(this.t.line, `missing ) near ${this.t.text}`);
      this.fail();
    }
    return this.toks[this.p++];
  }

  private nls(): void {
    while (this.t.type === 'nl') this.p++;
  }

  private use(name: string, kind: 'array' | 'scalar', line: number): void {
    if (this.params?.includes(name)) return;
    const prev = this.kinds.get(name);
    if (prev && prev !== kind) throw new AwkSyntaxError(line, `illegal reference to ${prev === 'array' ? 'array' : 'variable'} ${name}`);
    this.kinds.set(name, kind);
  }

  program(): Program {
    const items: Item[] = [];
    this.nls();
    while (this.t.type !== 'eof') {
      if (this.is('function') || this.is('func')) this.func();
      else items.push(this.item());
      while (this.t.type === 'nl' || this.is(';')) this.p++;
    }
    for (const c of this.calls) {
      const f = this.funcs.get(c.name);
      if (!f) throw new AwkSyntaxError(this.t.line, `function ${c.name} never defined`);
      if (c.argc > f.params.length) throw new AwkSyntaxError(c.line, `too many arguments in call to ${c.name}`);
    }
    return { items, funcs: this.funcs };
  }

  private func(): void {
    this.p++;
    const nameTok = this.t;
    if (nameTok.type !== 'name' && nameTok.type !== 'func') this.fail();
    this.p++;
    this.expect('(');
    const params: string[] = [];
    while (!this.is(')')) {
      if (this.t.type !== 'name') this.fail();
      params.push(this.t.text);
      this.p++;
      if (this.is(',')) {
        this.p++;
        this.nls();
      } else if (!this.is(')')) this.fail();
    }
    this.p++;
    this.nls();
    this.params = params;
    const body = this.block();
    this.params = null;
    this.funcs.set(nameTok.text, { name: nameTok.text, params, body });
  }

  private item(): Item {
    if (this.is('BEGIN') || this.is('END')) {
      const kind = this.t.text === 'BEGIN' ? 'begin' : 'end';
      this.p++;
      this.nls();
      if (!this.is('{')) this.fail();
      return { kind, pattern: null, pattern2: null, action: this.block() };
    }
    let pattern: Expr | null = null;
    let pattern2: Expr | null = null;
    if (!this.is('{')) {
      pattern = this.expr();
      if (this.is(',')) {
        this.p++;
        this.nls();
        pattern2 = this.expr();
      }
    }
    const action = this.is('{') ? this.block() : null;
    return { kind: 'main', pattern, pattern2, action };
  }

  private block(): Stmt[] {
    this.expect('{');
    this.braceDepth++;
    const body: Stmt[] = [];
    for (;;) {
      while (this.t.type === 'nl' || this.is(';')) this.p++;
      if (this.is('}')) break;
      if (this.t.type === 'eof') this.fail();
      body.push(this.stmt());
    }
    this.p++;
    this.braceDepth--;
    return body;
  }

  /** A simple statement ends at `;`, a newline, or before `}`. */
  private terminator(): void {
    if (this.is(';') || this.t.type === 'nl') {
      this.p++;
      return;
    }
    if (this.is('}') || this.t.type === 'eof') return;
    this.fail();
  }

  private body(): Stmt {
    this.nls();
    if (this.is(';')) {
      this.p++;
      return { k: 'block', body: [] };
    }
    return this.stmt();
  }

  private stmt(): Stmt {
    const t = this.t;
    if (this.is('{')) return { k: 'block', body: this.block() };
    if (t.type === 'kw') {
      switch (t.text) {
        case 'if': {
          this.p++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          const then = this.body();
          const save = this.p;
          while (this.t.type === 'nl' || this.is(';')) this.p++;
          if (this.is('else')) {
            this.p++;
            return { k: 'if', c, then, else: this.body() };
          }
          this.p = save;
          return { k: 'if', c, then, else: null };
        }
        case 'while': {
          this.p++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          if (this.is(';')) {
            this.p++;
            return { k: 'while', c, body: { k: 'block', body: [] } };
          }
          return { k: 'while', c, body: this.body() };
        }
        case 'do': {
          this.p++;
          const body = this.body();
          while (this.t.type === 'nl' || this.is(';')) this.p++;
          if (!this.is('while')) this.fail();
          this.p++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          this.terminator();
          return { k: 'do', body, c };
        }
        case 'for': {
          this.p++;
          this.expect('(');
          if (this.t.type === 'name' && this.toks[this.p + 1].text === 'in' && this.toks[this.p + 2].type === 'name' && this.toks[this.p + 3]?.text === ')') {
            const v: Expr = { k: 'var', name: this.t.text };
            this.use(this.t.text, 'scalar', this.t.line);
            const arr = this.toks[this.p + 2].text;
            this.use(arr, 'array', this.t.line);
            this.p += 4;
            return { k: 'forin', v, arr, body: this.body() };
          }
          const init = this.is(';') ? null : this.simpleExpr();
          this.expect(';');
          this.nls();
          const c = this.is(';') ? null : this.expr();
          this.expect(';');
          this.nls();
          const step = this.is(')') ? null : this.simpleExpr();
          this.expect(')');
          if (this.is(';')) {
            this.p++;
            return { k: 'for', init, c, step, body: { k: 'block', body: [] } };
          }
          return { k: 'for', init, c, step, body: this.body() };
        }
        case 'next': case 'nextfile': case 'break': case 'continue':
          this.p++;
          this.terminator();
          return { k: t.text as 'next' };
        case 'exit': case 'return': {
          this.p++;
          const e = this.is(';') || this.is('}') || this.t.type === 'nl' || this.t.type === 'eof' ? null : this.expr();
          this.terminator();
          return { k: t.text as 'exit', e };
        }
        case 'delete': {
          this.p++;
          if (this.t.type !== 'name') this.fail();
          const name = this.t.text;
          this.use(name, 'array', this.t.line);
          this.p++;
          let subs: Expr[] | null = null;
          if (this.is('[')) {
            this.p++;
            subs = this.exprList();
            this.expect(']');
          }
          this.terminator();
          return { k: 'delete', name, subs };
        }
        case 'print': case 'printf': {
          this.p++;
          const s = this.print(t.text);
          this.terminator();
          return s;
        }
      }
    }
    const e = this.simpleExpr();
    this.terminator();
    return { k: 'expr', e };
  }

  private print(kind: string): Stmt {
    let args: Expr[] = [];
    this.inPrint = true;
    if (!(this.is(';') || this.is('}') || this.is('>') || this.is('>>') || this.is('|') || this.t.type === 'nl' || this.t.type === 'eof')) {
      args = this.exprList();
      // `print (a, b)` is a grouped list, not a parenthesised expression.
      if (args.length === 1 && args[0].k === 'list') args = args[0].items;
    }
    this.inPrint = false;
    let redir: Redirect = null;
    if (this.is('>') || this.is('>>') || this.is('|')) {
      const op = this.t.text as '>' | '>>' | '|';
      this.p++;
      redir = { kind: op, dest: this.concat() };
    }
    if (kind === 'printf' && args.length === 0) this.fail();
    return { k: kind as 'print', args, redir };
  }

  private exprList(): Expr[] {
    const list = [this.expr()];
    while (this.is(',')) {
      this.p++;
      this.nls();
      list.push(this.expr());
    }
    return list;
  }

  private simpleExpr(): Expr {
    return this.expr();
  }

  expr(): Expr {
    return this.ternary();
  }

  private isLvalue(e: Expr): boolean {
    return e.k === 'var' || e.k === 'field' || e.k === 'index';
  }

  private ternary(): Expr {
    const c = this.or();
    if (this.is('?')) {
      this.p++;
      this.nls();
      const a = this.ternary();
      this.nls();
      this.expect(':');
      this.nls();
      const b = this.ternary();
      return { k: 'cond', c, a, b };
    }
    if (this.t.type === 'op' && /^([-+*/%^]?=)$/.test(this.t.text) && this.isLvalue(c)) {
      const op = this.t.text;
      this.p++;
      this.nls();
      return { k: 'assign', op, target: c, e: this.ternary() };
    }
    return c;
  }

  private or(): Expr {
    let l = this.and();
    while (this.is('||')) {
      this.p++;
      this.nls();
      l = { k: 'or', l, r: this.and() };
    }
    return l;
  }

  private and(): Expr {
    let l = this.inExpr();
    while (this.is('&&')) {
      this.p++;
      this.nls();
      l = { k: 'and', l, r: this.inExpr() };
    }
    return l;
  }

  private inExpr(): Expr {
    let l = this.matchExpr();
    while (this.is('in')) {
      this.p++;
      if (this.t.type !== 'name') this.fail();
      const name = this.t.text;
      this.use(name, 'array', this.t.line);
      this.p++;
      l = { k: 'in', subs: l.k === 'list' ? l.items : [l], name };
    }
    return l;
  }

  private matchExpr(): Expr {
    let l = this.compare();
    while (this.is('~') || this.is('!~')) {
      const neg = this.t.text === '!~';
      this.p++;
      l = { k: 'match', neg, l, r: this.compare() };
    }
    return l;
  }

  private compare(): Expr {
    const l = this.concat();
    const t = this.t;
    if (t.type === 'op' && ['<', '<=', '==', '!=', '>=', '>'].includes(t.text)) {
      if (t.text === '>' && this.inPrint) return l;
      this.p++;
      return { k: 'bin', op: t.text, l, r: this.concat() };
    }
    return l;
  }

  /** Whether the current token can begin an operand of implicit concatenation. */
  private startsConcat(): boolean {
    const t = this.t;
    if (t.type === 'num' || t.type === 'str' || t.type === 'ere' || t.type === 'name' || t.type === 'func' || t.type === 'builtin') return true;
    if (t.type === 'op') return ['!', '-', '+', '++', '--', '$', '('].includes(t.text) && t.text !== '!';
    return false;
  }

  private concat(): Expr {
    let l = this.additive();
    while (this.startsConcat() && !this.is('in')) {
      // `a -1` is subtraction (handled by additive); a `-`/`+` here cannot start a concatenated operand.
      if (this.is('-') || this.is('+')) break;
      l = { k: 'concat', l, r: this.additive() };
    }
    // `cmd | getline [var]`
    while (this.is('|') && this.toks[this.p + 1]?.text === 'getline') {
      this.p += 2;
      const target = this.optLvalue();
      l = { k: 'getline', target, file: null, cmd: l };
    }
    return l;
  }

  private additive(): Expr {
    let l = this.mult();
    while (this.is('+') || this.is('-')) {
      const op = this.t.text;
      this.p++;
      l = { k: 'bin', op, l, r: this.mult() };
    }
    return l;
  }

  private mult(): Expr {
    let l = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.t.text;
      this.p++;
      l = { k: 'bin', op, l, r: this.unary() };
    }
    return l;
  }

  private unary(): Expr {
    if (this.is('!')) {
      this.p++;
      return { k: 'not', e: this.unary() };
    }
    if (this.is('-')) {
      this.p++;
      return { k: 'neg', e: this.unary() };
    }
    if (this.is('+')) {
      this.p++;
      return { k: 'plus', e: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.incdec();
    if (this.is('^')) {
      this.p++;
      // Right associative, and binds tighter than unary minus on its left only: 2^-1 is allowed.
      const exp = this.is('-') ? (this.p++, { k: 'neg' as const, e: this.power() }) : this.is('+') ? (this.p++, this.power()) : this.is('!') ? (this.p++, { k: 'not' as const, e: this.power() }) : this.power();
      return { k: 'bin', op: '^', l: base, r: exp };
    }
    return base;
  }

  private incdec(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.t.text as '++' | '--';
      this.p++;
      const target = this.primary();
      if (!this.isLvalue(target)) this.fail();
      return { k: 'incdec', op, prefix: true, target };
    }
    const e = this.primary();
    if ((this.is('++') || this.is('--')) && this.isLvalue(e)) {
      const op = this.t.text as '++' | '--';
      this.p++;
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  private optLvalue(): Expr | null {
    if (this.t.type === 'name' || this.is('$')) {
      const e = this.is('$') ? (this.p++, { k: 'field' as const, e: this.incdecPrimary() }) : this.primary();
      return e;
    }
    return null;
  }

  private incdecPrimary(): Expr {
    if (this.is('++') || this.is('--')) return this.incdec();
    if (this.is('-')) {
      this.p++;
      return { k: 'neg', e: this.incdecPrimary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.t;
    switch (t.type) {
      case 'num':
        this.p++;
        return { k: 'num', v: t.value as number };
      case 'str':
        this.p++;
        return { k: 'str', v: t.value as string };
      case 'ere':
        this.p++;
        return { k: 're', src: t.value as string };
      case 'func': {
        this.p++;
        this.expect('(');
        const args = this.is(')') ? [] : this.exprListNl();
        this.expect(')');
        this.calls.push({ name: t.text, line: t.line, argc: args.length });
        return { k: 'call', name: t.text, args, line: t.line };
      }
      case 'builtin': {
        this.p++;
        if (!this.is('(')) {
          if (t.text === 'length') return { k: 'builtin', name: 'length', args: [] };
          this.fail();
        }
        this.p++;
        const args = this.is(')') ? [] : this.exprListNl();
        this.expect(')');
        checkArity(t, args.length);
        if ((t.text === 'split' && args[1]?.k === 'var')) this.use((args[1] as { name: string }).name, 'array', t.line);
        return { k: 'builtin', name: t.text, args };
      }
      case 'name': {
        this.p++;
        if (this.is('[')) {
          this.p++;
          const subs = this.exprListNl();
          this.expect(']');
          this.use(t.text, 'array', t.line);
          return { k: 'index', name: t.text, subs };
        }
        // A bare name as a call's argument may be an array passed by reference: no verdict from it.
        const argLike = (this.is(',') || this.is(')')) && this.toks[this.p - 2]?.type === 'op' && /^[(,]$/.test(this.toks[this.p - 2].text);
        if (!this.is('in') && !argLike) this.use(t.text, 'scalar', t.line);
        return { k: 'var', name: t.text };
      }
      case 'kw':
        if (t.text === 'getline') {
          this.p++;
          const target = this.optLvalue();
          if (this.is('<')) {
            this.p++;
            return { k: 'getline', target, file: this.incdecPrimaryOrConcatless(), cmd: null };
          }
          return { k: 'getline', target, file: null, cmd: null };
        }
        this.fail();
        break;
      case 'op':
        if (t.text === '$') {
          this.p++;
          return { k: 'field', e: this.incdecPrimary() };
        }
        if (t.text === '(') {
          this.p++;
          const save = this.inPrint;
          this.inPrint = false;
          this.nls();
          const first = this.expr();
          if (this.is(',')) {
            const items = [first];
            while (this.is(',')) {
              this.p++;
              this.nls();
              items.push(this.expr());
            }
            this.expect(')');
            this.inPrint = save;
            return { k: 'list', items };
          }
          this.nls();
          this.expect(')');
          this.inPrint = save;
          return { k: 'group', e: first };
        }
        if (t.text === '-' || t.text === '+' || t.text === '!') return this.unary();
        break;
    }
    return this.fail();
  }

  /** `getline < file`: the file is a primary (`getline < "a" "b"` reads "a"). */
  private incdecPrimaryOrConcatless(): Expr {
    return this.incdecPrimary();
  }

  private exprListNl(): Expr[] {
    this.nls();
    const l = this.exprList();
    this.nls();
    return l;
  }
}

const ARITY: Record<string, [number, number]> = {
  length: [0, 1], substr: [2, 3], index: [2, 2], split: [2, 3], sub: [2, 3], gsub: [2, 3], match: [2, 2],
  sprintf: [1, 255], tolower: [1, 1], toupper: [1, 1], int: [1, 1], sqrt: [1, 1], exp: [1, 1], log: [1, 1],
  sin: [1, 1], cos: [1, 1], atan2: [2, 2], rand: [0, 0], srand: [0, 1], system: [1, 1], close: [1, 1], fflush: [0, 1],
};

function checkArity(t: Token, n: number): void {
  const [lo, hi] = ARITY[t.text];
  if (n < lo || n > hi) throw new AwkSyntaxError(t.line, `wrong number of arguments in call to ${t.text}`);
}

export function parse(src: string): Program {
  const p = new Parser(lex(src));
  return p.program();
}

export { UNARY_START };
