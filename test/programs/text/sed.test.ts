import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programs } from '../../../src/programs/text/index.js';
import { world } from '../coreutils/harness.js';

describe('sed', () => {
  it('s/LITERAL/REPL/g replaces every occurrence, as String.replaceAll does', async () => {
    const word = fc.stringMatching(/^[a-z]{1,3}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.stringMatching(/^[a-z ]{0,20}$/), { minLength: 1, maxLength: 5 }), word, fc.stringMatching(/^[A-Z]{0,3}$/), async (lines, from, to) => {
        const w = world(programs);
        const input = lines.map((l) => `${l}\n`).join('');
        const r = await w.run(['sed', `s/${from}/${to}/g`], { stdin: input });
        expect(r.out).toBe(lines.map((l) => `${l.replaceAll(from, to)}\n`).join(''));
      }),
      { numRuns: 40 },
    );
  });

  it('an endless branch loop costs virtual time and dies on Ctrl-C', async () => {
    const w = world(programs);
    const r = await w.run(['sed', ':a;ba'], {
      stdin: 'x\n',
      tty: true,
      limitMs: 10_000,
      tick: (_w, s, tty) => {
        if (s === 0) tty!.input('x\n');
        if (s === 1) tty!.input('\x03');
      },
    });
    expect(r.status).toBe(130);
  });

  it('edits in place keeping the file mode, and writes the backup beside it', async () => {
    const w = world(programs);
    w.dir('/home/user/conf', 0o755, 1000);
    w.file('/home/user/conf/site', 'listen 80;\n', 0o640, 1000);
    const r = await w.run(['sed', '-i.orig', 's/80/8080/', 'conf/site']);
    expect(r).toMatchObject({ out: '', status: 0 });
    expect(new TextDecoder().decode(w.fs.readFile('/home/user/conf/site'))).toBe('listen 8080;\n');
    expect(new TextDecoder().decode(w.fs.readFile('/home/user/conf/site.orig'))).toBe('listen 80;\n');
    expect(w.fs.lstat('/home/user/conf/site').mode & 0o777).toBe(0o640);
  });
});
