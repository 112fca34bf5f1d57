import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { isProcessEnd } from '../../src/engine/kernel/process.js';
import { fake, type FakeOptions } from './fake.js';
import { SIM, writeSimGolden } from './golden.js';

/** Control characters other than newline shown as \xNN, so goldens stay readable in a diff. */
const visible = (s: string): string => s.replace(/[\x00-\x09\x0b-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** Runs `docker argv…` against the fake and renders exit code, client calls, stdout and stderr. */
export async function transcript(argv: string[], o: FakeOptions = {}): Promise<string> {
  const f = fake(o);
  let exit: string;
  try {
    exit = String(await main(f.cli, argv));
  } catch (e) {
    if (!isProcessEnd(e)) throw e;
    exit = `(${e.message})`;
  }
  const raw = f.rawModes.length > 0 ? `--- raw mode\n${f.rawModes.join(' ')}\n` : '';
  return `argv: ${JSON.stringify(argv)}\nexit: ${exit}\n--- requests\n${f.calls.map((c) => visible(c) + '\n').join('')}` +
    raw + `--- stdout\n${visible(f.stdout())}--- stderr\n${visible(f.stderr())}--- end\n`;
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
