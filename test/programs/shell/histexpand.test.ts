/**
 * History expansion against what bash 5.2 printed for the same lines (bash --norc -i under script(1), its
 * history without HISTCONTROL): the expanded line, or the error after `bash: `.
 */
import { describe, expect, it } from 'vitest';
import { expandHistory, historyWords } from '../../../src/programs/shell/histexpand.js';

const ok = (line: string, history: readonly string[]): string => {
  const x = expandHistory(line, history);
  if (!x.ok) throw new Error(x.error);
  return x.line;
};
const error = (line: string, history: readonly string[]): string => {
  const x = expandHistory(line, history);
  return x.ok ? `expanded to ${x.line}` : x.error;
};

describe('bash history expansion', () => {
  const h = ['echo hi', 'echo hi', 'echo hi there', 'echo a b c'];

  it('expands events: !!, !n, !-n, !string, !?string?', () => {
    expect(ok('!!', ['echo hi'])).toBe('echo hi');
    expect(ok('!! there', ['echo hi'])).toBe('echo hi there');
    expect(ok('sudo !!', ['docker ps'])).toBe('sudo docker ps');
    expect(ok('!3', h)).toBe('echo hi there');
    expect(ok('!-2', [...h, 'echo c a a b c'])).toBe('echo a b c');
    expect(ok('!ec', [...h, 'echo c a a b c'])).toBe('echo c a a b c');
    expect(ok('!?hi?', h)).toBe('echo hi there');
    expect(ok('!?a b', h)).toBe('echo a b c');
  });

  it('selects words: !$ !^ !* !:0 !:1 ranges, and with an event', () => {
    expect(ok('echo !$ !^ !*', h)).toBe('echo c a a b c');
    expect(ok('!:0 !:1 /', ['ls -la /nonexist'])).toBe('ls -la /');
    expect(ok('echo !!:1-2', h)).toBe('echo a b');
    expect(ok('echo !!:2*', h)).toBe('echo b c');
    expect(ok('echo !!:1-', h)).toBe('echo a b');
    expect(ok('echo !3:$', h)).toBe('echo there');
    expect(ok('echo !$', ['docker run -d --name web nginx | tee log'])).toBe('echo log');
    expect(historyWords(`docker run -e "A=1 2" 'b c'>out&&ls`)).toEqual(['docker', 'run', '-e', '"A=1 2"', "'b c'", '>', 'out', '&&', 'ls']);
  });

  it('applies modifiers: :s, :gs, ^old^new, :h, :t, :r, :e, :p', () => {
    expect(ok('^hi^yo', ['echo hi there'])).toBe('echo yo there');
    expect(ok('!!:s/a/z/', ['echo a b a'])).toBe('echo z b a');
    expect(ok('!!:gs/a/z/', ['echo a b a'])).toBe('echo z b z');
    expect(ok('echo !$:h !$:t !$:r !$:e', ['cat /etc/nginx/nginx.conf'])).toBe('echo /etc/nginx nginx.conf /etc/nginx/nginx .conf');
    const p = expandHistory('echo !ls:p', ['ls -la /']);
    expect(p).toEqual({ ok: true, line: 'echo ls -la /', changed: true, printOnly: true });
  });

  it('leaves ! alone in single quotes, after a backslash, before a blank or =, in $! and ${!x}; not in double quotes', () => {
    const last = ['sudo echo c a a b c'];
    expect(ok(`echo '!!'`, last)).toBe(`echo '!!'`);
    expect(ok('echo \\!!', last)).toBe('echo \\!!');
    expect(ok('echo "!!"', last)).toBe('echo "sudo echo c a a b c"');
    expect(ok('[ ! -f x ] && echo $! ${!name} a!=b', last)).toBe('[ ! -f x ] && echo $! ${!name} a!=b');
    expect(expandHistory('echo hi!', last)).toEqual({ ok: true, line: 'echo hi!', changed: false, printOnly: false });
  });

  it('says what bash says when an expansion fails', () => {
    expect(error('!zzz', h)).toBe('!zzz: event not found');
    expect(error('!!', [])).toBe('!!: event not found');
    expect(error('!99', h)).toBe('!99: event not found');
    expect(error('^hi^yo', ['echo c a a b c'])).toBe(':s^hi^yo: substitution failed');
    expect(error('!!:s/yy/zz/', h)).toBe(':s/yy/zz/: substitution failed');
    expect(error('!!:9', h)).toBe(':9: bad word specifier');
    expect(error('!!:x', h)).toBe(':x: unrecognized history modifier');
  });
});
