/**
 * The runner re-evaluates after the machine ran, not only on daemon events and terminal output: a web preview
 * request (or an editor save, or a container writing its log) changes what a check reads with neither, and a
 * learner who opens the preview must see the step done without typing anything.
 */
import { describe, expect, it } from 'vitest';
import { LessonRunner, MachineTerminals, parseLesson, sampledKernel, Typist } from '../../src/lessons/index.js';
import { Machine } from '../../src/machine/machine.js';
import { startRequest, type HttpOutcome } from '../../src/machine/preview.js';
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

    const runner = new LessonRunner(parsed.lesson!, { machine, terminals });
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
