import { describe, expect, it } from 'vitest';
import { OPTIONAL_FAMILIES } from '../../src/programs/optional.js';
import { REDIS_PROGRAM_NAMES } from '../../src/programs/redis/builds.js';

describe('the chunk table', () => {
  it('names every redis build the redis family has', () => {
    const redis = OPTIONAL_FAMILIES.find((f) => f.chunk === 'redis')!;
    expect(redis.names).toEqual(expect.arrayContaining([...REDIS_PROGRAM_NAMES]));
  });

  it('gives each program name to one family only', () => {
    const names = OPTIONAL_FAMILIES.flatMap((f) => f.names);
    expect(names.length).toBe(new Set(names).size);
  });

  it('finds each name in the module its family loads', async () => {
    for (const f of OPTIONAL_FAMILIES) {
      const m = await f.load();
      for (const name of f.names) expect(m.programs[name], `${f.chunk}: ${name}`).toBeTypeOf('function');
    }
  });
});
