/**
 * The validator on malformed lessons: every problem as `file:line: message`, exactly. The expected list is
 * test/lessons/testdata/validate.golden (update on purpose: UPDATE_GOLDEN=1 npx vitest run test/lessons).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError, parseLesson, validateLessons, type SourceFile } from '../../src/lessons/index.js';

const root = 'test/lessons/testdata';

function read(dir: string): SourceFile[] {
  return readdirSync(`${root}/${dir}`).sort().map((f) => ({ path: `${root}/${dir}/${f}`, text: readFileSync(`${root}/${dir}/${f}`, 'utf8') }));
}

describe('validateLessons', () => {
  it('reports every malformed part with its file and line', () => {
    const lines = ['bad', 'pair'].flatMap((d) => validateLessons(read(d)).errors.map(formatError));
    const golden = `${root}/validate.golden`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, lines.join('\n') + '\n');
    expect(lines.join('\n') + '\n').toBe(readFileSync(golden, 'utf8'));
  });

  it('accepts the fixture lesson pair and sorts by chapter and order', () => {
    const set = validateLessons(read('replay/ch09-fixture'));
    expect(set.errors).toEqual([]);
    expect(set.lessons.map((l) => `${l.id} ${l.locale}`)).toEqual(['ch09-01-tour en', 'ch09-01-tour zh']);
  });

  it('takes the book\'s chapters 4 and 5 (images and registries; testing) and nothing past them', () => {
    const text = (n: number): string => `---\nid: a\nchapter: ${n}\nsection: "${n}.1"\norder: 1\ntitle: T\nsummary: S\n---\n`;
    const chapterErrors = (n: number): string[] =>
      parseLesson('x/01-a.en.md', text(n)).errors.map(formatError).filter((e) => e.includes('`chapter`'));
    expect(chapterErrors(4)).toEqual([]);
    expect(chapterErrors(5)).toEqual([]);
    expect(parseLesson('x/01-a.en.md', text(6)).errors.map(formatError)).toContain(
      'x/01-a.en.md:3: front matter: `chapter` must be 1, 2, 3, 4 or 5, got number 6',
    );
  });

  it('reports a non-string section with the quoting advice', () => {
    const text = '---\nid: a\nchapter: 1\nsection: 1.10\norder: 1\ntitle: T\nsummary: S\n---\n';
    expect(parseLesson('x/01-a.en.md', text).errors.map(formatError)).toContain(
      'x/01-a.en.md:4: front matter: `section` must be a quoted string such as "3.2", got number 1.1',
    );
  });
});

describe('assumes', () => {
  const lesson = (assumes: string[]): string =>
    ['---', 'id: a', 'chapter: 1', 'section: "1.1"', 'order: 1', 'title: T', 'summary: S', ...assumes, '---',
      '## Step {#s}', '```check', '- image: { ref: ubuntu }', '```', '```solution', 'sudo docker pull ubuntu', '```',
      '## Recap {#recap}', 'Done.'].join('\n');

  it('is a check list like a step\'s, each check with its file line', () => {
    const r = parseLesson('x/01-a.en.md', lesson(['assumes:', '  - image: { ref: ubuntu, not: true }', '  - container: { image: ubuntu, count: 0 }']));
    expect(r.errors).toEqual([]);
    expect(r.lesson!.assumes).toEqual([
      { check: { kind: 'image', ref: 'ubuntu', not: true }, line: 9 },
      { check: { kind: 'container', image: 'ubuntu', count: 0 }, line: 10 },
    ]);
  });

  it('defaults to none', () => {
    expect(parseLesson('x/01-a.en.md', lesson([])).lesson!.assumes).toEqual([]);
  });

  it('reports unknown kinds and fields, and a value that is not a list, at their lines', () => {
    expect(parseLesson('x/01-a.en.md', lesson(['assumes:', '  - image: { ref: ubuntu }', '  - images: { count: 0 }', '  - container: { absent: true }'])).errors.map(formatError)).toEqual([
      'x/01-a.en.md:10: unknown check kind `images` (known: container, image, log, file, foreground, env, group, daemon, ran, process, port, mount, network, volume, resolves, hostFile, registry, build, http)',
      'x/01-a.en.md:11: container: unknown field `absent` (known: name, image, state, tty, interactive, restart, command, exitCode, health, count, not)',
    ]);
    expect(parseLesson('x/01-a.en.md', lesson(['assumes: no images'])).errors.map(formatError)).toEqual([
      'x/01-a.en.md:8: front matter: `assumes` must be a list of checks (`- image: { ref: ubuntu, not: true }`)',
    ]);
  });

  it('must be the same in zh and en', () => {
    const zh = lesson(['assumes:', '  - image: { ref: ubuntu, not: true }']);
    const en = lesson(['assumes:', '  - image: { ref: busybox, not: true }']);
    expect(validateLessons([{ path: 'x/01-a.zh.md', text: zh }, { path: 'x/01-a.en.md', text: en }]).errors.map(formatError)).toEqual([
      'x/01-a.en.md:9: assumes differs from 01-a.zh.md',
    ]);
  });
});

describe('HTML in lesson Markdown', () => {
  it('is rejected with file:line, in prose, the intro and hints, but not in code', () => {
    const text = [
      '---', 'id: a', 'chapter: 1', 'section: "1.1"', 'order: 1', 'title: T', 'summary: S', '---',
      'Intro with <b>bold</b>.', // 9
      '## Step {#s}', // 10
      'Press <kbd>Ctrl-C</kbd> then', // 11
      '<kbd>Ctrl-D</kbd>; `<kbd>` in code is fine.', // 12
      '<div>', // 13
      'block', '</div>', '',
      '```check', '- image: { ref: ubuntu }', '```', // 17-19
      '```hint', 'Line one', 'Use <kbd>Tab</kbd>.', '```', // 20-23
      '```solution', 'sudo docker pull ubuntu', '```',
      '```sh', 'echo "<kbd>"', '```',
      '## Recap {#recap}', 'Done.',
    ].join('\n');
    expect(parseLesson('x/01-a.en.md', text).errors.map(formatError)).toEqual([
      'x/01-a.en.md:9: HTML is not allowed in lesson Markdown (the panel shows it as text): `<b>`; write `Ctrl-C` for a key',
      'x/01-a.en.md:11: HTML is not allowed in lesson Markdown (the panel shows it as text): `<kbd>`; write `Ctrl-C` for a key',
      'x/01-a.en.md:12: HTML is not allowed in lesson Markdown (the panel shows it as text): `<kbd>`; write `Ctrl-C` for a key',
      'x/01-a.en.md:13: HTML is not allowed in lesson Markdown (the panel shows it as text): `<div>`; write `Ctrl-C` for a key',
      'x/01-a.en.md:22: HTML is not allowed in lesson Markdown (the panel shows it as text): `<kbd>`; write `Ctrl-C` for a key',
    ]);
  });
});

describe('preview links in lesson Markdown', () => {
  it('must name a container and its port; a well-formed one passes', () => {
    const text = [
      '---', 'id: a', 'chapter: 1', 'section: "1.1"', 'order: 1', 'title: T', 'summary: S', '---',
      'Intro.', // 9
      '## Step {#s}', // 10
      'Open [the page](preview:website:80/) or [this](preview:localhost:32768/).', // 11
      'And [that](preview:website).', // 12
      '```check', '- image: { ref: ubuntu }', '```',
      '```solution', 'sudo docker pull ubuntu', '```',
      '## Recap {#recap}', 'Done.',
    ].join('\n');
    expect(parseLesson('x/01-a.en.md', text).errors.map(formatError)).toEqual([
      'x/01-a.en.md:12: a preview link is preview:CONTAINER:PORT or preview:CONTAINER:PORT/path (the container\'s port, not the host\'s), got `preview:website`',
    ]);
  });
});

describe('parseLesson', () => {
  const file = `${root}/replay/ch09-fixture/01-tour.en.md`;
  const { lesson, errors } = parseLesson(file, readFileSync(file, 'utf8'));

  it('reads the front matter', () => {
    expect(errors).toEqual([]);
    expect(lesson).toMatchObject({
      id: 'ch09-01-tour', locale: 'en', chapter: 3, section: '3.2', order: 1, title: 'A tour of every check',
      setup: ['sudo docker pull ubuntu'], intro: 'The machine starts with the `ubuntu` image pulled.',
    });
  });

  it('splits steps with their lines, checks, hints and solution actions', () => {
    const run = lesson!.steps[1];
    expect(run.id).toBe('run');
    expect(run.title).toBe('An interactive container');
    expect(run.line).toBe(24);
    expect(run.commands).toEqual([{ text: 'sudo docker run --name bob -i -t ubuntu /bin/bash', line: 26 }]);
    expect(run.checks.map((c) => [c.line, c.check.kind])).toEqual([[29, 'container'], [30, 'foreground']]);
    expect(run.checks[0].check).toEqual({
      kind: 'container', name: 'bob', image: 'ubuntu:latest', state: 'running', tty: true, interactive: true, restart: 'no',
    });
    expect(run.hints).toEqual([{ markdown: 'Give the name before the image.', line: 32 }]);
    expect(run.markdown).toBe('```sh\nsudo docker run --name bob -i -t ubuntu /bin/bash\n```');
    expect(lesson!.steps.map((s) => s.id)).toEqual(['info', 'run', 'file', 'detach', 'loop', 'env', 'attach', 'group', 'stop', 'recap']);
  });

  it('tells keys, waits and terminal switches from typed lines', () => {
    const steps = new Map(lesson!.steps.map((s) => [s.id, s]));
    expect(steps.get('detach')!.actions).toEqual([{ kind: 'keys', keys: '\x10\x11', label: '<Ctrl-P><Ctrl-Q>', line: 52 }]);
    expect(steps.get('loop')!.actions.map((a) => a.kind)).toEqual(['type', 'wait']);
    expect(steps.get('loop')!.actions[1]).toEqual({ kind: 'wait', ms: 3000, line: 63 });
    expect(steps.get('attach')!.actions[0]).toEqual({ kind: 'terminal', terminal: 2, line: 79 });
    expect(steps.get('recap')!.checks).toEqual([]);
  });
});
