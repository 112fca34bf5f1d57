/** expr: the POSIX expression grammar (| & comparisons + - * / % : and GNU's match/substr/index/length). */
import { helpText, tool, versionText, type Tool } from './common.js';
import { posixToJs } from './regex.js';

class ExprError extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
  }
}

type Val = string | number;

const isInt = (v: Val): boolean => typeof v === 'number' || /^\s*[-+]?\d+\s*$/.test(v);
const toInt = (v: Val): number => {
  if (!isInt(v)) throw new ExprError('non-integer argument');
  return typeof v === 'number' ? v : Number(v);
};
const isNull = (v: Val): boolean => v === 0 || v === '' || (typeof v === 'string' && /^-?0+$/.test(v));

class Parser {
  private i = 0;
  constructor(
    private readonly a: readonly string[],
    private readonly t: Tool,
  ) {}

  parse(): Val {
    const v = this.or();
    if (this.i < this.a.length) throw new ExprError(`syntax error: unexpected argument ${this.t.lq(this.a[this.i])}`);
    return v;
  }

  private peek(): string | undefined {
    return this.a[this.i];
  }

  private operand(op: string): void {
    if (this.i >= this.a.length) throw new ExprError(`syntax error: missing argument after ${this.t.lq(op)}`);
  }

  private or(): Val {
    let l = this.and();
    while (this.peek() === '|') {
      this.operand(this.a[this.i++]);
      const r = this.and();
      l = isNull(l) ? (isNull(r) ? 0 : r) : l;
    }
    return l;
  }

  private and(): Val {
    let l = this.cmp();
    while (this.peek() === '&') {
      this.operand(this.a[this.i++]);
      const r = this.cmp();
      l = isNull(l) || isNull(r) ? 0 : l;
    }
    return l;
  }

  private cmp(): Val {
    let l = this.add();
    for (;;) {
      const op = this.peek();
      if (!op || !['<', '<=', '=', '==', '!=', '>=', '>'].includes(op)) return l;
      this.i++;
      this.operand(op);
      const r = this.add();
      const c = isInt(l) && isInt(r) ? toInt(l) - toInt(r) : String(l) < String(r) ? -1 : String(l) > String(r) ? 1 : 0;
      const ok = { '<': c < 0, '<=': c <= 0, '=': c === 0, '==': c === 0, '!=': c !== 0, '>=': c >= 0, '>': c > 0 }[op]!;
      l = ok ? 1 : 0;
    }
  }

  private add(): Val {
    let l = this.mul();
    while (this.peek() === '+' || this.peek() === '-') {
      const op = this.a[this.i++];
      this.operand(op);
      const r = this.mul();
      l = op === '+' ? toInt(l) + toInt(r) : toInt(l) - toInt(r);
    }
    return l;
  }

  private mul(): Val {
    let l = this.match();
    while (this.peek() === '*' || this.peek() === '/' || this.peek() === '%') {
      const op = this.a[this.i++];
      this.operand(op);
      const r = this.match();
      const x = toInt(l);
      const y = toInt(r);
      if (op !== '*' && y === 0) throw new ExprError('division by zero');
      l = op === '*' ? x * y : op === '/' ? Math.trunc(x / y) : x % y;
    }
    return l;
  }

  private match(): Val {
    let l = this.primary();
    while (this.peek() === ':') {
      this.operand(this.a[this.i++]);
      l = this.regex(String(l), String(this.primary()));
    }
    return l;
  }

  private regex(s: string, pattern: string): Val {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${posixToJs(pattern, false)})`);
    } catch (err) {
      throw new ExprError(err instanceof Error ? err.message : String(err));
    }
    const m = re.exec(s);
    if (/\\\(/.test(pattern)) return m?.[1] ?? '';
    return m ? m[0].length : 0;
  }

  private primary(): Val {
    const tok = this.a[this.i++];
    if (tok === undefined) throw new ExprError('syntax error: missing argument after ' + this.t.lq(this.a[this.i - 2] ?? ''));
    if (tok === '(') {
      const v = this.or();
      if (this.a[this.i] !== ')') {
        throw new ExprError(this.i >= this.a.length ? `syntax error: expecting ')' after ${this.t.lq(this.a[this.i - 1])}` : `syntax error: expecting ')' instead of ${this.t.lq(this.a[this.i])}`);
      }
      this.i++;
      return v;
    }
    if (tok === '+') return this.a[this.i++] ?? '';
    const fn = (n: number): string[] => {
      const args = this.a.slice(this.i, this.i + n);
      if (args.length < n) throw new ExprError(`syntax error: missing argument after ${this.t.lq(this.a[this.a.length - 1])}`);
      this.i += n;
      return args;
    };
    switch (tok) {
      case 'length':
        return [...fn(1)[0]].length;
      case 'match': {
        const [s, p] = fn(2);
        return this.regex(s, p);
      }
      case 'substr': {
        const [s, pos, len] = fn(3);
        const p = toInt(pos);
        const n = toInt(len);
        return p < 1 || n < 1 ? '' : [...s].slice(p - 1, p - 1 + n).join('');
      }
      case 'index': {
        const [s, chars] = fn(2);
        const idx = [...s].findIndex((c) => chars.includes(c));
        return idx + 1;
      }
      default:
        return tok;
    }
  }
}

export const expr = tool(
  { name: 'expr', authors: 'Written by Mike Parker, James Youngman, and Paul Eggert.', usageStatus: 2, rawArgs: true },
  async (t, _o, args) => {
    if (args.length === 1 && (args[0] === '--help' || args[0] === '--version')) {
      await t.out.write(args[0] === '--help' ? await helpText(t.sys, 'expr') : versionText({ name: 'expr', authors: 'Written by Mike Parker, James Youngman, and Paul Eggert.' }));
      return 0;
    }
    if (args[0] === '--') args = args.slice(1);
    if (args.length === 0) return t.usage('missing operand');
    try {
      const v = new Parser(args, t).parse();
      await t.out.write(`${v}\n`);
      return isNull(v) ? 1 : 0;
    } catch (err) {
      if (!(err instanceof ExprError)) throw err;
      await t.error(err.message);
      return err.status;
    }
  },
);
