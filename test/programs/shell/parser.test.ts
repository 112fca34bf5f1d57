import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, ListNode, SimpleNode } from '../../../src/programs/shell/ast.js';
import { parse, ParseError, Parser } from '../../../src/programs/shell/parser.js';

function first(src: string): Command {
  return parse(src).items[0].node.first.cmds[0];
}

function simple(src: string): SimpleNode {
  const c = first(src);
  if (c.t !== 'simple') throw new Error(`not simple: ${c.t}`);
  return c;
}

function err(src: string, final = true): ParseError {
  try {
    new Parser(src, { final }).parseAll();
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error(`parsed: ${src.slice(0, 40)}`);
}

describe('words', () => {
  it('marks plain words for the fast path', () => {
    const c = simple('echo hello');
    expect(c.words.map((w) => w.plain)).toEqual(['echo', 'hello']);
  });

  it('keeps quoting apart from literal text', () => {
    const c = simple(`echo 'a b' "c $x" d\\ e`);
    expect(c.words[1].parts).toEqual([{ k: 'sq', v: 'a b' }]);
    expect(c.words[2].parts).toEqual([{ k: 'dq', parts: [{ k: 'sq', v: 'c ' }, { k: 'param', name: 'x' }] }]);
    expect(c.words[3].parts).toEqual([{ k: 'lit', v: 'd' }, { k: 'sq', v: ' ' }, { k: 'lit', v: 'e' }]);
  });

  it('parses parameter operators', () => {
    const c = simple('echo ${a:-x} ${#b} ${c%%.*} ${d/x/y} ${e:1:2}');
    const ops = c.words.slice(1).map((w) => (w.parts[0].k === 'param' ? w.parts[0].op : '?'));
    expect(ops).toEqual([':-', '#len', '%%', '/', ':']);
  });

  it('parses command substitution as a program, arithmetic as text', () => {
    const c = simple('echo $(case x in x) echo y;; esac) $((1 + $n))');
    expect(c.words[1].parts[0].k).toBe('cmd');
    expect(c.words[2].parts[0].k).toBe('arith');
  });

  it('splits assignments from words', () => {
    const c = simple('A=1 B+=2 cmd C=3');
    expect(c.assigns.map((a) => [a.name, a.append])).toEqual([['A', false], ['B', true]]);
    expect(c.words.map((w) => w.raw)).toEqual(['cmd', 'C=3']);
  });
});

describe('commands', () => {
  it('parses and-or lists, pipelines and background jobs', () => {
    const l = parse('a | b && ! c || d & e');
    expect(l.items.length).toBe(2);
    expect(l.items[0].bg).toBe(true);
    expect(l.items[0].text).toBe('a | b && ! c || d');
    expect(l.items[0].node.first.cmds.length).toBe(2);
    expect(l.items[0].node.rest.map((r) => [r.op, r.cmd.bang])).toEqual([['&&', true], ['||', false]]);
  });

  it('parses compound commands', () => {
    expect(first('if a; then b; elif c; then d; else e; fi').t).toBe('if');
    expect(first('for x in 1 2; do :; done').t).toBe('for');
    expect(first('for ((i=0;i<3;i++)); do :; done').t).toBe('cfor');
    expect(first('while a; do b; done').t).toBe('while');
    expect(first('case $x in a|b) c;; *) d;; esac').t).toBe('case');
    expect(first('{ a; b; }').t).toBe('group');
    expect(first('(a; b)').t).toBe('subshell');
    expect(first('f() { a; }').t).toBe('func');
    expect(first('function f { a; }').t).toBe('func');
    expect(first('[[ $a == b* && -n $c ]]').t).toBe('cond');
    expect(first('((x++))').t).toBe('arithcmd');
  });

  it('reads here-documents after the line', () => {
    const c = simple('cat <<EOF; echo\nhi $x\nEOF\n');
    expect(c.redirs[0].heredoc?.quoted).toBe(false);
    expect(c.redirs[0].heredoc?.body.raw).toBe('hi $x\n');
    const q = simple("cat <<-'E'\n\tno $x\n\tE\n");
    expect(q.redirs[0].heredoc).toEqual({ quoted: true, body: expect.objectContaining({ raw: 'no $x\n' }) });
  });

  it('parses redirections with descriptors', () => {
    const c = simple('cmd 2>&1 >out <in 3>>log &>all');
    expect(c.redirs.map((r) => [r.fd, r.op, r.target.raw])).toEqual([
      [2, '>&', '1'], [undefined, '>', 'out'], [undefined, '<', 'in'], [3, '>>', 'log'], [undefined, '&>', 'all'],
    ]);
  });
});

describe('errors', () => {
  it('names the unexpected token as bash does', () => {
    expect(err('case x in ;; esac').message).toBe("syntax error near unexpected token `;;'");
    expect(err('echo >').token).toBe('newline');
    expect(err('fi').token).toBe('fi');
    expect(err(')').token).toBe(')');
  });

  it('reports unfinished input as incomplete', () => {
    for (const src of ['echo "abc', "echo 'a", 'if true; then', 'echo a |', 'a &&', 'for x in a; do', 'case x in', '(', '{ echo', 'echo $(ls', 'f() {', 'cat <<EOF\nx', 'echo \\']) {
      const e = err(src, false);
      expect(e.incomplete, src).toBe(true);
    }
  });

  it('gives the matching quote for unterminated strings', () => {
    expect(err('echo "abc').message).toBe('unexpected EOF while looking for matching `"\'');
    expect(err('if true; then').detail.expecting).toBe('fi');
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const e = err('( '.repeat(10000) + ')'.repeat(10000));
    expect(e.incomplete).toBe(false);
    expect(e.message).toBe('syntax error: expression nesting level exceeded');
    expect(err('if true; then '.repeat(5000)).incomplete).toBe(false);
    expect(err('$('.repeat(5000)).incomplete).toBe(false);
  });

  it('parses a 1 MB line', () => {
    const line = `echo ${'abc "d e" $x '.repeat(70000)}`;
    const l = parse(line);
    expect((l.items[0].node.first.cmds[0] as SimpleNode).words.length).toBe(210001);
  });
});

describe('properties', () => {
  const tokens = ['echo', 'x', ' ', ';', '&', '|', '&&', '||', '(', ')', '{', '}', '"', "'", '\\', '$', '${', '$(', '`', '<', '>', '<<', '\n', 'if', 'then', 'fi', 'for', 'in', 'do', 'done', 'case', 'esac', ';;', '#', '*', '=', 'a=1', '$((', '))', '[[', ']]', '!'];

  it('only ever throws ParseError on token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 30 }), (toks) => {
        const src = toks.join('');
        for (const final of [true, false]) {
          try {
            new Parser(src, { final }).parseAll();
          } catch (e) {
            if (!(e instanceof ParseError)) throw e;
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never asks for more input after a syntax error is certain', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 20 }), fc.constantFrom(...tokens), (toks, extra) => {
        const src = toks.join('');
        let e: unknown;
        try {
          new Parser(src, { final: false }).parseAll();
        } catch (x) {
          e = x;
        }
        // A syntax error stays an error whatever is typed next: the shell must not wait for more.
        if (e instanceof ParseError && !e.incomplete && !src.includes('<<')) {
          let e2: unknown;
          try {
            new Parser(`${src}\n${extra}`, { final: false }).parseAll();
          } catch (x) {
            e2 = x;
          }
          expect(e2 instanceof ParseError && !e2.incomplete).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parses random well-formed scripts', () => {
    const word = fc.constantFrom('a', '"b c"', "'d'", '$x', '${y:-z}', '$(echo e)', '$((1+2))', '*.txt');
    const simpleCmd = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => `echo ${ws.join(' ')}`);
    const cmd: fc.Arbitrary<string> = fc.letrec<{ c: string }>((tie) => ({
      c: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        simpleCmd,
        fc.tuple(tie('c'), tie('c')).map(([a, b]) => `if ${a}; then ${b}; fi`),
        fc.tuple(tie('c'), tie('c')).map(([a, b]) => `${a} | ${b}`),
        fc.tuple(tie('c'), tie('c')).map(([a, b]) => `${a} && ${b}`),
        tie('c').map((a) => `while ${a}; do ${a}; done`),
        tie('c').map((a) => `( ${a} )`),
        tie('c').map((a) => `{ ${a}; }`),
        tie('c').map((a) => `for v in 1 2; do ${a}; done`),
        tie('c').map((a) => `case $v in 1) ${a};; *) ${a};; esac`),
      ),
    })).c;
    fc.assert(
      fc.property(fc.array(cmd, { minLength: 1, maxLength: 3 }), (cmds) => {
        const l: ListNode = parse(cmds.join('\n'));
        expect(l.items.length).toBe(cmds.length);
      }),
      { numRuns: 500 },
    );
  });
});
