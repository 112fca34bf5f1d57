/**
 * The git program on a booted machine: what it leaves on the disk is what the real git leaves. The commit id
 * is the one the real git 2.39.5 gave the same content, names and dates (computed once, written here).
 */
import { describe, expect, it } from 'vitest';
import { HOST } from '../../../src/machine/files.js';
import { parseIndex } from '../../../src/programs/git/dircache.js';
import { zlibInflate } from '../../../src/pkg/archive/zlib.js';
import { runScriptOn } from '../../helpers/machine.js';

describe('git on the simulated disk', () => {
  it('commits with real git\'s ids and leaves a v2 index with the file\'s stat data', async () => {
    const { out, machine } = await runScriptOn([
      "export GIT_AUTHOR_DATE='1700000000 +0000' GIT_COMMITTER_DATE='1700000000 +0000'",
      'git config --global user.name Learner && git config --global user.email learner@example.com',
      'mkdir proj && cd proj && git init -q && echo hello > hello.txt && git add hello.txt && git commit -q -m first',
      'stat -c %Y hello.txt',
    ], { tickMs: 1000 });
    const read = (p: string): Uint8Array => {
      const r = machine.files.read(HOST, `/home/user/proj/${p}`);
      if (!r.ok) throw new Error(`${p}: ${r.message}`);
      return r.value;
    };
    const text = (p: string): string => new TextDecoder().decode(read(p));
    expect(text('.git/HEAD')).toBe('ref: refs/heads/master\n');
    expect(text('.git/refs/heads/master')).toBe('abac39a42d6ebfce80286eab52644d505514d442\n');
    expect(new TextDecoder().decode(zlibInflate(read('.git/objects/ce/013625030ba8dba906f756967f9e9ca394464a')))).toBe('blob 6\0hello\n');
    const [entry, ...rest] = parseIndex(read('.git/index'));
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ path: 'hello.txt', id: 'ce013625030ba8dba906f756967f9e9ca394464a', mode: 0o100644, size: 6, uid: 1000 });
    const mtime = Number(/^(\d{10})$/m.exec(out)?.[1]);
    expect(entry.mtimeSec).toBe(mtime);
    expect(text('.git/logs/HEAD')).toBe('0000000000000000000000000000000000000000 abac39a42d6ebfce80286eab52644d505514d442 Learner <learner@example.com> 1700000000 +0000\tcommit (initial): first\n');
  });
});
