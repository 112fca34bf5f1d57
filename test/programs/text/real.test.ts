/**
 * Differential cases: each was run with the real tools (GNU sed 4.9, mawk, coreutils od and timeout, busybox)
 * in a directory holding `files`; testdata/real-cases.json holds what they printed and which files they
 * changed. Regenerate with testdata/gen-cases.py; never edit expectations by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { programs } from '../../../src/programs/text/index.js';
import { coreutils } from '../../../src/programs/coreutils/index.js';
import { dash } from '../../../src/programs/shell/index.js';
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
  // mawk 20200120 took substr("hello", -1, 3) as "hell"; 20200717 and later (Ubuntu 24.04's 20240123) give
  // POSIX's "h" (characters -1, 0 and 1 of which only 1 exists).
  if (c.argv[1]?.includes('substr("hello", -1, 3)')) return { ...c, stdout: 'h|lo|\n' };
  // Python reports death by a signal as -N; a shell sees 128+N.
  if (c.status < 0) return { ...c, status: 128 - c.status };
  return c;
}

describe('real tools, differential', () => {
  for (const c of data.cases) {
    it(c.argv.join(' ').replace(/\n/g, '\\n').slice(0, 100), async () => {
      // awk's system(), pipes and `cmd | getline` run /bin/sh, Ubuntu's dash.
      const w = world({ ...programs, sh: dash, od: coreutils.od, timeout: coreutils.timeout });
      w.link('/bin', 'usr/bin');
      for (const [name, text] of Object.entries(data.files)) w.file(`/home/user/${name}`, text, 0o644, 1000);
      const r = await w.run(c.argv, { stdin: c.stdin, split: true, env: { PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8' } });
      const want = expected(c);
      expect({ out: r.out, err: r.err, status: r.status }).toEqual({ out: want.stdout, err: want.stderr, status: want.status });
      for (const [name, text] of Object.entries(want.files ?? {})) {
        expect(new TextDecoder().decode(w.fs.readFile(`/home/user/${name}`))).toBe(text);
      }
    });
  }
});
