/** Running files: scripts, PATH lookup, the exec errors, and the scheduler contract of busy loops. */
import { describe, expect, it } from 'vitest';
import { ashC, bashC, runShellArgv } from './harness.js';

const files = {
  '/tmp/ex/s.sh': 'echo "script $0 $1 $#"\nfoo\necho "line 3"\n',
  '/tmp/ex/ns': 'echo noshebang $1\n',
  '/tmp/ex/sb': '#!/bin/sh\necho from sh $0\nfoo\n',
  '/tmp/ex/elf': '\x7fELF\x02\x01garbage',
};

describe('running files (outputs recorded from bash 5.2)', () => {
  it('runs scripts, #! interpreters and text files without #!', async () => {
    const r = await bashC('cd /tmp/ex; chmod 644 s.sh; bash s.sh a b; ./ns x; chmod 644 ns; ./ns; echo $?; ./sb; ./elf; echo $?', { files });
    expect(r.out).toBe(
      'script s.sh a 2\ns.sh: line 2: foo: command not found\nline 3\nnoshebang x\n' +
        'bash: line 1: ./ns: Permission denied\n126\nfrom sh ./sb\n./sb: 3: foo: not found\n' +
        'bash: line 1: ./elf: cannot execute binary file: Exec format error\n126\n',
    );
  });

  it('skips directories on PATH and reports missing commands', async () => {
    const r = await bashC('cd /tmp; : > /tmp/d; PATH=/tmp:$PATH; ls /tmp/nonexist 2>/dev/null; echo $?; d; echo $?; /etc; echo $?');
    expect(r.out).toBe('2\nbash: line 1: d: command not found\n127\nbash: line 1: /etc: Is a directory\n126\n');
  });

  it('reports a missing script file as bash does', async () => {
    const r = await runShellArgv('/bin/bash', ['bash', 'nofile']);
    expect([r.out, r.status]).toEqual(['bash: nofile: No such file or directory\n', 127]);
    const d = await runShellArgv('/bin/sh', ['sh', 'nofile']);
    expect([d.out, d.status]).toEqual(['sh: 0: cannot open nofile: No such file\n', 2]);
  });

  it('reads a script from a pipe', async () => {
    const r = await bashC("printf 'echo one\\nfoo\\nexit 3\\necho no\\n' | bash; echo $?");
    expect(r.out).toBe('one\nbash: line 2: foo: command not found\n3\n');
  });

  it('lets a busy loop be killed: it yields to the scheduler', async () => {
    const r = await bashC('bash -c "while true; do :; done" & sleep 1; kill $!; wait $!; echo $?');
    expect(r.out).toBe('143\n');
  });

  it('keeps pipelines connected and reports the last status', async () => {
    const r = await bashC('echo a b c | cat | cat; false | true; echo $? ${PIPESTATUS:-}; true | exit 4; echo $?');
    expect(r.out).toBe('a b c\n0 1\n4\n');
  });
});

describe('busybox ash flavour', () => {
  it('uses ash wording and bash-like echo', async () => {
    const r = await ashC('foo; echo $?; echo -e "a\\tb"; if true; then');
    expect(r.out).toBe('sh: syntax error: unexpected end of file (expecting "fi")\n');
    const s = await ashC('foo; echo $?; echo -e "a\\tb"');
    expect(s.out).toBe('sh: foo: not found\n127\na\tb\n');
  });
});

describe('speed', () => {
  // Speed is measured by `npm run bench`, never asserted here; this checks a long loop completes exactly.
  it('runs a long loop of simple builtin statements to the end', async () => {
    const n = 50000;
    const r = await bashC(`i=0; while [ $i -lt ${n} ]; do i=$((i+1)); done; echo $i`, { ms: 1e9 });
    expect(r.out).toBe(`${n}\n`);
  });
});
