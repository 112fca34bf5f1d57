/** test and [: POSIX's argument-count rules first, then the full grammar with -a, -o, !, ( ). */
import { isSysError } from '../../engine/kernel/errno.js';
import type { Program, Sys } from '../../engine/kernel/sys.js';
import type { Stat } from '../../engine/kernel/vfs.js';
import { quoteLocale } from '../lib/output.js';
import { helpText, versionText } from './common.js';

class TestError extends Error {}

const UNARY = new Set(['-e', '-f', '-d', '-r', '-w', '-x', '-s', '-L', '-h', '-p', '-S', '-b', '-c', '-u', '-g', '-k', '-O', '-G', '-t', '-z', '-n', '-N']);
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

class Evaluator {
  private i = 0;
  constructor(
    private readonly sys: Sys,
    private readonly a: readonly string[],
  ) {}

  private q(s: string): string {
    return quoteLocale(this.sys.env, s);
  }

  private stat(path: string, follow = true): Stat | null {
    try {
      return follow ? this.sys.fs.stat(path) : this.sys.fs.lstat(path);
    } catch (err) {
      if (isSysError(err)) return null;
      throw err;
    }
  }

  private int(s: string): bigint {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new TestError(`invalid integer ${this.q(s)}`);
    return BigInt(s.trim());
  }

  unary(op: string, arg: string): boolean {
    const fs = this.sys.fs;
    switch (op) {
      case '-z': return arg === '';
      case '-n': return arg !== '';
      case '-t': return this.sys.isatty(Number(this.int(arg)));
      case '-L': case '-h': return this.stat(arg, false)?.type === 'symlink';
    }
    if (!UNARY.has(op)) throw new TestError(`${this.q(op)}: unary operator expected`);
    const st = this.stat(arg);
    if (!st) return false;
    switch (op) {
      case '-e': return true;
      case '-f': return st.type === 'file';
      case '-d': return st.type === 'dir';
      case '-p': return st.type === 'fifo';
      case '-S': return st.type === 'socket';
      case '-b': return st.type === 'blockdev';
      case '-c': return st.type === 'chardev';
      case '-s': return st.size > 0;
      case '-u': return (st.mode & 0o4000) !== 0;
      case '-g': return (st.mode & 0o2000) !== 0;
      case '-k': return (st.mode & 0o1000) !== 0;
      case '-O': return st.uid === this.sys.euid;
      case '-G': return st.gid === this.sys.cred.gid;
      case '-N': return st.mtimeMs > st.atimeMs;
      case '-r': return fs.access(arg, 'r');
      case '-w': return fs.access(arg, 'w');
      case '-x': return fs.access(arg, 'x');
    }
    throw new TestError(`${this.q(op)}: unary operator expected`);
  }

  binary(l: string, op: string, r: string): boolean {
    switch (op) {
      case '=': case '==': return l === r;
      case '!=': return l !== r;
      case '-nt': case '-ot': {
        const a = this.stat(l)?.mtimeMs;
        const b = this.stat(r)?.mtimeMs;
        if (op === '-nt') return a !== undefined && (b === undefined || a > b);
        return b !== undefined && (a === undefined || a < b);
      }
      case '-ef': {
        const a = this.stat(l);
        const b = this.stat(r);
        return !!a && !!b && a.ino === b.ino && a.dev === b.dev;
      }
    }
    const x = this.int(l);
    const y = this.int(r);
    return { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[op]!;
  }

  private beyond(): never {
    throw new TestError(`missing argument after ${this.q(this.a[this.a.length - 1])}`);
  }

  /** POSIX: the meaning of 1–4 arguments is fixed by their count. */
  run(): boolean {
    const a = this.a;
    const n = a.length;
    if (n === 0) return false;
    if (n === 1) return a[0] !== '';
    if (n === 2) {
      if (a[0] === '!') return a[1] === '';
      if (a[0].startsWith('-') && a[0].length === 2) return this.unary(a[0], a[1]);
      this.beyond();
    }
    if (n === 3) {
      if (BINARY.has(a[1])) return this.binary(a[0], a[1], a[2]);
      if (a[1] === '-a') return a[0] !== '' && a[2] !== '';
      if (a[1] === '-o') return a[0] !== '' || a[2] !== '';
      if (a[0] === '!') return !new Evaluator(this.sys, a.slice(1)).run();
      if (a[0] === '(' && a[2] === ')') return a[1] !== '';
      throw new TestError(`${this.q(a[1])}: binary operator expected`);
    }
    if (n === 4) {
      if (a[0] === '!') return !new Evaluator(this.sys, a.slice(1)).run();
      if (a[0] === '(' && a[3] === ')') return new Evaluator(this.sys, a.slice(1, 3)).run();
    }
    const v = this.or();
    if (this.i < n) throw new TestError(`extra argument ${this.q(a[this.i])}`);
    return v;
  }

  private or(): boolean {
    let v = this.and();
    while (this.a[this.i] === '-o') {
      this.i++;
      if (this.i >= this.a.length) this.beyond();
      v = this.and() || v;
    }
    return v;
  }

  private and(): boolean {
    let v = this.term();
    while (this.a[this.i] === '-a') {
      this.i++;
      if (this.i >= this.a.length) this.beyond();
      v = this.term() && v;
    }
    return v;
  }

  private term(): boolean {
    const a = this.a;
    if (this.i >= a.length) this.beyond();
    if (a[this.i] === '!') {
      this.i++;
      return !this.term();
    }
    if (a[this.i] === '(') {
      this.i++;
      const v = this.or();
      if (a[this.i] !== ')') {
        if (this.i >= a.length) this.beyond();
        throw new TestError(`')' expected, found ${this.q(a[this.i])}`);
      }
      this.i++;
      return v;
    }
    if (this.i + 2 < a.length + 0 && BINARY.has(a[this.i + 1])) {
      const v = this.binary(a[this.i], a[this.i + 1], a[this.i + 2]);
      this.i += 3;
      return v;
    }
    if (BINARY.has(a[this.i + 1] ?? '') && this.i + 2 >= a.length) this.beyond();
    if (UNARY.has(a[this.i])) {
      if (this.i + 1 >= a.length) this.beyond();
      const v = this.unary(a[this.i], a[this.i + 1]);
      this.i += 2;
      return v;
    }
    return a[this.i++] !== '';
  }
}

/** `[ --help`: GNU's text, with the operator tables shortened. */
const TEST_HELP =
  'Usage: test EXPRESSION\n  or:  test\n  or:  [ EXPRESSION ]\n  or:  [ ]\n  or:  [ OPTION\n' +
  'Exit with the status determined by EXPRESSION.\n\n' +
  '      --help        display this help and exit\n' +
  '      --version     output version information and exit\n\n' +
  'An omitted EXPRESSION defaults to false.  Otherwise,\nEXPRESSION is true or false and sets exit status.  It is one of:\n\n' +
  '  ( EXPRESSION )               EXPRESSION is true\n' +
  '  ! EXPRESSION                 EXPRESSION is false\n' +
  '  EXPRESSION1 -a EXPRESSION2   both EXPRESSION1 and EXPRESSION2 are true\n' +
  '  EXPRESSION1 -o EXPRESSION2   either EXPRESSION1 or EXPRESSION2 is true\n\n' +
  '  -n STRING            the length of STRING is nonzero\n' +
  '  -z STRING            the length of STRING is zero\n' +
  '  STRING1 = STRING2    the strings are equal\n' +
  '  STRING1 != STRING2   the strings are not equal\n\n' +
  '  INTEGER1 -eq INTEGER2   INTEGER1 is equal to INTEGER2\n' +
  '  INTEGER1 -lt INTEGER2   INTEGER1 is less than INTEGER2\n' +
  '  (also -ne, -le, -gt, -ge)\n\n' +
  '  -d FILE     FILE exists and is a directory\n' +
  '  -e FILE     FILE exists\n' +
  '  -f FILE     FILE exists and is a regular file\n' +
  '  -r FILE     FILE exists and the user has read access\n' +
  '  -s FILE     FILE exists and has a size greater than zero\n' +
  '  -w FILE     FILE exists and the user has write access\n' +
  '  -x FILE     FILE exists and the user has execute (or search) access\n\n' +
  'NOTE: [ honors the --help and --version options, but test does not.\n' +
  'test treats each of those as it treats any other nonempty STRING.\n';

function testProgram(bracket: boolean): Program {
  return async (sys) => {
    const name = sys.argv[0] || (bracket ? '[' : 'test');
    let args = sys.argv.slice(1);
    if (bracket) {
      if (args.length === 1 && (args[0] === '--help' || args[0] === '--version')) {
        await sys.write(1, args[0] === '--help' ? helpText('test', TEST_HELP) : versionText({ name: '[', authors: 'Written by Kevin Braunsdorf and Matthew Bradburn.' }));
        return 0;
      }
      if (args[args.length - 1] !== ']') {
        await sys.write(2, `${name}: missing ${quoteLocale(sys.env, ']')}\n`);
        return 2;
      }
      args = args.slice(0, -1);
    }
    try {
      return new Evaluator(sys, args).run() ? 0 : 1;
    } catch (err) {
      if (!(err instanceof TestError)) throw err;
      await sys.write(2, `${name}: ${err.message}\n`);
      return 2;
    }
  };
}

export const testCmd = testProgram(false);
export const bracket = testProgram(true);
