import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/engine/kernel/prng.js';

describe('Prng.hex', () => {
  it('spells the bytes the same generator would give, whatever length came before', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    for (const n of [32, 4, 0, 1, 32, 7]) {
      const want = [...b.bytes(n)].map((x) => x.toString(16).padStart(2, '0')).join('');
      expect(a.hex(n)).toBe(want);
    }
  });
});
