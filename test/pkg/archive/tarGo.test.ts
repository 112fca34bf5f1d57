/**
 * The Go flavour of the tar writer (what dockerd streams: archive/tar with FormatPAX headers and whole-second
 * times): checked against GNU tar and Python's tarfile reading it, and against the header bytes Go writes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTar, writeTar, type TarEntry } from '../../../src/pkg/archive/tar.js';

const base = { uid: 0, gid: 0, uname: '', gname: '', mtime: 1_764_000_000 };
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('tar writer, Go format', () => {
  it('writes USTAR headers as Go does: "ustar\\0" "00", device fields, no names, no record padding', () => {
    const tar = writeTar([{ ...base, type: 'file', name: 'a.txt', mode: 0o644, data: text('hello\n') }], { format: 'go' });
    // one header, one data block, two zero blocks: what the real client counted as 2.05kB
    expect(tar.length).toBe(2048);
    const h = tar.subarray(0, 512);
    const str = (a: number, b: number): string => String.fromCharCode(...h.subarray(a, b));
    expect(str(257, 265)).toBe('ustar\x0000');
    expect(str(100, 108)).toBe('0000644\0');
    expect(str(329, 345)).toBe('0000000\x000000000\0');
    expect(str(265, 297)).toBe('\0'.repeat(32));
  });

  it('splits a long name into prefix and name, and carries a longer one in a pax header GNU tar reads', () => {
    const split = `${'d'.repeat(80)}/${'f'.repeat(60)}.txt`;
    const pax = `${'x'.repeat(120)}/${'y'.repeat(120)}.txt`;
    const tar = writeTar([
      { ...base, type: 'file', name: split, mode: 0o600, data: text('one\n') },
      { ...base, type: 'file', name: pax, mode: 0o600, data: text('two\n') },
      { ...base, type: 'symlink', name: 'l', mode: 0o777, linkname: 't'.repeat(150) },
    ], { format: 'go' });
    expect(String.fromCharCode(...tar.subarray(345, 345 + 80))).toBe('d'.repeat(80));
    const dir = mkdtempSync(join(tmpdir(), 'targo-'));
    try {
      writeFileSync(join(dir, 'x.tar'), tar);
      const listing = execFileSync('tar', ['-tf', 'x.tar'], { cwd: dir }).toString();
      expect(listing).toBe(`${split}\n${pax}\nl\n`);
      const py = execFileSync('python3', ['-c', 'import tarfile,sys; t=tarfile.open(sys.argv[1]); print([(m.name, m.linkname) for m in t])', join(dir, 'x.tar')]).toString();
      expect(py).toContain(`'t${'t'.repeat(149)}'`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(readTar(tar).entries.map((e) => [e.name, e.linkname ?? ''])).toEqual([[split, ''], [pax, ''], ['l', 't'.repeat(150)]]);
  });

  it('keeps milliseconds in a pax mtime when there are any, so a layer reads back to the same content', () => {
    const e: TarEntry = { ...base, type: 'file', name: 'f', mode: 0o644, data: text('x'), mtime: 1_764_000_000, mtimeMs: 1_764_000_000_123 };
    const back = readTar(writeTar([e], { format: 'go' })).entries[0];
    expect([back.mtime, back.mtimeMs]).toEqual([1_764_000_000, 1_764_000_000_123]);
    const whole = readTar(writeTar([{ ...e, mtimeMs: 1_764_000_000_000 }], { format: 'go' }));
    expect(whole.entries[0].mtimeMs).toBeUndefined();
  });
});
