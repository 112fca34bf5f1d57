import { describe, expect, it } from 'vitest';
import type { ProgramFamily } from '../../src/programs/optional.js';
import { prefetchFamilies } from '../../src/ui/prefetch.js';

describe('prefetchFamilies', () => {
  it('loads one family per idle moment, in order, and goes on past a failed load', async () => {
    const loaded: string[] = [];
    const idles: Array<() => void> = [];
    const family = (chunk: string, fail = false): ProgramFamily => ({
      chunk,
      names: [],
      load: async () => {
        loaded.push(chunk);
        if (fail) throw new Error('offline');
        return { programs: {} };
      },
    });
    prefetchFamilies([family('vim'), family('apt', true), family('nginx')], (fn) => void idles.push(fn));
    const drain = async (): Promise<void> => {
      for (let i = 0; i < 10; i++) await Promise.resolve();
    };
    expect(idles.length).toBe(1);
    expect(loaded).toEqual([]);
    idles.shift()!();
    await drain();
    expect(loaded).toEqual(['vim']);
    expect(idles.length).toBe(1);
    idles.shift()!();
    await drain();
    idles.shift()!();
    await drain();
    expect(loaded).toEqual(['vim', 'apt', 'nginx']);
    expect(idles.length).toBe(0);
  });
});
