/** test and [, on the evaluator the shells' builtins share (../lib/testExpr.ts), with GNU's operators and words. */
import type { Program, Sys } from '../../engine/kernel/sys.js';
import { POSIX_BINARY, POSIX_UNARY, TestError, TestEvaluator, type TestDialect } from '../lib/testExpr.js';
import { quoteLocale } from '../lib/output.js';
import { helpText, versionText } from './common.js';

const UNARY: ReadonlySet<string> = new Set([...POSIX_UNARY, '-N']);
const BINARY: ReadonlySet<string> = new Set(POSIX_BINARY);

/** GNU: an operator missing its operand is an error, and every complaint quotes the argument it is about. */
function gnuDialect(sys: Sys): TestDialect {
  const q = (s: string): string => quoteLocale(sys.env, s);
  const int = (s: string): bigint => {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new TestError(`invalid integer ${q(s)}`);
    return BigInt(s.trim());
  };
  return {
    unary: UNARY,
    binary: BINARY,
    strictOperands: true,
    int,
    fd: (s) => Number(int(s)),
    say: {
      unaryExpected: (op) => `${q(op)}: unary operator expected`,
      binaryExpected: (op) => `${q(op)}: binary operator expected`,
      missingArgument: (last) => `missing argument after ${q(last)}`,
      closeExpected: (found) => `')' expected, found ${q(found ?? '')}`,
      extraArgument: (arg) => `extra argument ${q(arg)}`,
    },
  };
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
        await sys.write(1, args[0] === '--help' ? await helpText(sys, 'test', TEST_HELP) : versionText({ name: '[', authors: 'Written by Kevin Braunsdorf and Matthew Bradburn.' }));
        return 0;
      }
      if (args[args.length - 1] !== ']') {
        await sys.write(2, `${name}: missing ${quoteLocale(sys.env, ']')}\n`);
        return 2;
      }
      args = args.slice(0, -1);
    }
    try {
      return new TestEvaluator(sys, gnuDialect(sys)).evaluate(args) ? 0 : 1;
    } catch (err) {
      if (!(err instanceof TestError)) throw err;
      await sys.write(2, `${name}: ${err.message}\n`);
      return 2;
    }
  };
}

export const testCmd = testProgram(false);
export const bracket = testProgram(true);
