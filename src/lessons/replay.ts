/**
 * Headless replay of a lesson, as CI runs it: boot a fresh machine, run the setup, then for every step assert that
 * its checks do not all hold on the state just before its solution is typed (no step passes vacuously), type the
 * solution, let it finish, and assert that every check PASSES. The app watches every step, not only the one on
 * screen (runner.ts), so a later step must not complete while an earlier one's solution is typed either: it is
 * reported as completed out of order. Problems come back as `file:line: message`.
 */
import type { Machine } from '../machine/machine.js';
import { startRequest } from '../machine/preview.js';
import { CommandLog } from './commandLog.js';
import type { CheckContext } from './checks/types.js';
import type { LessonError } from './errors.js';
import { describeCheck, evaluateCheck, evaluateStep, type CheckResult } from './evaluate.js';
import { isTask, type Lesson, type Step } from './model.js';
import { Prober, RETRY_MS } from './probe.js';
import { watchOffScreen } from './runner.js';
import { MachineTerminals } from './terminals.js';
import { Typist } from './typist.js';

export interface ReplayOptions {
  /** A freshly booted machine (tests pass Node's drain; the browser its own). */
  readonly boot: () => Machine;
  readonly tickMs?: number;
}

export async function replayLesson(lesson: Lesson, opts: ReplayOptions): Promise<LessonError[]> {
  const machine = opts.boot();
  const terminals = new MachineTerminals(machine);
  const commands = new CommandLog();
  /** The step being typed, once setup is done: the runner may look at the machine between any two slices. */
  let watching = -2;
  const typist = new Typist(machine, terminals, opts.tickMs, () => {
    commands.observe();
    if (watching > -2) early(watching);
  });
  const watched = new Set<object>();
  const errors: LessonError[] = [];
  const fail = (line: number, message: string): void => void errors.push({ file: lesson.file, line, message });
  const observe = (): void => {
    for (const n of [1, 2]) {
      const t = terminals.get(n);
      if (t && !watched.has(t)) {
        watched.add(t);
        commands.watch(t);
      }
    }
    commands.observe();
  };
  // A fresh machine and nothing journaled: requests go straight to the kernel, between kernel runs.
  const prober = new Prober((req, done) => startRequest(machine.kernel, req, done), () => machine.kernel.now());
  const ctx: CheckContext = { machine, terminal: (n) => terminals.get(n), commands, probes: prober };
  /**
   * A step's checks as the runner sees them on screen: once the others hold, its `http` checks' requests are
   * sent and answered (in virtual time, the preview's 30 s at most), then the checks are read again.
   */
  const evaluateAsked = async (step: Step): Promise<CheckResult[]> => {
    const wait = (ms: number): Promise<void> => typist.perform({ kind: 'wait', ms, line: step.line });
    for (let attempt = 0; ; attempt++) {
      prober.discard();
      const results = step.checks.map((spec) => evaluateCheck(spec, ctx));
      prober.pump(results.every((r) => r.passed || r.check.kind === 'http'));
      if (!prober.busy) return results;
      for (let waited = 0; prober.busy && waited <= 31_000; waited += 250) await wait(250);
      const again = step.checks.map((spec) => evaluateCheck(spec, ctx));
      // A port that did not answer yet (a server still starting) is asked again, as the app does, a few times.
      if (again.every((r) => r.passed) || !prober.unanswered || attempt >= 4) return again;
      await wait(RETRY_MS);
    }
  };
  let early = (_current: number): void => {};
  try {
    terminals.open(1);
    for (const text of lesson.setup) await typist.perform({ kind: 'type', text, line: 2 });
    await typist.settle();
    observe();
    commands.clear();
    // What the text takes for granted must be so on the start state, or the panel would warn every learner.
    for (const spec of lesson.assumes) {
      const r = evaluateCheck(spec, ctx);
      if (!r.passed) fail(spec.line, `assumes: fails on the start state (fresh machine + setup): ${describeCheck(spec.check)} (found: ${r.found})`);
    }
    const tasks = lesson.steps.filter(isTask);
    // As the runner watches steps off screen: none may complete before its own solution is typed.
    const completed = new Set<string>();
    const armed = new Set<string>();
    watching = -1;
    early = (current: number): void => {
      const step = tasks[current];
      if (step && evaluateStep(step, ctx).passed) completed.add(step.id);
      watchOffScreen({ ...lesson, steps: tasks }, current, ctx, completed, armed);
      for (const later of tasks.slice(current + 1)) {
        if (!completed.has(later.id)) continue;
        fail(later.checks[0].line, `step \`${later.id}\`: its checks pass while step \`${step?.id ?? "setup"}\` is being done, so it would be completed before its solution`);
        completed.delete(later.id);
        armed.delete(later.id);
      }
    };
    early(-1);
    for (const [i, step] of tasks.entries()) {
      watching = i;
      observe();
      // The step as a whole must not hold yet; single checks may (a guard such as `container … running`).
      const before = await evaluateAsked(step);
      if (before.length > 0 && before.every((r) => r.passed)) {
        const shown = before.map((r) => `${describeCheck(r.check)} (found: ${r.found})`).join('; ');
        fail(step.checks[0].line, `step \`${step.id}\`: its checks already pass before its solution is typed: ${shown}`);
      }
      for (const a of step.actions) {
        await typist.perform(a);
        observe();
        early(i);
      }
      await typist.settle();
      observe();
      early(i);
      prober.changed();
      let ok = true;
      for (const r of await evaluateAsked(step)) {
        if (r.passed) continue;
        ok = false;
        const spec = { line: r.line, check: r.check };
        fail(spec.line, `step \`${step.id}\`: check fails after its solution: ${describeCheck(spec.check)} (found: ${r.found})\n${screenTail(typist.output())}`);
      }
      const fault = machine.kernel.faults[0];
      if (fault) {
        fail(step.line, `step \`${step.id}\`: internal fault in ${fault.argv.join(' ')}: ${(fault.error as Error)?.message ?? String(fault.error)}`);
        ok = false;
      }
      if (!ok) break; // later steps build on this one: their failures would only repeat it
    }
  } finally {
    typist.dispose();
  }
  return errors;
}

/** The last lines the terminal showed, without escape sequences, indented under the message. */
function screenTail(raw: string, lines = 12): string {
  const plain = raw.replace(/\x1b\][^\x07]*\x07|\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-B]|\r/g, '');
  return plain.split('\n').slice(-lines).map((l) => `    | ${l}`).join('\n');
}
