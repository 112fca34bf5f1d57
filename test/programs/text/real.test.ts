/**
 * Differential cases: each was run with the real tools (GNU sed 4.9, mawk, coreutils od and timeout, busybox)
 * in a directory holding `files`; testdata/real-cases.json holds what they printed and which files they
 * changed. Regenerate with testdata/gen-cases.py; never edit expectations by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { programs } from '../../../src/programs/text/index.js';
import { world } from '../coreutils/harness.js';

interface Case {
  argv: string[];
  stdin: string;
  stdout: string;
  stderr: string;
  status: number;
  files?: Record<string, string>;
}

const data = JSON.parse(readFileSync(new URL('./testdata/real-cases.json', import.meta.url), 'utf8')) as {
  files: Record<string, string>;
  cases: Case[];
};

/** Where the simulation knowingly differs from the reference host (Debian 12's mawk 1.3.4 20200120). */
function expected(c: Case): Case {
  return c;
}

describe('real tools, differential', () => {
  for (const c of data.cases) {
    it(c.argv.join(' ').replace(/\n/g, '\\n').slice(0, 100), async () => {
      const w = world(programs);
      for (const [name, text] of Object.entries(data.files)) w.file(`/home/user/${name}`, text, 0o644, 1000);
      const r = await w.run(c.argv, { stdin: c.stdin, split: true });
      const want = expected(c);
      expect({ out: r.out, err: r.err, status: r.status }).toEqual({ out: want.stdout, err: want.stderr, status: want.status });
      for (const [name, text] of Object.entries(want.files ?? {})) {
        expect(new TextDecoder().decode(w.fs.readFile(`/home/user/${name}`))).toBe(text);
      }
    });
  }
});
