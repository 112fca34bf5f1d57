/**
 * CI replay: every lesson under lessons/ (and the fixture lesson here) replays green — each step's checks fail
 * before its solution and pass after it. Also the LessonRunner on the fixture: completion, hints, progress.
 */
import { describe, expect, it } from 'vitest';
import {
  formatError, isLessonPath, isTask, LessonRunner, MachineTerminals, replayLesson, replayTargets, Typist, validateLessons,
  type Lesson, type RunnerState,
} from '../../src/lessons/index.js';
import { Machine } from '../../src/machine/machine.js';
import { readFilesUnder } from '../../scripts/files.js';
import { nodeDrain } from '../../src/node/drain.js';

function load(dir: string): { lessons: readonly Lesson[]; errors: string[] } {
  const set = validateLessons(readFilesUnder(dir, isLessonPath));
  return { lessons: set.lessons, errors: set.errors.map(formatError) };
}

const boot = (): Machine => Machine.boot({ drain: nodeDrain });

describe('fixture lesson', () => {
  const { lessons, errors } = load('test/lessons/testdata/replay');

  it('replays green', async () => {
    expect(errors).toEqual([]);
    for (const lesson of replayTargets(lessons)) expect((await replayLesson(lesson, { boot })).map(formatError)).toEqual([]);
  });

  it('a check that passes before its solution fails the replay', async () => {
    const lesson = lessons[0];
    const info = lesson.steps[0];
    const vacuous: Lesson = {
      ...lesson,
      steps: [{ ...info, checks: [{ check: { kind: 'image', ref: 'ubuntu' }, line: 7 }] }, ...lesson.steps.slice(-1)],
    };
    expect((await replayLesson(vacuous, { boot })).map(formatError)).toEqual([
      'test/lessons/testdata/replay/ch09-fixture/01-tour.en.md:7: step `info`: its checks already pass before its solution is typed: image: { ref: ubuntu } (found: images: ubuntu:latest)',
    ]);
  });

  it('a later step that would complete during an earlier step fails the replay', async () => {
    const lesson = lessons.find((l) => l.locale === 'en')!;
    const [info, run] = lesson.steps;
    const eager: Lesson = {
      ...lesson,
      steps: [{ ...info, actions: [...info.actions, ...run.actions] }, run, ...lesson.steps.slice(-1)],
    };
    expect((await replayLesson(eager, { boot })).map(formatError)).toContain(
      'test/lessons/testdata/replay/ch09-fixture/01-tour.en.md:29: step `run`: its checks pass while step `info` is being done, so it would be completed before its solution',
    );
  });

  it('an assumption that fails on the start state fails the replay', async () => {
    const lesson = lessons.find((l) => l.locale === 'en')!;
    const wrong: Lesson = { ...lesson, assumes: [{ check: { kind: 'image', ref: 'ubuntu', not: true }, line: 3 }] };
    expect((await replayLesson(wrong, { boot })).map(formatError)).toEqual([
      'test/lessons/testdata/replay/ch09-fixture/01-tour.en.md:3: assumes: fails on the start state (fresh machine + setup): image: { ref: ubuntu, not: true } (found: images: ubuntu:latest)',
    ]);
    const right: Lesson = { ...lesson, assumes: [{ check: { kind: 'container', count: 0 }, line: 3 }] };
    expect(await replayLesson(right, { boot })).toEqual([]);
  });

  it('LessonRunner: unmet assumptions are shown until a step is done', async () => {
    const lesson: Lesson = {
      ...lessons.find((l) => l.locale === 'en')!,
      assumes: [{ check: { kind: 'container', count: 0 }, line: 3 }, { check: { kind: 'image', ref: 'ubuntu' }, line: 4 }],
    };
    const machine = boot();
    const terminals = new MachineTerminals(machine);
    terminals.open(1);
    let runner: LessonRunner | undefined;
    const typist = new Typist(machine, terminals, 3000, () => runner?.sample());
    // A learner's leftovers: a container, on a machine whose ubuntu image is pulled.
    for (const text of ['sudo docker pull ubuntu', 'sudo docker create ubuntu']) await typist.perform({ kind: 'type', text, line: 0 });
    await typist.settle();
    runner = new LessonRunner(lesson, { machine, terminals });
    expect(runner.state.unmet.map((r) => r.line)).toEqual([3]);
    expect(runner.state.unmet[0].found).toMatch(/^1 matching; /);
    await typist.perform({ kind: 'type', text: 'sudo docker rm -f $(sudo docker ps -aq)', line: 0 });
    await typist.settle();
    runner.refresh();
    expect(runner.state.unmet).toEqual([]);
    await typist.perform({ kind: 'type', text: 'sudo docker create ubuntu', line: 0 });
    await typist.settle();
    runner.refresh();
    expect(runner.state.unmet.map((r) => r.line)).toEqual([3]);
    // Once a step is done the machine is the lesson's doing: no more warnings.
    await typist.perform({ kind: 'type', text: 'sudo docker info > /dev/null', line: 0 });
    await typist.settle();
    runner.refresh();
    expect(runner.state.completed.has('info')).toBe(true);
    expect(runner.state.unmet).toEqual([]);
    typist.dispose();
    runner.dispose();
  });

  it('LessonRunner: every step is watched, in order, whichever is on screen', async () => {
    const lesson = lessons.find((l) => l.locale === 'en')!;
    const machine = boot();
    const terminals = new MachineTerminals(machine);
    terminals.open(1);
    const runner = await LessonRunner.start(lesson, { machine, terminals });
    // `detach` (host bash in the foreground) holds at the start: it means something only in its place.
    expect(runner.state.completed.size).toBe(0);
    runner.goTo('recap');
    const typist = new Typist(machine, terminals, 3000, () => runner.sample());
    for (const step of lesson.steps.filter(isTask)) {
      for (const a of step.actions) {
        await typist.perform(a);
        runner.refresh();
      }
      await typist.settle();
      runner.refresh();
      expect([...runner.state.completed]).toContain(step.id);
    }
    expect(runner.state.step.id).toBe('recap');
    expect(runner.state.finished).toBe(true);
    typist.dispose();
    runner.dispose();
  });

  it('LessonRunner: a step completes however the learner gets there; hints, solution and progress', async () => {
    const lesson = lessons.find((l) => l.locale === 'en')!;
    const machine = boot();
    const terminals = new MachineTerminals(machine);
    terminals.open(1);
    const runner = await LessonRunner.start(lesson, { machine, terminals });
    const seen: RunnerState[] = [];
    runner.onChange((s) => seen.push(s));
    expect(runner.state.step.id).toBe('info');
    expect(runner.state.evaluation.passed).toBe(false);
    // Not the solution's text: a command run through a variable, output discarded.
    const typist = new Typist(machine, terminals, 3000, () => runner.sample());
    await typist.perform({ kind: 'type', text: 'd=docker; sudo $d info > /dev/null', line: 0 });
    await typist.settle();
    expect(runner.refresh()).toBe(true);
    expect(runner.state.completed.has('info')).toBe(true);
    runner.next();
    expect(runner.state.step.id).toBe('run');
    expect(runner.showHint()).toEqual({ markdown: 'Give the name before the image.', line: 32 });
    expect(runner.showHint()).toBeUndefined();
    expect(runner.showSolution()).toEqual(['sudo docker run --name bob -i -t ubuntu /bin/bash']);
    const saved = JSON.parse(JSON.stringify(runner.progress()));
    expect(saved).toEqual({
      v: 1, lesson: 'ch09-01-tour', step: 'run', completed: ['info'], hints: { run: 1 }, solutions: ['run'],
      commands: { records: [{ args: ['info'], status: 0 }] },
    });
    expect(seen.map((s) => s.step.id)).toEqual(['info', 'run', 'run', 'run']);
    const again = new LessonRunner(lesson, { machine, terminals }, saved);
    expect(again.state.step.id).toBe('run');
    expect(again.state.hints.length).toBe(1);
    expect(again.state.solutionShown).toBe(true);
    runner.dispose();
    again.dispose();
  });
});

describe('lessons/', () => {
  const { lessons, errors } = load('lessons');

  it('validate without errors', () => {
    expect(errors).toEqual([]);
  });

  for (const lesson of replayTargets(lessons)) {
    it(`${lesson.id} replays green`, { timeout: 120_000 }, async () => {
      expect((await replayLesson(lesson, { boot })).map(formatError)).toEqual([]);
    });
  }
});
