/**
 * Types a lesson's lines into its terminals the way the headless runner does (src/machine/headless.ts): each line
 * once the terminal waits for input, special keys as they are, `# wait` as virtual time, `# terminal N` as a
 * switch. It drives the kernel itself, so in the browser the real-time driver must be paused meanwhile.
 */
import type { Disposable } from '../pkg/disposable.js';
import type { Machine, Terminal } from '../machine/machine.js';
import type { SolutionAction } from './model.js';
import type { LessonTerminals } from './terminals.js';

/** Types `data` into terminal `t`; resolves once the machine has it. */
export type Send = (t: Terminal, data: string) => void | Promise<void>;

/** What is kept of each terminal's output for messages (the tail). */
const KEEP = 4000;

export class Typist {
  private current = 1;
  private readonly shown = new Map<number, string>();
  private readonly subs: Disposable[] = [];

  constructor(
    private readonly machine: Machine,
    private readonly terminals: LessonTerminals,
    /** Virtual ms a program that never reads gets before the next line is typed anyway. */
    private readonly tickMs = 3000,
    /** Called between scheduler slices (the command log samples processes there). */
    private readonly onSlice: () => void = () => {},
    /**
     * How keys reach a terminal. The page types through its session's input journal instead, so that a
     * reload replays what was typed (src/ui/session.ts exclusive).
     */
    private readonly send: Send = (t, data) => t.tty.input(data),
  ) {}

  private term(n: number): Terminal {
    const known = this.terminals.get(n);
    const t = known && known.alive() ? known : this.terminals.open(n);
    if (!this.shown.has(n)) {
      this.shown.set(n, '');
      this.subs.push(t.tty.onOutput((data) => this.shown.set(n, (this.shown.get(n)! + data).slice(-KEEP))));
    }
    return t;
  }

  async perform(a: SolutionAction): Promise<void> {
    if (a.kind === 'terminal') {
      this.current = a.terminal;
      this.term(a.terminal);
      return;
    }
    if (a.kind === 'wait') {
      await this.settle();
      await this.machine.kernel.runFor(a.ms, () => (this.onSlice(), false));
      return;
    }
    const t = this.term(this.current);
    await settle(this.machine, t, this.tickMs, this.onSlice);
    if (!t.alive()) throw new Error(`terminal ${this.current} has closed`);
    await this.send(t, a.kind === 'type' ? `${a.text}\r` : a.keys);
  }

  /**
   * Lets what was typed finish, as a learner waits for the prompt: until the current terminal waits for input
   * again, for at most `maxMs` of virtual time (`docker stop` takes 10 s; `docker logs -f` never ends).
   */
  async settle(maxMs = 30_000): Promise<void> {
    const t = this.term(this.current);
    const until = this.machine.kernel.now() + maxMs;
    let waiting = await settle(this.machine, t, this.tickMs, this.onSlice);
    while (!waiting && t.alive() && this.machine.kernel.now() < until) {
      waiting = await settle(this.machine, t, this.tickMs, this.onSlice);
    }
  }

  /** The tail of what terminal n showed (plain text, escape sequences left in). */
  output(n = this.current): string {
    return this.shown.get(n) ?? '';
  }

  dispose(): void {
    for (const s of this.subs.splice(0)) s.dispose();
  }
}

/**
 * headless.ts's settle, with a hook between slices: runs until the terminal waits for input (true) or the tick
 * elapses (false). A terminal in raw mode relays keys to a container's program, which is then what must wait.
 */
export async function settle(m: Machine, term: Terminal, tickMs: number, onSlice: () => void = () => {}): Promise<boolean> {
  const k = m.kernel;
  const relayed = (): boolean =>
    term.tty.termios.icanon || [...k.ttys.values()].some((t) => t !== term.tty && t.waitingForInput);
  const ready = (): boolean =>
    !term.alive() || (term.tty.waitingForInput && k.sched.runnable() === 0 && relayed());
  const until = k.now() + tickMs;
  for (;;) {
    const r = await k.run({ until, stop: () => (onSlice(), ready()) });
    if (r !== 'stopped') return ready();
    await k.sched.drainPending();
    if (ready()) return true;
  }
}

/**
 * A lesson's start state: types `setup` into terminal 1 and lets each line finish. The output is not shown
 * (it goes to this typist, not the screen); the last line, the prompt, is returned for the screen to show.
 */
export async function runSetup(
  machine: Machine,
  terminals: LessonTerminals,
  setup: readonly string[],
  send?: Send,
): Promise<string> {
  if (setup.length === 0) return '';
  const typist = new Typist(machine, terminals, undefined, undefined, send);
  try {
    for (const text of setup) await typist.perform({ kind: 'type', text, line: 0 });
    await typist.settle();
    const out = typist.output(1);
    return out.slice(out.lastIndexOf('\n') + 1);
  } finally {
    typist.dispose();
  }
}
