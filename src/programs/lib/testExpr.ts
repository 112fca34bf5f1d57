/**
 * test(1)'s expression language, for the shells' `test`/`[` builtins, bash's `[[ ]]` and coreutils'
 * /usr/bin/test and /usr/bin/[. All follow POSIX's rules by argument count (1–4), then one grammar
 * (`!`, `-a` over `-o`, parentheses); where the tools differ (their operators, how an expression missing an
 * operand is read, integers, the wording of errors) a `TestDialect` says so.
 */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Sys } from '../../engine/kernel/sys.js';
import type { Stat } from '../../engine/kernel/fsTypes.js';

/** A malformed expression: the caller prints the message after its own prefix, with status 2. */
export class TestError extends Error {}

/** The wording of each way an expression can be malformed. */
export interface TestMessages {
  unaryExpected(op: string): string;
  binaryExpected(op: string): string;
  /** An operand is missing at the end; `last` is the expression's last argument. */
  missingArgument(last: string): string;
  /** `( …` not closed; `found` is what stands where `)` should. */
  closeExpected(found: string | undefined): string;
  /** The expression ended before the arguments did; `arg` is the first one left over. */
  extraArgument(arg: string): string;
}

export interface TestDialect {
  /** The unary operators: the shells add `-a` (exists) and `-v` (variable set), coreutils `-N` (modified since read). */
  readonly unary: ReadonlySet<string>;
  /** The binary operators: the shells add `<` and `>` (string order). */
  readonly binary: ReadonlySet<string>;
  /**
   * GNU test refuses an operator whose operand is missing (`test -f`, `test a =` inside a longer expression,
   * `test a b`); the shells read a trailing operator as a plain non-empty string.
   */
  readonly strictOperands: boolean;
  /** An integer operand, or a TestError in the tool's words. */
  int(s: string): bigint;
  /** `-t`'s operand as a descriptor; undefined makes the test false. */
  fd(s: string): number | undefined;
  /** `-v NAME` (only where `-v` is in `unary`). */
  isSet?(name: string): boolean;
  readonly say: TestMessages;
}

/** The operators every dialect has. */
export const POSIX_UNARY = ['-e', '-f', '-d', '-r', '-w', '-x', '-s', '-L', '-h', '-p', '-S', '-b', '-c', '-u', '-g', '-k', '-O', '-G', '-t', '-z', '-n'] as const;
export const POSIX_BINARY = ['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef'] as const;

export class TestEvaluator {
  constructor(
    private readonly sys: Sys,
    private readonly d: TestDialect,
  ) {}

  /** The expression `args` (without `[`'s closing `]`): true, false, or a TestError. */
  evaluate(args: readonly string[]): boolean {
    const a = args;
    const n = a.length;
    const d = this.d;
    if (n === 0) return false;
    if (n === 1) return a[0] !== '';
    if (n === 2) {
      if (a[0] === '!') return a[1] === '';
      if (d.unary.has(a[0])) return this.unary(a[0], a[1]);
      // GNU reads a two-letter `-X` as an unknown operator and anything else as an operand missing its operator.
      if (d.strictOperands && !(a[0].startsWith('-') && a[0].length === 2)) throw new TestError(d.say.missingArgument(a[1]));
      throw new TestError(d.say.unaryExpected(a[0]));
    }
    if (n === 3) {
      if (d.binary.has(a[1])) return this.binary(a[0], a[1], a[2]);
      if (a[1] === '-a') return a[0] !== '' && a[2] !== '';
      if (a[1] === '-o') return a[0] !== '' || a[2] !== '';
      if (a[0] === '!') return !this.evaluate(a.slice(1));
      if (a[0] === '(' && a[2] === ')') return a[1] !== '';
      throw new TestError(d.say.binaryExpected(a[1]));
    }
    if (n === 4) {
      if (a[0] === '!') return !this.evaluate(a.slice(1));
      if (a[0] === '(' && a[3] === ')') return this.evaluate(a.slice(1, 3));
    }
    const p = new Grammar(this, d, a);
    const v = p.or();
    if (p.i < n) throw new TestError(d.say.extraArgument(a[p.i]));
    return v;
  }

  unary(op: string, arg: string): boolean {
    switch (op) {
      case '-z':
        return arg === '';
      case '-n':
        return arg !== '';
      case '-t': {
        const fd = this.d.fd(arg);
        return fd !== undefined && this.sys.isatty(fd);
      }
      case '-v':
        return this.d.isSet?.(arg) ?? false;
      case '-L':
      case '-h':
        return this.stat(arg, false)?.type === 'symlink';
    }
    const st = this.stat(arg, true);
    if (!st) return false;
    switch (op) {
      case '-e':
      case '-a':
        return true;
      case '-f':
        return st.type === 'file';
      case '-d':
        return st.type === 'dir';
      case '-p':
        return st.type === 'fifo';
      case '-S':
        return st.type === 'socket';
      case '-b':
        return st.type === 'blockdev';
      case '-c':
        return st.type === 'chardev';
      case '-s':
        return st.size > 0;
      case '-u':
        return (st.mode & 0o4000) !== 0;
      case '-g':
        return (st.mode & 0o2000) !== 0;
      case '-k':
        return (st.mode & 0o1000) !== 0;
      case '-O':
        return st.uid === this.sys.euid;
      case '-G':
        return st.gid === this.sys.cred.gid;
      case '-N':
        return st.mtimeMs > st.atimeMs;
      case '-r':
        return this.sys.fs.access(arg, 'r');
      case '-w':
        return this.sys.fs.access(arg, 'w');
      case '-x':
        return this.sys.fs.access(arg, 'x');
    }
    return false;
  }

  binary(l: string, op: string, r: string): boolean {
    switch (op) {
      case '=':
      case '==':
        return l === r;
      case '!=':
        return l !== r;
      case '<':
        return l < r;
      case '>':
        return l > r;
      case '-nt':
      case '-ot': {
        const a = this.stat(l, true)?.mtimeMs;
        const b = this.stat(r, true)?.mtimeMs;
        if (op === '-nt') return a !== undefined && (b === undefined || a > b);
        return b !== undefined && (a === undefined || a < b);
      }
      case '-ef': {
        const a = this.stat(l, true);
        const b = this.stat(r, true);
        return !!a && !!b && a.ino === b.ino && a.dev === b.dev;
      }
    }
    const x = this.d.int(l);
    const y = this.d.int(r);
    switch (op) {
      case '-eq':
        return x === y;
      case '-ne':
        return x !== y;
      case '-lt':
        return x < y;
      case '-le':
        return x <= y;
      case '-gt':
        return x > y;
      default:
        return x >= y;
    }
  }

  private stat(path: string, follow: boolean): Stat | null {
    try {
      return follow ? this.sys.fs.stat(path) : this.sys.fs.lstat(path);
    } catch (err) {
      if (isSysError(err)) return null;
      throw err;
    }
  }
}

/** Five or more arguments: `-o` binds loosest, then `-a`, then `!`; every operand is evaluated. */
class Grammar {
  i = 0;
  constructor(
    private readonly t: TestEvaluator,
    private readonly d: TestDialect,
    private readonly a: readonly string[],
  ) {}

  or(): boolean {
    let v = this.and();
    while (this.a[this.i] === '-o') {
      this.i++;
      const b = this.and();
      v = v || b;
    }
    return v;
  }

  private and(): boolean {
    let v = this.term();
    while (this.a[this.i] === '-a') {
      this.i++;
      const b = this.term();
      v = v && b;
    }
    return v;
  }

  private missing(): never {
    throw new TestError(this.d.say.missingArgument(this.a[this.a.length - 1]));
  }

  private term(): boolean {
    const a = this.a;
    const n = a.length;
    if (this.i >= n) this.missing();
    if (a[this.i] === '!') {
      this.i++;
      return !this.term();
    }
    if (a[this.i] === '(') {
      this.i++;
      const v = this.or();
      if (a[this.i] !== ')') {
        if (this.d.strictOperands && this.i >= n) this.missing();
        throw new TestError(this.d.say.closeExpected(a[this.i]));
      }
      this.i++;
      return v;
    }
    if (this.i + 2 < n && this.d.binary.has(a[this.i + 1])) {
      const v = this.t.binary(a[this.i], a[this.i + 1], a[this.i + 2]);
      this.i += 3;
      return v;
    }
    if (this.d.strictOperands && this.d.binary.has(a[this.i + 1] ?? '')) this.missing();
    if (this.d.unary.has(a[this.i])) {
      if (this.i + 1 < n) {
        const v = this.t.unary(a[this.i], a[this.i + 1]);
        this.i += 2;
        return v;
      }
      if (this.d.strictOperands) this.missing();
    }
    return a[this.i++] !== '';
  }
}
