/**
 * The cache rule as a property: after a random edit (an instruction changed, or a file a COPY reads), a rebuild
 * reuses every step before the first changed one and no step from it on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boot } from '../harness.js';
import { build, type Files } from './buildHarness.js';

type Step = { kind: 'run' | 'env' | 'copy' | 'label'; v: number };

function files(steps: readonly Step[], edit: { at: number; file: boolean } | null): Files {
  const lines = ['FROM busybox'];
  const out: Files = {};
  steps.forEach((s, i) => {
    const v = edit && edit.at === i && !(edit.file && s.kind === 'copy') ? `${s.v}x` : `${s.v}`;
    if (s.kind === 'run') lines.push(`RUN echo ${v} >> /log`);
    if (s.kind === 'env') lines.push(`ENV V${i}=${v}`);
    if (s.kind === 'label') lines.push(`LABEL l${i}="${v}"`);
    if (s.kind === 'copy') {
      lines.push(`COPY f${i} /f${i}`);
      out[`f${i}`] = edit && edit.at === i && edit.file ? `${s.v} edited\n` : `${s.v}\n`;
    }
  });
  out.Dockerfile = `${lines.join('\n')}\n`;
  return out;
}

/** Per instruction after FROM: whether it was a cache hit. */
function hits(text: string): boolean[] {
  return text.split(/^Step /m).slice(2).map((s) => s.includes(' ---> Using cache\n'));
}

describe('the build cache', () => {
  it('invalidates exactly the steps from the first changed one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ kind: fc.constantFrom('run' as const, 'env' as const, 'copy' as const, 'label' as const), v: fc.nat(99) }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.boolean(),
        async (steps, pick, file) => {
          const h = boot();
          const at = pick % steps.length;
          const first = await build(h, files(steps, null));
          expect(first.error).toBe('');
          const again = await build(h, files(steps, null));
          expect(again.id).toBe(first.id);
          const edited = await build(h, files(steps, { at, file }));
          expect(hits(edited.text)).toEqual(steps.map((_s, i) => i < at));
          expect(edited.id).not.toBe(first.id);
        },
      ),
      { numRuns: 12, seed: 16 },
    );
  });
});
