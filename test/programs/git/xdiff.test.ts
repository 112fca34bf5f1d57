/** Hunks as the real git 2.39.5 printed them for the same files (its output pasted as the expected text). */
import { describe, expect, it } from 'vitest';
import { countChanges, splitLines, unifiedHunks } from '../../../src/programs/git/xdiff.js';

const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');

describe('unified hunks', () => {
  it('adds a line at the end', () => {
    expect(unifiedHunks(splitLines('hello\n'), splitLines('hello\nmore\n'))).toEqual(['@@ -1 +1,2 @@', ' hello', '+more']);
  });

  it('deletes a whole file', () => {
    expect(unifiedHunks(splitLines('x\ny\n'), splitLines(''))).toEqual(['@@ -1,2 +0,0 @@', '-x', '-y']);
  });

  it('splits distant changes into hunks, each headed by git\'s default function line', () => {
    const body = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const tail = ['int main() {', '  a;', '  b;', '  c;', '  d;', '  e;', '}'];
    const a = lines(...body, ...tail);
    const b = lines(...body.map((l) => (l === 'line 15' ? 'line fifteen' : l)), ...tail.map((l) => (l === '  d;' ? '  dd;' : l)));
    expect(unifiedHunks(splitLines(a), splitLines(b))).toEqual([
      '@@ -12,7 +12,7 @@ line 11', ' line 12', ' line 13', ' line 14', '-line 15', '+line fifteen', ' line 16', ' line 17', ' line 18',
      '@@ -22,6 +22,6 @@ int main() {', '   a;', '   b;', '   c;', '-  d;', '+  dd;', '   e;', ' }',
    ]);
  });

  it('marks a last line without a newline', () => {
    expect(unifiedHunks(splitLines('no newline'), splitLines('no newline\nnow'))).toEqual([
      '@@ -1 +1,2 @@', '-no newline', '\\ No newline at end of file', '+no newline', '+now', '\\ No newline at end of file',
    ]);
    expect(countChanges(splitLines('no newline'), splitLines('no newline\nnow'))).toEqual({ added: 2, removed: 1 });
  });
});
