/**
 * The shells' `test` / `[` builtins and bash's `[[ … ]]`, on the evaluator coreutils' test shares
 * (../../lib/testExpr.ts): the shells' operators, and bash's wording of errors. dash and ash use it too, although
 * the real dash has its own (`[: a: unexpected operator`, `Illegal number: x`) and no `==`: a dialect of theirs
 * is the place for it.
 */
import { POSIX_BINARY, POSIX_UNARY, TestError, TestEvaluator, type TestDialect } from '../../lib/testExpr.js';
import type { Word } from '../ast.js';
import { evalArith } from '../arith.js';
import type { ShellContext } from '../context.js';
import { ShellError } from '../errors.js';
import { expandPattern, expandString } from '../expand.js';
import { matchPattern } from '../pattern.js';

const UNARY: ReadonlySet<string> = new Set([...POSIX_UNARY, '-a', '-v']);
const BINARY: ReadonlySet<string> = new Set([...POSIX_BINARY, '<', '>']);

/** `test`/`[`: a trailing operator is a plain string; integers are decimal, blanks around them allowed. */
function shellDialect(sh: ShellContext): TestDialect {
  return {
    unary: UNARY,
    binary: BINARY,
    strictOperands: false,
    int: (s) => {
      const t = s.trim();
      if (!/^[+-]?[0-9]+$/.test(t)) throw new TestError(`${s}: integer expression expected`);
      return BigInt(t);
    },
    fd: (s) => (/^[0-9]+$/.test(s) ? Number(s) : undefined),
    isSet: (name) => sh.getVar(name) !== undefined,
    say: {
      unaryExpected: (op) => `${op}: unary operator expected`,
      binaryExpected: (op) => `${op}: binary operator expected`,
      missingArgument: () => 'argument expected',
      closeExpected: () => "`)' expected",
      extraArgument: () => 'too many arguments',
    },
  };
}

/** `[[ … ]]`: the integer operands of `-eq` and the rest are arithmetic expressions. */
function condDialect(sh: ShellContext): TestDialect {
  return { ...shellDialect(sh), int: (s) => evalArith(s, sh.arithVars) };
}

export async function testBuiltin(sh: ShellContext, argv: string[]): Promise<number> {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') throw new ShellError("[: missing `]'", 2);
    args = args.slice(0, -1);
  }
  try {
    return new TestEvaluator(sh.sys, shellDialect(sh)).evaluate(args) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) throw new ShellError(`${argv[0]}: ${e.message}`, 2);
    throw e;
  }
}

const COND_OPS = new Set(['&&', '||', '!', '(', ')']);

/** `[[ … ]]`: no splitting or globbing; `==`/`!=` match patterns, `=~` a regex (BASH_REMATCH set). */
export async function runCond(sh: ShellContext, words: readonly Word[]): Promise<number> {
  const test = new TestEvaluator(sh.sys, condDialect(sh));
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
        return matchPattern(await expandPattern(sh, rw), left) === (opText !== '!=');
      }
      return test.binary(left, opText, await expandString(sh, rw));
    }
    const wt = w.plain;
    if (wt !== undefined && UNARY.has(wt) && next) {
      i += 2;
      return test.unary(wt, await expandString(sh, next));
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
