/**
 * `sh -c SCRIPT` on the simulated host against real dash 0.5.12: each case in testdata-dash-c.json was run
 * with `sh -c` (stdout and stderr merged, HOME=/root, cwd /root) and its output and status recorded.
 */
import { describe, expect, it } from 'vitest';
import cases from './testdata-dash-c.json' with { type: 'json' };
import { dashC } from './harness.js';

describe('sh -c matches real dash', () => {
  for (const c of cases as { script: string; out: string; status: number }[]) {
    it(c.script.slice(0, 70), async () => {
      const r = await dashC(c.script);
      expect({ out: r.out, status: r.status }).toEqual({ out: c.out, status: c.status });
    });
  }
});
