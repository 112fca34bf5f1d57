/**
 * One evaluator (src/programs/lib/testExpr.ts), two dialects: bash's `test` builtin and GNU's /usr/bin/test read
 * the same arguments differently where the real tools do. Expected output recorded from bash 5.2.15 and GNU
 * coreutils 9.1 test under LANG=C.UTF-8, each case run as `test …; echo …; /usr/bin/test …; echo …`.
 */
import { describe, expect, it } from 'vitest';
import { bashC } from '../shell/harness.js';

/** Arguments as shell text. */
const CASES = [
  '1 -eq x',
  'a b',
  '-q x',
  'a \\< b',
  '-v HOME',
  'a = a -a -f',
  '! a = a -a',
  'a b c d e',
  '1 2 3',
  '-t x',
  '-z',
  '! -n \'\'',
  'x -a \'\' -o y',
  '\' 7 \' -gt 3',
  '\\( a \\) -a \\( \'\' \\)',
];

const REAL = [
  'bash: line 1: test: x: integer expression expected',
  'test => 2',
  '/usr/bin/test: invalid integer ‘x’',
  '/usr/bin/test => 2',
  'bash: line 2: test: a: unary operator expected',
  'test => 2',
  '/usr/bin/test: missing argument after ‘b’',
  '/usr/bin/test => 2',
  'bash: line 3: test: -q: unary operator expected',
  'test => 2',
  '/usr/bin/test: ‘-q’: unary operator expected',
  '/usr/bin/test => 2',
  'test => 0',
  '/usr/bin/test: ‘<’: binary operator expected',
  '/usr/bin/test => 2',
  'test => 0',
  '/usr/bin/test: ‘-v’: unary operator expected',
  '/usr/bin/test => 2',
  'test => 0',
  '/usr/bin/test: missing argument after ‘-f’',
  '/usr/bin/test => 2',
  'bash: line 7: test: argument expected',
  'test => 2',
  '/usr/bin/test: missing argument after ‘-a’',
  '/usr/bin/test => 2',
  'bash: line 8: test: too many arguments',
  'test => 2',
  '/usr/bin/test: extra argument ‘b’',
  '/usr/bin/test => 2',
  'bash: line 9: test: 2: binary operator expected',
  'test => 2',
  '/usr/bin/test: ‘2’: binary operator expected',
  '/usr/bin/test => 2',
  'test => 1',
  '/usr/bin/test: invalid integer ‘x’',
  '/usr/bin/test => 2',
  'test => 0',
  '/usr/bin/test => 0',
  'test => 0',
  '/usr/bin/test => 0',
  'test => 0',
  '/usr/bin/test => 0',
  'test => 0',
  '/usr/bin/test => 0',
  'test => 1',
  '/usr/bin/test => 1',
].join('\n');

describe('test and [: the builtin and coreutils on one evaluator', () => {
  it('keep each tool’s operators, parsing of missing operands, integers and messages', async () => {
    const script = CASES.map((c) => `test ${c}; echo "test => $?"; /usr/bin/test ${c}; echo "/usr/bin/test => $?"`).join('\n');
    const r = await bashC(script);
    expect(r.out.replace(/\r/g, '')).toBe(`${REAL}\n`);
  });
});
