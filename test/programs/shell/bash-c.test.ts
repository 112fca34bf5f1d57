/**
 * `bash -c SCRIPT` on the simulated host against real bash 5.2: each case in testdata-bash-c.json was run
 * with `bash -c` (stdout and stderr merged, HOME=/root, cwd /root) and its output and status recorded.
 */
import { describe, expect, it } from 'vitest';
import cases from './testdata-bash-c.json' with { type: 'json' };
import { bashC } from './harness.js';

describe('bash -c matches real bash', () => {
  for (const c of cases as { script: string; out: string; status: number }[]) {
    it(c.script.slice(0, 70), async () => {
      const r = await bashC(c.script);
      expect({ out: r.out, status: r.status }).toEqual({ out: c.out, status: c.status });
    });
  }
});
