/**
 * dockersim/no-cycle counts type-only imports, which import-x/no-cycle always skips: a circle made only of
 * `import type` lines is reported, with the route, and an import that does not lead back is not.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../scripts/lint-no-cycle.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = 'test/scripts/fixtures/cycle';

function lint(name: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: ROOT });
  const file = resolve(ROOT, DIR, name);
  const messages = linter.verify(
    readFileSync(file, 'utf8'),
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { dockersim: { rules: { 'no-cycle': rule } } },
        rules: { 'dockersim/no-cycle': 'error' },
      },
    ],
    { filename: file },
  );
  return messages.map((m) => `${m.line}: ${m.message}`);
}

describe('dockersim/no-cycle', () => {
  it('reports a circle of `import type` lines, naming the route', () => {
    expect(lint('a.ts')).toEqual([`1: Dependency cycle (type-only imports count): ${DIR}/a.ts → ${DIR}/b.ts → ${DIR}/a.ts`]);
    expect(lint('b.ts')).toEqual([`1: Dependency cycle (type-only imports count): ${DIR}/b.ts → ${DIR}/a.ts → ${DIR}/b.ts`]);
  });

  it('leaves alone an import (inline `type` too) that does not lead back', () => {
    expect(lint('c.ts')).toEqual([]);
  });

  it('follows `export * from`, `export type … from` and import() around a longer circle', () => {
    expect(lint('d.ts')).toEqual([
      `1: Dependency cycle (type-only imports count): ${DIR}/d.ts → ${DIR}/e.ts → ${DIR}/f.ts → ${DIR}/d.ts`,
    ]);
  });
});
