/**
 * No import circle in src/cli, type-only imports included: lint's import-x/no-cycle skips `import type`, and
 * a circle of types is still a circle of meaning (a command needing dispatch needing the tree needing every
 * command). The registry imports the commands; nothing a command imports may lead back to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CLI = resolve(__dirname, '../../src/cli');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** Tarjan's strongly connected components with more than one file: each is an import circle. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1) out.push(scc.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('src/cli imports', () => {
  it('form no circle, counting type-only imports', () => {
    const files = sources(CLI);
    const graph = new Map<string, string[]>();
    for (const f of files) {
      const { importedFiles } = ts.preProcessFile(readFileSync(f, 'utf8'), true, true);
      const local = importedFiles.map((i) => i.fileName).filter((s) => s.startsWith('.'))
        .map((s) => resolve(dirname(f), s).replace(/\.js$/, '.ts')).filter((p) => files.includes(p));
      graph.set(f, local);
    }
    expect(circles(graph).map((c) => c.map((f) => relative(CLI, f)))).toEqual([]);
  });
});
