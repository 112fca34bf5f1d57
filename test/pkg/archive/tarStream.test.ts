/**
 * The tar writer made piece by piece (tarSource): the same bytes as writeTar in both formats, its size counted
 * before any data is made, and data read from an entry's source only when the archive is read that far.
 */
import { describe, expect, it } from 'vitest';
import { collectSource, readTar, tarSource, writeTar, type ByteSource, type TarEntry } from '../../../src/pkg/archive/tar.js';

const base = { uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 1_764_000_000 };
const bytesOf = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

const entries: TarEntry[] = [
  { ...base, name: 'dir/', type: 'dir', mode: 0o755 },
  { ...base, name: 'dir/small', type: 'file', mode: 0o644, data: bytesOf(3, 1) },
  { ...base, name: 'dir/block', type: 'file', mode: 0o644, data: bytesOf(512, 2) },
  { ...base, name: `dir/${'long-name-'.repeat(12)}`, type: 'file', mode: 0o600, data: bytesOf(70_001, 3), mtimeMs: 1_764_000_000_250 },
  { ...base, name: 'dir/link', type: 'symlink', mode: 0o777, linkname: 'x'.repeat(120) },
  { ...base, name: 'dir/empty', type: 'file', mode: 0o644, data: new Uint8Array(0) },
];

/** The same data from a source that yields it in uneven pieces and counts what it made. */
function sourced(e: TarEntry, made: { bytes: number }): TarEntry {
  if (e.type !== 'file') return e;
  const data = e.data!;
  const src: ByteSource = {
    size: data.length,
    *pieces() {
      for (let at = 0; at < data.length; at += 1000) {
        const p = data.subarray(at, at + 1000);
        made.bytes += p.length;
        yield p;
      }
    },
  };
  return { ...e, data: undefined, source: src };
}

describe('tarSource', () => {
  for (const format of ['gnu', 'go'] as const) {
    it(`gives writeTar's bytes (${format}), its size counted from the headers`, () => {
      const made = { bytes: 0 };
      const src = tarSource(entries.map((e) => sourced(e, made)), { format });
      expect(made.bytes).toBe(0);
      const want = writeTar(entries, { format });
      expect(src.size).toBe(want.length);
      expect(collectSource(src)).toEqual(want);
      expect(readTar(want).entries.map((e) => e.name)).toContain(entries[3].name);
    });
  }

  it('reads a source only as far as the archive is read', () => {
    const made = { bytes: 0 };
    const src = tarSource(entries.map((e) => sourced(e, made)), { format: 'go' });
    const it = src.pieces()[Symbol.iterator]();
    let seen = 0;
    while (seen < 3000) seen += it.next().value!.length;
    // The first three entries and the start of the fourth's data: never the 70 kB behind it.
    expect(made.bytes).toBeLessThan(5000);
  });

  it('refuses a source that gives other than the size it announced', () => {
    const short: ByteSource = { size: 10, pieces: () => [new Uint8Array(9)] };
    expect(() => collectSource(tarSource([{ ...base, name: 'f', type: 'file', mode: 0o644, source: short }]))).toThrow(/9 bytes of data, header says 10/);
  });
});
