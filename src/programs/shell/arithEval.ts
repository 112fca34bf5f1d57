/** The arithmetic evaluator (see arith.ts): importing it is how machine/late.ts provides it. */
import { ArithError, LATE_ARITH, type ArithVars } from './arith.js';

type Node =
  | { k: 'num'; v: bigint }
  | { k: 'var'; name: string }
  | { k: 'un'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'assign'; op: string; name: string; b: Node }
  | { k: 'incdec'; op: string; prefix: boolean; name: string }
  | { k: 'tern'; c: Node; a: Node; b: Node };

const BIN: Record<string, number> = {
  ',': 1, '||': 4, '&&': 5, '|': 6, '^': 7, '&': 8, '==': 9, '!=': 9,
  '<': 10, '>': 10, '<=': 10, '>=': 10, '<<': 11, '>>': 11, '+': 12, '-': 12, '*': 13, '/': 13, '%': 13, '**': 14,
};
const ASSIGN = ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^=', '**='];
const TOKS = ['<<=', '>>=', '**=', '**', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '==', '!=', '<=', '>=', '<<', '>>', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '|', '^', '?', ':', '(', ')', ','];

const cache = new Map<string, Node | null>();

class P {
  i = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (this.i < this.s.length && ' \t\n'.includes(this.s[this.i])) this.i++;
  }
  rest(): string {
    return this.s.slice(this.i);
  }
  fail(msg: string, tok = this.rest()): never {
    throw new ArithError(`${this.s}: ${msg} (error token is "${tok}")`);
  }
  peekOp(): string | undefined {
    this.ws();
    for (const t of TOKS) if (this.s.startsWith(t, this.i)) return t;
    return undefined;
  }
  expr(min = 1): Node {
    let left = this.unary();
    for (;;) {
      const op = this.peekOp();
      if (op === '?' && min <= 3) {
        this.i++;
        const a = this.expr(1);
        if (this.peekOp() !== ':') this.fail("expected `:'");
        this.i++;
        const b = this.expr(3);
        left = { k: 'tern', c: left, a, b };
        continue;
      }
      if (op && ASSIGN.includes(op) && min <= 2) {
        if (left.k !== 'var') this.fail('attempted assignment to non-variable');
        this.i += op.length;
        left = { k: 'assign', op, name: left.name, b: this.expr(2) };
        continue;
      }
      const prec = op ? BIN[op] : undefined;
      if (op === undefined || prec === undefined || prec < min) return left;
      this.i += op.length;
      const b = this.expr(op === '**' ? prec : prec + 1);
      left = { k: 'bin', op, a: left, b };
    }
  }
  unary(): Node {
    const op = this.peekOp();
    if (op === '++' || op === '--') {
      this.i += 2;
      this.ws();
      const name = this.name();
      if (!name) this.fail('syntax error: operand expected');
      return { k: 'incdec', op, prefix: true, name };
    }
    if (op === '-' || op === '+' || op === '!' || op === '~') {
      this.i++;
      return { k: 'un', op, a: this.unary() };
    }
    return this.primary();
  }
  name(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    if (!m) return '';
    this.i += m[0].length;
    return m[0];
  }
  primary(): Node {
    this.ws();
    if (this.i >= this.s.length) this.fail('syntax error: operand expected', '');
    if (this.s[this.i] === '(') {
      this.i++;
      const e = this.expr(1);
      if (this.peekOp() !== ')') this.fail("missing `)'");
      this.i++;
      return e;
    }
    const m = /^(0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+)/.exec(this.s.slice(this.i));
    if (m) {
      const after = this.s[this.i + m[0].length];
      if (after && /[A-Za-z_]/.test(after)) this.fail('value too great for base', this.rest());
      this.i += m[0].length;
      return { k: 'num', v: parseNumber(m[0], this) };
    }
    const name = this.name();
    if (name) {
      const op = this.peekOp();
      if (op === '++' || op === '--') {
        this.i += 2;
        return { k: 'incdec', op, prefix: false, name };
      }
      return { k: 'var', name };
    }
    this.fail('syntax error: operand expected');
  }
}

function parseNumber(t: string, p: P): bigint {
  if (/^0[xX]/.test(t)) return BigInt(t);
  const hash = t.indexOf('#');
  if (hash > 0) {
    const base = Number(t.slice(0, hash));
    if (base < 2 || base > 64) p.fail('invalid arithmetic base', t);
    let v = 0n;
    for (const ch of t.slice(hash + 1)) {
      const d = digitValue(ch, base);
      if (d < 0 || d >= base) p.fail('value too great for base', t);
      v = v * BigInt(base) + BigInt(d);
    }
    return v;
  }
  if (t.length > 1 && t[0] === '0') {
    if (/[89]/.test(t)) p.fail('value too great for base', t);
    return BigInt(`0o${t.slice(1)}`);
  }
  return BigInt(t);
}

function digitValue(ch: string, base: number): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'a' && ch <= 'z') return ch.charCodeAt(0) - 87;
  if (ch >= 'A' && ch <= 'Z') return base <= 36 ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 29;
  if (ch === '@') return 62;
  return 63;
}

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

function evalArith(text: string, vars: ArithVars, depth = 0): bigint {
  let ast = cache.get(text);
  if (ast === undefined) {
    if (text.trim() === '') ast = null;
    else {
      const p = new P(text);
      ast = p.expr(1);
      p.ws();
      if (p.i < text.length) p.fail('syntax error in expression', p.rest());
    }
    if (cache.size > 5000) cache.clear();
    cache.set(text, ast);
  }
  if (ast === null) return 0n;
  return ev(ast, vars, text, depth);
}

function isDecimal(v: string): boolean {
  const start = v.charCodeAt(0) === 45 ? 1 : 0;
  if (v.length === start || (v.charCodeAt(start) === 48 && v.length > start + 1)) return false;
  for (let i = start; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function varValue(name: string, vars: ArithVars, depth: number): bigint {
  const v = vars.get(name);
  if (v === undefined || v === '') return 0n;
  if (isDecimal(v)) return BigInt(v);
  if (/^\s*-?[0-9]+\s*$/.test(v) && !/^\s*-?0[0-9]/.test(v)) return BigInt(v.trim());
  if (depth > 100) throw new ArithError(`${name}: expression recursion level exceeded (error token is "${name}")`);
  return evalArith(v, vars, depth + 1);
}

function ev(n: Node, vars: ArithVars, text: string, depth: number): bigint {
  switch (n.k) {
    case 'num':
      return n.v;
    case 'var':
      return varValue(n.name, vars, depth);
    case 'un': {
      const a = ev(n.a, vars, text, depth);
      if (n.op === '-') return wrap(-a);
      if (n.op === '+') return a;
      if (n.op === '!') return a === 0n ? 1n : 0n;
      return wrap(~a);
    }
    case 'tern':
      return ev(n.c, vars, text, depth) !== 0n ? ev(n.a, vars, text, depth) : ev(n.b, vars, text, depth);
    case 'incdec': {
      const old = varValue(n.name, vars, depth);
      const nv = wrap(n.op === '++' ? old + 1n : old - 1n);
      vars.set(n.name, String(nv));
      return n.prefix ? nv : old;
    }
    case 'assign': {
      const b = ev(n.b, vars, text, depth);
      const v = n.op === '=' ? b : binop(n.op.slice(0, -1), varValue(n.name, vars, depth), b, text);
      vars.set(n.name, String(v));
      return v;
    }
    case 'bin': {
      if (n.op === '&&') return ev(n.a, vars, text, depth) !== 0n && ev(n.b, vars, text, depth) !== 0n ? 1n : 0n;
      if (n.op === '||') return ev(n.a, vars, text, depth) !== 0n || ev(n.b, vars, text, depth) !== 0n ? 1n : 0n;
      return binop(n.op, ev(n.a, vars, text, depth), ev(n.b, vars, text, depth), text);
    }
  }
}

function binop(op: string, a: bigint, b: bigint, text: string): bigint {
  switch (op) {
    case ',': return b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '&': return a & b;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
    case '<': return a < b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
    case '<<': return wrap(a << (b & 63n));
    case '>>': return a >> (b & 63n);
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return wrap(a * b);
    case '/':
    case '%': {
      if (b === 0n) {
        const idx = text.lastIndexOf(op);
        throw new ArithError(`${text}: division by 0 (error token is "${text.slice(idx + 1)}")`);
      }
      return wrap(op === '/' ? a / b : a % b);
    }
    case '**':
      if (b < 0n) throw new ArithError(`${text}: exponent less than 0 (error token is "${String(b)}")`);
      return wrap(a ** b);
    default:
      return 0n;
  }
}

LATE_ARITH.provide(evalArith);
