/**
 * The lesson controller on a booted Machine in Node: real lessons from lessons/ (bundled through Vite's glob,
 * as in the page), solutions typed with the headless typist, steps completing, progress saved as plain JSON
 * and resumed, reset on a fresh machine, deep links, the daemon panel's highlight.
 */
import { describe, expect, it } from 'vitest';
import { CommandLog, evaluateCheck, MachineTerminals, Typist, type LessonSession, type Step } from '../../../src/lessons/index.js';
import { Machine } from '../../../src/machine/machine.js';
import { nodeDrain } from '../../../src/node/drain.js';
import { allEntries, findEntry, lessonIn, nextEntry } from '../../../src/ui/lessons/catalog.js';
import { LessonController, lessonFromUrl, lessonLink, type LessonHost, type SavedLessons } from '../../../src/ui/lessons/controller.js';
import { highlightOf } from '../../../src/ui/lessons/highlight.js';
import { parseSaved } from '../../../src/ui/lessons/saved.js';
import type { Highlight } from '../../../src/ui/store/panelStore.js';

interface TestHost extends LessonHost {
  readonly saves: SavedLessons[];
  readonly highlights: (Highlight | null)[];
  readonly calls: string[];
  readonly prompts: string[];
  current: LessonSession;
}

function bootSession(): LessonSession {
  const machine = Machine.boot({ drain: nodeDrain });
  const terminals = new MachineTerminals(machine);
  terminals.open(1);
  return { machine, terminals };
}

function testHost(session: LessonSession = bootSession()): TestHost {
  const host: TestHost = {
    saves: [],
    highlights: [],
    calls: [],
    prompts: [],
    current: session,
    session: () => host.current,
    // Nothing of the learner's on these machines: a start state opens without asking (asked: a test below).
    pristine: () => true,
    fresh: async () => {
      host.calls.push('fresh');
      host.current = bootSession();
      return host.current;
    },
    pause: () => void host.calls.push('pause'),
    resume: () => void host.calls.push('resume'),
    save: (s) => void host.saves.push(JSON.parse(JSON.stringify(s)) as SavedLessons),
    showPrompt: (p) => void host.prompts.push(p),
    highlight: (h) => void host.highlights.push(h),
  };
  return host;
}

/** Types a step's solution as a learner would, the controller sampling between slices. */
async function typeSolution(c: LessonController, host: TestHost, step: Step): Promise<void> {
  const typist = new Typist(host.current.machine, host.current.terminals, 3000, () => c.sample());
  try {
    for (const a of step.actions) await typist.perform(a);
    await typist.settle();
  } finally {
    typist.dispose();
  }
  c.refresh();
}

const run = (c: LessonController) => c.store.getState().run!;

describe('catalog', () => {
  it('has every lesson of chapters 1-5 in zh and en, in order, without errors', async () => {
    const c = new LessonController(testHost());
    const catalog = await c.catalog();
    expect(catalog.errors).toEqual([]);
    expect(catalog.chapters.map((ch) => ch.chapter)).toEqual([1, 2, 3, 4, 5]);
    const entries = allEntries(catalog);
    expect(entries.length).toBe(42);
    expect(entries[0].id).toBe('ch01-01-client-server');
    for (const e of entries) expect(Object.keys(e.byLocale).sort()).toEqual(['en', 'zh']);
    expect(lessonIn(entries[0], 'zh').title).not.toBe(lessonIn(entries[0], 'en').title);
    expect(nextEntry(catalog, 'ch01-05-cow-logs-shell')?.id).toBe('ch02-01-socket-group');
    expect(nextEntry(catalog, 'ch03-11-rm')?.id).toBe('ch04-01-images-layers');
    expect(nextEntry(catalog, 'ch04-14-private-registry')?.id).toBe('ch05-01-sample-image');
    expect(nextEntry(catalog, entries[entries.length - 1].id)).toBeUndefined();
  });

  it('falls back to the other locale', async () => {
    const catalog = await new LessonController(testHost()).catalog();
    const entry = findEntry(catalog, 'ch03-03-naming')!;
    const onlyZh = { ...entry, byLocale: { zh: entry.byLocale.zh } };
    expect(lessonIn(onlyZh, 'en').locale).toBe('zh');
  });
});

describe('LessonController on a live machine', () => {
  it('walks ch03-03-naming by typing its solutions: every step completes, progress is saved', { timeout: 120_000 }, async () => {
    const host = testHost();
    const c = new LessonController(host, { locale: 'en' });
    await c.init(lessonFromUrl('?lesson=ch03-03-naming&seed=2'));
    expect(c.store.getState().status).toBe('running');
    // The setup (`sudo docker pull ubuntu`) ran with the driver paused.
    expect(host.calls).toEqual(['pause', 'resume']);
    const ctx = { machine: host.current.machine, terminal: () => undefined, commands: new CommandLog() };
    expect(evaluateCheck({ check: { kind: 'image', ref: 'ubuntu' }, line: 0 }, ctx).passed).toBe(true);
    const lesson = run(c).lesson;
    expect(lesson.locale).toBe('en');
    expect(run(c).step.id).toBe('name');
    expect(host.highlights).toEqual([{ kind: 'container', name: 'bob_the_container' }]);
    expect(run(c).evaluation.results.map((r) => r.passed)).toEqual([false, false]);

    const tasks = lesson.steps.filter((s) => s.id !== 'recap');
    for (const [i, step] of tasks.entries()) {
      expect(run(c).step.id).toBe(step.id);
      await typeSolution(c, host, step);
      const s = run(c);
      expect({ step: step.id, passed: s.evaluation.passed, done: s.completed.has(step.id) }).toEqual({ step: step.id, passed: true, done: true });
      expect(c.store.getState().announcement).toMatchObject(
        i === tasks.length - 1 ? { kind: 'lesson' } : { kind: 'step', stepId: step.id },
      );
      c.next();
    }
    expect(run(c).step.id).toBe('recap');
    expect(run(c).finished).toBe(true);
    expect(c.store.getState().finished).toEqual(['ch03-03-naming']);
    const last = host.saves[host.saves.length - 1];
    expect(last).toMatchObject({
      v: 1, current: 'ch03-03-naming', finished: ['ch03-03-naming'],
      progress: { lesson: 'ch03-03-naming', step: 'recap', completed: ['name', 'exit', 'challenge'] },
    });
    expect(host.highlights).toContainEqual({ kind: 'container', name: 'bob_old' });
    c.close();
    expect(host.highlights[host.highlights.length - 1]).toBeNull();
    expect(host.saves[host.saves.length - 1]).toEqual({
      v: 1, current: null, progress: null, finished: ['ch03-03-naming'], done: { 'ch03-03-naming': ['name', 'exit', 'challenge'] },
      machine: 'ch03-03-naming',
    });
    c.dispose();
  });

  it('a step completes however the learner got there (not the solution text, output discarded)', { timeout: 60_000 }, async () => {
    const host = testHost();
    const c = new LessonController(host);
    await c.init('ch03-01-docker-info');
    const typist = new Typist(host.current.machine, host.current.terminals, 3000, () => c.sample());
    await typist.perform({ kind: 'type', text: 'x=info; sudo docker $x > /dev/null 2>&1', line: 0 });
    await typist.settle();
    typist.dispose();
    c.refresh();
    expect(run(c).completed.has(run(c).lesson.steps[0].id)).toBe(true);
    c.dispose();
  });

  it('progress round-trips as JSON: the lesson resumes where it was, without its setup', { timeout: 60_000 }, async () => {
    const host = testHost();
    const c = new LessonController(host, { locale: 'zh' });
    await c.init('ch03-03-naming');
    await typeSolution(c, host, run(c).step);
    c.next();
    c.showHint();
    c.showSolution();
    const saved: unknown = JSON.parse(JSON.stringify(host.saves[host.saves.length - 1]));
    expect(saved).toMatchObject({ current: 'ch03-03-naming', progress: { step: 'exit', completed: ['name'], hints: { exit: 1 }, solutions: ['exit'] } });
    c.dispose();

    // The page reloads: the session comes back (same machine here), and the lesson with it.
    const again = testHost(host.current);
    const d = new LessonController(again, { locale: 'zh', saved });
    await d.init(null);
    expect(again.calls).toEqual([]);
    const s = run(d);
    expect([s.lesson.locale, s.step.id, [...s.completed], s.hints.length, s.solutionShown]).toEqual(['zh', 'exit', ['name'], 1, true]);
    // Saved again only as the same place (a docker command cut off by the reload now counts as failed).
    expect(again.saves.map((x) => [x.current, x.progress?.step, x.progress?.completed])).toEqual(again.saves.map(() => ['ch03-03-naming', 'exit', ['name']]));
    // The same lesson in English keeps its place.
    d.setLocale('en');
    expect([run(d).lesson.locale, run(d).step.id, [...run(d).completed]]).toEqual(['en', 'exit', ['name']]);
    d.dispose();
  });

  it('reset starts the lesson over on a fresh machine, the driver paused', { timeout: 60_000 }, async () => {
    const host = testHost();
    const c = new LessonController(host);
    await c.init('ch03-03-naming');
    const first = host.current;
    await typeSolution(c, host, run(c).step);
    c.next();
    host.calls.length = 0;
    await c.reset();
    expect(host.calls).toEqual(['pause', 'fresh', 'resume']);
    expect(host.current).not.toBe(first);
    // The prompt the setup left (bash's, with its colours), for the screen to show.
    expect(host.prompts.map((p) => p.replace(/\x1b\][^\x07]*\x07|\x1b\[[0-9;]*m/g, ''))).toEqual(['user@dockersim:~$ ']);
    expect(c.store.getState().status).toBe('running');
    expect([run(c).step.id, run(c).completed.size, run(c).evaluation.passed]).toEqual(['name', 0, false]);
    expect(host.saves[host.saves.length - 1].progress).toMatchObject({ step: 'name', completed: [] });
    c.dispose();
  });

  it('a host may run the setup its own way (through its input journal): no pause, then the lesson', { timeout: 60_000 }, async () => {
    const host = testHost();
    const typed: string[] = [];
    const setup = async (lines: readonly string[], session: LessonSession): Promise<void> => {
      typed.push(...lines);
      const typist = new Typist(session.machine, session.terminals);
      for (const text of lines) await typist.perform({ kind: 'type', text, line: 0 });
      await typist.settle();
      typist.dispose();
    };
    const c = new LessonController({ ...host, setup });
    await c.init('ch03-03-naming');
    expect([typed, host.calls, run(c).step.id]).toEqual([['sudo docker pull ubuntu'], [], 'name']);
    await typeSolution(c, host, run(c).step);
    expect(run(c).completed.has('name')).toBe(true);
    await c.reset();
    expect([typed.length, host.calls, run(c).step.id, run(c).completed.size]).toEqual([2, ['fresh'], 'name', 0]);
    expect(c.store.getState().status).toBe('running');
    c.dispose();
  });

  it('a start state on a machine the learner used: asked first, the machine kept, nothing run before yes', { timeout: 60_000 }, async () => {
    const host = testHost();
    const c = new LessonController({ ...host, pristine: () => false, keep: async () => void host.calls.push('keep') }, { locale: 'en' });
    await c.init(null);
    await c.open('ch03-03-naming');
    expect(c.store.getState()).toMatchObject({ status: 'confirm', run: null, pending: { id: 'ch03-03-naming', keeps: true, replaces: null } });
    expect(host.calls).toEqual([]);
    c.cancelOpen();
    expect(c.store.getState()).toMatchObject({ status: 'list', pending: null });
    await c.open('ch03-03-naming');
    await c.confirmOpen();
    expect(host.calls).toEqual(['keep', 'pause', 'resume']);
    expect(c.store.getState().status).toBe('running');
    // Another lesson with a start state replaces this lesson's machine (the learner's own stays kept): said so.
    await c.open('ch03-04-start-attach');
    expect(c.store.getState().pending).toEqual({ id: 'ch03-04-start-attach', keeps: false, replaces: 'ch03-03-naming', dropsKept: null });
    c.dispose();
  });

  it('a lesson whose assumptions fail says which, and starts on a fresh machine on request, the learner\'s kept', { timeout: 60_000 }, async () => {
    const host = testHost();
    const mine = host.current;
    const typist = new Typist(mine.machine, mine.terminals, 3000);
    for (const text of ['sudo docker pull ubuntu', 'sudo docker create ubuntu']) await typist.perform({ kind: 'type', text, line: 0 });
    await typist.settle();
    typist.dispose();
    const c = new LessonController({ ...host, keep: async () => void host.calls.push('keep') }, { locale: 'en' });
    await c.init('ch03-02-first-container');
    expect(run(c).unmet.map((r) => r.check)).toEqual([
      { kind: 'image', ref: 'ubuntu', not: true },
      { kind: 'container', image: 'ubuntu', count: 0 },
    ]);
    await c.startFresh();
    expect(host.calls).toEqual(['keep', 'pause', 'fresh', 'resume']);
    expect(c.store.getState().status).toBe('running');
    // A machine just booted: dockerd comes up as its clock runs.
    const later = new Typist(host.current.machine, host.current.terminals, 3000);
    await later.settle();
    later.dispose();
    c.refresh();
    expect(run(c).unmet.map((r) => r.found)).toEqual([]);
    expect(host.current).not.toBe(mine);
    // The learner's machine is untouched (the page keeps it); the lesson now has a machine of its own.
    expect(mine.machine.daemonStore.containers.size).toBe(1);
    expect(c.progress().machine).toBe('ch03-02-first-container');
    c.dispose();
  });

  it('a lesson opened again resumes at its first step not done, with the steps done', { timeout: 60_000 }, async () => {
    const host = testHost();
    const c = new LessonController(host, { locale: 'en' });
    await c.init('ch01-01-client-server');
    await typeSolution(c, host, run(c).step);
    expect(run(c).completed.size).toBe(1);
    c.close();
    expect(c.store.getState().done).toEqual({ 'ch01-01-client-server': ['client'] });
    await c.open('ch01-01-client-server');
    expect([run(c).step.id, [...run(c).completed]]).toEqual(['server', ['client']]);
    c.dispose();
  });

  it('an unknown deep link shows the list; a broken runtime is an error, not a crash', async () => {
    const c = new LessonController(testHost());
    await c.init(lessonFromUrl('?lesson=ch99-nope'));
    expect(c.store.getState().status).toBe('list');
    const broken = new LessonController(testHost(), { runtime: () => Promise.reject(new Error('chunk failed')) });
    await expect(broken.init(null)).rejects.toThrow('chunk failed');
    expect(broken.store.getState()).toMatchObject({ status: 'error', error: 'chunk failed' });
  });
});

describe('deep links and saved progress', () => {
  it('lessonFromUrl', () => {
    expect(lessonFromUrl('?lesson=ch03-03-naming')).toBe('ch03-03-naming');
    expect(lessonFromUrl('?seed=3&lesson=ch01-01-client-server&locale=zh')).toBe('ch01-01-client-server');
    expect(lessonFromUrl('')).toBeNull();
    expect(lessonFromUrl('?lesson=')).toBeNull();
    expect(lessonFromUrl('?lesson=../../etc')).toBeNull();
    expect(lessonFromUrl('?lesson=%3Cscript%3E')).toBeNull();
    expect(lessonLink('http://h/app/?seed=2#x', 'ch03-03-naming')).toBe('http://h/app/?seed=2&lesson=ch03-03-naming');
  });

  it('parseSaved ignores what it does not understand', () => {
    const empty = { v: 1, current: null, progress: null, finished: [], done: {}, machine: null };
    expect(parseSaved(undefined)).toEqual(empty);
    expect(parseSaved('x')).toEqual(empty);
    expect(parseSaved({ v: 2, current: 'a' })).toEqual(empty);
    expect(parseSaved({ v: 1, current: 'a', progress: { v: 1, lesson: 'a' }, finished: ['b', 3] })).toEqual({ ...empty, current: 'a' });
    const progress = { v: 1, lesson: 'a', step: 's', completed: [], hints: { s: 1 }, solutions: [], commands: { records: [{ args: ['ps'], status: 0 }] } };
    expect(parseSaved({ v: 1, current: 'a', progress, finished: ['b'] })).toEqual({ ...empty, current: 'a', progress, finished: ['b'] });
    expect(parseSaved({ v: 1, current: null, done: { a: ['s'], b: 3 }, machine: 'a' })).toEqual({ ...empty, done: { a: ['s'] }, machine: 'a' });
    expect(parseSaved({ v: 1, current: 'b', progress, finished: [] }).progress).toBeNull();
  });
});

describe('highlightOf', () => {
  const step = (checks: Step['checks']): Step => ({
    id: 's', title: 's', line: 1, markdown: '', commands: [], checks, hints: [], solution: [], actions: [],
  });
  it('names the first container, image or network a step is about', () => {
    expect(highlightOf(step([{ check: { kind: 'ran', command: 'ps' }, line: 1 }]))).toBeNull();
    expect(highlightOf(step([{ check: { kind: 'foreground', program: 'bash', container: 'any' }, line: 1 }, { check: { kind: 'log', container: 'daemon_dave' }, line: 2 }])))
      .toEqual({ kind: 'container', name: 'daemon_dave' });
    expect(highlightOf(step([{ check: { kind: 'container', name: 'web', not: true }, line: 1 }, { check: { kind: 'image', ref: 'ubuntu' }, line: 2 }])))
      .toEqual({ kind: 'image', name: 'ubuntu' });
    expect(highlightOf(step([{ check: { kind: 'container', image: 'nginx', state: 'running' }, line: 1 }]))).toEqual({ kind: 'image', name: 'nginx' });
  });
});
