import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, Sha256 } from '../../../src/engine/fs/sha256.js';
import { utf8Decode, utf8Encode } from '../../../src/engine/kernel/utf8.js';

const ref = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('sha256', () => {
  it('matches the FIPS test vectors', () => {
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(utf8Encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with node:crypto at every length around block boundaries, fed in pieces', () => {
    for (let n = 0; n < 200; n++) {
      const data = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      const h = new Sha256();
      h.update(data.subarray(0, n >> 1)).update(data.subarray(n >> 1));
      expect(h.hex()).toBe(ref(data));
    }
    const big = new Uint8Array(300_000).map((_, i) => i & 0xff);
    expect(sha256Hex(big)).toBe(ref(big));
  });

  it('agrees with node:crypto for two hashers fed in turn, in pieces of every size up to three blocks', () => {
    const data = new Uint8Array(20_000).map((_, i) => (i * 131 + (i >> 7)) & 0xff);
    const a = new Sha256();
    const b = new Sha256();
    const doubled: number[] = [];
    let at = 0;
    for (let n = 0; at < data.length; n = (n + 37) % 193) {
      const piece = data.subarray(at, at + n);
      a.update(piece);
      b.update(piece).update(piece);
      doubled.push(...piece, ...piece);
      at += n;
    }
    expect(a.hex()).toBe(ref(data));
    expect(b.hex()).toBe(ref(new Uint8Array(doubled)));
  });
});

describe('utf8', () => {
  it('round-trips and matches TextEncoder/TextDecoder', () => {
    for (const s of ['', 'hello', 'héllo wörld', '日本語', '😀 emoji', 'a\u0000b', '\ud800x']) {
      expect([...utf8Encode(s)]).toEqual([...new TextEncoder().encode(s)]);
      expect(utf8Decode(new TextEncoder().encode(s))).toBe(new TextDecoder().decode(new TextEncoder().encode(s)));
    }
    const bad = new Uint8Array([0x61, 0xff, 0xc3, 0x28, 0xe2, 0x82]);
    expect(utf8Decode(bad)).toBe(new TextDecoder().decode(bad));
  });
});
