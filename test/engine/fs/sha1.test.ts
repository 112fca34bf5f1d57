import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sha1, sha1Hex } from '../../../src/engine/fs/sha1.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('SHA-1', () => {
  it('gives the FIPS 180 test vectors', () => {
    expect(sha1Hex(bytes(''))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex(bytes('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex(bytes('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
    expect(sha1Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
  });

  it('hashes the same however the input is split (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (data, cut) => {
      const at = Math.min(cut, data.length);
      expect(new Sha1().update(data.subarray(0, at)).update(data.subarray(at)).hex()).toBe(sha1Hex(data));
    }));
  });
});
