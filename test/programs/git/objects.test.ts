/**
 * git's object storage as real git writes it. The expected ids were computed once with the real git
 * (2.39.5 on this machine: `git hash-object`, and a repository committed with the same names, e-mail and
 * GIT_AUTHOR_DATE/GIT_COMMITTER_DATE='1700000000 +0000'); the tests never run git.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeIndex, entryFromStat, parseIndex } from '../../../src/programs/git/dircache.js';
import { decodeCommit, decodeTree, encodeCommit, hashObject, ObjectDb, parseObject, utf8 } from '../../../src/programs/git/objects.js';
import { Repo } from '../../../src/programs/git/repo.js';
import { writeTree } from '../../../src/programs/git/worktree.js';
import { cleanupMessage } from '../../../src/programs/git/commit.js';
import { zlibInflate } from '../../../src/pkg/archive/zlib.js';
import { sha1Hex } from '../../../src/engine/fs/sha1.js';
import { memFs, memSys } from './memfs.js';

const LEARNER = { name: 'Learner', email: 'learner@example.com', when: 1700000000, tz: '+0000' };

describe('object ids are real git\'s', () => {
  it('hashes blobs as git hash-object does', () => {
    expect(hashObject('blob', utf8(''))).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    expect(hashObject('blob', utf8('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(hashObject('blob', utf8('what is up, doc?'))).toBe('bd9dbf5aae1a3862dd1526723246b20206e5fc37');
    expect(hashObject('blob', new Uint8Array([0, 1, 0xff]))).toBe('494b1410a95b9ef0a980c33411fbf7d564472741');
  });

  it('writes a root commit with the id real git gave it', () => {
    const fs = memFs();
    fs.mkdir('/r/.git/objects', { recursive: true });
    const repo = new Repo(memSys(fs), '/r/.git', '/r');
    const blob = repo.objects.write('blob', utf8('hello\n'));
    const tree = writeTree(repo, [{ path: 'hello.txt', mode: 0o100644, id: blob }]);
    expect(tree).toBe('aaa96ced2d9a1c8e72c56b253a0e2fe78393feb7');
    const id = repo.objects.write('commit', encodeCommit({ tree, parents: [], author: LEARNER, committer: LEARNER, message: cleanupMessage('first') }));
    expect(id).toBe('abac39a42d6ebfce80286eab52644d505514d442');
  });

  it('writes nested trees, an executable, a symlink and a cleaned-up message as real git does', () => {
    const fs = memFs();
    fs.mkdir('/r/.git/objects', { recursive: true });
    const repo = new Repo(memSys(fs), '/r/.git', '/r');
    const w = (s: string): string => repo.objects.write('blob', utf8(s));
    const tree = writeTree(repo, [
      { path: 'c.txt', mode: 0o100644, id: w('x\ny\n') },
      { path: 'hello.txt', mode: 0o100644, id: w('hello\n') },
      { path: 'link', mode: 0o120000, id: w('hello.txt') },
      { path: 'run.sh', mode: 0o100755, id: w('#!/bin/sh\n') },
      { path: 'src/deep/a.txt', mode: 0o100644, id: w('a\n') },
    ]);
    expect(tree).toBe('25d2b9c022fded55a0fe00a4b475a04382444e39');
    expect(decodeTree(repo.objects.read(tree).content).map((e) => `${e.mode} ${e.name}`)).toEqual(['100644 c.txt', '100644 hello.txt', '120000 link', '100755 run.sh', '40000 src']);
    const message = cleanupMessage('second\n  \nwith body   ');
    const id = repo.objects.write('commit', encodeCommit({ tree, parents: ['abac39a42d6ebfce80286eab52644d505514d442'], author: LEARNER, committer: LEARNER, message }));
    expect(id).toBe('4b43b881803b83c567889f3f9b946a1e70cfe39c');
    expect(decodeCommit(repo.objects.read(id).content)).toMatchObject({ tree, parents: ['abac39a42d6ebfce80286eab52644d505514d442'], message: 'second\n\nwith body\n' });
  });

  it('stores loose objects zlib-compressed at objects/xx/yyyy, read-only', () => {
    const fs = memFs();
    fs.mkdir('/o', { recursive: true });
    const db = new ObjectDb(fs, '/o');
    const id = db.write('blob', utf8('hello\n'));
    const stored = fs.readFile('/o/ce/013625030ba8dba906f756967f9e9ca394464a');
    // Level 1's header, as git writes loose objects (core.looseCompression); the real object began 78 01 too.
    expect([stored[0], stored[1]]).toEqual([0x78, 0x01]);
    expect(new TextDecoder().decode(zlibInflate(stored))).toBe('blob 6\0hello\n');
    expect(fs.stat(db.path(id)).mode).toBe(0o444);
  });

  it('inflates every written object back to its content, which hashes to its id (property)', () => {
    fc.assert(fc.property(fc.constantFrom('blob' as const, 'commit' as const, 'tag' as const), fc.uint8Array({ maxLength: 3000 }), (type, content) => {
      const fs = memFs();
      fs.mkdir('/o', { recursive: true });
      const db = new ObjectDb(fs, '/o');
      const id = db.write(type, content);
      const raw = zlibInflate(fs.readFile(db.path(id)));
      expect(sha1Hex(raw)).toBe(id);
      const back = parseObject(raw);
      expect(back.type).toBe(type);
      expect([...back.content]).toEqual([...content]);
    }), { numRuns: 150 });
  });
});

describe('the index', () => {
  it('writes DIRC version 2 with the stat data and parses it back', () => {
    const st = { type: 'file', mode: 0o755, uid: 1000, gid: 1000, size: 6, nlink: 1, ino: 77, dev: 42, rdev: 0, atimeMs: 0, mtimeMs: 1700000000123, ctimeMs: 1700000001500 } as const;
    const entries = [
      entryFromStat('src/deep/a.txt', 'ce013625030ba8dba906f756967f9e9ca394464a', st),
      entryFromStat('b.txt', 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391', { ...st, mode: 0o644 }),
    ];
    const bytes = encodeIndex(entries);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('DIRC');
    expect([...bytes.subarray(4, 12)]).toEqual([0, 0, 0, 2, 0, 0, 0, 2]);
    // Each entry is 62 bytes and its name, NUL-padded to a multiple of 8; the file ends in the SHA-1 of the rest.
    expect(bytes.length).toBe(12 + 72 + 80 + 20);
    expect(sha1Hex(bytes.subarray(0, bytes.length - 20))).toBe([...bytes.subarray(bytes.length - 20)].map((b) => b.toString(16).padStart(2, '0')).join(''));
    const back = parseIndex(bytes);
    expect(back.map((e) => e.path)).toEqual(['b.txt', 'src/deep/a.txt']);
    expect(back[1]).toEqual({ ...entries[0] });
    expect(back[1]).toMatchObject({ mode: 0o100755, mtimeSec: 1700000000, mtimeNsec: 123_000_000, ctimeNsec: 500_000_000, ino: 77, dev: 42, uid: 1000, size: 6 });
    expect(back[0].mode).toBe(0o100644);
  });

  it('refuses an index whose checksum does not match', () => {
    const bytes = encodeIndex([]);
    bytes[bytes.length - 1] ^= 1;
    expect(() => parseIndex(bytes)).toThrow('index file corrupt');
  });
});
