import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TESTDATA = join(import.meta.dirname, 'testdata');

export function golden(name: string): string {
  return readFileSync(join(TESTDATA, name), 'utf8');
}

export interface Case {
  readonly name: string;
  readonly argv: string[];
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Cases recorded by capture.py: `argv:`, `exit:`, then the exact stdout and stderr. */
export function errorCases(): Case[] {
  return readdirSync(TESTDATA)
    .filter((f) => f.startsWith('errors-'))
    .map((f) => {
      const text = golden(f);
      const m = /^argv: (.*)\nexit: (\d+)\n--- stdout\n([\s\S]*)--- stderr\n([\s\S]*)--- end\n$/.exec(text);
      if (!m) throw new Error(`bad golden ${f}`);
      return { name: f.slice(7, -7), argv: JSON.parse(m[1]), exit: Number(m[2]), stdout: m[3], stderr: m[4] };
    });
}

export function helpGoldens(): Array<{ file: string; words: string[] }> {
  return readdirSync(TESTDATA)
    .filter((f) => f.startsWith('help-'))
    .map((f) => {
      const slug = f.slice(5, -7);
      return { file: f, words: slug === 'docker' ? [] : slug.split('-') };
    });
}
