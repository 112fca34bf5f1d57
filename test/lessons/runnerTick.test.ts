/**
 * The runner re-evaluates after the machine ran, not only on daemon events and terminal output: a web preview
 * request (or an editor save, or a container writing its log) changes what a check reads with neither, and a
 * learner who opens the preview must see the step done without typing anything.
 */
import { describe, expect, it } from 'vitest';
import { LessonRunner, MachineTerminals, parseLesson, replayLesson, sampledKernel, Typist } from '../../src/lessons/index.js';
import { Machine } from '../../src/machine/machine.js';
import { startRequest, type HttpOutcome, type HttpRequest } from '../../src/machine/preview.js';
import { nodeDrain } from '../../src/node/drain.js';

const LESSON = `---
id: ch05-99-probe
chapter: 5
section: "5.2"
order: 99
title: Probe
summary: A page fetched from outside.
---
## Fetch it {#fetch}
\`\`\`check
- log: { container: web, contains: "GET /from-the-preview" }
\`\`\`
\`\`\`solution
curl localhost:8080/from-the-preview
\`\`\`

## Recap {#recap}
- done
`;

const macrotask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('LessonRunner after the machine ran', () => {
  it('completes a step whose check a preview request made true, with no event and no terminal output', { timeout: 120_000 }, async () => {
    const parsed = parseLesson('lessons/ch05-testing/99-probe.en.md', LESSON);
    expect(parsed.errors).toEqual([]);
    const machine = Machine.boot({ drain: nodeDrain });
    const terminals = new MachineTerminals(machine);
    terminals.open(1);
    const typist = new Typist(machine, terminals, 3000, () => {});
    for (const text of ['mkdir -p site && echo hi > site/index.html', 'sudo docker run -d --name web -p 8080:80 -v ~/site:/usr/share/nginx/html:ro nginx']) {
      await typist.perform({ kind: 'type', text, line: 0 });
    }
    await typist.settle();
    await typist.perform({ kind: 'wait', ms: 3000, line: 0 });

    const runner = new LessonRunner(parsed.lesson!, { machine, terminals, later: (fn) => void setTimeout(fn, 0) });
    await macrotask();
    expect(runner.state.completed.has('fetch')).toBe(false);

    // As the browser's driver runs the kernel: the lesson samples between slices.
    const kernel = sampledKernel(machine.kernel, () => runner.sample());
    let outcome: HttpOutcome | undefined;
    startRequest(machine.kernel, { method: 'GET', address: '127.0.0.1', port: 8080, path: '/from-the-preview', headers: [] }, (o) => (outcome = o));
    await kernel.run({ until: machine.kernel.now() + 2000 });
    expect(outcome?.ok).toBe(true);
    await macrotask();
    expect(runner.state.completed.has('fetch')).toBe(true);
    runner.dispose();
  });
});

const HTTP_LESSON = (contains: string): string => `---
id: ch05-98-http
chapter: 5
section: "5.2"
order: 98
title: Http
summary: A port that answers.
setup:
  - mkdir -p site && echo '<h1>hello from the site</h1>' > site/index.html
---
## Serve it {#serve}
\`\`\`check
- container: { name: web, state: running }
- http: { container: web, port: "80", contains: "${contains}" }
\`\`\`
\`\`\`solution
sudo docker run -d --name web -p 80 -v ~/site:/usr/share/nginx/html:ro nginx
\`\`\`

## Change it {#change}
\`\`\`check
- http: { container: web, path: /new.html, status: 200 }
\`\`\`
\`\`\`solution
echo new > site/new.html
\`\`\`

## Recap {#recap}
- done
`;

describe('http checks: a request through the host port, answered in virtual time', () => {
  const boot = (): Machine => Machine.boot({ drain: nodeDrain });

  it('replays green: each step fails before its solution and passes after, by asking the port', { timeout: 120_000 }, async () => {
    const parsed = parseLesson('lessons/ch05-testing/98-http.en.md', HTTP_LESSON('hello from the site'));
    expect(parsed.errors).toEqual([]);
    expect(await replayLesson(parsed.lesson!, { boot })).toEqual([]);
  });

  it('can fail: a page without the text is reported with what the port answered', { timeout: 120_000 }, async () => {
    const parsed = parseLesson('lessons/ch05-testing/98-http.en.md', HTTP_LESSON('not on the page'));
    const errors = await replayLesson(parsed.lesson!, { boot });
    expect(errors[0]?.message).toContain('check fails after its solution: http: { container: web, port: 80, contains: not on the page } (found: localhost:32768/ answered 200 without "not on the page")');
  });

  it('the runner asks once per change, only when the step\'s other checks hold, through the session\'s request', { timeout: 120_000 }, async () => {
    const parsed = parseLesson('lessons/ch05-testing/98-http.en.md', HTTP_LESSON('hello from the site'));
    const machine = boot();
    const terminals = new MachineTerminals(machine);
    terminals.open(1);
    const typist = new Typist(machine, terminals, 3000, () => {});
    await typist.perform({ kind: 'type', text: "mkdir -p site && echo '<h1>hello from the site</h1>' > site/index.html", line: 0 });
    await typist.settle();
    const sent: string[] = [];
    const request = (req: HttpRequest): Promise<HttpOutcome> =>
      new Promise((resolve) => {
        startRequest(machine.kernel, req, (o) => {
          sent.push(`${req.port}${req.path} ${o.ok ? o.status : o.error}`);
          resolve(o);
        });
      });
    const runner = new LessonRunner(parsed.lesson!, { machine, terminals, request, later: (fn, ms) => void setTimeout(fn, ms ?? 0) });
    // No container yet: the other check fails, nothing is sent however often the step is evaluated.
    for (let i = 0; i < 5; i++) runner.refresh();
    expect(sent).toEqual([]);
    await typist.perform({ kind: 'type', text: 'sudo docker run -d --name web -p 80 -v ~/site:/usr/share/nginx/html:ro nginx', line: 0 });
    await typist.settle();
    await typist.perform({ kind: 'wait', ms: 2000, line: 0 });
    for (let i = 0; i < 5; i++) runner.refresh();
    await typist.perform({ kind: 'wait', ms: 1000, line: 0 });
    expect(runner.state.completed.has('serve')).toBe(true);
    // Asked when the container started (nginx not listening yet: docker-proxy accepts and resets, an empty
    // answer), asked again a moment later, then
    // evaluated again and again with no change in between: no more requests.
    expect(sent).toEqual(['32768/ empty', '32768/ 200']);
    for (let i = 0; i < 5; i++) runner.refresh();
    await typist.perform({ kind: 'wait', ms: 3000, line: 0 });
    expect(sent).toHaveLength(2);
    runner.dispose();
  });
});
