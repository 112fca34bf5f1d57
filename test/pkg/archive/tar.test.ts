import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTar, writeTar, type TarEntry } from '../../../src/pkg/archive/tar.js';

const base = { uid: 1000, gid: 1000, uname: 'user', gname: 'user', mtime: 1_764_000_000 };

describe('tar codec', () => {
  it('round-trips entries, long names included', () => {
    const name = fc.stringMatching(/^[a-z0-9_.-]{1,40}(\/[a-z0-9_.-]{1,40}){0,4}$/);
    fc.assert(
      fc.property(fc.array(fc.record({ name, data: fc.uint8Array({ maxLength: 1500 }), mode: fc.integer({ min: 0, max: 0o7777 }) }), { maxLength: 6 }), (files) => {
        const entries: TarEntry[] = files.map((f) => ({ ...base, type: 'file', name: f.name, mode: f.mode, data: f.data }));
        const tar = writeTar(entries);
        expect(tar.length % 10240).toBe(0);
        const back = readTar(tar).entries;
        expect(back.map((e) => [e.name, e.mode, e.data])).toEqual(entries.map((e) => [e.name, e.mode, e.data]));
      }),
      { numRuns: 60 },
    );
  });

  it('writes what GNU tar lists and extracts, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-'));
    try {
      const long = `${'d'.repeat(60)}/${'f'.repeat(70)}.txt`;
      const tar = writeTar([
        { ...base, type: 'dir', name: 'app/', mode: 0o755 },
        { ...base, type: 'file', name: 'app/a.txt', mode: 0o644, data: new TextEncoder().encode('hello\n') },
        { ...base, type: 'symlink', name: 'app/link', mode: 0o777, linkname: 'a.txt' },
        { ...base, type: 'file', name: long, mode: 0o600, data: new TextEncoder().encode('long\n') },
      ]);
      writeFileSync(join(dir, 'x.tar'), tar);
      const listing = execFileSync('tar', ['-tvf', 'x.tar'], { cwd: dir, env: { TZ: 'UTC', LC_ALL: 'C' } }).toString();
      expect(listing).toBe(
        'drwxr-xr-x user/user         0 2025-11-24 16:00 app/\n' +
        '-rw-r--r-- user/user         6 2025-11-24 16:00 app/a.txt\n' +
        'lrwxrwxrwx user/user         0 2025-11-24 16:00 app/link -> a.txt\n' +
        `-rw------- user/user         5 2025-11-24 16:00 ${long}\n`,
      );
      mkdirSync(join(dir, 'out'));
      execFileSync('tar', ['-xf', '../x.tar'], { cwd: join(dir, 'out') });
      expect(readFileSync(join(dir, 'out', long), 'utf8')).toBe('long\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the same bytes as GNU tar 1.35 for the same files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-'));
    try {
      mkdirSync(join(dir, 'app'), { mode: 0o755 });
      writeFileSync(join(dir, 'app', 'a.txt'), 'hello\n', { mode: 0o644 });
      execFileSync('chmod', ['755', 'app'], { cwd: dir });
      execFileSync('tar', ['--owner=user:1000', '--group=user:1000', '--mtime=@1764000000', '-cf', 'real.tar', 'app'], { cwd: dir });
      const ours = writeTar([
        { ...base, type: 'dir', name: 'app/', mode: 0o755 },
        { ...base, type: 'file', name: 'app/a.txt', mode: 0o644, data: new TextEncoder().encode('hello\n') },
      ]);
      expect(ours).toEqual(new Uint8Array(readFileSync(join(dir, 'real.tar'))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads what GNU tar writes, in gnu, ustar and pax formats', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-'));
    try {
      mkdirSync(join(dir, 'src', 'sub'), { recursive: true });
      writeFileSync(join(dir, 'src', 'sub', 'f.txt'), 'data\n');
      for (const format of ['gnu', 'ustar', 'pax']) {
        const tar = new Uint8Array(execFileSync('tar', [`--format=${format}`, '-cf', '-', 'src'], { cwd: dir }));
        const entries = readTar(tar).entries;
        expect(entries.map((e) => `${e.type} ${e.name}`)).toEqual(['dir src/', 'dir src/sub/', 'file src/sub/f.txt']);
        expect(new TextDecoder().decode(entries[2].data)).toBe('data\n');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
