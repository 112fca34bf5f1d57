/** Every program, with odd arguments, ends without a kernel fault (a program bug) and with a status. */
import { describe, expect, it } from 'vitest';
import { coreutils } from '../../../src/programs/coreutils/index.js';
import { world } from './harness.js';

const ARGS: string[][] = [[], ['--help'], ['--version'], ['-z'], ['--nope'], ['nope'], ['/'], ['-', '--', '-x'], ['/etc/passwd', '/tmp', '/dev/null'], ['-r', '-l', '-n', '5', '/etc']];

describe('smoke', () => {
  for (const name of Object.keys(coreutils).filter((n) => n !== 'yes')) {
    it(name, async () => {
      const w = world();
      w.file('/home/user/f', 'a\nb\n', 0o644, 1000);
      for (const args of ARGS) {
        const r = await w.run([name, ...args], { stdin: 'x y\n', limitMs: 3000 });
        expect(typeof r.status).toBe('number');
        expect(w.kernel.faults).toEqual([]);
      }
    });
  }
});
