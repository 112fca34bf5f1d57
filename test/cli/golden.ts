import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Captured from the real docker 28.2.2 client (capture.py): they say what Docker prints, so only capture.py writes them. */
export const REAL = join(import.meta.dirname, 'testdata', 'real');
/** Recorded by the simulator itself (UPDATE_GOLDEN=1): they catch a change, not a wrong string. */
export const SIM = join(import.meta.dirname, 'testdata', 'sim');

export function golden(name: string): string {
  return readFileSync(join(REAL, name), 'utf8');
}

/**
 * Writes a self-recorded golden. Refuses any path under real/: rewriting a real capture from the simulator's own
 * output would turn a test of Docker's words into a test of ours, and hide the very difference it exists to show.
 */
export function writeSimGolden(file: string, text: string): void {
  refuseReal(file);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export function refuseReal(file: string): void {
  const rel = relative(REAL, resolve(file));
  if (!rel.startsWith('..')) throw new Error(`${file} is a real docker capture: re-capture it with test/cli/capture.py, never UPDATE_GOLDEN`);
}

export interface Case {
  readonly name: string;
  readonly argv: string[];
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Parses one capture.py case: `argv:`, `exit:`, then the exact stdout and stderr. */
export function parseCase(file: string, name: string): Case {
  const m = /^argv: (.*)\nexit: (\d+)\n--- stdout\n([\s\S]*)--- stderr\n([\s\S]*)--- end\n$/.exec(golden(file));
  if (!m) throw new Error(`bad golden ${file}`);
  return { name, argv: JSON.parse(m[1]), exit: Number(m[2]), stdout: m[3], stderr: m[4] };
}

/** Cases recorded by capture.py: usage errors, help and version the client prints without a daemon. */
export function errorCases(): Case[] {
  return readdirSync(REAL)
    .filter((f) => f.startsWith('errors-'))
    .map((f) => parseCase(f, f.slice(7, -7)));
}

/** Whole commands capture.py ran with no daemon listening. */
export function noDaemonCases(): Case[] {
  return readdirSync(REAL)
    .filter((f) => f.startsWith('nodaemon-'))
    .map((f) => parseCase(f, f.slice(9, -7)));
}

/** A commands.test.ts case capture_fixtures.py ran against the same fixtures, if it has one. */
export function fixtureCase(name: string): Case | undefined {
  const file = `fixture-${name}.golden`;
  return existsSync(join(REAL, file)) ? parseCase(file, name) : undefined;
}

export function fixtureNames(): string[] {
  return readdirSync(REAL)
    .filter((f) => f.startsWith('fixture-'))
    .map((f) => f.slice(8, -7));
}

export function helpGoldens(): Array<{ file: string; words: string[] }> {
  return readdirSync(REAL)
    .filter((f) => f.startsWith('help-'))
    .map((f) => {
      const slug = f.slice(5, -7);
      return { file: f, words: slug === 'docker' ? [] : slug.split('-') };
    });
}
