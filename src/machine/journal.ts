/**
 * The input journal: how a session survives a reload. JS continuations cannot be saved, but the simulation is
 * deterministic, so a machine is saved as its seed plus every input it received, each stamped with the kernel's
 * position when it went in; replaying the inputs at the same positions into a fresh machine rebuilds the same
 * state (processes, containers, logs, shell history, screen output).
 *
 * A position is (`step` = scheduler slices run, `at` = virtual uptime). Both only grow: every slice costs
 * virtual time, and the clock otherwise moves only when nothing is runnable. Two things make a position
 * exact rather than approximate, on the recording side and the replaying side alike (`settleAt`):
 *  - timers: `kernel.run` checks `stop` BEFORE firing due timers, so a run cut at (s, t) may or may not have
 *    fired the timers due at t, depending on where the cut fell; replaying to (s, t) fires them. Inputs are
 *    therefore applied only after `run({ until: now })`, which fires every timer due by now, settles promise
 *    callbacks and takes no slice — the same state whichever way the position was reached.
 *  - promise callbacks still in flight from the last slice: a host turn (`drainPending`) lets them finish
 *    before the input wakes anybody, so wake-up order does not depend on how long the page idled.
 * Inputs are queued and applied only between kernel runs (never while `kernel.run` is in flight: in the page
 * a keypress can arrive during the scheduler's MessageChannel drain).
 */
import type { Kernel } from '../engine/kernel/kernel.js';
import type { RunResult } from '../engine/kernel/runloop.js';
import type { FileInfo, FileResult, FileTarget } from './files.js';
import type { Machine, Terminal } from './machine.js';
import { startRequest, type HttpOutcome, type HttpRequest } from './preview.js';

/** Bumped when the meaning of an entry (or of a machine with the same seed) changes. */
export const JOURNAL_FORMAT = 1;

/** Something from outside the machine. `term` numbers terminals in the order they were opened (0, 1, …). */
export type InputEvent =
  | { readonly kind: 'open'; readonly term: number; readonly rows: number; readonly cols: number }
  | { readonly kind: 'keys'; readonly term: number; readonly data: string }
  | { readonly kind: 'resize'; readonly term: number; readonly rows: number; readonly cols: number }
  /** The emulator's XOFF/XON: it changes when writers block, so it is an input like any key. */
  | { readonly kind: 'flow'; readonly term: number; readonly stopped: boolean }
  /** The learner closed the window: the terminal hangs up (SIGHUP to its session). */
  | { readonly kind: 'close'; readonly term: number }
  /**
   * The terminal's shell had exited and the learner asked for a new one: a new login on a new pts, shown in
   * the same window under the same number (a terminal app's "Relaunch").
   */
  | { readonly kind: 'respawn'; readonly term: number }
  /**
   * The editor pane saved a file: its whole text, written through the kernel as the file's owner would
   * (machine/files.ts). Whether it succeeds depends on the machine at this position, so replay decides again.
   */
  | { readonly kind: 'write'; readonly target: FileTarget; readonly path: string; readonly data: string }
  /**
   * The web preview asked one of the host's ports for a page (machine/preview.ts): a client outside the
   * machine whose request the server accepts, logs and answers in virtual time after this position.
   */
  | ({ readonly kind: 'http' } & HttpRequest);

export interface Position {
  readonly step: number;
  readonly at: number;
}

export type JournalEntry = Position & InputEvent;

/** The part of a machine the journal drives (the real Machine; tests may pass the same). */
export type JournalMachine = Pick<Machine, 'kernel' | 'openTerminal' | 'files'>;

export type WriteResult = FileResult<FileInfo>;

export class ReplayDivergence extends Error {
  constructor(
    readonly index: number,
    readonly expected: Position,
    readonly actual: Position,
  ) {
    super(
      `replay diverged at entry ${index}: expected step ${expected.step} at ${expected.at} ms, ` +
        `reached step ${actual.step} at ${actual.at} ms`,
    );
    this.name = 'ReplayDivergence';
  }
}

export function positionOf(kernel: Kernel): Position {
  return { step: kernel.sched.slices, at: kernel.now() };
}

/**
 * Brings the kernel to the canonical state at its current position (see the header). Takes no slice.
 * `settled`: the host has turned since the kernel last ran, so no promise callback is in flight and the host
 * turn can be skipped; a key is then applied within its own event, and its echo drawn in the next frame.
 */
export async function settleAt(kernel: Kernel, settled = false): Promise<void> {
  if (!settled) await kernel.sched.drainPending();
  await kernel.run({ until: kernel.now(), settled });
}

/**
 * Applies inputs to a machine and records them. The live page submits inputs whenever they happen and calls
 * `flush` between driver ticks; replay calls `apply` at the journal's positions.
 */
export class InputRecorder {
  readonly entries: JournalEntry[];
  readonly terminals = new Map<number, Terminal>();
  private queue: InputEvent[] = [];
  private nextTerm = 0;
  private readonly opened: ((id: number, term: Terminal) => void)[] = [];
  /** Who waits for the outcome of a queued write. */
  private readonly writes = new Map<InputEvent, (r: WriteResult) => void>();
  /** Who waits for the answer to a queued request (it comes later, while the kernel runs). */
  private readonly requests = new Map<InputEvent, (o: HttpOutcome) => void>();

  constructor(
    readonly machine: JournalMachine,
    entries: JournalEntry[] = [],
  ) {
    this.entries = entries;
  }

  /** Called (synchronously, while the input is applied) for every terminal opened, live or replayed. */
  onOpened(fn: (id: number, term: Terminal) => void): void {
    this.opened.push(fn);
  }

  /** Queues an input; it enters the machine at the next `flush`. */
  submit(ev: InputEvent): void {
    const last = this.queue[this.queue.length - 1];
    // Keys typed between two ticks are one input: tty.input handles a string key by key anyway.
    if (ev.kind === 'keys' && last?.kind === 'keys' && last.term === ev.term) {
      this.queue[this.queue.length - 1] = { ...last, data: last.data + ev.data };
    } else this.queue.push(ev);
  }

  /** Queues a file write; resolves with the kernel's answer once it entered the machine. */
  submitWrite(ev: Extract<InputEvent, { kind: 'write' }>): Promise<WriteResult> {
    return new Promise((resolve) => {
      this.writes.set(ev, resolve);
      this.submit(ev);
    });
  }

  /** Queues a request to one of the host's ports; resolves with the answer, in virtual time after it went in. */
  submitHttp(ev: Extract<InputEvent, { kind: 'http' }>): Promise<HttpOutcome> {
    return new Promise((resolve) => {
      this.requests.set(ev, resolve);
      this.submit(ev);
    });
  }

  /** Queues a new terminal and returns the number it will have. */
  submitOpen(rows: number, cols: number): number {
    const term = this.nextTerm++;
    this.submit({ kind: 'open', term, rows, cols });
    return term;
  }

  get pending(): number {
    return this.queue.length;
  }

  /**
   * Applies the queued inputs at the kernel's current position. Call only while no `kernel.run` is active;
   * `settled` as for `settleAt`.
   */
  async flush(settled = false): Promise<void> {
    if (this.queue.length === 0) return;
    await settleAt(this.machine.kernel, settled);
    const pos = positionOf(this.machine.kernel);
    const batch = this.queue;
    this.queue = [];
    for (const ev of batch) {
      const result = this.apply(ev);
      this.entries.push({ ...pos, ...ev });
      if (result) {
        this.writes.get(ev)?.(result);
        this.writes.delete(ev);
      }
    }
  }

  /** Puts one input into the machine, now; a write returns the kernel's answer. */
  apply(ev: InputEvent): WriteResult | undefined {
    if (ev.kind === 'write') return this.machine.files.write(ev.target, ev.path, ev.data);
    if (ev.kind === 'http') {
      // Replayed requests have nobody waiting: the server's side of them is what the replay rebuilds.
      const waiter = this.requests.get(ev);
      this.requests.delete(ev);
      const { kind: _k, ...req } = ev;
      startRequest(this.machine.kernel, req, (o) => waiter?.(o));
      return;
    }
    if (ev.kind === 'open') {
      const t = this.machine.openTerminal({ rows: ev.rows, cols: ev.cols });
      this.terminals.set(ev.term, t);
      this.nextTerm = Math.max(this.nextTerm, ev.term + 1);
      for (const fn of this.opened) fn(ev.term, t);
      return;
    }
    const t = this.terminals.get(ev.term);
    if (!t) return;
    switch (ev.kind) {
      case 'keys':
        t.tty.input(ev.data);
        return;
      case 'resize':
        t.tty.resize(ev.rows, ev.cols);
        return;
      case 'flow':
        t.tty.setFlow(ev.stopped);
        return;
      case 'close': {
        const k = this.machine.kernel;
        // What a hangup does: the session's foreground job and its leader get SIGHUP, the pts goes away.
        if (t.tty.fgPgrp) k.signalGroup(t.tty.fgPgrp, 'SIGHUP', null);
        k.kill(t.shell, 'SIGHUP', null);
        k.releaseTty(t.tty);
        this.terminals.delete(ev.term);
        return;
      }
      case 'respawn': {
        if (t.alive()) return;
        // The old pts closed with its window's shell; the new login may take its name again, as on a real host.
        this.machine.kernel.releaseTty(t.tty);
        const fresh = this.machine.openTerminal({ rows: t.tty.winsize.rows, cols: t.tty.winsize.cols });
        this.terminals.set(ev.term, fresh);
        for (const fn of this.opened) fn(ev.term, fresh);
        return;
      }
    }
  }
}

export interface ReplayOptions {
  /** Where the recorded session had got to when it was saved: replay runs on to it after the last input. */
  readonly head?: Position;
  /** Real-time check: true when replay should hand the page a turn (progress, painting). */
  readonly shouldYield?: () => boolean;
  /** Gives the host a turn; called when `shouldYield` said so, with entries done so far. */
  readonly yieldTo?: (done: number, total: number) => Promise<void>;
  /** Called as each terminal is opened again (before any of its output), to connect a listener. */
  readonly onOpened?: (id: number, term: Terminal) => void;
  /** Called after each entry went in (an emulator replaying the screen follows the resizes here). */
  readonly onApplied?: (entry: JournalEntry) => void;
}

/**
 * Replays `entries` into a freshly booted machine as fast as the CPU allows and returns the recorder, holding
 * the same journal, to go on recording. Throws ReplayDivergence if a position cannot be reached exactly (a
 * machine or program changed since the journal was written, or a nondeterminism bug).
 */
export async function replay(
  machine: JournalMachine,
  entries: readonly JournalEntry[],
  opts: ReplayOptions = {},
): Promise<InputRecorder> {
  const rec = new InputRecorder(machine, []);
  if (opts.onOpened) rec.onOpened(opts.onOpened);
  const total = entries.length;
  for (let i = 0; i < total; i++) {
    const e = entries[i];
    await reach(machine.kernel, e, i, opts, total);
    const { step: _s, at: _a, ...ev } = e;
    rec.apply(ev as InputEvent);
    rec.entries.push(e);
    opts.onApplied?.(e);
  }
  if (opts.head) await reach(machine.kernel, opts.head, total, opts, total);
  return rec;
}

/** Runs the kernel to exactly `pos` and settles there; the state equals the recording's at that point. */
async function reach(kernel: Kernel, pos: Position, index: number, opts: ReplayOptions, total: number): Promise<void> {
  const shouldYield = opts.shouldYield ?? (() => false);
  // Cutting a run and starting it again does not change its course (the loop resumes where it stopped; the
  // property test in test/machine/journal.test.ts cuts recording and replay at unrelated points), so long
  // replays are cut whenever the page needs a turn.
  let r: RunResult;
  do {
    r = await kernel.run({ until: pos.at, stop: () => kernel.sched.slices >= pos.step || shouldYield() });
    if (r === 'stopped' && kernel.sched.slices < pos.step) await opts.yieldTo?.(index, total);
    else break;
  } while (r === 'stopped');
  // No slice ran between the recorded step and `at` (the clock only moved because nothing was runnable),
  // so running on to `at` repeats the same timer firings and clock jumps.
  if (kernel.sched.slices === pos.step && kernel.now() < pos.at) await kernel.run({ until: pos.at });
  await settleAt(kernel);
  const now = positionOf(kernel);
  if (now.step !== pos.step || now.at !== pos.at) throw new ReplayDivergence(index, pos, now);
}
