/** Here-documents in RUN, COPY and ADD: BuildKit runs and writes them; the legacy builder reads only the line. */
import { describe, expect, it } from 'vitest';
import { utf8Decode } from '../../../../src/engine/kernel/utf8.js';
import { boot } from '../harness.js';
import { build } from './buildHarness.js';

type Traces = readonly { vertexes: readonly { digest: string; name: string; cached: boolean }[]; logs: readonly { msg: Uint8Array }[] }[];
const steps = (traces: Traces): string[] => {
  const seen = new Map<string, string>();
  for (const t of traces) for (const v of t.vertexes) if (/^\[\d/.test(v.name)) seen.set(v.digest, `${v.name}${v.cached ? ' CACHED' : ''}`);
  return [...seen.values()];
};
const logs = (traces: Traces): string => traces.flatMap((t) => t.logs).map((l) => utf8Decode(l.msg)).join('');

const DF = [
  'FROM busybox', 'ARG WHO=world', 'ENV WHERE=here',
  'RUN <<EOF', 'echo hello $WHO', 'echo two', 'EOF',
  'RUN <<EOT', '#!/bin/sh', 'echo script $0', 'EOT',
  'RUN cat <<EOF > /f', 'in $WHERE', 'EOF',
  'COPY <<a.txt <<"b.txt" /d/', 'A $WHERE \\$x "q"', 'a.txt', 'B $WHERE', 'b.txt',
  'RUN <<-EOF', '\techo tabs', '\tEOF', '',
].join('\n');

describe('here-documents under BuildKit', () => {
  it('run a body as the shell command or a #! script, feed the shell its own, and write COPY files', async () => {
    const h = boot();
    const r = await build(h, { Dockerfile: DF }, { version: '2', tags: ['hd'] });
    expect(r.error).toBe('');
    expect(steps(r.traces)).toEqual([
      expect.stringMatching(/^\[1\/6\] FROM docker\.io\/library\/busybox:latest@sha256:/),
      '[2/6] RUN <<EOF (echo hello world...)',
      '[3/6] RUN <<EOT (#!/bin/sh...)',
      '[4/6] RUN cat <<EOF > /f',
      // processCmdEnv: the frontend's lexer takes the quotes off a COPY's name (not a RUN's).
      '[5/6] COPY <<a.txt <<b.txt /d/',
      '[6/6] RUN <<-EOF (echo tabs)',
    ]);
    expect(logs(r.traces)).toBe('hello world\ntwo\nscript /dev/pipes/EOT\ntabs\n');
    const img = h.engine.images.resolve('hd');
    expect(img.history.slice(-5).map((x) => x.created_by)).toEqual([
      'RUN |1 WHO=world /bin/sh -c echo hello $WHO\necho two\n # buildkit',
      'RUN |1 WHO=world /bin/sh -c /dev/pipes/EOT # buildkit',
      'RUN |1 WHO=world /bin/sh -c cat <<EOF > /f\nin $WHERE\nEOF # buildkit',
      'COPY <<a.txt <<b.txt /d/ # buildkit',
      'RUN |1 WHO=world /bin/sh -c echo tabs\n # buildkit',
    ]);
    // Steps that write nothing (the echoes, the script, whose mount is outside the container's layer) add no layer.
    expect(img.layers.length).toBe(3);
    const [, run4, copy] = img.layers;
    expect(utf8Decode(run4.readFile('/f'))).toBe('in here\n');
    // Unquoted: $VAR expanded and `\` escapes taken, quotes kept; quoted: the body as written.
    expect(utf8Decode(copy.readFile('/d/a.txt'))).toBe('A here $x "q"\n');
    expect(utf8Decode(copy.readFile('/d/b.txt'))).toBe('B $WHERE\n');
    expect((copy.lstat('/d/a.txt').mode & 0o7777).toString(8)).toBe('644');
  });

  it('are cached by their bodies: the same file is all CACHED, a changed body reruns from its step', async () => {
    const h = boot();
    await build(h, { Dockerfile: DF }, { version: '2' });
    const again = await build(h, { Dockerfile: DF }, { version: '2' });
    expect(steps(again.traces).slice(1).every((s) => s.endsWith(' CACHED'))).toBe(true);
    const changed = await build(h, { Dockerfile: DF.replace('echo script $0', 'echo script changed') }, { version: '2' });
    expect(steps(changed.traces).slice(1).map((s) => s.endsWith(' CACHED'))).toEqual([true, false, false, false, false]);
    expect(logs(changed.traces)).toBe('script changed\ntabs\n');
  });

  it('fail with the command Go-quoted (exec.go\'s %q), the body\'s newlines escaped', async () => {
    const r = await build(boot(), { Dockerfile: 'FROM busybox\nRUN <<EOF\necho "a"\nexit 3\nEOF\n' }, { version: '2' });
    expect(r.error).toBe('process "/bin/sh -c echo \\"a\\"\\nexit 3\\n" did not complete successfully: exit code: 3');
  });

  it('refuse a here-document as the destination, as instructions.Parse does', async () => {
    const r = await build(boot(), { Dockerfile: 'FROM busybox\nCOPY a <<EOF\nx\nEOF\n', a: '' }, { version: '2' });
    expect(r.error).toBe('dockerfile parse error on line 2: COPY cannot accept a heredoc as a destination');
  });
});

describe('here-documents under the legacy builder', () => {
  it('are parsed (their bodies are no instructions) but only the line runs: the shell gets `<<EOF`', async () => {
    const h = boot();
    const r = await build(h, { Dockerfile: 'FROM busybox\nRUN <<EOF\necho hi > /x\nEOF\nRUN cat <<EOF > /f\nbody\nEOF\n' }, { version: '1', tags: ['old'] });
    expect(r.error).toBe('');
    expect(r.text).toMatch(/^Step 1\/3 : FROM busybox\n ---> \w+\nStep 2\/3 : RUN <<EOF\n ---> Running in \w+\n ---> Removed intermediate container \w+\n ---> \w+\nStep 3\/3 : RUN cat <<EOF > \/f\n/);
    const img = h.engine.images.resolve('old');
    expect(img.history.slice(-2).map((x) => x.created_by)).toEqual(['/bin/sh -c <<EOF', '/bin/sh -c cat <<EOF > /f']);
    expect(img.layers.at(-1)!.readFile('/f').length).toBe(0);
  });

  it('leaves a COPY here-document out of the sources: with nothing else, moby\'s copier error', async () => {
    const r = await build(boot(), { Dockerfile: 'FROM busybox\nCOPY <<EOF /x\nhi\nEOF\n' }, { version: '1' });
    expect(r.error).toBe('COPY failed: no source files were specified');
    const unterminated = await build(boot(), { Dockerfile: 'FROM busybox\nRUN <<EOF\nhi\n' }, { version: '1' });
    expect(unterminated.error).toBe('failed to parse Dockerfile: unterminated heredoc');
  });
});
