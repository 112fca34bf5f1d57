/**
 * The lesson view rendered to HTML in Node (react-dom/server): lesson Markdown is shown, never injected — an
 * author's `<img onerror>` comes out as text, `javascript:` links are dropped, links get rel="noopener" — and
 * the step shows its commands as buttons, its checks with ✓/✗ and what the machine showed. (Server rendering
 * reads the locale store's initial state, English; the browser test switches to Chinese.)
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseLesson, type Lesson, type RunnerState } from '../../../src/lessons/index.js';
import { say } from '../../../src/lessons/checks/said.js';
import { checkText } from '../../../src/ui/lessons/checkText.js';
import { LessonView, type LessonViewProps } from '../../../src/ui/lessons/LessonView.js';
import { renderMarkdown, renderSegments } from '../../../src/ui/lessons/markdown.js';

const EVIL = `---
id: ch09-01-evil
chapter: 3
section: "9.1"
order: 1
title: A lesson with HTML in it
summary: <b>bold</b> summary
---
Intro <img src=x onerror=alert(1)> and <script>alert(2)</script>.

## Run it {#run}
Type this, then read [the docs](https://docs.docker.com/) and [this](javascript:alert(3)):

\`\`\`sh
sudo docker run --name web -d nginx
sudo docker ps
\`\`\`
<img src=x onerror=alert(1)>
\`\`\`check
- container: { name: web, state: running }
- ran: { command: ps }
\`\`\`
\`\`\`hint
Try <img src=x onerror=alert(4)>.
\`\`\`
\`\`\`solution
sudo docker run --name web -d nginx
<Ctrl-P><Ctrl-Q>
# wait 2s
\`\`\`

## Recap {#recap}
- done
`;

/**
 * The lesson as if the checker had let its HTML through (it rejects it: lessons:check), to prove the panel
 * escapes it anyway: parsed with placeholders, the HTML put back in afterwards.
 */
function evilLesson(): Lesson {
  const path = 'lessons/ch09-evil/01-evil.en.md';
  const html = /<img[^>]*>|<script>[^<]*<\/script>|<\/?b>/g;
  expect(parseLesson(path, EVIL).errors.map((e) => [e.line, e.message.slice(0, 30)])).toEqual(
    [9, 18, 24].map((l) => [l, 'HTML is not allowed in lesson ']),
  );
  const found = EVIL.match(html)!;
  let i = 0;
  const { lesson, errors } = parseLesson(path, EVIL.replace(html, () => `HTMLx${i++}xHTML`));
  expect(errors).toEqual([]);
  return JSON.parse(JSON.stringify(lesson).replace(/HTMLx(\d+)xHTML/g, (_m, n: string) => JSON.stringify(found[Number(n)]).slice(1, -1))) as Lesson;
}

function state(): RunnerState {
  const lesson = evilLesson();
  const step = lesson.steps[0];
  return {
    lesson,
    index: 0,
    step,
    evaluation: {
      passed: false,
      results: [
        { check: step.checks[0].check, line: step.checks[0].line, passed: false, found: 'no container web', said: say('noContainer', { name: 'web' }) },
        { check: step.checks[1].check, line: step.checks[1].line, passed: true, found: 'docker ps → 0', said: say('ranList', { runs: [say('ranOnce', { args: 'ps', status: 0 })] }) },
      ],
    },
    completed: new Set(),
    hints: step.hints,
    solutionShown: true,
    finished: false,
    unmet: [],
  };
}

const noop = (): void => {};
const props = (): LessonViewProps => ({
  run: state(),
  resetting: false,
  nextLesson: null,
  onType: noop,
  actions: { close: noop, next: noop, previous: noop, goTo: noop, showHint: noop, showSolution: noop, reset: noop, open: noop, startFresh: noop },
});

describe('lesson Markdown is never injected', () => {
  it('renders HTML in a lesson as text', () => {
    const html = renderToStaticMarkup(createElement(LessonView, props()));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('Try &lt;img src=x onerror=alert(4)&gt;.');
    expect(html).not.toMatch(/<img|<script|href="javascript:/i);
    expect(html).toContain('[this](javascript:alert(3))');
    expect(html).toContain('<a href="https://docs.docker.com/" target="_blank" rel="noopener">the docs</a>');
  });

  it('markdown.ts: sh blocks become command segments, the rest HTML', () => {
    expect(renderSegments('Run:\n\n```sh\nls -l\n\necho hi\n```\n\nthen\n```text\nnot <a command>\n```\n')).toEqual([
      { kind: 'html', html: '<p>Run:</p>\n' },
      { kind: 'commands', lines: ['ls -l', 'echo hi'] },
      { kind: 'html', html: '<p>then</p>\n<pre><code class="language-text">not &lt;a command&gt;\n</code></pre>\n' },
    ]);
    expect(renderMarkdown('[x](javascript:alert(1)) <img src=x onerror=alert(1)>')).toBe(
      '<p>[x](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;</p>\n',
    );
  });
});

describe('LessonView', () => {
  it('shows commands to type, checks with what the machine showed, hints and the solution', () => {
    const html = renderToStaticMarkup(createElement(LessonView, props()));
    expect(html).toContain('aria-label="Type into the terminal: sudo docker run --name web -d nginx"');
    expect(html).toContain('aria-label="Copy sudo docker ps"');
    expect(html).toContain('aria-label="not yet">✗</span>');
    expect(html).toContain('aria-label="done">✓</span>');
    expect(html).toContain('The machine shows: no container web');
    expect(html).toContain('A container named <code>web</code> exists, <code>running</code>');
    expect(html).toContain('aria-label="Press &lt;Ctrl-P&gt;&lt;Ctrl-Q&gt; in the terminal"');
    expect(html).toContain('(wait 2 s)');
    expect(html).toContain('0 of 1 steps done');
    expect(html).not.toContain('Show solution');
  });

  it('says which assumption fails, what the machine shows, and offers a fresh machine; nothing when all hold', () => {
    const check = { kind: 'image', ref: 'ubuntu', not: true } as const;
    const unmet = [{ check, line: 9, passed: false, found: 'images: ubuntu:latest', said: say('images', { tags: ['ubuntu:latest'] }) }];
    const html = renderToStaticMarkup(createElement(LessonView, { ...props(), run: { ...state(), unmet } }));
    expect(html).toContain('This lesson assumes:');
    expect(html).toContain('The image <code>ubuntu</code> is not present locally');
    expect(html).toContain('(now: images: ubuntu:latest)');
    expect(html).toContain('Start on a fresh machine (yours is kept)</button>');
    expect(renderToStaticMarkup(createElement(LessonView, props()))).not.toContain('This lesson assumes');
  });

  it('describes every kind of check in both languages', () => {
    const checks = [
      { kind: 'image', ref: 'ubuntu' }, { kind: 'log', container: 'd', contains: 'hello', lines: 2 },
      { kind: 'file', container: 'c', path: '/x', contains: 'y' }, { kind: 'foreground', program: 'bash', container: 'any' },
      { kind: 'env', name: 'DOCKER_HOST', value: 'tcp://0.0.0.0:2375' }, { kind: 'group', user: 'user', group: 'docker' },
      { kind: 'daemon', running: true, listens: 'unix:///var/run/docker.sock' }, { kind: 'ran', command: 'version', success: false },
      { kind: 'process', container: 'c', program: 'sleep', count: 2 }, { kind: 'container', count: 0, not: true },
    ] as const;
    expect(checks.map((c) => checkText(c, 'en'))).toEqual([
      'The image `ubuntu` is present locally',
      'The log of `d` contains `hello` and has at least 2 lines',
      '`/x` exists in `c`, containing `y`',
      'The foreground program of terminal 1 is `bash` inside a container',
      'The shell on terminal 1 exports `DOCKER_HOST=tcp://0.0.0.0:2375`',
      'User `user` is in group `docker`',
      'dockerd is running, dockerd listens on `unix:///var/run/docker.sock`',
      'You ran `docker version` and it failed',
      'exactly 2 `sleep` processes run in `c`',
      'Not so: exactly 0 container(s)',
    ]);
    expect(checks.map((c) => checkText(c, 'zh'))).toEqual([
      '本地有镜像 `ubuntu`',
      '容器 `d` 的日志包含 `hello`且至少 2 行',
      '容器 `c` 里有文件 `/x`，内容包含 `y`',
      '终端 1的前台程序是 `bash`（在某个容器里）',
      '终端 1 的 shell 导出了 `DOCKER_HOST=tcp://0.0.0.0:2375`',
      '用户 `user` 属于组 `docker`',
      'dockerd 正在运行，dockerd 监听 `unix:///var/run/docker.sock`',
      '你运行了 `docker version`，并且它报错了',
      '容器 `c` 里运行着正好 2 个 `sleep` 进程',
      '不成立：正好有 0 个容器',
    ]);
  });
});
