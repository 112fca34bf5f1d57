import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { isProcessEnd } from '../../src/engine/kernel/process.js';
import { fake, type FakeOptions } from './fake.js';
import { SIM, writeSimGolden } from './golden.js';

/** Control characters other than newline shown as \xNN, so goldens stay readable in a diff. */
const visible = (s: string): string => s.replace(/[\x00-\x09\x0b-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

export interface Run {
  readonly exit: string;
  readonly calls: string[];
  readonly rawModes: boolean[];
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `docker argv…` against the fake: exit code (or the ending signal), client calls, stdout and stderr. */
export async function runDocker(argv: string[], o: FakeOptions = {}): Promise<Run> {
  const f = fake(o);
  let exit: string;
  try {
    exit = String(await main(f.cli, argv));
  } catch (e) {
    if (!isProcessEnd(e)) throw e;
    exit = `(${e.message})`;
  }
  return { exit, calls: f.calls, rawModes: f.rawModes, stdout: f.stdout(), stderr: f.stderr() };
}

/** A run rendered as a golden: exit code, client calls, stdout and stderr, control characters made visible. */
export function transcript(argv: string[], r: Run): string {
  const raw = r.rawModes.length > 0 ? `--- raw mode\n${r.rawModes.join(' ')}\n` : '';
  return `argv: ${JSON.stringify(argv)}\nexit: ${r.exit}\n--- requests\n${r.calls.map((c) => visible(c) + '\n').join('')}` +
    raw + `--- stdout\n${visible(r.stdout)}--- stderr\n${visible(r.stderr)}--- end\n`;
}

/** Compares with testdata/sim/<name>.golden; `UPDATE_GOLDEN=1` rewrites it (review the diff). */
export function matchGolden(name: string, text: string): void {
  const file = join(SIM, `${name}.golden`);
  if (process.env.UPDATE_GOLDEN) {
    writeSimGolden(file, text);
    return;
  }
  expect(existsSync(file), `${file} missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}
