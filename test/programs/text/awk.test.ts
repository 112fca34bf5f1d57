import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busyboxPrograms, programs } from '../../../src/programs/text/index.js';
import { world } from '../coreutils/harness.js';

describe('mawk', () => {
  it('an endless loop costs virtual time and dies on Ctrl-C', async () => {
    const w = world(programs);
    const r = await w.run(['mawk', 'BEGIN{while(1);}'], {
      tty: true,
      limitMs: 10_000,
      tick: (_w, s, tty) => {
        if (s === 1) tty!.input('\x03');
      },
    });
    expect(r.status).toBe(130);
    expect(w.kernel.now()).toBeGreaterThanOrEqual(1000);
  });

  it('reads its input as it comes: a record is handled before the next one arrives', async () => {
    const w = world(programs);
    const r = await w.run(['mawk', '{ print "got", $1 }'], {
      tty: true,
      limitMs: 5_000,
      tick: (_w, s, tty) => {
        if (s === 1) tty!.input('one\n');
        if (s === 2) tty!.input('\x04');
      },
    });
    expect(r.out).toBe('one\ngot one\n');
    expect(r.status).toBe(0);
  });

  it('prints its version as Ubuntu 24.04 ships it', async () => {
    const w = world(programs);
    const r = await w.run(['mawk', '-W', 'version'], { split: true });
    expect(r.out).toBe('mawk 1.3.4 20240123\nCopyright 2008-2023,2024, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n');
    expect(r.err).toContain('maximum-integer     2147483647');
  });

  it('sums a column as `awk "{s+=$1} END {print s}"` does, for any list of integers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -100000, max: 100000 }), { maxLength: 30 }), async (nums) => {
        const w = world(programs);
        const r = await w.run(['mawk', '{ s += $1 } END { print s + 0 }'], { stdin: nums.map((n) => `${n}\n`).join('') });
        expect(r.out).toBe(`${nums.reduce((a, b) => a + b, 0)}\n`);
      }),
      { numRuns: 25 },
    );
  });

  it("busybox awk words a syntax error as busybox 1.x does, on the program's last line", async () => {
    const w = world({ awk: busyboxPrograms.awk });
    const r = await w.run(['awk', 'BEGIN{x='], { split: true });
    expect(r).toEqual({ out: '', err: 'awk: cmd. line:1: Unexpected token\n', status: 1 });
    const missing = await w.run(['awk', '{print $1}', '/nonexist'], { split: true });
    expect(missing).toEqual({ out: '', err: 'awk: /nonexist: No such file or directory\n', status: 1 });
  });
});
