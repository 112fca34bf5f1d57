import { execFileSync } from 'node:child_process';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gunzip, gzip, GzipError } from '../../../src/pkg/archive/gzip.js';

const text = (n: number): Uint8Array => new TextEncoder().encode(Array.from({ length: n }, (_, i) => `line ${i % 97} of the file\n`).join(''));

describe('gzip codec', () => {
  it('round-trips any bytes, and zlib reads what it writes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.constantFrom(97, 98, 99, 10), { maxLength: 5000 }).map((a) => Uint8Array.from(a))), (data) => {
        const z = gzip(data);
        expect(gunzip(z).data).toEqual(data);
        expect(new Uint8Array(gunzipSync(z))).toEqual(data);
      }),
      { numRuns: 150 },
    );
  });

  it('reads what zlib and the real gzip write, stored, fixed and dynamic blocks alike', () => {
    for (const level of [0, 1, 6, 9]) {
      const data = text(3000);
      expect(gunzip(new Uint8Array(gzipSync(data, { level }))).data).toEqual(data);
    }
    const real = new Uint8Array(execFileSync('gzip', ['-c', '-n'], { input: text(500) }));
    expect(gunzip(real).data).toEqual(text(500));
  });

  it('compresses text about as well as gzip -6', () => {
    const data = text(20000);
    const ours = gzip(data).length;
    const theirs = gzipSync(data, { level: 6 }).length;
    expect(ours).toBeLessThan(theirs * 1.5);
  });

  it('writes a small file in a fixed-Huffman block, as small as the real gzip makes it', () => {
    const data = new TextEncoder().encode('hello\n');
    const real = execFileSync('gzip', ['-c'], { input: data });
    expect(gzip(data, { name: 'index.html', mtime: 1 }).length).toBe(real.length + 'index.html'.length + 1);
  });

  it('keeps the name and mtime in the header as gzip does', () => {
    const z = gzip(text(1), { name: 'notes.txt', mtime: 1_700_000_000 });
    expect(gunzip(z).header).toEqual({ name: 'notes.txt', mtime: 1_700_000_000 });
    expect(() => execFileSync('gzip', ['-t'], { input: z })).not.toThrow();
  });

  it("says what is wrong in gzip's words", () => {
    expect(() => gunzip(new TextEncoder().encode('hello'))).toThrow(new GzipError('not in gzip format'));
    const z = gzip(text(10));
    expect(() => gunzip(z.subarray(0, z.length - 3))).toThrow(new GzipError('unexpected end of file'));
    const bad = z.slice();
    bad[bad.length - 6] ^= 1;
    expect(() => gunzip(bad)).toThrow(new GzipError('invalid compressed data--crc error'));
  });
});
