import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/engine/kernel/prng.js';
import { generateID, getContainer, shortID, type ContainerIndex } from '../../../src/engine/daemon/ids.js';

function index(containers: Record<string, string>): ContainerIndex<string> {
  // id → name
  return {
    get: (id) => (id in containers ? id : undefined),
    idByName: (name) => Object.keys(containers).find((id) => containers[id] === name),
    ids: () => Object.keys(containers),
  };
}

const A = 'abc123' + '0'.repeat(58);
const B = 'abd456' + '1'.repeat(58);

describe('ids', () => {
  it('are 64 hex chars from the seeded PRNG, reproducible', () => {
    const a = generateID(new Prng(7));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(generateID(new Prng(7))).toBe(a);
    expect(shortID(a)).toBe(a.slice(0, 12));
    expect(shortID('sha256:' + a)).toBe(a.slice(0, 12));
  });

  it('are drawn again when the short form is all digits', () => {
    const draws = ['1234567890120000000000000000000000000000000000000000000000000000', 'f'.repeat(64)];
    let i = 0;
    expect(generateID({ hex: () => draws[i++] })).toBe('f'.repeat(64));
    expect(i).toBe(2);
  });
});

describe('getContainer', () => {
  const idx = index({ [A]: '/web', [B]: '/db', ['ab' + 'c'.repeat(62)]: '/abd456' });
  const msg = (f: () => unknown): string => {
    try {
      return `ok ${String(f())}`;
    } catch (e) {
      return `${(e as { kind: string }).kind}: ${(e as Error).message}`;
    }
  };

  it('finds a full ID, an exact name (with or without /), a unique prefix', () => {
    expect(getContainer(idx, A)).toBe(A);
    expect(getContainer(idx, 'web')).toBe(A);
    expect(getContainer(idx, '/db')).toBe(B);
    expect(getContainer(idx, 'abc1')).toBe(A);
  });

  it('prefers a name over an ID prefix', () => {
    expect(getContainer(idx, 'abd456')).toBe('ab' + 'c'.repeat(62));
  });

  it('names do not match by prefix', () => {
    expect(msg(() => getContainer(idx, 'we'))).toBe('NotFound: No such container: we');
  });

  it('ambiguous prefixes and empty arguments are refused', () => {
    expect(msg(() => getContainer(idx, 'ab'))).toBe('InvalidParameter: multiple IDs found with provided prefix: ab');
    expect(msg(() => getContainer(idx, ''))).toBe('InvalidParameter: invalid name or ID supplied: ""');
  });
});
