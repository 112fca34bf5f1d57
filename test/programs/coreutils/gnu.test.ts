/**
 * Differential tests: each case was run with the real GNU tools (coreutils 9.1, grep 3.8, findutils 4.9 on
 * Debian 12, LC_ALL unset) in a directory holding `files`; testdata/gnu-cases.json holds what they printed.
 * Regenerate with testdata/gen-gnu-cases.py on a GNU host; never edit expectations by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { world } from './harness.js';

interface Case {
  argv: string[];
  stdin?: string;
  stdout: string;
  stderr: string;
  status: number;
}

const data = JSON.parse(readFileSync(new URL('./testdata/gnu-cases.json', import.meta.url), 'utf8')) as {
  files: Record<string, string>;
  cases: Case[];
};

/** The generator stored raw bytes as latin-1 characters. */
const utf8 = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');

/** Where the simulation knowingly differs from coreutils 9.1 (9.4 texts, or grep 3.11 vs 3.8). */
const sortLines = (s: string): string => s.split('\n').filter(Boolean).sort().map((l) => `${l}\n`).join('');

/**
 * Where the simulation knowingly differs: directory walks list names sorted (real find and grep -r follow
 * the disk's readdir order, which on ext4 is a hash order), so those compare as sorted lines.
 */
function normalize(c: Case, out: string): [string, string] {
  const walks = c.argv[0] === 'find' || (c.argv[0] === 'grep' && c.argv.some((a) => /^-\w*r/.test(a)));
  if (!walks) return [out, c.stdout];
  const flat = (s: string): string => (c.argv.includes('+') ? s.split(/\s+/).filter(Boolean).sort().join(' ') : sortLines(s));
  return [flat(out), flat(c.stdout)];
}

describe('GNU differential cases', () => {
  for (const c of data.cases) {
    const title = `${c.argv.map((a) => JSON.stringify(a)).join(' ')}${c.stdin !== undefined ? ` <<< ${JSON.stringify(c.stdin)}` : ''}`;
    it(title, async () => {
      const w = world();
      for (const [path, content] of Object.entries(data.files)) w.file(`/home/user/${path}`, utf8(content), 0o644, 1000);
      const r = await w.run(c.argv, { stdin: c.stdin === undefined ? '' : utf8(c.stdin), split: true });
      const [got, want] = normalize(c, r.out);
      expect({ stdout: got, stderr: r.err, status: r.status }).toEqual({ stdout: want, stderr: c.stderr, status: c.status });
    });
  }
});
