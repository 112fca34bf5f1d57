import { describe, expect, it } from 'vitest';
import { SysError } from '../../../src/engine/kernel/errno.js';
import { ForkFailed, forkRetrying } from '../../../src/programs/shell/forkretry.js';
import type { Shell } from '../../../src/programs/shell/shell.js';

/** Just what make_child touches: the shell's name, stderr and a clock. */
function stubShell(flavor: 'bash' | 'dash' = 'bash') {
  const said: string[] = [];
  const slept: number[] = [];
  const sh = {
    flavor,
    name: '-bash',
    diagName: undefined,
    writeErr: async (s: string) => void said.push(`${slept.reduce((a, b) => a + b, 0)}ms ${s}`),
    sys: { sleep: async (ms: number) => void slept.push(ms) },
  } as unknown as Shell;
  return { sh, said, slept };
}

function failing(times: number) {
  let calls = 0;
  return {
    fork: () => {
      calls++;
      if (calls <= times) throw new SysError('EAGAIN', 'fork');
      return 42;
    },
    calls: () => calls,
  };
}

describe("bash's make_child on EAGAIN", () => {
  it('says `fork: retry` and sleeps 1, 2, 4, 8 s between tries, then says `fork` and unwinds with 126', async () => {
    const { sh, said, slept } = stubShell();
    const f = failing(Infinity);
    const err = await forkRetrying(sh, f.fork).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForkFailed);
    expect((err as ForkFailed).status).toBe(126);
    expect(f.calls()).toBe(5);
    expect(slept).toEqual([1000, 2000, 4000, 8000]);
    expect(said).toEqual([
      '0ms -bash: fork: retry: Resource temporarily unavailable\n',
      '1000ms -bash: fork: retry: Resource temporarily unavailable\n',
      '3000ms -bash: fork: retry: Resource temporarily unavailable\n',
      '7000ms -bash: fork: retry: Resource temporarily unavailable\n',
      '15000ms -bash: fork: Resource temporarily unavailable\n',
    ]);
  });

  it('gets the child once a retry succeeds', async () => {
    const { sh, said, slept } = stubShell();
    await expect(forkRetrying(sh, failing(2).fork)).resolves.toBe(42);
    expect(slept).toEqual([1000, 2000]);
    expect(said).toHaveLength(2);
  });

  it('passes other errors through untouched and does not retry them', async () => {
    const { sh, said } = stubShell();
    const enoent = new SysError('ENOENT', 'execve');
    await expect(
      forkRetrying(sh, () => {
        throw enoent;
      }),
    ).rejects.toBe(enoent);
    expect(said).toEqual([]);
  });
});
