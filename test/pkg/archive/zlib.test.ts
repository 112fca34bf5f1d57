import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adler32, zlibDeflate, zlibInflate, ZlibError } from '../../../src/pkg/archive/zlib.js';

const hex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g)!.map((x) => parseInt(x, 16)));

describe('zlib', () => {
  it('computes Adler-32 as RFC 1950 does', () => {
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
    expect(adler32(new Uint8Array())).toBe(1);
    // Past zlib's NMAX (5552 bytes) the sums must be reduced without overflowing.
    expect(adler32(new Uint8Array(100_000).fill(0xff))).toBe(0x149a302c);
  });

  it('inflates streams the real zlib wrote (a git loose object, level 1, and a level 6 stream)', () => {
    // The real git's .git/objects/ce/013625030ba8dba906f756967f9e9ca394464a
    expect(new TextDecoder().decode(zlibInflate(hex('78014bcac94f523063c848cdc9c9e702001dc50414')))).toBe('blob 6\0hello\n');
    expect(new TextDecoder().decode(zlibInflate(hex('789ccb48cdc9c957c84027b90070be08bb')))).toBe('hello hello hello hello\n');
  });

  it('round-trips any bytes, with the header zlib writes for the level (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), fc.constantFrom(1, 6, 9), (data, level) => {
      const z = zlibDeflate(data, level);
      expect(((z[0] << 8) | z[1]) % 31).toBe(0);
      expect([...zlibInflate(z)]).toEqual([...data]);
    }), { numRuns: 100 });
  });

  it('refuses a bad header and a bad checksum as zlib words them', () => {
    expect(() => zlibInflate(hex('1f8b0800'))).toThrow(new ZlibError('incorrect header check'));
    const z = zlibDeflate(new TextEncoder().encode('abc'));
    z[z.length - 1] ^= 1;
    expect(() => zlibInflate(z)).toThrow('incorrect data check');
  });
});
