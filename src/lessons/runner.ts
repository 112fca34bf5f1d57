/**
 * LessonRunner: one lesson on one live machine, with no DOM. It tracks the current step, re-evaluates its checks
 * when the daemon reports an event, when a learner terminal shows output, once after each driver tick in which
 * the machine ran (`sample()` is called between its slices), and whenever `refresh()` is called, and fires
 * `onChange` when what a panel shows has changed. A step is completed the first time all its checks hold,
 * whichever step is on screen and however the learner got there, and stays completed.
 */
import { EventEmitter, type Event } from '../engine/daemon/emitter.js';
import type { Disposable } from '../pkg/disposable.js';
import type { Machine } from '../machine/machine.js';
import type { HttpOutcome, HttpRequest } from '../machine/preview.js';
import { CommandLog, type CommandLogState } from './commandLog.js';
import type { CheckContext } from './checks/types.js';
import { evaluateCheck, evaluateStep, type CheckResult, type StepEvaluation } from './evaluate.js';
import { isTask, type Hint, type Lesson, type Step } from './model.js';
import { Prober, RETRY_MS } from './probe.js';
import type { LessonTerminals } from './terminals.js';
import { runSetup } from './typist.js';

/** Saved with the session (a plain JSON object); `restore` takes it back. */
export interface LessonProgress {
  readonly v: 1;
  readonly lesson: string;
  /** The current step's id. */
  readonly step: string;
  readonly completed: readonly string[];
  /** Hints shown per step id. */
  readonly hints: Readonly<Record<string, number>>;
  /** Step ids whose solution was shown. */
  readonly solutions: readonly string[];
  readonly commands: CommandLogState;
}

export interface RunnerState {
  readonly lesson: Lesson;
  readonly index: number;
  readonly step: Step;
  readonly evaluation: StepEvaluation;
  readonly completed: ReadonlySet<string>;
  /** The current step's hints shown so far, in order. */
  readonly hints: readonly Hint[];
  readonly solutionShown: boolean;
  /** Every task step is completed. */
  readonly finished: boolean;
  /**
   * The lesson's `assumes` checks that fail on this machine, watched until a step is done (after that the
   * learner is on their way and the machine is the lesson's own doing): the panel offers a fresh machine.
   */
  readonly unmet: readonly CheckResult[];
}

export interface LessonSession {
  readonly machine: Machine;
  readonly terminals: LessonTerminals;
  /**
   * Asks one of the host's ports as the web preview does (a journaled input, so a reload replays it): how
   * `http` checks are answered. Without it they cannot pass.
   */
  readonly request?: (req: HttpRequest) => Promise<HttpOutcome>;
  /**
   * Runs `fn` once the host has handled pending work (the browser: a macrotask, after the driver's tick): how
   * the runner evaluates once after a tick in which the machine ran. Without it, only events and output do.
   */
  readonly later?: (fn: () => void, ms?: number) => void;
}

/**
 * Every step is watched, not only the one on screen (a learner may do the challenge while reading the recap).
 * A step off screen completes when its checks go from failing to passing while every task before it is done:
 * steps such as "back on the host" (`foreground: bash`) hold at the start and in between, and mean something only
 * in their place. `armed` keeps the steps whose checks have failed since the lesson opened; `skip` is the step
 * on screen, which completes as soon as its checks hold.
 */
export function watchOffScreen(lesson: Lesson, skip: number, ctx: CheckContext, completed: Set<string>, armed: Set<string>): void {
  let before = true;
  lesson.steps.forEach((step, i) => {
    if (!isTask(step)) return;
    if (i !== skip && !completed.has(step.id)) {
      const passed = evaluateStep(step, ctx).passed;
      if (!passed) armed.add(step.id);
      else if (armed.has(step.id) && before) completed.add(step.id);
    }
    before &&= completed.has(step.id);
  });
}

export class LessonRunner {
  private readonly changed = new EventEmitter<RunnerState>();
  /** Fires after any change a panel shows: step, check results, completion, hints, solution. */
  readonly onChange: Event<RunnerState> = this.changed.event;
  private session: LessonSession;
  private commands = new CommandLog();
  private subs: Disposable[] = [];
  private watched = new Set<object>();
  private index = 0;
  private completed = new Set<string>();
  /** Steps off screen whose checks have failed since the lesson opened (watchOffScreen). */
  private armed = new Set<string>();
  private hintsShown = new Map<string, number>();
  private solutions = new Set<string>();
  private evaluation: StepEvaluation = { passed: false, results: [] };
  private unmet: readonly CheckResult[] = [];
  private lastKey = '';
  private pending = false;
  private tickQueued = false;
  private prober: Prober | undefined;
  /** Each learner terminal's foreground process group when last sampled: a change is a command begun or ended. */
  private foreground = new Map<object, number>();
  private disposed = false;

  constructor(
    readonly lesson: Lesson,
    session: LessonSession,
    progress?: LessonProgress,
  ) {
    this.session = session;
    if (progress && progress.lesson === lesson.id) this.restore(progress);
    this.bind();
    this.evaluate();
  }

  /** Boots the lesson on a fresh machine: runs `setup` (the driver paused), then starts at the first step. */
  static async start(lesson: Lesson, session: LessonSession, progress?: LessonProgress): Promise<LessonRunner> {
    await runSetup(session.machine, session.terminals, lesson.setup);
    return new LessonRunner(lesson, session, progress);
  }

  get state(): RunnerState {
    const step = this.lesson.steps[this.index];
    const tasks = this.lesson.steps.filter(isTask);
    return {
      lesson: this.lesson,
      index: this.index,
      step,
      evaluation: this.evaluation,
      completed: new Set(this.completed),
      hints: step.hints.slice(0, this.hintsShown.get(step.id) ?? 0),
      solutionShown: this.solutions.has(step.id),
      finished: tasks.every((s) => this.completed.has(s.id)),
      unmet: this.unmet,
    };
  }

  /** Re-evaluates the current step now. Returns whether the step is passed. */
  refresh(): boolean {
    this.watchTerminals();
    this.commands.observe();
    this.evaluate();
    return this.evaluation.passed;
  }

  /**
   * Looks at the learner's processes for docker commands (see CommandLog). Cheap; call it between scheduler
   * slices (sampledKernel in slices.ts does) so that no command is missed.
   */
  sample(): void {
    this.watchTerminals();
    this.commands.observe();
    this.noticeCommands();
    this.afterTick();
  }

  /** A command that began or ended on a learner terminal may have changed what a port answers (`http` checks). */
  private noticeCommands(): void {
    if (!this.prober) return;
    for (const n of [1, 2]) {
      const t = this.session.terminals.get(n);
      if (!t) continue;
      const fg = t.tty.fgPgrp;
      if (this.foreground.get(t) === fg) continue;
      this.foreground.set(t, fg);
      this.prober.changed();
    }
  }

  next(): void {
    this.goTo(Math.min(this.index + 1, this.lesson.steps.length - 1));
  }

  previous(): void {
    this.goTo(Math.max(this.index - 1, 0));
  }

  goTo(indexOrId: number | string): void {
    const i = typeof indexOrId === 'number' ? indexOrId : this.lesson.steps.findIndex((s) => s.id === indexOrId);
    if (i < 0 || i >= this.lesson.steps.length || i === this.index) return;
    this.index = i;
    this.lastKey = '';
    this.evaluate();
  }

  /** Reveals the current step's next hint; returns it, or undefined when all are shown. */
  showHint(): Hint | undefined {
    const step = this.lesson.steps[this.index];
    const n = this.hintsShown.get(step.id) ?? 0;
    if (n >= step.hints.length) return undefined;
    this.hintsShown.set(step.id, n + 1);
    this.emit();
    return step.hints[n];
  }

  /** Reveals the current step's solution lines (as written, special keys and directives included). */
  showSolution(): readonly string[] {
    const step = this.lesson.steps[this.index];
    if (!this.solutions.has(step.id)) {
      this.solutions.add(step.id);
      this.emit();
    }
    return step.solution;
  }

  /**
   * Starts the lesson over on `fresh` (a newly booted machine the UI made): setup runs again, progress is
   * cleared. The real-time driver must be paused until the promise settles.
   */
  async reset(fresh: LessonSession): Promise<string> {
    this.unbind();
    this.session = fresh;
    this.commands = new CommandLog();
    this.index = 0;
    this.completed.clear();
    this.armed.clear();
    this.hintsShown.clear();
    this.solutions.clear();
    this.lastKey = '';
    const prompt = await runSetup(fresh.machine, fresh.terminals, this.lesson.setup);
    this.bind();
    this.evaluate();
    return prompt;
  }

  progress(): LessonProgress {
    return {
      v: 1,
      lesson: this.lesson.id,
      step: this.lesson.steps[this.index].id,
      completed: [...this.completed],
      hints: Object.fromEntries(this.hintsShown),
      solutions: [...this.solutions],
      commands: this.commands.toJSON(),
    };
  }

  /** The check context of the current session (for panels that want to evaluate other steps). */
  get context(): CheckContext {
    return { machine: this.session.machine, terminal: (n) => this.session.terminals.get(n), commands: this.commands, probes: this.prober };
  }

  dispose(): void {
    this.disposed = true;
    this.unbind();
    this.changed.dispose();
  }

  private restore(p: LessonProgress): void {
    const i = this.lesson.steps.findIndex((s) => s.id === p.step);
    this.index = i >= 0 ? i : 0;
    const ids = new Set(this.lesson.steps.map((s) => s.id));
    this.completed = new Set(p.completed.filter((id) => ids.has(id)));
    this.hintsShown = new Map(Object.entries(p.hints).filter(([id]) => ids.has(id)));
    this.solutions = new Set(p.solutions.filter((id) => ids.has(id)));
    this.commands.restore(p.commands);
  }

  private bind(): void {
    const request = this.session.request;
    const machine = this.session.machine;
    this.prober =
      request &&
      new Prober(
        (req, done) => void request(req).then(done),
        () => machine.kernel.now(),
        (o) => {
          this.soon();
          // No answer yet (the server is still starting): ask again a moment later, even on an idle machine.
          if (!o.ok) this.session.later?.(() => this.refresh(), RETRY_MS);
        },
      );
    this.subs.push(
      this.session.machine.query.onEvent(() => {
        this.prober?.changed();
        this.soon();
      }),
    );
    this.watchTerminals();
  }

  /** Terminals the learner opened since (terminal 2) are watched from the next refresh on. */
  private watchTerminals(): void {
    for (const n of [1, 2]) {
      const t = this.session.terminals.get(n);
      if (!t || this.watched.has(t)) continue;
      this.watched.add(t);
      this.subs.push(this.commands.watch(t), t.tty.onOutput(() => this.soon()));
    }
  }

  private unbind(): void {
    for (const s of this.subs.splice(0)) s.dispose();
    this.watched.clear();
  }

  /** Events arrive mid-operation; evaluate once the current slice has finished with the state. */
  private soon(): void {
    if (this.pending) return;
    this.pending = true;
    void Promise.resolve().then(() => {
      this.pending = false;
      this.refresh();
    });
  }

  /**
   * The machine ran: a web preview request, an editor save or a container writing its log changes what checks
   * read without a daemon event or terminal output. One evaluation once the driver's tick is over (`later`:
   * the tick's slices and their promise callbacks are done by then), not one per slice.
   */
  private afterTick(): void {
    const later = this.session.later;
    if (!later || this.tickQueued || this.disposed) return;
    this.tickQueued = true;
    later(() => {
      this.tickQueued = false;
      if (!this.disposed) this.refresh();
    });
  }

  private evaluate(): void {
    const step = this.lesson.steps[this.index];
    this.prober?.discard();
    this.evaluation = isTask(step) ? evaluateStep(step, this.context) : { passed: false, results: [] };
    // The step on screen asks its ports once the rest of it is done, until it is completed (lessons/probe.ts).
    this.prober?.pump(!this.completed.has(step.id) && this.evaluation.results.every((r) => r.passed || r.check.kind === 'http'));
    if (this.evaluation.passed) this.completed.add(step.id);
    watchOffScreen(this.lesson, this.index, this.context, this.completed, this.armed);
    this.unmet = this.completed.size > 0 ? [] : this.lesson.assumes.map((a) => evaluateCheck(a, this.context)).filter((r) => !r.passed);
    const key = JSON.stringify([
      this.index, [...this.completed], this.evaluation.results.map((r) => [r.passed, r.found]), this.unmet.map((r) => [r.line, r.found]),
    ]);
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.changed.fire(this.state);
    }
  }

  private emit(): void {
    this.changed.fire(this.state);
  }
}
