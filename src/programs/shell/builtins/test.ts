/** `test` / `[` and `[[ … ]]`: file tests, string and integer comparisons, `!`, `-a`, `-o`, parentheses. */
import type { Sys } from '../../../engine/kernel/sys.js';
import type { Word } from '../ast.js';
import { evalArith } from '../arith.js';
import { ShellError } from '../errors.js';
import { expandPattern, expandString } from '../expand.js';
import { matchPattern } from '../pattern.js';
import type { ShellContext } from '../context.js';

const UNARY = new Set(['-e', '-f', '-d', '-r', '-w', '-x', '-s', '-L', '-h', '-p', '-c', '-b', '-S', '-t', '-n', '-z', '-O', '-G', '-u', '-g', '-k', '-a', '-v']);
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef', '<', '>']);

class TestError extends Error {}

function fileTest(sys: Sys, op: string, path: string, sh: ShellContext): boolean {
  const fs = sys.fs;
  if (op === '-t') {
    const n = Number(path);
    return /^[0-9]+$/.test(path) && sys.isatty(n);
  }
  if (op === '-v') return sh.getVar(path) !== undefined;
  try {
    if (op === '-L' || op === '-h') return fs.lstat(path).type === 'symlink';
    const st = fs.stat(path);
    switch (op) {
      case '-e':
      case '-a':
        return true;
      case '-f':
        return st.type === 'file';
      case '-d':
        return st.type === 'dir';
      case '-r':
        return fs.access(path, 'r');
      case '-w':
        return fs.access(path, 'w');
      case '-x':
        return fs.access(path, 'x');
      case '-s':
        return st.size > 0;
      case '-p':
        return st.type === 'fifo';
      case '-c':
        return st.type === 'chardev';
      case '-b':
        return st.type === 'blockdev';
      case '-S':
        return st.type === 'socket';
      case '-O':
        return st.uid === sys.euid;
      case '-G':
        return st.gid === sys.cred.gid;
      case '-u':
        return (st.mode & 0o4000) !== 0;
      case '-g':
        return (st.mode & 0o2000) !== 0;
      case '-k':
        return (st.mode & 0o1000) !== 0;
    }
  } catch {
    return false;
  }
  return false;
}

function toInt(s: string, sh: ShellContext, arith: boolean): bigint {
  if (arith) return evalArith(s, sh.arithVars);
  const t = s.trim();
  if (!/^[+-]?[0-9]+$/.test(t)) throw new TestError(`${s}: integer expression expected`);
  return BigInt(t);
}

function mtime(sys: Sys, p: string): number | undefined {
  try {
    return sys.fs.stat(p).mtimeMs;
  } catch {
    return undefined;
  }
}

function binary(sh: ShellContext, a: string, op: string, b: string, arith: boolean, pattern?: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return pattern !== undefined ? matchPattern(pattern, a) : a === b;
    case '!=':
      return pattern !== undefined ? !matchPattern(pattern, a) : a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-nt': {
      const x = mtime(sh.sys, a);
      const y = mtime(sh.sys, b);
      return x !== undefined && (y === undefined || x > y);
    }
    case '-ot': {
      const x = mtime(sh.sys, a);
      const y = mtime(sh.sys, b);
      return y !== undefined && (x === undefined || x < y);
    }
    case '-ef':
      try {
        const x = sh.sys.fs.stat(a);
        const y = sh.sys.fs.stat(b);
        return x.ino === y.ino && x.dev === y.dev;
      } catch {
        return false;
      }
  }
  const x = toInt(a, sh, arith);
  const y = toInt(b, sh, arith);
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

/** Evaluates `test` arguments with POSIX's rules by argument count, then a general grammar. */
class TestParser {
  i = 0;
  constructor(
    readonly sh: ShellContext,
    readonly a: string[],
  ) {}

  run(): boolean {
    const a = this.a;
    const n = a.length;
    if (n === 0) return false;
    if (n === 1) return a[0] !== '';
    if (n === 2) {
      if (a[0] === '!') return a[1] === '';
      if (UNARY.has(a[0])) return this.unary(a[0], a[1]);
      throw new TestError(`${a[0]}: unary operator expected`);
    }
    if (n === 3) {
      if (BINARY.has(a[1]) || a[1] === '-a' || a[1] === '-o') {
        if (a[1] === '-a') return a[0] !== '' && a[2] !== '';
        if (a[1] === '-o') return a[0] !== '' || a[2] !== '';
        return binary(this.sh, a[0], a[1], a[2], false);
      }
      if (a[0] === '!') return !new TestParser(this.sh, a.slice(1)).run();
      if (a[0] === '(' && a[2] === ')') return a[1] !== '';
      throw new TestError(`${a[1]}: binary operator expected`);
    }
    if (n === 4 && a[0] === '!') return !new TestParser(this.sh, a.slice(1)).run();
    if (n === 4 && a[0] === '(' && a[3] === ')') return new TestParser(this.sh, a.slice(1, 3)).run();
    const r = this.or();
    if (this.i < n) throw new TestError('too many arguments');
    return r;
  }

  private or(): boolean {
    let r = this.and();
    while (this.a[this.i] === '-o') {
      this.i++;
      const b = this.and();
      r = r || b;
    }
    return r;
  }

  private and(): boolean {
    let r = this.not();
    while (this.a[this.i] === '-a') {
      this.i++;
      const b = this.not();
      r = r && b;
    }
    return r;
  }

  private not(): boolean {
    if (this.a[this.i] === '!') {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.a;
    const t = a[this.i];
    if (t === undefined) throw new TestError('argument expected');
    if (t === '(') {
      this.i++;
      const r = this.or();
      if (a[this.i] !== ')') throw new TestError("`)' expected");
      this.i++;
      return r;
    }
    if (BINARY.has(a[this.i + 1]) && this.i + 2 < a.length) {
      this.i += 3;
      return binary(this.sh, t, a[this.i - 2], a[this.i - 1], false);
    }
    if (UNARY.has(t) && this.i + 1 < a.length) {
      this.i += 2;
      return this.unary(t, a[this.i - 1]);
    }
    this.i++;
    return t !== '';
  }

  unary(op: string, arg: string): boolean {
    if (op === '-n') return arg !== '';
    if (op === '-z') return arg === '';
    return fileTest(this.sh.sys, op, arg, this.sh);
  }
}

export async function testBuiltin(sh: ShellContext, argv: string[]): Promise<number> {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') throw new ShellError("[: missing `]'", 2);
    args = args.slice(0, -1);
  }
  try {
    return new TestParser(sh, args).run() ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) throw new ShellError(`${argv[0]}: ${e.message}`, 2);
    throw e;
  }
}

const COND_OPS = new Set(['&&', '||', '!', '(', ')']);

/** `[[ … ]]`: no splitting or globbing; `==`/`!=` match patterns, `=~` a regex (BASH_REMATCH set). */
export async function runCond(sh: ShellContext, words: readonly Word[]): Promise<number> {
  const isOp = (w: Word): boolean => w.parts.length === 1 && w.parts[0].k === 'sq' && COND_OPS.has(w.raw);
  let i = 0;
  const peek = (): Word | undefined => words[i];
  const orExpr = async (): Promise<boolean> => {
    let r = await andExpr();
    while (peek() && isOp(peek()!) && peek()!.raw === '||') {
      i++;
      const b = await andExpr();
      r = r || b;
    }
    return r;
  };
  const andExpr = async (): Promise<boolean> => {
    let r = await notExpr();
    while (peek() && isOp(peek()!) && peek()!.raw === '&&') {
      i++;
      const b = await notExpr();
      r = r && b;
    }
    return r;
  };
  const notExpr = async (): Promise<boolean> => {
    const w = peek();
    if (w && isOp(w) && w.raw === '!') {
      i++;
      return !(await notExpr());
    }
    return primary();
  };
  const primary = async (): Promise<boolean> => {
    const w = peek();
    if (!w) throw new ShellError('syntax error in conditional expression', 2);
    if (isOp(w) && w.raw === '(') {
      i++;
      const r = await orExpr();
      i++;
      return r;
    }
    const next = words[i + 1];
    const opText = next && (isOp(next) ? next.raw : next.plain);
    if (next && words[i + 2] && opText !== undefined && (BINARY.has(opText) || opText === '=~')) {
      i += 3;
      const left = await expandString(sh, w);
      const rw = words[i - 1];
      if (opText === '=~') {
        const re = await expandPattern(sh, rw);
        let m: RegExpExecArray | null;
        try {
          m = new RegExp(re.replace(/\\(.)/g, (_, c: string) => (/[\w\s]/.test(c) ? c : `\\${c}`))).exec(left);
        } catch {
          return false;
        }
        if (m) sh.setVar('BASH_REMATCH', m[0]);
        return m !== null;
      }
      if (opText === '==' || opText === '=' || opText === '!=') {
        return binary(sh, left, opText, '', true, await expandPattern(sh, rw));
      }
      return binary(sh, left, opText, await expandString(sh, rw), true);
    }
    const wt = w.plain;
    if (wt !== undefined && UNARY.has(wt) && next) {
      i += 2;
      const arg = await expandString(sh, next);
      if (wt === '-n') return arg !== '';
      if (wt === '-z') return arg === '';
      return fileTest(sh.sys, wt, arg, sh);
    }
    i++;
    return (await expandString(sh, w)) !== '';
  };
  try {
    return (await orExpr()) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      await sh.error(e.message);
      return 2;
    }
    throw e;
  }
}
